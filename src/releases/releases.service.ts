import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actingUserId, type Caller } from '../common/caller.js';
import { UserEntity } from '../auth/user.entity.js';

import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import type { UploadedFile } from '../common/multipart.js';
import { AppConfig } from '../config/app-config.js';
import { ImageService, type CheckedDocument } from '../images/image.service.js';

import { assertPatientExists } from '../patients/patient-checks.js';
import { PatientEntity } from '../patients/patient.entity.js';

import { clearanceRevocationOf, type ClearanceRevocation } from '../rights/clearance.js';
import { ConsentChanges } from '../rights/consent-changes.js';
import { releaseStanding, type ReleaseStanding } from '../rights/release-standing.js';
import { RevocationEntity } from '../revocations/revocation.entity.js';
import { TreatmentCaseEntity } from '../patients/treatment-case.entity.js';
import { putAllOrNone, transactionOwningObjects } from '../storage/object-batch.js';
import { ObjectOwners, ownedByRows } from '../storage/object-owners.js';
import { ObjectStore, type GetResult } from '../storage/object-store.js';
import type { AmendmentMetadataDto, ReleaseMetadataDto } from './dto/release.dto.js';
import {
  checklistDefects,
  releaseChecklist,
  type Checklist,
  type SigningContext,
} from '../rights/release-checklist.js';
import { ReleaseCaseEntity, ReleaseEntity } from './release.entity.js';
import {
  amendedText,
  assertTermsValid,
  coverageErrors,
  fullScope,
  scopeOf,
  text,
  versionColumns,
  type ReleaseTerms,
} from './release-terms.js';

export const DOCUMENT_FILE_FIELD = 'document';

/** A release version's signed form, stored under its id. */
export const RELEASE_OBJECTS = ownedByRows('releases/', 'releases');

export function releaseDocumentKey(releaseId: string): string {
  return `${RELEASE_OBJECTS.prefix}${releaseId}/document`;
}

/** A release version with what its views need beside the row. */
export interface ReleaseRecord {
  release: ReleaseEntity;
  patientCode: string;
  /** Whether the 164.508(c) checklist passes, the signature judged against today's date of birth. */
  checklistComplete: boolean;
  /** Where it stands now, as the clearance rule judges it. */
  standing: ReleaseStanding;
  caseIds: string[];
  witnessName: string;
  versions: ReleaseEntity[];
}

/**
 * A version signed on the service's own form: what its audit event adds, and what `write` records in
 * the version's transaction once its rows are written (the signing request marked, the copy mailed).
 */
export interface SignedVersion {
  details: Record<string, unknown>;
  /** False for a signature through a mailed link: the staff member named sent it and need not be active now. */
  witnessPresent: boolean;
  write: (manager: EntityManager, releaseId: string) => Promise<void>;
}

/** How a version joins its authorization: a new release's first, or an amendment's next. */
interface VersionPlan {
  seriesId: string;
  version: number;
  supersedes: ReleaseEntity | null;
  amendmentReason: string | null;
  auditAction: string;
  details: Record<string, unknown>;
  validateInside: () => Promise<void>;
  /** Written in the same transaction once the version's rows are. */
  afterWrite?: () => Promise<void>;
}

/**
 * Signed release authorizations. A version is never edited or deleted: an amendment writes a new
 * version and marks the one before superseded. Each version is written as a consent change
 * (ConsentChanges: under the patient's consent locks, which publishing and revocation wait on too);
 * live publications it no longer clears, when it narrows consent, are taken down by a removal case
 * opened in the same transaction.
 */
@Injectable()
export class ReleasesService implements OnModuleInit {
  private readonly logger = new Logger(ReleasesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly images: ImageService,
    private readonly store: ObjectStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly consent: ConsentChanges,
    private readonly objectOwners: ObjectOwners,
  ) {}

  onModuleInit(): void {
    this.objectOwners.register(RELEASE_OBJECTS);
  }

  /** The version's row alone (404 when there is none), for callers that need nothing else. */
  async find(id: string): Promise<ReleaseEntity> {
    const release = await this.dataSource.manager.findOneBy(ReleaseEntity, { id });
    if (!release) throw new NotFoundError('The release');
    return release;
  }

