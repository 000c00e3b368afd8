import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import { actingUserId, maySeeIdentified, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError, ValidationFailedError, type FieldError } from '../common/domain-error.js';
import type { UploadedFile } from '../common/multipart.js';
import { runOnce, type IdempotentRequest, type IdempotentResponse } from '../idempotency/idempotency.js';
import { ImageService } from '../images/image.service.js';
import { assertPatientExists, assertPatientPhotos } from '../patients/patient-checks.js';
import { deleteQuietly, putAllOrNone, transactionOwningObjects } from '../storage/object-batch.js';
import { ObjectOwners, ownedByRows } from '../storage/object-owners.js';
import { ObjectStore, type GetResult } from '../storage/object-store.js';
import type { CreateRevocationDto, RevocationDto } from './dto/revocation.dto.js';
import { ConsentChanges } from '../rights/consent-changes.js';
import { RemovalNotifier } from '../removals/removal-notifier.js';
import { RevocationEntity } from './revocation.entity.js';
import { revocationView } from './revocation.views.js';

export const REVOCATION_DOCUMENT_FIELD = 'document';

/** A revocation's written request, stored under its id. */
export const REVOCATION_OBJECTS = ownedByRows('revocations/', 'revocations');

export function revocationDocumentKey(revocationId: string): string {
  return `${REVOCATION_OBJECTS.prefix}${revocationId}/document`;
}

/** A revocation with what its view needs beside the row. */
export interface RevocationRecord {
  revocation: RevocationEntity;
  revokedReleaseIds: string[];
  removalCaseId: string;
}

/**
 * Revocations (docs/architecture.md §3). Recording one is a single transaction that holds the lock the publish
 * path takes on each governing release: it revokes the releases (for a revocation of everything),
 * finds every live publication the new state no longer clears, marks it removal_pending (hosted ones
 * removed at once: their URL answers 410 from the commit on), opens a removal case due
 * REMOVAL_DEADLINE_DAYS after the request was received, with one task per publication, and writes
 * the audit trail, and the patient's receipt. A publish racing it either commits first and gets a
 * task, or waits and is refused.
 */
@Injectable()
export class RevocationsService implements OnModuleInit {
  private readonly logger = new Logger(RevocationsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly consent: ConsentChanges,
    private readonly notifier: RemovalNotifier,
    private readonly images: ImageService,
    private readonly store: ObjectStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly objectOwners: ObjectOwners,
  ) {}

  onModuleInit(): void {
    this.objectOwners.register(REVOCATION_OBJECTS);
  }

  /**
   * Records a revocation and opens its removal case. `document` is the written request as received,
   * or a maker of the receipt the service gives for it (a portal withdrawal): the receipt is stored
   * as the revocation's document and mailed with the receipt message.
   */
  async record(
    patientId: string,
    input: CreateRevocationDto,
    documentOrReceipt: UploadedFile | ReceiptMaker | undefined,
    caller: Caller,
    idempotency: IdempotentRequest | undefined,
  ): Promise<IdempotentResponse<RevocationDto>> {
    const now = this.clock.now();
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
    assertScopeShape(input, receivedAt, now);
    await assertPatientExists(this.dataSource.manager, patientId);
    const id = randomUUID();
    const receipt = typeof documentOrReceipt === 'function';
    const document = receipt ? await documentOrReceipt({ id, receivedAt, input }) : documentOrReceipt;
    const checked = document ? await this.images.checkDocument(document.bytes, REVOCATION_DOCUMENT_FIELD) : null;

    const documentKey = document ? revocationDocumentKey(id) : null;
    if (document && documentKey) await putAllOrNone(this.store, [[documentKey, document.bytes]], this.logger);
    const response = await this.consent.run(
      patientId,
      {
        write: async (manager) => {
          const releaseSeriesIds = await seriesOf(manager, patientId, input.scope.releaseIds);
          if (input.scope.photoIds) await assertPatientPhotos(manager, patientId, input.scope.photoIds);
          const revocation = manager.create(RevocationEntity, {
            ...revocationColumns(input, caller),
            id,
            patientId,
            releaseSeriesIds,
            receivedAt,
            documentKey,
            documentContentType: checked?.contentType ?? null,
            documentBytes: document?.bytes.length ?? null,
            documentSha256: checked?.sha256 ?? null,
            documentFileName: document?.fileName ?? null,
          });
          await manager.insert(RevocationEntity, revocation);
          return { revocation, revokedReleaseIds: await revokeReleases(manager, revocation) };
        },
        // Everything the facts no longer clear comes down, whatever refused it before.
        removalCases: async (_written, refused) => [
          { source: { origin: 'revocation', revocationId: id }, startsAt: receivedAt, publications: refused.now },
        ],
        record: async ({ revocation, revokedReleaseIds }, [removal], manager) => {
          await this.notifier.revocationReceipt(
            manager,
            {
              id,
              patientId,
              receivedAt,
              scopeDescription: describeScope(revocation),
              receiptKey: receipt ? documentKey : null,
            },
            removal.caseId,
          );
          return {
            result: {
              status: 201,
              body: revocationView({ revocation, revokedReleaseIds, removalCaseId: removal.caseId }),
            },
            auditEntries: revocationAuditEntries(revocation, revokedReleaseIds, removal.caseId),
          };
        },
      },
      {
        caller,
        transaction: (work) =>
          transactionOwningObjects(
            this.dataSource,
            this.store,
            documentKey ? [documentKey] : [],
            this.logger,
            (manager) => runOnce(manager, idempotency, () => work(manager)),
          ),
      },
    );
    // A replayed request stored nothing new: the document sent again is not kept.
    if (response.replayed && documentKey) await deleteQuietly(this.store, [documentKey], this.logger);
    return response;
  }

