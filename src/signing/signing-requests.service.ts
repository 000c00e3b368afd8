import { Injectable, Logger } from '@nestjs/common';
import { instanceToPlain } from 'class-transformer';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { generateToken, hashToken } from '../auth/secret-token.js';
import { staffOf, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { ReleaseEntity } from '../releases/release.entity.js';
import { AppConfig } from '../config/app-config.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { ReleaseFormShown } from '../releases/release-forms.service.js';
import { ReleaseFormsService } from '../releases/release-forms.service.js';
import type { CreateSigningRequestDto, SignatureDto, SigningRequestState } from './dto/signing.dto.js';
import {
  findPatientRequest,
  refuseClosed,
  SignatureRecorder,
  signerAddress,
  signerOf,
  type SignerView,
} from './signature-recorder.service.js';
import { SigningRequestEntity, type SigningTerms } from './signing-request.entity.js';
import { signingWords } from './signing-words.js';

/** How long a form made at the desk waits for its signature: the length of a visit. */
const DESK_REQUEST_LIFETIME_MS = 4 * 60 * 60 * 1000;
const LIST_LIMIT = 200;

export interface SigningRequestView {
  request: SigningRequestEntity;
  patientCode: string;
  state: SigningRequestState;
  /** The form as it reads now, while it can be signed. */
  form: ReleaseFormShown | null;
  signer: SignerView;
}

/**
 * Release forms the patient signs on the service's own screens: the front desk fills in the terms,
 * and the patient (or their guardian) reads the form rendered from them and signs it, on the
 * clinic's tablet or through a link mailed to them (SigningLinksService).
 */
@Injectable()
export class SigningRequestsService {
  private readonly logger = new Logger(SigningRequestsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly forms: ReleaseFormsService,
    private readonly recorder: SignatureRecorder,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Renders the form from the terms (refusing what could not be signed) and keeps it waiting for
   * the signature; for `mail`, mails the signer a one-time link in the same transaction.
   */
  async create(patientId: string, input: CreateSigningRequestDto, caller: Caller): Promise<SigningRequestView> {
    const { templateId, language, delivery, amendsReleaseId, amendmentReason, ...terms } = input;
    const { form, patient } = await this.forms.render(patientId, input);
    const reason = amendmentReason?.trim();
    if (amendsReleaseId) await this.assertAmendable(patientId, amendsReleaseId, reason);
    else if (amendmentReason !== undefined) {
      throw new ValidationFailedError([
        { field: 'amendmentReason', messages: ['an amendment reason goes with amendsReleaseId, the release amended'] },
      ]);
    }
    const signerType = input.signedBy.signerType;
    const address = signerAddress(patient, signerType);
    if (delivery === 'mail' && !address) {
      throw new ValidationFailedError([
        {
          field: 'delivery',
          messages: [
            signerType === 'guardian'
              ? 'no email address is on file for the guardian: sign at the desk instead'
              : 'no email address is on file for the patient: sign at the desk instead',
          ],
        },
      ]);
    }
    const now = this.clock.now();
    const link = delivery === 'mail' ? generateToken('signing_link') : null;
    const request = this.dataSource.manager.create(SigningRequestEntity, {
      patientId,
      delivery,
      templateId,
      language,
      terms: instanceToPlain(terms) as SigningTerms,
      formSha256: form.sha256,
      createdByUserId: staffOf(caller).userId,
      expiresAt: new Date(now.getTime() + (link ? this.config.signing.linkLifetimeMs : DESK_REQUEST_LIFETIME_MS)),
      linkHash: link ? hashToken(link) : null,
      amendsReleaseId: amendsReleaseId ?? null,
      amendmentReason: amendsReleaseId ? (reason ?? null) : null,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(SigningRequestEntity, request);
      if (link && address) {
        const words = signingWords(language);
        const url = `${this.config.signing.linkUrl}#token=${link}`;
        this.showLinkInDevelopment(url);
        await this.notifications.enqueue(manager, [
          {
            kind: 'signing_request_link',
            dedupeKey: `signing_request:${request.id}:link`,
            address,
            patientId,
            subject: words.linkSubject,
            body: words.linkBody(patient.fullName, url, request.expiresAt.toISOString().slice(0, 10)),
          },
        ]);
      }
      await this.audit.record(
        caller,
        {
          action: 'signing_request.create',
          entityType: 'signing_request',
          entityId: request.id,
          patientId,
          details: { delivery, templateId, language, sha256: form.sha256, amendsReleaseId: amendsReleaseId ?? null },
        },
        manager,
      );
    });
    const saved = await this.dataSource.manager.findOneByOrFail(SigningRequestEntity, { id: request.id });
    return { request: saved, patientCode: patient.code, state: 'pending', form, signer: signerOf(saved, patient) };
  }

  /** An amendment's form is for the patient's current version of a release, and says why. */
  private async assertAmendable(patientId: string, releaseId: string, reason: string | undefined): Promise<void> {
    if (!reason) {
      throw new ValidationFailedError([{ field: 'amendmentReason', messages: ['say why the release is amended'] }]);
    }
    const release = await this.dataSource.manager.findOneBy(ReleaseEntity, { id: releaseId, patientId });
    if (!release) throw new NotFoundError('The release to amend (of this patient)');
    if (release.supersededAt) {
      throw new DomainError('release_superseded', 409, 'This version was superseded; amend the current version.');
    }
  }

  /** Requests in one state, newest first: by default those still waiting for a signature. */
  async list(state: SigningRequestState): Promise<Omit<SigningRequestView, 'form' | 'signer'>[]> {
    const now = this.clock.now();
    const [condition, parameters] =
      state === 'pending'
        ? [`r.status = 'pending' AND r.expires_at > $1`, [now]]
        : state === 'expired'
          ? [`r.status = 'pending' AND r.expires_at <= $1`, [now]]
          : [`r.status = $1`, [state]];
    const rows = await this.dataSource.query<{ id: string; code: string }[]>(
      `SELECT r.id, p.code FROM signing_requests r JOIN patients p ON p.id = r.patient_id
        WHERE ${condition} ORDER BY r.created_at DESC, r.id LIMIT ${LIST_LIMIT}`,
      parameters,
    );
    if (rows.length === 0) return [];
    const requests = await this.dataSource.manager.find(SigningRequestEntity, {
      where: { id: In(rows.map((row) => row.id)) },
    });
    return rows.map((row) => {
      const request = requests.find((each) => each.id === row.id) as SigningRequestEntity;
      return { request, patientCode: row.code, state };
    });
  }

  /** One request with its form as it reads now (while it can be signed); the read is audited. */
  async get(patientId: string, id: string, caller: Caller): Promise<SigningRequestView> {
    const { request, patient } = await findPatientRequest(this.dataSource.manager, patientId, id);
    const state = this.recorder.stateOf(request);
    const form = state === 'pending' ? await this.recorder.currentForm(request) : null;
    await this.audit.record(caller, {
      action: 'signing_request.read',
      entityType: 'signing_request',
      entityId: id,
      patientId,
    });
    return { request, patientCode: patient.code, state, form, signer: signerOf(request, patient) };
  }

  /** Withdraws a request that waits for its signature; a mailed link stops working with it. */
  async cancel(patientId: string, id: string, caller: Caller): Promise<SigningRequestView> {
    await findPatientRequest(this.dataSource.manager, patientId, id);
    await this.dataSource.transaction(async (manager) => {
      const [, changed] = await manager.query<[unknown[], number]>(
        `UPDATE signing_requests SET status = 'cancelled', cancelled_at = $2, proof_hash = NULL, proof_expires_at = NULL
          WHERE id = $1 AND status = 'pending'`,
        [id, this.clock.now()],
      );
      if (changed === 0) await refuseClosed(manager, id);
      await this.audit.record(
        caller,
        { action: 'signing_request.cancel', entityType: 'signing_request', entityId: id, patientId },
        manager,
      );
    });
    const { request, patient } = await findPatientRequest(this.dataSource.manager, patientId, id);
    return { request, patientCode: patient.code, state: 'cancelled', form: null, signer: signerOf(request, patient) };
  }

  /** The signature taken on the clinic's tablet, the signed-in staff member witnessing. */
  async signAtDesk(patientId: string, id: string, input: SignatureDto, caller: Caller): Promise<string> {
    const witness = staffOf(caller);
    const { request, patient } = await findPatientRequest(this.dataSource.manager, patientId, id);
    if (request.delivery !== 'desk') {
      throw new ValidationFailedError([
        { field: 'delivery', messages: ['this form was mailed to the signer: they sign it through their link'] },
      ]);
    }
    const words = signingWords(request.language);
    return this.recorder.record(request, patient, input, caller, {
      witnessUserId: witness.userId,
      witnessPresent: true,
      witness: witness.displayName,
      identityCheck: words.atDesk,
    });
  }

  /**
   * No staff account may read a working link from the outbox; a demo without a mail server still
   * needs one, so the console of a development instance on the embedded database shows it.
   */
  private showLinkInDevelopment(url: string): void {
    if (this.config.env !== 'development' || this.config.mail.smtpUrl || this.config.database.url) return;
    this.logger.warn(
      `DEVELOPMENT ONLY, no SMTP_URL: the signing link just mailed (to the outbox) is ${url} ` +
        '- never run like this with real patients.',
    );
  }
}
