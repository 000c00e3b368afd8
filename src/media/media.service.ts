import { buffer } from 'node:stream/consumers';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_CALLER } from '../common/caller.js';
import { ClearanceChanges } from '../rights/clearance-changes.js';
import { ClearanceService } from '../rights/clearance.service.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError } from '../common/domain-error.js';
import { rememberRecent } from '../common/recent-map.js';
import { AppConfig } from '../config/app-config.js';
import { takeDown } from '../publications/publication-status.js';
import { decideClearance, presentOf, type ClearanceDecision } from '../rights/clearance.js';
import { ObjectStore } from '../storage/object-store.js';
import { ByteCache } from './byte-cache.js';

/** The tokens the publish path makes: 24 random bytes, base64url. */
const MEDIA_TOKEN = /^[A-Za-z0-9_-]{32}$/;
/** Decisions kept in memory, and tokens known to be gone: most recently used first to stay. */
const MAX_CACHED_DECISIONS = 10_000;

/** An allowance kept in memory: good until any clearance change is heard or the release expires. */
interface CachedAllowance {
  row: HostedRow;
  /** ClearanceChanges.version of the patient when the decision was read. */
  version: string;
  /** Epoch ms at which the decision stops holding on its own; null when the release has no expiry date. */
  validUntil: number | null;
}

/** A hosted image whose use is cleared now: its validator at once, its bytes only when asked. */
export interface MediaImage {
  etag: string;
  bytes(): Promise<Buffer>;
}

interface HostedRow {
  id: string;
  photo_id: string;
  patient_id: string;
  channel: string;
  status: string;
  face_shown: boolean;
  marks_obscured: boolean;
  name_shown: boolean;
  paid: boolean;
  web_key: string;
  web_sha256: string;
}

export class MediaGoneError extends DomainError {
  constructor() {
    super('media_gone', 410, 'This image is no longer available.');
  }
}

/**
 * The images behind hosted publications' public URLs. The publication's use is decided again for
 * every request, or taken from memory while that decision cannot have changed: no clearance
 * change heard since for the patient (from any instance, ClearanceChanges) and the release not
 * yet expired. The
 * first request that finds the use no longer cleared takes the publication down for good, so the
 * URL answers 410 from then on even if consent came back. Rendition bytes are kept in memory too.
 */
@Injectable()
export class MediaService {
  private readonly renditions: ByteCache;
  private readonly allowances = new Map<string, CachedAllowance>();
  private readonly gone = new Map<string, true>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clearance: ClearanceService,
    private readonly changes: ClearanceChanges,
    private readonly store: ObjectStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.renditions = new ByteCache(config.media.cacheMaxBytes);
  }

  async image(token: string): Promise<MediaImage> {
    if (!MEDIA_TOKEN.test(token)) throw new NotFoundError('The image');
    if (this.gone.has(token)) throw new MediaGoneError();
    const cached = this.cachedAllowance(token);
    if (cached) return this.imageOf(cached.row);

    const known = await this.hostedRow(token);
    if (!known) throw new NotFoundError('The image');
    // Noted before anything the decision rests on is read (so the row is read again): a change
    // heard after this point leaves the decision below unkept.
    const version = this.changes.version(known.patient_id);
    const row = await this.hostedRow(token);
    if (!row) throw new NotFoundError('The image');
    if (row.status !== 'live') throw this.goneFor(token);
    const facts = (await this.clearance.loadFacts([row.photo_id])).get(row.photo_id);
    const decision = facts
      ? decideClearance(facts, {
          channel: row.channel,
          at: presentOf(facts, this.clock.now()),
          faceShown: row.face_shown,
          marksObscured: row.marks_obscured,
          nameShown: row.name_shown,
          paid: row.paid,
        })
      : undefined;
    if (!decision?.allowed) {
      await this.takeDown(row, decision);
      throw this.goneFor(token);
    }
    if (this.changes.isCurrent(row.patient_id, version)) {
      rememberRecent(
        this.allowances,
        token,
        { row, version, validUntil: decision.validUntil?.getTime() ?? null },
        MAX_CACHED_DECISIONS,
      );
    }
    return this.imageOf(row);
  }

  private imageOf(row: HostedRow): MediaImage {
    return { etag: `"${row.web_sha256}"`, bytes: () => this.webRendition(row) };
  }

  private async hostedRow(token: string): Promise<HostedRow | undefined> {
    const [row] = await this.dataSource.query<HostedRow[]>(
      `SELECT pub.id, pub.photo_id, pub.patient_id, pub.channel, pub.status, pub.face_shown, pub.marks_obscured,
              pub.name_shown, pub.paid, photo.web_key, photo.web_sha256
         FROM publications pub JOIN photos photo ON photo.id = pub.photo_id
        WHERE pub.media_token = $1 AND pub.hosted`,
      [token],
    );
    return row;
  }

  private cachedAllowance(token: string): CachedAllowance | undefined {
    const cached = this.allowances.get(token);
    if (!cached) return undefined;
    const stillHolds =
      this.changes.isCurrent(cached.row.patient_id, cached.version) &&
      (cached.validUntil === null || this.clock.now().getTime() < cached.validUntil);
    if (stillHolds) return cached;
    this.allowances.delete(token);
    return undefined;
  }

  /** A publication taken down stays down: its token never needs the database again. */
  private goneFor(token: string): MediaGoneError {
    this.allowances.delete(token);
    rememberRecent(this.gone, token, true, MAX_CACHED_DECISIONS);
    return new MediaGoneError();
  }

  private async webRendition(row: HostedRow): Promise<Buffer> {
    const cached = this.renditions.get(row.web_sha256);
    if (cached) return cached;
    const bytes = await buffer((await this.store.get(row.web_key)).body);
    this.renditions.set(row.web_sha256, bytes);
    return bytes;
  }

  /** Marks the publication removed (once, whichever request or instance gets there first) and audits why. */
  private async takeDown(row: HostedRow, decision: ClearanceDecision | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Hosted, so removed at once.
      if ((await takeDown(manager, [row.id])).length === 0) return;
      await this.audit.record(
        SYSTEM_CALLER,
        {
          action: 'publication.media_withdrawn',
          entityType: 'publication',
          entityId: row.id,
          patientId: row.patient_id,
          details: { reasons: decision?.reasons.map((reason) => reason.code) ?? ['photo_not_found'] },
        },
        manager,
      );
    });
  }
}