  async assertPatientExists(patientId: string): Promise<void> {
    await assertPatientExists(this.dataSource.manager, patientId);
  }

  async create(
    patientId: string,
    document: UploadedFile | undefined,
    input: ReleaseMetadataDto,
    caller: Caller,
  ): Promise<string> {
    const patient = await this.dataSource.manager.findOneBy(PatientEntity, { id: patientId });
    if (!patient) throw new NotFoundError('The patient');
    const coverage = coverageErrors(input);
    if (coverage.length > 0) throw new ValidationFailedError(coverage);
    const terms: ReleaseTerms = {
      coversAllCases: input.coversAllCases === true,
      caseIds: input.caseIds ?? [],
      signedAt: new Date(input.signedAt),
      signedBy: input.signedBy,
      witnessUserId: input.witnessUserId ?? staffUserId(caller),
      formTemplate: input.formTemplate.trim(),
      formVersion: input.formVersion.trim(),
      informationDescription: text(input.informationDescription),
      disclosingParty: text(input.disclosingParty),
      recipients: text(input.recipients),
      purpose: text(input.purpose),
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      expirationEvent: text(input.expirationEvent),
      rightToRevokeStatement: input.rightToRevokeStatement,
      redisclosureStatement: input.redisclosureStatement,
      conditioningStatement: input.conditioningStatement,
      treatmentConditionedOnSigning: input.treatmentConditionedOnSigning,
      copyProvidedToSigner: input.copyProvidedToSigner,
      scope: fullScope(input.scope),
    };
    return this.createVersion(patient, terms, document, caller);
  }

  /**
   * A release signed on the service's own form: recorded with exactly the terms the form was
   * rendered from, the sealed PDF as its document. `signing.write` runs in the version's transaction
   * once the release is written (to mark what was signed, and to send the patient's copy).
   */
  async recordSigned(
    patientId: string,
    terms: ReleaseTerms,
    document: UploadedFile,
    caller: Caller,
    signing: SignedVersion,
  ): Promise<string> {
    const patient = await this.dataSource.manager.findOneBy(PatientEntity, { id: patientId });
    if (!patient) throw new NotFoundError('The patient');
    return this.createVersion(patient, terms, document, caller, signing);
  }

  private createVersion(
    patient: PatientEntity,
    terms: ReleaseTerms,
    document: UploadedFile | undefined,
    caller: Caller,
    signing?: SignedVersion,
  ): Promise<string> {
    assertTermsValid(patient, terms, this.termsContext());
    const id = randomUUID();
    return this.writeVersion(id, patient, terms, document, caller, async (manager) => ({
      seriesId: id,
      version: 1,
      supersedes: null,
      amendmentReason: null,
      auditAction: 'release.create',
      details: signing?.details ?? {},
      validateInside: () => this.assertReferencesExist(manager, patient.id, terms, signing?.witnessPresent ?? true),
      afterWrite: signing ? () => signing.write(manager, id) : undefined,
    }));
  }

