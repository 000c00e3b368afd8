import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller, PatientPrincipal } from '../common/caller.js';
import { PatientSessionsService } from '../auth/patient-sessions.service.js';
import { Clock } from '../common/clock.js';
import { NotFoundError } from '../common/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { JobQueue } from '../jobs/job-queue.js';
import type { IdempotentRequest, IdempotentResponse } from '../idempotency/idempotency.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { CreateRevocationDto } from '../revocations/dto/revocation.dto.js';
import { RevocationsService } from '../revocations/revocations.service.js';
import { ObjectStore, type GetResult } from '../storage/object-store.js';
import type {
  PortalAccessDto,
  PortalCaseDto,
  PortalOverviewDto,
  PortalPhotoDto,
  PortalPublicationDto,
  PortalReceiptDto,
  PortalReleaseDto,
  PortalRevocationDto,
} from './dto/portal.dto.js';
import { calendarDay } from '../common/calendar.js';
import { clearanceRevocationOf } from '../rights/clearance.js';
import { authorizationDefects, type ChecklistFields } from '../rights/release-checklist.js';
import { releaseStanding, type ReleaseStanding } from '../rights/release-standing.js';
import { PortalThrottle } from './portal-throttle.js';
import { revocationReceiptPdf } from './revocation-receipt-pdf.js';
import { DocumentSealer } from '../sealing/document-sealer.js';
import type { UploadedFile } from '../common/multipart.js';
import { releaseInWords } from './release-in-words.js';
import { portalWords, type PortalWords } from './portal-words.js';
import type { FormLanguage } from '../forms/form-template.entity.js';

const PORTAL_PREFIX = '/api/v1/portal';
export const PORTAL_ACCESS_LINKS_JOB = 'portal.access-links';

/** Whom a request for a link found: ids only, so no address or birth date waits in the job table. */
interface AccessLinksJob {
  requestId: string;
  patients: { id: string; holder: PatientPrincipal['holder'] }[];
}

interface ReleaseRow {
  id: string;
  series_id: string;
  version: number;
  signed_at: Date;
  expires_at: Date | null;
  expiration_event: string | null;
  revoked_at: Date | null;
  covers_all_cases: boolean;
  case_ids: string[];
  channels: string[];
  denied_channels: string[];
  face_allowed: boolean;
  obscure_identifying_marks: boolean;
  name_allowed: boolean;
  paid_advertising_allowed: boolean;
  educational_use_allowed: boolean;
  /** The signed form's recorded elements, which decide whether it is a valid authorization. */
  form: Omit<ChecklistFields, 'id' | 'version' | 'signedAt' | 'expiresAt'>;
}

interface RemovalCaseRow {
  id: string;
  status: string;
  opened_at: Date;
  due_at: Date;
  completed_at: Date | null;
  revocation_id: string | null;
}

interface RemovalTaskRow extends PublicationRow {
  case_id: string;
  task_status: string;
  completed_at: Date | null;
  not_removable_reason: string | null;
}

interface PublicationRow {
  id: string;
  photo_id: string;
  channel: string;
  hosted: boolean;
  url: string | null;
  post_id: string | null;
  campaign: string | null;
  print_run: string | null;
  status: string;
  published_at: Date;
  status_changed_at: Date;
}

/**
 * The patient's own view and requests: signing in by a mailed one-time link,
 * their releases in plain words, their photos and where each is published, their removal cases, and
 * revoking all or part of their consent. Everything is scoped to the signed-in patient: another
 * patient's record answers 404.
 */
@Injectable()
export class PortalService implements OnModuleInit {
  private readonly logger = new Logger(PortalService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: PatientSessionsService,
    private readonly notifications: NotificationsService,
    private readonly revocations: RevocationsService,
    private readonly throttle: PortalThrottle,
    private readonly jobs: JobQueue,
    private readonly store: ObjectStore,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly sealer: DocumentSealer,
  ) {}

  onModuleInit(): void {
    this.jobs.register<AccessLinksJob>(PORTAL_ACCESS_LINKS_JOB, (data) => this.sendLinks(data));
  }