  /** The revocation; a caller who sees identified fields (the requester's name, notes) has the read audited. */
  async get(id: string, caller: Caller): Promise<RevocationRecord> {
    const revocation = await this.dataSource.manager.findOneBy(RevocationEntity, { id });
    if (!revocation) throw new NotFoundError('The revocation');
    if (maySeeIdentified(caller)) {
      await this.audit.record(caller, {
        action: 'revocation.read',
        entityType: 'revocation',
        entityId: id,
        patientId: revocation.patientId,
      });
    }
    const [released, [removalCase]] = await Promise.all([
      this.dataSource.query<{ id: string }[]>('SELECT id FROM releases WHERE revocation_id = $1 ORDER BY id', [id]),
      this.dataSource.query<{ id: string }[]>('SELECT id FROM removal_cases WHERE revocation_id = $1', [id]),
    ]);
    return { revocation, revokedReleaseIds: released.map((row) => row.id), removalCaseId: removalCase.id };
  }

  /** The written request as it was received; each download is audited. */
  async openDocument(id: string, caller: Caller): Promise<{ contentType: string; sha256: string; object: GetResult }> {
    const revocation = await this.dataSource.manager.findOneBy(RevocationEntity, { id });
    if (!revocation) throw new NotFoundError('The revocation');
    const { documentKey, documentContentType: contentType, documentSha256: sha256 } = revocation;
    // The table's check keeps the three set together.
    if (!documentKey || !contentType || !sha256) throw new NotFoundError('A written request for this revocation');
    const object = await this.store.get(documentKey);
    await this.audit.record(caller, {
      action: 'revocation.document.read',
      entityType: 'revocation',
      entityId: id,
      patientId: revocation.patientId,
    });
    return { contentType, sha256, object };
  }
}

/** What the DTO's validators cannot say: the fields each kind of scope takes, and a receipt not in the future. */
function assertScopeShape(input: CreateRevocationDto, receivedAt: Date, now: Date): void {
  const errors: FieldError[] = [];
  const { scope } = input;
  if (scope.kind !== 'channels' && scope.channels !== undefined) {
    errors.push({ field: 'scope.channels', messages: ['channels belong only to a revocation of channels'] });
  }
  if (scope.kind !== 'photos' && scope.photoIds !== undefined) {
    errors.push({ field: 'scope.photoIds', messages: ['photoIds belong only to a withdrawal of photos'] });
  }
  if (scope.kind === 'photos' && scope.releaseIds !== undefined) {
    errors.push({
      field: 'scope.releaseIds',
      messages: ['a withdrawal of photos holds whatever release covers them: name no releases'],
    });
  }
  if (receivedAt.getTime() > now.getTime()) {
    errors.push({ field: 'receivedAt', messages: ['receivedAt must not be in the future'] });
  }
  if (errors.length > 0) throw new ValidationFailedError(errors);
}

