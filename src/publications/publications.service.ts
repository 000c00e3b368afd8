import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actingUserId, type Caller } from '../common/caller.js';
import { ClearanceService, intendedUse, type PhotoClearanceFacts } from '../rights/clearance.service.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { pageCursor, readPageCursor } from '../common/page-cursor.js';
import {
  decideClearance,
  MAX_CLOCK_AHEAD_MS,
  presentOf,
  type ClearanceDecision,
  type IntendedUse,
} from '../rights/clearance.js';
import type {
  CreatePublicationDto,
  PublicationLocationDto,
  PublicationQueryDto,
  UpdatePublicationDto,
} from './dto/publication.dto.js';
import { recordPublication } from './publication-status.js';
import { PublicationEntity } from './publication.entity.js';

/** The channel the service can host photos for, at /m/{token}. */
export const HOSTABLE_CHANNEL = 'website';
const DEFAULT_PAGE_SIZE = 50;
/** How often the governing release may change under a publish before it gives up (each change is a commit). */
const MAX_LOCK_ATTEMPTS = 5;
/** Taken before the governing release's lock, so that a retry can let go of it. */
const LOCK_SAVEPOINT = 'governing_release_lock';
const LOCATION_FIELDS = ['url', 'postId', 'campaign', 'printRun'] as const;

export interface PublicationWithCode {
  publication: PublicationEntity;
  patientCode: string;
}

export interface PublicationPage {
  items: PublicationWithCode[];
  nextCursor: string | null;
}

interface LockedDecision {
  facts: PhotoClearanceFacts;
  use: IntendedUse;
  decision: ClearanceDecision;
}

/** A refused use: decided now, or at its `publishedAt` when that is what failed. */
interface RefusedUse extends LockedDecision {
  whenPublished: boolean;
}

/**
 * The registry of where photos are used. A publication is recorded only when its use is cleared,
 * decided inside the inserting transaction while it holds a share lock on the governing release
 * row. Whatever ends or narrows consent (a revocation, an amendment) updates that row, so it waits
 * for the publish to commit and then sees the publication, or the publish waits for it and is
 * refused: no live publication is created after consent ended.
 */
@Injectable()
export class PublicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clearance: ClearanceService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreatePublicationDto, caller: Caller): Promise<PublicationWithCode> {
    const hosted = dto.hosted ?? false;
    const location = locationColumns(dto.location);
    if (hosted && dto.channel !== HOSTABLE_CHANNEL) {
      throw new DomainError(
        'hosting_not_available',
        422,
        `Only ${HOSTABLE_CHANNEL} publications can be hosted by the service.`,
      );
    }
    if (!hosted && LOCATION_FIELDS.every((field) => location[field] === null)) {
      throw new ValidationFailedError([
        { field: 'location', messages: ['say where the photo appears: url, postId, campaign or printRun'] },
      ]);
    }
    const publishedAt = publishedAtOf(dto.publishedAt, this.clock.now());