  async amend(
    releaseId: string,
    document: UploadedFile | undefined,
    input: AmendmentMetadataDto,
    caller: Caller,
  ): Promise<string> {
    const previous = await this.find(releaseId);
    const patient = await this.dataSource.manager.findOneByOrFail(PatientEntity, { id: previous.patientId });
    const previousCases = await this.caseIdsOf(previous.id);
    const coversAllCases = input.caseIds ? false : (input.coversAllCases ?? previous.coversAllCases);
    if (input.coversAllCases === true && input.caseIds) {
      throw new ValidationFailedError([
        { field: 'caseIds', messages: ['give caseIds or coversAllCases: true, not both'] },
      ]);
    }
    if (input.coversAllCases === false && !input.caseIds && previous.coversAllCases) {
      throw new ValidationFailedError([
        { field: 'caseIds', messages: ['name the covered caseIds when narrowing from all cases'] },
      ]);
    }
    const terms: ReleaseTerms = {
      coversAllCases,
      caseIds: coversAllCases ? [] : (input.caseIds ?? previousCases),
      signedAt: new Date(input.signedAt),
      signedBy: input.signedBy ?? {
        signerType: previous.signerType,
        fullName: previous.signerFullName,
        relationship: previous.signerRelationship ?? undefined,
        authority: previous.signerAuthority ?? undefined,
      },
      witnessUserId: input.witnessUserId ?? staffUserId(caller),
      formTemplate: input.formTemplate?.trim() ?? previous.formTemplate,
      formVersion: input.formVersion?.trim() ?? previous.formVersion,
      informationDescription: amendedText(input.informationDescription, previous.informationDescription),
      disclosingParty: amendedText(input.disclosingParty, previous.disclosingParty),
      recipients: amendedText(input.recipients, previous.recipients),
      purpose: amendedText(input.purpose, previous.purpose),
      expiresAt:
        input.expiresAt === undefined
          ? previous.expiresAt
          : input.expiresAt === null
            ? null
            : new Date(input.expiresAt),
      expirationEvent: amendedText(input.expirationEvent, previous.expirationEvent),
      rightToRevokeStatement: input.rightToRevokeStatement ?? previous.rightToRevokeStatement,
      redisclosureStatement: input.redisclosureStatement ?? previous.redisclosureStatement,
      conditioningStatement: input.conditioningStatement ?? previous.conditioningStatement,
      treatmentConditionedOnSigning: input.treatmentConditionedOnSigning ?? previous.treatmentConditionedOnSigning,
      copyProvidedToSigner: input.copyProvidedToSigner ?? previous.copyProvidedToSigner,
      scope: input.scope ? fullScope(input.scope) : scopeOf(previous),
    };
    return this.amendVersion(previous, patient, terms, document, caller, input.reason.trim());
  }

  /**
   * An amendment signed on the service's own form: the new version is recorded with exactly the
   * terms the form was rendered from, as `recordSigned` records a new release.
   */
  async recordSignedAmendment(
    releaseId: string,
    terms: ReleaseTerms,
    document: UploadedFile,
    caller: Caller,
    signing: SignedVersion & { reason: string },
  ): Promise<string> {
    const previous = await this.find(releaseId);
    const patient = await this.dataSource.manager.findOneByOrFail(PatientEntity, { id: previous.patientId });
    return this.amendVersion(previous, patient, terms, document, caller, signing.reason, signing);
  }

  private amendVersion(
    previous: ReleaseEntity,
    patient: PatientEntity,
    terms: ReleaseTerms,
    document: UploadedFile | undefined,
    caller: Caller,
    reason: string,
    signing?: SignedVersion,
  ): Promise<string> {
    assertTermsValid(patient, terms, this.termsContext());
    if (terms.signedAt < previous.signedAt) {
      throw new ValidationFailedError([
        { field: 'signedAt', messages: ['an amendment cannot be signed before the version it amends'] },
      ]);
    }
    const id = randomUUID();
    return this.writeVersion(id, patient, terms, document, caller, async (manager) => {
      // Read again under the consent locks: it may have been superseded since it was first read.
      const current = await manager.findOneBy(ReleaseEntity, { id: previous.id });
      if (current?.supersededAt) {
        const newest = await manager.findOneBy(ReleaseEntity, { seriesId: current.seriesId, supersededAt: IsNull() });
        throw new DomainError(
          'release_superseded',
          409,
          `This version was superseded; amend the current version ${newest?.id ?? ''} instead.`,
          { currentReleaseId: newest?.id ?? null },
        );
      }
      return {
        seriesId: previous.seriesId,
        version: previous.version + 1,
        supersedes: previous,
        amendmentReason: reason,
        auditAction: 'release.amend',
        details: { ...signing?.details, supersedes: previous.id, seriesId: previous.seriesId },
        validateInside: () => this.assertReferencesExist(manager, patient.id, terms, signing?.witnessPresent ?? true),
        afterWrite: signing ? () => signing.write(manager, id) : undefined,
      };
    });
  }

