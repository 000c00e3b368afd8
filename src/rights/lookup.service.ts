import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { ValidationFailedError } from '../common/domain-error.js';
import type { UploadedFile } from '../common/multipart.js';
import { driverPool } from '../database/driver-pool.js';
import { hashDistance, MIN_LOOKUP_SIDE, type Crop, type LookupQuery } from '../images/fingerprint.js';
import { ImageTooSmallToCompareError } from '../images/image.errors.js';
import { ImageService } from '../images/image.service.js';
import { ClearanceService, type CheckedUse } from './clearance.service.js';
import type { IntendedUseDto } from './dto/clearance.dto.js';

export const LOOKUP_FILE_FIELD = 'file';

/** A candidate whose nearest probe is further than this many bits is not a copy (copies measured ≤ 9). */
const CANDIDATE_MAX_BITS = 12;
/** At most this many candidates, nearest first, are verified; each costs a few milliseconds. */
const MAX_VERIFIED_CANDIDATES = 8;
/**
 * From when an aligned candidate counts as the file's source: the correlation of its grey levels,
 * and of their differences between neighbouring cells (detail), which smooth images of a similar
 * layout do not share. Measured: copies of scikit-image's photographs 0.91 or more on levels and
 * 0.93 or more on detail when 32 px or more across (smaller files are refused: MIN_LOOKUP_SIDE);
 * photographs and generated scenes that are not copies at most 0.90 on levels and 0.72 on detail,
 * down to 75 px across. See bench/README.md.
 */
const MATCH_MIN_CORRELATION = 0.88;
const MATCH_MIN_DETAIL = 0.8;

// Each distinct probe hash is looked for through the four photo_fingerprints_centre_chunk_N
// indexes (migration PhotoFingerprints), one per 16-bit chunk, and every row found is compared
// with it on all 64 bits. The indexes carry the hash, so nothing else is read. The chunks are
// cut here rather than sent: four arrays of a thousand keys cost the driver more to write than
// the query took.
const CANDIDATES_SQL = `
SELECT DISTINCT ON (found.photo_id) found.photo_id, compared.probe_index, compared.distance
FROM unnest($1::bigint[], $2::int[]) AS probe(hash, probe_index)
CROSS JOIN LATERAL (
  SELECT photo_id, centre_hash FROM photo_fingerprints WHERE ((centre_hash >> 0) & 65535) = ((probe.hash >> 0) & 65535)
  UNION ALL
  SELECT photo_id, centre_hash FROM photo_fingerprints WHERE ((centre_hash >> 16) & 65535) = ((probe.hash >> 16) & 65535)
  UNION ALL
  SELECT photo_id, centre_hash FROM photo_fingerprints WHERE ((centre_hash >> 32) & 65535) = ((probe.hash >> 32) & 65535)
  UNION ALL
  SELECT photo_id, centre_hash FROM photo_fingerprints WHERE ((centre_hash >> 48) & 65535) = ((probe.hash >> 48) & 65535)
) found
CROSS JOIN LATERAL (
  SELECT probe.probe_index, bit_count((found.centre_hash # probe.hash)::bit(64))::int AS distance
) compared
WHERE compared.distance <= $3
ORDER BY found.photo_id, compared.distance`;

const DESCRIPTORS_SQL = `
SELECT f.photo_id, f.descriptor, p.case_id, p.kind, p.view, p.paired_photo_id
FROM photo_fingerprints f JOIN photos p ON p.id = f.photo_id
WHERE f.photo_id = ANY($1::uuid[])`;

export interface LookupMatch {
  photoId: string;
  caseId: string;
  kind: string;
  view: string | null;
  pairedPhotoId: string | null;
  /** Bits between the file's nearest probe and the photo's centre hash. */
  distance: number;
  /** Correlation of grey levels once aligned, 0 to 1. */
  similarity: number;
  /** How much of the photo the file lacks on each side, as aligned. */
  crop: Crop;
  clearance: CheckedUse;
}

export interface LookupResult {
  sha256: string;
  matches: LookupMatch[];
}

/**
 * Reverse lookup: which stored photos a file marketing holds is a copy of (resized, recompressed,
 * colour-adjusted or cropped by up to 10% per side), and whether each may be used as intended.
 * Several photos can match, such as a before and an after of the same pose; all are listed.
 */