  /**
   * Mails a one-time link to each patient whose address on file (theirs, or their guardian's while
   * they are a minor) and date of birth match. The caller learns nothing either way: the answer is
   * the same, and so is the work done before it (one lookup, one job whatever it found); the links
   * are written and mailed by the job.
   */
  async requestAccess(input: PortalAccessDto, caller: Caller): Promise<void> {
    const email = input.email.trim().toLowerCase();
    await this.throttle.countAccessRequest(email, caller.clientIp);
    // A guardian's address opens the portal only while the patient is a minor, counted on the
    // clinic's calendar day as everywhere else.
    const today = calendarDay(this.clock.now(), this.config.clinicTimeZone);
    const matches = await this.dataSource.query<{ id: string; holder: PatientPrincipal['holder'] }[]>(
      `SELECT id, CASE WHEN lower(contact_email) = $1 THEN 'patient' ELSE 'guardian' END AS holder
         FROM patients
        WHERE date_of_birth = $2
          AND (lower(contact_email) = $1
               OR (lower(guardian_contact_email) = $1 AND date_of_birth > $3::date - interval '18 years'))`,
      [email, input.dateOfBirth, today],
    );
    const job: AccessLinksJob = { requestId: caller.requestId ?? randomUUID(), patients: matches };
    await this.dataSource.transaction((manager) => this.jobs.send(manager, PORTAL_ACCESS_LINKS_JOB, [{ data: job }]));
    await this.audit.record(caller, { action: 'portal.access_request' });
  }

  /** The job's work: a link and its message per patient found, once per request however often it runs. */
  private async sendLinks(job: AccessLinksJob): Promise<void> {
    const caller: Caller = { system: true, requestId: job.requestId, clientIp: null, userAgent: null };
    for (const { id, holder } of job.patients) {
      const dedupeKey = `portal_access_link:${job.requestId}:${id}`;
      await this.dataSource.transaction(async (manager) => {
        const [patient] = await manager.query<{ address: string | null; sent: boolean }[]>(
          `SELECT CASE WHEN $2 = 'patient' THEN contact_email ELSE guardian_contact_email END AS address,
                  EXISTS (SELECT 1 FROM outbox_messages WHERE dedupe_key = $3) AS sent
             FROM patients WHERE id = $1`,
          [id, holder, dedupeKey],
        );
        // The address was removed meanwhile, or this job ran before.
        if (!patient?.address || patient.sent) return;
        const link = await this.sessions.issueLink(manager, id, holder);
        const until = `${link.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
        const url = `${this.config.portal.linkUrl}#token=${link.token}`;
        if (
          this.config.env === 'development' &&
          this.config.mail.smtpUrl === undefined &&
          this.config.database.url === undefined
        ) {
          // No staff account may read a working link from the outbox; a demo without a mail server
          // still needs one, so the console of a development instance on the embedded database (the
          // quick start, never a deployment) shows it.
          this.logger.warn(
            `DEVELOPMENT ONLY, no SMTP_URL: the portal sign-in link just mailed (to the outbox) is ${url} ` +
              '- never run like this with real patients.',
          );
        }
        await this.notifications.enqueue(manager, [
          {
            kind: 'portal_access_link',
            dedupeKey,
            address: patient.address,
            patientId: id,
            subject: 'Your sign-in link to your photo consent records',
            body: [
              'You asked to see your photo consent records. Open this link to sign in:',
              '',
              url,
              '',
              `It works once, until ${until} (${Math.round(this.config.portal.linkLifetimeMs / 60_000)} minutes). ` +
                'If you did not ask for it, you can ignore this message: nothing changes without it.',
            ].join('\n'),
          },
        ]);
        await this.audit.record(
          caller,
          { action: 'portal.access_link', entityType: 'patient', entityId: id, patientId: id, details: { holder } },
          manager,
        );
      });
    }
  }