  /** One version with its cases, witness and the whole history of its authorization. */
  async get(
    id: string,
    caller: Caller,
    options: { audit: boolean; action?: string } = { audit: true },
  ): Promise<ReleaseRecord> {
    const release = await this.find(id);
    const [record] = await this.records([release]);
    if (options.audit) {
      await this.audit.record(caller, {
        action: options.action ?? 'release.read',
        entityType: 'release',
        entityId: id,
        patientId: release.patientId,
      });
    }
    return record;
  }

  async listForPatient(patientId: string, includeSuperseded: boolean, caller: Caller): Promise<ReleaseRecord[]> {
    await this.assertPatientExists(patientId);
    const releases = await this.dataSource.manager.find(ReleaseEntity, {
      where: includeSuperseded ? { patientId } : { patientId, supersededAt: IsNull() },
      order: { signedAt: 'DESC', version: 'DESC' },
    });
    await this.audit.record(caller, {
      action: 'release.list',
      entityType: 'patient',
      entityId: patientId,
      patientId,
      details: { count: releases.length },
    });
    return this.records(releases);
  }

  /** The signed form, for roles allowed identified data; each download is audited. */
  async openDocument(id: string, caller: Caller): Promise<{ release: ReleaseEntity; object: GetResult }> {
    const release = await this.find(id);
    const object = await this.store.get(release.documentKey);
    await this.audit.record(caller, {
      action: 'release.document.read',
      entityType: 'release',
      entityId: id,
      patientId: release.patientId,
    });
    return { release, object };
  }

  private async records(releases: ReleaseEntity[]): Promise<ReleaseRecord[]> {
    if (releases.length === 0) return [];
    const ids = releases.map((release) => release.id);
    const patientIds = [...new Set(releases.map((release) => release.patientId))];
    const [cases, versions, patients, witnesses, revocations] = await Promise.all([
      this.dataSource.manager.find(ReleaseCaseEntity, { where: { releaseId: In(ids) }, order: { caseId: 'ASC' } }),
      this.dataSource.manager.find(ReleaseEntity, {
        where: { seriesId: In([...new Set(releases.map((release) => release.seriesId))]) },
        order: { version: 'DESC' },
      }),
      this.dataSource.manager.find(PatientEntity, {
        where: { id: In(patientIds) },
        select: { id: true, code: true, dateOfBirth: true },
      }),
      this.dataSource.manager.find(UserEntity, {
        where: { id: In([...new Set(releases.map((release) => release.witnessUserId))]) },
        select: { id: true, displayName: true },
      }),
      this.revocationsOf(patientIds),
    ]);
    const now = this.clock.now();
    return releases.map((release) => {
      const patient = patients.find((each) => each.id === release.patientId) as PatientEntity;
      const checklist = releaseChecklist(release, this.signingContext(patient));
      const caseIds = cases.filter((entry) => entry.releaseId === release.id).map((entry) => entry.caseId);
      const standing = releaseStanding(
        { ...release, caseIds, defects: checklistDefects(checklist) },
        revocations.of.get(release.patientId) ?? [],
        now,
        (photoId) => revocations.caseOfPhoto.get(photoId),
      );
      return {
        release,
        caseIds,
        versions: versions.filter((version) => version.seriesId === release.seriesId),
        patientCode: patient.code,
        checklistComplete: checklist.complete,
        standing,
        witnessName: witnesses.find((user) => user.id === release.witnessUserId)?.displayName ?? '',
      };
    });
  }

  /** What the terms of a version are judged at: now, on the clinic's calendar. */
  private termsContext(): { now: Date; timeZone: string } {
    return { now: this.clock.now(), timeZone: this.config.clinicTimeZone };
  }

  /** What the signature of a release of the patient is judged against. */
  private signingContext(patient: Pick<PatientEntity, 'dateOfBirth'>): SigningContext {
    return { patientDateOfBirth: patient.dateOfBirth, timeZone: this.config.clinicTimeZone };
  }

  /** The 164.508(c) checklist of one version. */
  async checklist(id: string): Promise<Checklist> {
    const release = await this.find(id);
    const patient = await this.dataSource.manager.findOneOrFail(PatientEntity, {
      where: { id: release.patientId },
      select: { id: true, dateOfBirth: true },
    });
    return releaseChecklist(release, this.signingContext(patient));
  }

