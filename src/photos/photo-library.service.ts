import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClearanceService } from '../rights/clearance.service.js';
import { pageCursor, readPageCursor } from '../common/page-cursor.js';
import type { ClearanceDecision } from '../rights/clearance.js';
import { LibraryPhotoDto, LibraryVerdictDto, type PhotoLibraryQueryDto } from './dto/photo-library.dto.js';
import type { PhotoKind } from './photo.entity.js';
import { renditionUrl } from './photo.views.js';

const DEFAULT_PAGE_SIZE = 50;
/**
 * Photos read and decided at a time while filling a page cleared for a channel: the first chunk a
 * few pages' worth (usually enough), doubling up to the largest while few are cleared.
 */
const FIRST_CHUNK = 200;
const LARGEST_CHUNK = 2000;

interface LibraryRow {
  id: string;
  kind: PhotoKind;
  view: string | null;
  procedure: string;
  body_area: string | null;
  case_id: string;
  patient_code: string;
  taken_at: Date | null;
  created_at: Date;
  face_visible: boolean;
  paired_photo_id: string | null;
}

// Each photo with its case's procedure, its patient's code and its pair, whichever side names it.
const LIBRARY_COLUMNS = `p.id, p.kind, p.view, c.procedure, p.body_area, p.case_id, pa.code AS patient_code,
  p.taken_at, p.created_at, p.face_visible,
  COALESCE(p.paired_photo_id, (
    SELECT q.id FROM photos q WHERE q.paired_photo_id = p.id ORDER BY q.created_at, q.id LIMIT 1
  )) AS paired_photo_id`;
const LIBRARY_FROM = `photos p
  JOIN treatment_cases c ON c.id = p.case_id
  JOIN patients pa ON pa.id = p.patient_id`;

/** What scanning for cleared photos needs of each: which it is and where it stands in page order. */
type ScannedRow = Pick<LibraryRow, 'id' | 'created_at'>;

export interface LibraryPage {
  items: LibraryPhotoDto[];
  nextCursor: string | null;
}

/** Marketing's photo library: de-identified photos, newest upload first, a page at a time. */
@Injectable()
export class PhotoLibraryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clearance: ClearanceService,
  ) {}

  async list(filter: PhotoLibraryQueryDto): Promise<LibraryPage> {
    const limit = filter.limit ?? DEFAULT_PAGE_SIZE;
    const channel = filter.clearedFor;
    if (!channel) {
      const rows = await this.read<LibraryRow>(LIBRARY_COLUMNS, filter, filter.before, limit + 1);
      return page(rows.slice(0, limit), rows.length > limit, new Map());
    }
    // Clearance is decided by the rule in memory, not in SQL: read chunks in page order and keep the
    // cleared ones until the page is full (and one more shows there is a next page).
    // Only ids are scanned; the page's photos are read in full once found.
    const cleared: string[] = [];
    const decisions = new Map<string, ClearanceDecision>();
    let after = filter.before;
    let more: boolean;
    for (let chunk = FIRST_CHUNK; ; chunk = Math.min(chunk * 2, LARGEST_CHUNK)) {
      const rows = await this.read<ScannedRow>('p.id, p.created_at', filter, after, chunk);
      const decided = await this.clearance.decideUnaudited(
        rows.map((row) => row.id),
        channel,
      );
      for (const row of rows) {
        const decision = decided.get(row.id);
        if (!decision?.allowed) continue;
        cleared.push(row.id);
        decisions.set(row.id, decision);
        if (cleared.length > limit) break;
      }
      more = cleared.length > limit;
      const last = rows.at(-1);
      if (more || rows.length < chunk || !last) break;
      after = pageCursor(last.created_at, last.id);
    }
    const pageIds = cleared.slice(0, limit);
    const byId = new Map(
      (await this.read<LibraryRow>(LIBRARY_COLUMNS, { ids: pageIds }, undefined, pageIds.length)).map((row) => [
        row.id,
        row,
      ]),
    );
    const rows = pageIds.flatMap((id) => byId.get(id) ?? []);
    return page(rows, more, decisions, channel);
  }

  private async read<Row>(
    columns: string,
    filter: PhotoLibraryQueryDto & { ids?: string[] },
    before: string | undefined,
    limit: number,
  ): Promise<Row[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const parameter = (value: unknown) => `$${parameters.push(value)}`;
    if (filter.ids) conditions.push(`p.id = ANY(${parameter(filter.ids)}::uuid[])`);
    if (filter.kind) conditions.push(`p.kind = ${parameter(filter.kind)}`);
    if (filter.procedure) conditions.push(`c.procedure ILIKE ${parameter(containing(filter.procedure))}`);
    if (filter.bodyArea) conditions.push(`p.body_area ILIKE ${parameter(containing(filter.bodyArea))}`);
    if (before) {
      const cursor = readPageCursor(before);
      conditions.push(`(p.created_at, p.id) < (${parameter(cursor.at)}, ${parameter(cursor.id)})`);
    }
    return this.dataSource.query<Row[]>(
      `SELECT ${columns} FROM ${LIBRARY_FROM} ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY p.created_at DESC, p.id DESC LIMIT ${parameter(limit)}`,
      parameters,
    );
  }
}

/** A LIKE pattern matching the text anywhere, its wildcards taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function page(
  rows: LibraryRow[],
  more: boolean,
  decisions: Map<string, ClearanceDecision>,
  channel?: string,
): LibraryPage {
  const last = rows.at(-1);
  return {
    items: rows.map((row) => libraryPhotoView(row, channel, decisions.get(row.id))),
    nextCursor: more && last ? pageCursor(last.created_at, last.id) : null,
  };
}

function libraryPhotoView(row: LibraryRow, channel: string | undefined, decision?: ClearanceDecision): LibraryPhotoDto {
  return Object.assign(new LibraryPhotoDto(), {
    id: row.id,
    kind: row.kind,
    view: row.view,
    procedure: row.procedure,
    bodyArea: row.body_area,
    caseId: row.case_id,
    patientCode: row.patient_code,
    takenAt: row.taken_at,
    uploadedAt: row.created_at,
    faceVisible: row.face_visible,
    hasPair: row.paired_photo_id !== null,
    pairedPhotoId: row.paired_photo_id,
    thumbUrl: renditionUrl(row.id, 'thumb'),
    ...(channel && decision
      ? {
          clearance: Object.assign(new LibraryVerdictDto(), {
            channel,
            allowed: decision.allowed,
            validUntil: decision.validUntil,
          }),
        }
      : {}),
  });
}