  async overview(patientId: string, language: FormLanguage, caller: Caller): Promise<PortalOverviewDto> {
    const words = portalWords(language);
    const { patient, releases, photos, publications, cases, tasks, revocations } = await this.readOverview(patientId);
    const now = this.clock.now();
    const timeZone = this.config.clinicTimeZone;
    const caseOfRevocation = new Map(cases.map((each) => [each.revocation_id, each.id]));
    const caseOfPhoto = new Map(photos.map((photo) => [photo.id, photo.case_id]));
    const judged = revocations.map((row) =>
      clearanceRevocationOf({
        id: row.id,
        receivedAt: row.received_at,
        kind: row.scope_kind,
        channels: row.channels,
        photoIds: row.photo_ids,
        releaseSeriesIds: row.release_series_ids,
      }),
    );
    await this.audit.record(caller, {
      action: 'portal.overview.read',
      entityType: 'patient',
      entityId: patientId,
      patientId,
    });
    return {
      code: patient.code,
      releases: releases.map((release) => {
        const standing = releaseStanding(
          {
            seriesId: release.series_id,
            signedAt: release.signed_at,
            expiresAt: release.expires_at,
            supersededAt: null,
            coversAllCases: release.covers_all_cases,
            caseIds: release.case_ids,
            defects: authorizationDefects(
              {
                ...release.form,
                id: release.id,
                version: release.version,
                signedAt: release.signed_at,
                expiresAt: release.expires_at,
              },
              { patientDateOfBirth: patient.date_of_birth, timeZone },
            ),
          },
          judged,
          now,
          (photoId) => caseOfPhoto.get(photoId),
        );
        return portalReleaseView(release, standing, words, language, timeZone);
      }),
      photos: photos.map((photo): PortalPhotoDto => ({
        id: photo.id,
        kind: photo.kind,
        view: photo.view,
        takenAt: photo.taken_at,
        thumbnailUrl: `${PORTAL_PREFIX}/photos/${photo.id}/thumbnail`,
        publications: publications
          .filter((each) => each.photo_id === photo.id)
          .map((each) => publicationInPortal(each, words)),
      })),
      removalCases: cases.map((removalCase) =>
        portalCaseView(
          removalCase,
          tasks.filter((task) => task.case_id === removalCase.id),
          words,
        ),
      ),
      revocations: revocations.map((revocation): PortalReceiptDto => ({
        id: revocation.id,
        receivedAt: revocation.received_at,
        receivedVia: revocation.received_via,
        inWords: words.withdrawal({
          scopeKind: revocation.scope_kind,
          channels: revocation.channels,
          photoIds: revocation.photo_ids,
          releaseSeriesIds: revocation.release_series_ids,
        }),
        removalCaseId: caseOfRevocation.get(revocation.id) ?? null,
        receiptUrl: revocation.has_receipt ? `${PORTAL_PREFIX}/revocations/${revocation.id}/receipt` : null,
      })),
    };
  }