  /** The revocations of each patient, and the case of every photo they withdraw. */
  private async revocationsOf(
    patientIds: string[],
  ): Promise<{ of: Map<string, ClearanceRevocation[]>; caseOfPhoto: Map<string, string> }> {
    const rows = await this.dataSource.manager.find(RevocationEntity, {
      where: { patientId: In(patientIds) },
      select: {
        id: true,
        patientId: true,
        receivedAt: true,
        scopeKind: true,
        channels: true,
        photoIds: true,
        releaseSeriesIds: true,
      },
    });
    const withdrawn = [...new Set(rows.flatMap((row) => row.photoIds ?? []))];
    const photos =
      withdrawn.length > 0
        ? await this.dataSource.query<{ id: string; case_id: string }[]>(
            'SELECT id, case_id FROM photos WHERE id = ANY($1::uuid[])',
            [withdrawn],
          )
        : [];
    const of = new Map<string, ClearanceRevocation[]>();
    for (const row of rows) {
      const revocation = clearanceRevocationOf({ ...row, kind: row.scopeKind });
      of.set(row.patientId, [...(of.get(row.patientId) ?? []), revocation]);
    }
    return { of, caseOfPhoto: new Map(photos.map((photo) => [photo.id, photo.case_id])) };
  }

  private async caseIdsOf(releaseId: string): Promise<string[]> {
    const rows = await this.dataSource.manager.find(ReleaseCaseEntity, { where: { releaseId } });
    return rows.map((row) => row.caseId);
  }

  /**
   * Covered cases must be this patient's, and the witness a staff member, active when they are there
   * to witness: 404 otherwise.
   */
  private async assertReferencesExist(
    manager: EntityManager,
    patientId: string,
    terms: ReleaseTerms,
    witnessPresent = true,
  ): Promise<void> {
    if (terms.caseIds.length > 0) {
      const found = await manager.count(TreatmentCaseEntity, { where: { id: In(terms.caseIds), patientId } });
      if (found !== terms.caseIds.length) throw new NotFoundError("One of the covered cases (of this patient's)");
    }
    const witness = await manager.findOne(UserEntity, {
      where: witnessPresent ? { id: terms.witnessUserId, active: true } : { id: terms.witnessUserId },
      select: { id: true },
    });
    if (!witness) throw new NotFoundError('The witness (an active staff member)');
  }

  /** The version's rows, under the consent locks: the release, its cases, the supersession of the one before. */
  private async writeRows(
    manager: EntityManager,
    {
      id,
      patient,
      terms,
      document,
      checked,
      key,
      caller,
      prepare,
    }: {
      id: string;
      patient: PatientEntity;
      terms: ReleaseTerms;
      document: UploadedFile;
      checked: CheckedDocument;
      key: string;
      caller: Caller;
      prepare: (manager: EntityManager) => Promise<VersionPlan>;
    },
  ): Promise<{ plan: VersionPlan; release: ReleaseEntity; dateOfBirth: string }> {
    // A correction of the date of birth takes the same locks: the one read now stands until
    // this commits, and the signer is judged on it if it changed since the first read.
    const { dateOfBirth } = await manager.findOneOrFail(PatientEntity, {
      where: { id: patient.id },
      select: { id: true, dateOfBirth: true },
    });
    if (dateOfBirth !== patient.dateOfBirth) assertTermsValid({ ...patient, dateOfBirth }, terms, this.termsContext());
    const plan = await prepare(manager);
    await plan.validateInside();
    const revocation = await revocationEnding(manager, patient.id, plan.seriesId, terms.signedAt);
    const release = manager.create(ReleaseEntity, {
      ...versionColumns(patient, terms),
      id,
      seriesId: plan.seriesId,
      version: plan.version,
      documentKey: key,
      documentContentType: checked.contentType,
      documentBytes: document.bytes.length,
      documentSha256: checked.sha256,
      documentSha1: checked.sha1,
      documentFileName: document.fileName,
      amendmentReason: plan.amendmentReason,
      revokedAt: revocation?.receivedAt ?? null,
      revocationId: revocation?.id ?? null,
      supersedesId: plan.supersedes?.id ?? null,
      recordedByUserId: actingUserId(caller),
    });
    if (plan.supersedes) {
      // The service's clock, as every other consent change is stamped, so that the rule
      // compares one clock's times (a decision at "now" must see an amendment committed before it).
      await manager.query('UPDATE releases SET superseded_at = $2 WHERE id = $1', [
        plan.supersedes.id,
        this.clock.now(),
      ]);
    }
    await manager.insert(ReleaseEntity, release);
    if (terms.caseIds.length > 0) {
      await manager.insert(
        ReleaseCaseEntity,
        terms.caseIds.map((caseId) => ({ releaseId: id, caseId })),
      );
    }
    await plan.afterWrite?.();
    return { plan, release, dateOfBirth };
  }