    let refused: RefusedUse | undefined;
    const created = await this.dataSource.transaction(async (manager) => {
      const locked = await this.decideUnderLock(manager, dto);
      if (!locked.decision.allowed || !locked.decision.releaseId) {
        refused = { ...locked, whenPublished: false };
        return null;
      }
      // Cleared now is not enough: a registry that shows a use as cleared must mean it was cleared
      // when it happened. History does not change under the lock, so the past is decided plainly.
      // Without `publishedAt` the use starts now: decided at the present, as above, and nothing more.
      const then =
        dto.publishedAt && publishedAt < locked.use.at
          ? decideClearance(locked.facts, { ...locked.use, at: publishedAt })
          : null;
      const clearedWhenPublished = then?.allowed ?? true;
      if (then && !clearedWhenPublished && !dto.unclearedWhenPublished) {
        refused = { facts: locked.facts, use: { ...locked.use, at: publishedAt }, decision: then, whenPublished: true };
        return null;
      }
      const publicationId = await recordPublication(
        manager,
        {
          photoId: dto.photoId,
          patientId: locked.facts.patientId,
          channel: dto.channel,
          ...location,
          faceShown: locked.use.faceShown,
          marksObscured: locked.use.marksObscured,
          nameShown: locked.use.nameShown,
          paid: locked.use.paid,
          publishedAt,
          publishedByUserId: actingUserId(caller),
          releaseId: locked.decision.releaseId,
          hosted,
          mediaToken: hosted ? randomBytes(24).toString('base64url') : null,
          clearedWhenPublished,
          howFound: null,
        },
        'live',
      );
      await this.audit.record(
        caller,
        {
          action: 'publication.create',
          entityType: 'publication',
          entityId: publicationId,
          patientId: locked.facts.patientId,
          details: {
            photoId: dto.photoId,
            channel: dto.channel,
            hosted,
            releaseId: locked.decision.releaseId,
            releaseVersion: locked.decision.releaseVersion,
            clearedWhenPublished,
            ...(then && !then.allowed ? { reasonsWhenPublished: then.reasons.map((reason) => reason.code) } : {}),
          },
        },
        manager,
      );
      return publicationId;
    });
    if (refused) throw await this.notCleared(refused, caller);
    return this.get(created as string);
  }

  async get(id: string): Promise<PublicationWithCode> {
    const page = await this.query({ id });
    const found = page[0];
    if (!found) throw new NotFoundError('The publication');
    return found;
  }

  async list(filter: PublicationQueryDto): Promise<PublicationPage> {
    const limit = filter.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.query(filter, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1)?.publication;
    return {
      items,
      nextCursor: rows.length > limit && last ? pageCursor(last.createdAt, last.id) : null,
    };
  }

  /** Every live publication, oldest first: what the rights report decides again. */
  async allLive(): Promise<PublicationWithCode[]> {
    return this.query({ status: 'live' }, null, 'ASC');
  }

  /** Replaces where the publication appears; what it shows and under which release cannot change. */
  async updateLocation(id: string, dto: UpdatePublicationDto, caller: Caller): Promise<PublicationWithCode> {
    const location = locationColumns(dto.location);
    await this.dataSource.transaction(async (manager) => {
      const publication = await manager.findOne(PublicationEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!publication) throw new NotFoundError('The publication');
      const merged = { ...locationOf(publication), ...definedOnly(location, dto.location) };
      if (!publication.hosted && LOCATION_FIELDS.every((field) => merged[field] === null)) {
        throw new ValidationFailedError([
          { field: 'location', messages: ['a publication the service does not host needs a location'] },
        ]);
      }
      const changed = LOCATION_FIELDS.filter((field) => merged[field] !== publication[field]);
      if (changed.length === 0) return;
      await manager.update(PublicationEntity, { id }, merged);
      await this.audit.record(
        caller,
        {
          action: 'publication.update',
          entityType: 'publication',
          entityId: id,
          patientId: publication.patientId,
          details: { changed },
        },
        manager,
      );
    });
    return this.get(id);
  }

  /**
   * Decides the use with the governing release row share-locked. The lock is taken on the release
   * the decision names, then the facts are read again: if a change committed meanwhile made
   * another version govern, that one is locked and the decision made again. A consent change being
   * written (a hold, a revocation, an amendment…) has every current release locked, and no new one
   * can be recorded until it commits (see src/consent/consent-locks.ts), so a use is decided before
   * it or after it. Each decision is
   * made at the time it is made, not when the request came in: a hold, revocation or amendment that
   * committed while this waited for the lock is in effect for it.
   */
  private async decideUnderLock(manager: EntityManager, dto: CreatePublicationDto): Promise<LockedDecision> {
    let locked: string | null = null;
    for (let attempt = 0; attempt < MAX_LOCK_ATTEMPTS; attempt++) {
      const facts = (await this.clearance.loadFacts([dto.photoId], manager)).get(dto.photoId);
      if (!facts) throw new NotFoundError('The photo');
      const use = intendedUse({ ...dto, at: undefined }, facts, presentOf(facts, this.clock.now()));
      const decision = decideClearance(facts, use);
      if (decision.releaseId === null || decision.releaseId === locked) return { facts, use, decision };
      // One release lock at a time: waiting for the next while holding one that no longer governs
      // could deadlock with a consent change, which locks every current version in id order.
      // Rolling back to the savepoint lets go of the lock taken after it, and of nothing else.
      await manager.query(locked ? `ROLLBACK TO SAVEPOINT ${LOCK_SAVEPOINT}` : `SAVEPOINT ${LOCK_SAVEPOINT}`);
      await manager.query('SELECT id FROM releases WHERE id = $1 FOR SHARE', [decision.releaseId]);
      locked = decision.releaseId;
    }
    throw new DomainError(
      'release_changing',
      503,
      'The photo’s release changed repeatedly while the publication was recorded; try again.',
      {},
      { 'retry-after': '1' },
    );
  }

  /** The 409 of a use that is not cleared, recorded (outside the rolled-back transaction) as evidence. */
  private async notCleared({ facts, use, decision, whenPublished }: RefusedUse, caller: Caller): Promise<DomainError> {
    await this.audit.record(caller, {
      action: 'publication.create',
      outcome: 'denied',
      entityType: 'photo',
      entityId: facts.photo.id,
      patientId: facts.patientId,
      details: {
        use: { ...use, at: use.at.toISOString() },
        reasons: decision.reasons.map((reason) => reason.code),
        releaseId: decision.releaseId,
        releaseVersion: decision.releaseVersion,
      },
    });
    return new DomainError(
      'publication_not_cleared',
      409,
      whenPublished
        ? 'This use of the photo was not cleared when it was published. To record a use found later that ' +
            'predates its consent, send `unclearedWhenPublished: true`: it is kept as such and listed on the rights report.'
        : 'This use of the photo is not cleared.',
      {
        decidedAt: use.at,
        reasons: decision.reasons,
        remedies: decision.remedies,
        releaseId: decision.releaseId,
        releaseVersion: decision.releaseVersion,
      },
    );
  }

  /** Publications matching the filter, newest first unless asked otherwise; `limit` null for all. */
  private async query(
    filter: PublicationQueryDto & { id?: string },
    limit: number | null = DEFAULT_PAGE_SIZE,
    order: 'ASC' | 'DESC' = 'DESC',
  ): Promise<PublicationWithCode[]> {
    const builder = this.dataSource.manager
      .createQueryBuilder(PublicationEntity, 'publication')
      .innerJoin('publication.patient', 'patient')
      .addSelect('patient.code', 'patient_code')
      .orderBy('publication.createdAt', order)
      .addOrderBy('publication.id', order);
    if (limit !== null) builder.limit(limit);
    if (filter.id) builder.andWhere('publication.id = :id', { id: filter.id });
    if (filter.photoId) builder.andWhere('publication.photoId = :photoId', { photoId: filter.photoId });
    if (filter.status) builder.andWhere('publication.status = :status', { status: filter.status });
    if (filter.channel) {
      builder.andWhere("(publication.channel = :channel OR publication.channel LIKE :channel || '.%')", {
        channel: filter.channel,
      });
    }
    if (filter.before) {
      const before = readPageCursor(filter.before);
      builder.andWhere('(publication.createdAt, publication.id) < (:createdAt, :beforeId)', {
        createdAt: before.at,
        beforeId: before.id,
      });
    }
    const { entities, raw } = await builder.getRawAndEntities<{ patient_code: string }>();
    return entities.map((publication, index) => ({ publication, patientCode: raw[index]?.patient_code ?? '' }));
  }
}