  /** Everything of the patient's the overview shows, read at once. */
  private async readOverview(patientId: string) {
    const [patient] = await this.dataSource.query<{ code: string; date_of_birth: string }[]>(
      "SELECT code, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth FROM patients WHERE id = $1",
      [patientId],
    );
    const [releases, photos, publications, cases, tasks, revocations] = await Promise.all([
      this.dataSource.query<ReleaseRow[]>(
        `SELECT id, series_id, version, signed_at, expires_at, expiration_event, revoked_at, covers_all_cases,
                ARRAY(SELECT rc.case_id FROM release_cases rc WHERE rc.release_id = releases.id) AS case_ids,
                channels, denied_channels,
                face_allowed, obscure_identifying_marks, name_allowed, paid_advertising_allowed, educational_use_allowed,
                json_build_object(
                  'informationDescription', information_description, 'disclosingParty', disclosing_party,
                  'recipients', recipients, 'purpose', purpose, 'expirationEvent', expiration_event,
                  'signerType', signer_type, 'signerFullName', signer_full_name,
                  'signerRelationship', signer_relationship, 'signerAuthority', signer_authority,
                  'rightToRevokeStatement', right_to_revoke_statement, 'conditioningStatement', conditioning_statement,
                  'treatmentConditionedOnSigning', treatment_conditioned_on_signing,
                  'redisclosureStatement', redisclosure_statement, 'copyProvidedToSigner', copy_provided_to_signer
                ) AS form
           FROM releases WHERE patient_id = $1 AND superseded_at IS NULL ORDER BY signed_at DESC`,
        [patientId],
      ),
      this.dataSource.query<
        { id: string; case_id: string; kind: string; view: string | null; taken_at: Date | null }[]
      >('SELECT id, case_id, kind, view, taken_at FROM photos WHERE patient_id = $1 ORDER BY created_at, id', [
        patientId,
      ]),
      this.dataSource.query<PublicationRow[]>(
        `SELECT id, photo_id, channel, hosted, url, post_id, campaign, print_run, status, published_at, status_changed_at
           FROM publications WHERE patient_id = $1 ORDER BY published_at, created_at, id`,
        [patientId],
      ),
      this.dataSource.query<RemovalCaseRow[]>(
        `SELECT id, status, opened_at, due_at, completed_at, revocation_id
           FROM removal_cases WHERE patient_id = $1 ORDER BY opened_at DESC, id`,
        [patientId],
      ),
      this.dataSource.query<RemovalTaskRow[]>(
        `SELECT t.case_id, t.status AS task_status, t.completed_at, t.not_removable_reason,
                p.channel, p.hosted, p.url, p.post_id, p.campaign, p.print_run
           FROM removal_tasks t JOIN removal_cases c ON c.id = t.case_id JOIN publications p ON p.id = t.publication_id
          WHERE c.patient_id = $1 ORDER BY t.id`,
        [patientId],
      ),
      this.dataSource.query<
        {
          id: string;
          received_at: Date;
          received_via: string;
          scope_kind: 'everything' | 'channels' | 'photos';
          channels: string[] | null;
          photo_ids: string[] | null;
          release_series_ids: string[] | null;
          has_receipt: boolean;
        }[]
      >(
        `SELECT id, received_at, received_via, scope_kind, channels, photo_ids, release_series_ids,
                received_via = 'portal' AND recorded_by_user_id IS NULL AND document_key IS NOT NULL AS has_receipt
           FROM revocations WHERE patient_id = $1 ORDER BY received_at DESC, id`,
        [patientId],
      ),
    ]);
    return { patient, releases, photos, publications, cases, tasks, revocations };
  }

  /**
   * The patient's own revocation (or their guardian's, for a minor), effective now, through the staff
   * path (same lock, same case).
   */
  async revoke(
    principal: PatientPrincipal,
    input: PortalRevocationDto,
    caller: Caller,
    idempotency: IdempotentRequest | undefined,
  ): Promise<IdempotentResponse<PortalReceiptDto>> {
    const patientId = principal.patientId;
    const request: CreateRevocationDto = {
      scope: input.scope,
      receivedVia: 'portal',
      requester: principal.holder === 'guardian' ? await this.guardianOf(patientId) : { type: 'patient' },
      // Recorded in the clinic's language, English, whatever the patient reads the portal in.
      identityVerification: portalWords('en').portalIdentityCheck[principal.holder],
    };
    const recorded = await this.revocations.record(
      patientId,
      request,
      (revocation) => this.receipt(principal, request, input.language ?? 'en', revocation, caller),
      caller,
      idempotency,
    );
    const revocation = recorded.body;
    return {
      ...recorded,
      body: {
        id: revocation.id,
        receivedAt: revocation.receivedAt,
        receivedVia: revocation.receivedVia,
        inWords: portalWords(input.language ?? 'en').withdrawal({
          scopeKind: revocation.scope.kind,
          channels: revocation.scope.channels,
          photoIds: revocation.scope.photoIds,
          releaseSeriesIds: revocation.scope.releaseSeriesIds,
        }),
        removalCaseId: revocation.removalCaseId,
        receiptUrl: `${PORTAL_PREFIX}/revocations/${revocation.id}/receipt`,
      },
    };
  }