  /**
   * Checks and stores the signed form, then writes the version, its cases, the supersession of the
   * previous version and the audit event in one transaction; deletes the stored form when that fails.
   */
  private async writeVersion(
    id: string,
    patient: PatientEntity,
    terms: ReleaseTerms,
    document: UploadedFile | undefined,
    caller: Caller,
    prepare: (manager: EntityManager) => Promise<VersionPlan>,
  ): Promise<string> {
    if (!document) {
      throw new ValidationFailedError([{ field: DOCUMENT_FILE_FIELD, messages: ['the signed form is required'] }]);
    }
    const checked = await this.images.checkDocument(document.bytes, DOCUMENT_FILE_FIELD);
    const key = releaseDocumentKey(id);
    await putAllOrNone(this.store, [[key, document.bytes]], this.logger);
    return this.consent.run(
      patient.id,
      {
        write: (manager) => this.writeRows(manager, { id, patient, terms, document, checked, key, caller, prepare }),
        // What this version no longer clears (an amendment that narrows, a newer release that
        // governs with less) comes down as a revocation's would, from the day it was signed.
        removalCases: async (_written, refused) =>
          refused.newly.length > 0
            ? [
                {
                  source: { origin: 'release_narrowed', releaseId: id },
                  startsAt: terms.signedAt,
                  publications: refused.newly,
                },
              ]
            : [],
        record: async ({ plan, release, dateOfBirth }, [removal]) => ({
          result: id,
          auditEntries: [
            {
              action: plan.auditAction,
              entityType: 'release',
              entityId: id,
              patientId: patient.id,
              details: {
                ...plan.details,
                version: plan.version,
                documentSha256: checked.sha256,
                checklistComplete: releaseChecklist(release, this.signingContext({ dateOfBirth })).complete,
                ...(removal ? { removalCaseId: removal.caseId } : {}),
              },
            },
          ],
        }),
      },
      {
        caller,
        transaction: (work) => transactionOwningObjects(this.dataSource, this.store, [key], this.logger, work),
        compareWithBefore: true,
      },
    );
  }
}

/**
 * The revocation of everything that ends a version signed at `signedAt`, as revoking marks the
 * versions current when it is recorded: the first received since the signing, of this
 * authorization or of all the patient's. A version written later is marked too: an amendment of a
 * revoked version signed by then, or a release signed before a revocation and recorded after it.
 */
async function revocationEnding(
  manager: EntityManager,
  patientId: string,
  seriesId: string,
  signedAt: Date,
): Promise<{ id: string; receivedAt: Date } | null> {
  const [row] = await manager.query<{ id: string; received_at: Date }[]>(
    `SELECT id, received_at FROM revocations
      WHERE patient_id = $1 AND scope_kind = 'everything' AND received_at >= $3
        AND (release_series_ids IS NULL OR $2 = ANY(release_series_ids))
      ORDER BY received_at, id LIMIT 1`,
    [patientId, seriesId, signedAt],
  );
  return row ? { id: row.id, receivedAt: row.received_at } : null;
}

function staffUserId(caller: Caller): string {
  if (caller.principal?.kind !== 'user') throw new DomainError('witness_required', 400, 'Name the witnessUserId.');
  return caller.principal.userId;
}