export type LocationColumns = Record<(typeof LOCATION_FIELDS)[number], string | null>;

/**
 * When a publication went live: the time given, else now. Later than now is refused, but for a
 * clock a little ahead of this one (the client's, another instance's), which is not the future.
 */
export function publishedAtOf(given: string | undefined, now: Date): Date {
  const publishedAt = given ? new Date(given) : now;
  if (publishedAt.getTime() > now.getTime() + MAX_CLOCK_AHEAD_MS) {
    throw new ValidationFailedError([
      { field: 'publishedAt', messages: ['must not be in the future: record a publication once it is live'] },
    ]);
  }
  return publishedAt;
}

export function locationColumns(location: PublicationLocationDto | undefined): LocationColumns {
  return {
    url: location?.url?.trim() || null,
    postId: location?.postId?.trim() || null,
    campaign: location?.campaign?.trim() || null,
    printRun: location?.printRun?.trim() || null,
  };
}

/** Where a publication appears, as stored. */
export function locationOf(publication: PublicationEntity): LocationColumns {
  return {
    url: publication.url,
    postId: publication.postId,
    campaign: publication.campaign,
    printRun: publication.printRun,
  };
}

/** The fields the request named (a value or null), leaving the others as they were. */
function definedOnly(columns: LocationColumns, sent: PublicationLocationDto): Partial<LocationColumns> {
  return Object.fromEntries(LOCATION_FIELDS.filter((field) => sent[field] !== undefined).map((f) => [f, columns[f]]));
}