@Injectable()
export class LookupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly images: ImageService,
    private readonly clearance: ClearanceService,
    private readonly audit: AuditService,
  ) {}

  async lookup(file: UploadedFile | undefined, use: IntendedUseDto, caller: Caller): Promise<LookupResult> {
    if (!file) {
      throw new ValidationFailedError([{ field: LOOKUP_FILE_FIELD, messages: ['the file to look up is required'] }]);
    }
    const { sha256, query, size } = await this.images.lookupFile(file.bytes, LOOKUP_FILE_FIELD);
    // Too small to verify is said as such: an empty list would read as "none of ours".
    if (Math.min(size.width, size.height) < MIN_LOOKUP_SIDE)
      throw new ImageTooSmallToCompareError(size, MIN_LOOKUP_SIDE);

    const hashes: string[] = [];
    const probeIndexes: number[] = [];
    // Probes often share a hash; each is looked for once.
    const asked = new Set<bigint>();
    for (const [index, probe] of query.probes.entries()) {
      if (asked.has(probe.centreHash)) continue;
      asked.add(probe.centreHash);
      hashes.push(BigInt.asIntN(64, probe.centreHash).toString());
      probeIndexes.push(index);
    }
    const { rows: candidates } = await driverPool(this.dataSource).query<{
      photo_id: string;
      probe_index: number;
      distance: number;
    }>({
      name: 'lookup_candidates',
      text: CANDIDATES_SQL,
      values: [hashes, probeIndexes, CANDIDATE_MAX_BITS],
    });
    const nearest = candidates.sort((a, b) => a.distance - b.distance).slice(0, MAX_VERIFIED_CANDIDATES);

    const verified: Omit<LookupMatch, 'clearance'>[] = [];
    if (nearest.length > 0) {
      const { rows } = await driverPool(this.dataSource).query<{
        photo_id: string;
        descriptor: Buffer;
        case_id: string;
        kind: string;
        view: string | null;
        paired_photo_id: string | null;
      }>({ name: 'lookup_descriptors', text: DESCRIPTORS_SQL, values: [nearest.map((c) => c.photo_id)] });
      const byId = new Map(rows.map((row) => [row.photo_id, row]));
      for (const candidate of nearest) {
        const row = byId.get(candidate.photo_id);
        if (!row) continue;
        const alignment = query.alignment(row.descriptor, query.probes[candidate.probe_index].crop);
        if (!verifiedCopy(alignment)) continue;
        verified.push({
          photoId: row.photo_id,
          caseId: row.case_id,
          kind: row.kind,
          view: row.view,
          pairedPhotoId: row.paired_photo_id,
          distance: candidate.distance,
          similarity: Math.round(alignment.correlation * 1000) / 1000,
          crop: roundedCrop(alignment.crop),
        });
      }
    }
    verified.sort((a, b) => b.similarity - a.similarity || a.distance - b.distance);

    const { results: checked, auditEntries } =
      verified.length > 0
        ? await this.clearance.decideAll(verified.map((match) => ({ ...use, photoId: match.photoId })))
        : { results: [], auditEntries: [] };
    await this.audit.recordEach(caller, [
      {
        action: 'clearance.lookup',
        details: {
          sha256,
          channel: use.channel,
          matches: verified.map((match, index) => ({
            photoId: match.photoId,
            distance: match.distance,
            similarity: match.similarity,
            allowed: checked[index].decision.allowed,
          })),
        },
      },
      ...auditEntries,
    ]);
    return { sha256, matches: verified.map((match, index) => ({ ...match, clearance: checked[index] })) };
  }

  /**
   * Whether an image is a copy of one given photo by the same rule as a lookup (nearest probe within
   * the candidate distance, then verified once aligned); null when the photo has no fingerprint.
   */
  async isCopyOf(query: LookupQuery, photoId: string): Promise<boolean | null> {
    const [row] = await this.dataSource.query<{ centre_hash: string; descriptor: Buffer }[]>(
      'SELECT centre_hash, descriptor FROM photo_fingerprints WHERE photo_id = $1',
      [photoId],
    );
    if (!row) return null;
    const centreHash = BigInt(row.centre_hash);
    let nearest: { distance: number; crop: Crop } | undefined;
    for (const probe of query.probes) {
      const distance = hashDistance(probe.centreHash, centreHash);
      if (!nearest || distance < nearest.distance) nearest = { distance, crop: probe.crop };
    }
    if (!nearest || nearest.distance > CANDIDATE_MAX_BITS) return false;
    return verifiedCopy(query.alignment(row.descriptor, nearest.crop));
  }
}

/** Whether an aligned candidate passes as a copy of the photo (the rule of the lookup above). */
function verifiedCopy(alignment: { correlation: number; detail: number }): boolean {
  return alignment.correlation >= MATCH_MIN_CORRELATION && alignment.detail >= MATCH_MIN_DETAIL;
}

function roundedCrop(crop: Crop): Crop {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { left: round(crop.left), top: round(crop.top), right: round(crop.right), bottom: round(crop.bottom) };
}