  /** The sealed receipt of a withdrawal about to be recorded: stored with it, mailed, kept in the portal. */
  private async receipt(
    principal: PatientPrincipal,
    request: CreateRevocationDto,
    language: FormLanguage,
    revocation: { id: string; receivedAt: Date },
    caller: Caller,
  ): Promise<UploadedFile> {
    const [row] = await this.dataSource.query<{ full_name: string; clinic_name: string | null; now: Date }[]>(
      `SELECT full_name, (SELECT clinic_name FROM form_templates ORDER BY published_at DESC, id LIMIT 1) AS clinic_name,
              statement_timestamp() AS now
         FROM patients WHERE id = $1`,
      [principal.patientId],
    );
    const words = portalWords(language);
    const pdf = await revocationReceiptPdf({
      language,
      clinicName: row.clinic_name ?? 'The clinic',
      revocationId: revocation.id,
      patientName: row.full_name,
      requestedBy:
        request.requester.type === 'guardian'
          ? words.guardianRequester(request.requester.fullName ?? '')
          : words.patientRequester,
      inWords: words.withdrawal({
        scopeKind: request.scope.kind,
        channels: request.scope.channels ?? null,
        photoIds: request.scope.photoIds ?? null,
        releaseSeriesIds: request.scope.releaseIds ?? null,
      }),
      receivedAt: revocation.receivedAt,
      recordedAt: row.now,
      identityCheck: words.portalIdentityCheck[principal.holder],
      clientAddress: caller.clientIp,
      userAgent: caller.userAgent,
      removalDeadlineDays: this.config.removalDeadlineDays,
    });
    const sealed = await this.sealer.seal(pdf, {
      reason: words.receiptSealReason,
      location: row.clinic_name ?? 'The clinic',
      signingTime: row.now,
    });
    return { bytes: sealed, fileName: 'withdrawal-receipt.pdf', declaredType: 'application/pdf' };
  }

  /** The sealed receipt of one of the patient's withdrawals made in the portal; 404 for any other. */
  async revocationReceipt(
    patientId: string,
    revocationId: string,
    caller: Caller,
  ): Promise<{ contentType: string; sha256: string; object: GetResult }> {
    const [revocation] = await this.dataSource.query<
      { document_key: string; document_content_type: string; document_sha256: string }[]
    >(
      `SELECT document_key, document_content_type, document_sha256 FROM revocations
        WHERE id = $1 AND patient_id = $2 AND received_via = 'portal' AND recorded_by_user_id IS NULL
          AND document_key IS NOT NULL`,
      [revocationId, patientId],
    );
    if (!revocation) throw new NotFoundError('The receipt');
    const object = await this.store.get(revocation.document_key);
    await this.audit.record(caller, {
      action: 'portal.revocation_receipt.read',
      entityType: 'revocation',
      entityId: revocationId,
      patientId,
    });
    return { contentType: revocation.document_content_type, sha256: revocation.document_sha256, object };
  }

  /** The guardian on file, as the requester of a revocation made in their session. */
  private async guardianOf(patientId: string): Promise<CreateRevocationDto['requester']> {
    const [guardian] = await this.dataSource.query<{ full_name: string | null; relationship: string | null }[]>(
      'SELECT guardian_full_name AS full_name, guardian_relationship AS relationship FROM patients WHERE id = $1',
      [patientId],
    );
    return {
      type: 'guardian',
      fullName: guardian?.full_name ?? 'Guardian on file',
      authority: guardian?.relationship ?? 'guardian on file',
    };
  }

  /** The patient's copy of a signed release form; 404 for any release that is not theirs. */
  async releaseDocument(
    patientId: string,
    releaseId: string,
    caller: Caller,
  ): Promise<{ contentType: string; sha256: string; object: GetResult }> {
    const [release] = await this.dataSource.query<
      { document_key: string; document_content_type: string; document_sha256: string }[]
    >('SELECT document_key, document_content_type, document_sha256 FROM releases WHERE id = $1 AND patient_id = $2', [
      releaseId,
      patientId,
    ]);
    if (!release) throw new NotFoundError('The release');
    const object = await this.store.get(release.document_key);
    await this.audit.record(caller, {
      action: 'portal.release_document.read',
      entityType: 'release',
      entityId: releaseId,
      patientId,
    });
    return { contentType: release.document_content_type, sha256: release.document_sha256, object };
  }