/** The series of the named releases (any version's id), or null for all; 404 naming those not the patient's. */
async function seriesOf(
  manager: EntityManager,
  patientId: string,
  releaseIds: string[] | undefined,
): Promise<string[] | null> {
  if (!releaseIds) return null;
  const rows = await manager.query<{ id: string; series_id: string }[]>(
    'SELECT id, series_id FROM releases WHERE patient_id = $1 AND id = ANY($2::uuid[])',
    [patientId, releaseIds],
  );
  const found = new Map(rows.map((row) => [row.id, row.series_id]));
  const missing = releaseIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new DomainError(
      'releases_not_found',
      404,
      `${missing.length} of the releases named are not this patient's.`,
      {
        releaseIds: missing,
      },
    );
  }
  return [...new Set(found.values())].sort();
}

/**
 * A revocation of everything revokes the current version of each release it ends: those signed by
 * the time it was received (a release signed later is a new consent). Narrower revocations leave
 * the releases as they are; the rule reads them from the revocation itself.
 */
async function revokeReleases(manager: EntityManager, revocation: RevocationEntity): Promise<string[]> {
  if (revocation.scopeKind !== 'everything') return [];
  const [rows] = await manager.query<[{ id: string }[], number]>(
    `UPDATE releases SET revoked_at = $2, revocation_id = $3
      WHERE patient_id = $1 AND superseded_at IS NULL AND revoked_at IS NULL AND signed_at <= $2
        AND ($4::uuid[] IS NULL OR series_id = ANY($4::uuid[]))
      RETURNING id`,
    [revocation.patientId, revocation.receivedAt, revocation.id, revocation.releaseSeriesIds],
  );
  return rows.map((row) => row.id).sort();
}

/** The revocation's scope in the patient's words, for the receipt and the portal. */
/** Makes the receipt of a revocation about to be recorded, from its id, its time and the request. */
export type ReceiptMaker = (revocation: {
  id: string;
  receivedAt: Date;
  input: CreateRevocationDto;
}) => Promise<UploadedFile>;

export function describeScope(
  revocation: Pick<RevocationEntity, 'scopeKind' | 'channels' | 'photoIds' | 'releaseSeriesIds'>,
): string {
  const releases = revocation.releaseSeriesIds ? ' under the releases you named' : '';
  if (revocation.scopeKind === 'everything') return `you withdrew your consent to every use of your photos${releases}`;
  if (revocation.scopeKind === 'channels') {
    return `you withdrew your consent to the use of your photos in: ${(revocation.channels ?? []).join(', ')}${releases}`;
  }
  const count = revocation.photoIds?.length ?? 0;
  return `you withdrew ${count} photo${count === 1 ? '' : 's'} from every use`;
}

/** The columns of a revocation that the request gives as they are. */
function revocationColumns(input: CreateRevocationDto, caller: Caller): Partial<RevocationEntity> {
  return {
    scopeKind: input.scope.kind,
    channels: input.scope.channels ?? null,
    photoIds: input.scope.photoIds ?? null,
    receivedVia: input.receivedVia,
    requesterType: input.requester.type,
    requesterName: input.requester.fullName?.trim() ?? null,
    requesterAuthority: input.requester.authority?.trim() ?? null,
    identityVerification: input.identityVerification.trim(),
    notes: input.notes?.trim() || null,
    recordedByUserId: actingUserId(caller),
  };
}

/** The revocation's own audit event, and one per release it revoked. */
function revocationAuditEntries(
  revocation: RevocationEntity,
  revokedReleaseIds: string[],
  removalCaseId: string,
): AuditEntry[] {
  const { id, patientId, receivedAt } = revocation;
  return [
    {
      action: 'revocation.record',
      entityType: 'revocation',
      entityId: id,
      patientId,
      details: {
        scope: {
          kind: revocation.scopeKind,
          channels: revocation.channels,
          photoIds: revocation.photoIds,
          releaseSeriesIds: revocation.releaseSeriesIds,
        },
        receivedAt: receivedAt.toISOString(),
        receivedVia: revocation.receivedVia,
        requesterType: revocation.requesterType,
        documentSha256: revocation.documentSha256,
        revokedReleaseIds,
        removalCaseId,
      },
    },
    ...revokedReleaseIds.map((releaseId) => ({
      action: 'release.revoke',
      entityType: 'release',
      entityId: releaseId,
      patientId,
      details: { revocationId: id, receivedAt: receivedAt.toISOString() },
    })),
  ];
}