  /** The thumbnail of one of the patient's photos (opened only when needed); 404 for any photo not theirs. */
  async thumbnail(patientId: string, photoId: string): Promise<{ sha256: string; open: () => Promise<GetResult> }> {
    const [photo] = await this.dataSource.query<{ thumb_key: string; thumb_sha256: string }[]>(
      'SELECT thumb_key, thumb_sha256 FROM photos WHERE id = $1 AND patient_id = $2',
      [photoId, patientId],
    );
    if (!photo) throw new NotFoundError('The photo');
    return { sha256: photo.thumb_sha256, open: () => this.store.get(photo.thumb_key) };
  }
}

/** A release as the patient reads it, with its standing in their words. */
function portalReleaseView(
  release: ReleaseRow,
  standing: ReleaseStanding,
  words: PortalWords,
  language: FormLanguage,
  timeZone: string,
): PortalReleaseDto {
  return {
    id: release.id,
    version: release.version,
    status: portalStatus(standing),
    signedAt: release.signed_at,
    expiresAt: release.expires_at,
    expirationEvent: release.expiration_event,
    revokedAt: release.revoked_at,
    inWords: [
      ...releaseInWords(
        {
          channels: release.channels,
          deniedChannels: release.denied_channels,
          faceAllowed: release.face_allowed,
          obscureIdentifyingMarks: release.obscure_identifying_marks,
          nameAllowed: release.name_allowed,
          paidAdvertisingAllowed: release.paid_advertising_allowed,
          educationalUseAllowed: release.educational_use_allowed,
          expiresAt: release.expires_at,
          expirationEvent: release.expiration_event,
        },
        language,
        timeZone,
      ),
      ...standing.narrowings.map((narrowing) =>
        words.narrowedOn(calendarDay(narrowing.receivedAt, timeZone), {
          scopeKind: narrowing.kind,
          channels: [...narrowing.channels],
          photoIds: [...narrowing.photoIds],
          releaseSeriesIds: null,
        }),
      ),
      ...(release.revoked_at ? [words.revokedOn(calendarDay(release.revoked_at, timeZone))] : []),
    ],
    documentUrl: `${PORTAL_PREFIX}/releases/${release.id}/document`,
  };
}

/** The standing in the portal's words: an ending first, then an invalid form, then a narrowing. */
function portalStatus(standing: ReleaseStanding): PortalReleaseDto['status'] {
  if (standing.ended.some((ending) => ending.cause === 'revoked')) return 'revoked';
  if (standing.ended.some((ending) => ending.cause === 'expired')) return 'expired';
  if (standing.state === 'defective') return 'not_valid';
  return standing.state === 'narrowed' ? 'narrowed' : 'active';
}

function portalCaseView(removalCase: RemovalCaseRow, own: RemovalTaskRow[], words: PortalWords): PortalCaseDto {
  const settled = own.filter((task) => task.task_status === 'done' || task.task_status === 'not_removable');
  return {
    id: removalCase.id,
    status: removalCase.status,
    openedAt: removalCase.opened_at,
    dueAt: removalCase.due_at,
    completedAt: removalCase.completed_at,
    progress: words.progress(settled.length, own.length),
    tasks: own.map((task) => ({
      channel: task.channel,
      location: whereShown(task, words),
      status: task.task_status,
      completedAt: task.completed_at,
      notRemovableReason: task.not_removable_reason,
    })),
  };
}

function publicationInPortal(row: PublicationRow, words: PortalWords): PortalPublicationDto {
  return {
    id: row.id,
    channel: row.channel,
    location: whereShown(row, words),
    url: row.url,
    status: row.status,
    publishedAt: row.published_at,
    statusChangedAt: row.status_changed_at,
  };
}

/** Where a publication appears, in words a patient reads. */
function whereShown(
  row: Pick<PublicationRow, 'hosted' | 'url' | 'post_id' | 'campaign' | 'print_run'>,
  words: PortalWords,
): string {
  if (row.hosted) return words.onClinicWebsite;
  const parts = [
    row.url,
    row.post_id ? words.post(row.post_id) : null,
    row.campaign ? words.campaign(row.campaign) : null,
    row.print_run ? words.printRun(row.print_run) : null,
  ].filter((part): part is string => part !== null);
  return parts.join(', ');
}
