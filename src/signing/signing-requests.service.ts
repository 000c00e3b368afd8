import { Injectable } from '@nestjs/common';
import { instanceToPlain } from 'class-transformer';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { staffOf, type Caller } from '../common/caller.js';
import { calendarDay } from '../common/calendar.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { DomainError, NotFoundError, ValidationFailedError, type FieldError } from '../common/domain-error.js';
import type { FormLanguage } from '../forms/form-template.entity.js';
import type { GuardianRelationship } from '../rights/guardian.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { PatientEntity } from '../patients/patient.entity.js';
import type { ReleaseFormPreviewDto } from '../releases/dto/release-form.dto.js';
import { ReleaseFormsService, type ReleaseFormShown } from '../releases/release-forms.service.js';
import { fullScope, text, type ReleaseTerms } from '../releases/release-terms.js';
import { releaseDocumentKey, ReleasesService } from '../releases/releases.service.js';
import { DocumentSealer } from '../sealing/document-sealer.js';
import type { CreateSigningRequestDto, SignatureDto, SigningRequestState } from './dto/signing.dto.js';
import { drawingProblems } from './signature-drawing.js';
import { signedFormPdf, type SigningEvidence } from './signed-form-pdf.js';
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

export interface SignerView {
  signerType: 'patient' | 'guardian';
  /** The name the signer types. */
  fullName: string;
  relationship: GuardianRelationship | null;
  authority: string | null;
}

/**
 * Release forms the patient signs on the service's own screens: the front desk fills in the terms,
 * the patient (or their guardian) reads the form rendered from them and signs it, and the release is
 * recorded with exactly those terms, its document the sealed PDF of the form as shown and signed.
 */
@Injectable()
export class SigningRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly forms: ReleaseFormsService,
    private readonly releases: ReleasesService,
    private readonly sealer: DocumentSealer,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Renders the form from the terms (refusing what could not be signed) and keeps it waiting for the signature. */
  async create(patientId: string, input: CreateSigningRequestDto, caller: Caller): Promise<SigningRequestView> {
    const { templateId, language, delivery, ...terms } = input;
    const { form, patient } = await this.forms.render(patientId, input);
    const request = this.dataSource.manager.create(SigningRequestEntity, {
      patientId,
      delivery,
      templateId,
      language,
      terms: instanceToPlain(terms) as SigningTerms,
      formSha256: form.sha256,
      createdByUserId: staffOf(caller).userId,
      expiresAt: new Date(this.clock.now().getTime() + DESK_REQUEST_LIFETIME_MS),
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(SigningRequestEntity, request);
      await this.audit.record(
        caller,
        {
          action: 'signing_request.create',
          entityType: 'signing_request',
          entityId: request.id,
          patientId,
          details: { delivery, templateId, language, sha256: form.sha256 },
        },
        manager,
      );
    });
    const saved = await this.dataSource.manager.findOneByOrFail(SigningRequestEntity, { id: request.id });
    return { request: saved, patientCode: patient.code, state: 'pending', form, signer: signerOf(saved, patient) };
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
    const { request, patient } = await this.find(patientId, id);
    const state = this.stateOf(request);
    const form = state === 'pending' ? (await this.forms.render(patientId, this.formInput(request))).form : null;
    await this.audit.record(caller, {
      action: 'signing_request.read',
      entityType: 'signing_request',
      entityId: id,
      patientId,
    });
    return { request, patientCode: patient.code, state, form, signer: signerOf(request, patient) };
  }

  async cancel(patientId: string, id: string, caller: Caller): Promise<SigningRequestView> {
    await this.find(patientId, id);
    await this.dataSource.transaction(async (manager) => {
      const [, changed] = await manager.query<[unknown[], number]>(
        `UPDATE signing_requests SET status = 'cancelled', cancelled_at = $2 WHERE id = $1 AND status = 'pending'`,
        [id, this.clock.now()],
      );
      if (changed === 0) await this.refuseClosed(manager, id);
      await this.audit.record(
        caller,
        { action: 'signing_request.cancel', entityType: 'signing_request', entityId: id, patientId },
        manager,
      );
    });
    const { request, patient } = await this.find(patientId, id);
    return { request, patientCode: patient.code, state: 'cancelled', form: null, signer: signerOf(request, patient) };
  }

  /**
   * Takes the signature on the form the signer was shown: refused unless the form still reads
   * exactly as shown (same hash), the drawing is a signature, the typed name is the signer's and
   * the electronic-signature consent (and a guardian's attestation) was given. Records the release
   * with the request's terms and the sealed PDF, marks the request signed and sends the patient's
   * copy, in one transaction; nothing is recorded when any step fails.
   */
  async sign(patientId: string, id: string, input: SignatureDto, caller: Caller): Promise<string> {
    const witness = staffOf(caller);
    const { request, patient } = await this.find(patientId, id);
    const state = this.stateOf(request);
    if (state === 'expired') {
      throw new DomainError('signing_request_expired', 410, 'This signing request expired unsigned; make a new one.');
    }
    if (state !== 'pending') await this.refuseClosed(this.dataSource.manager, id);
    const signer = signerOf(request, patient);
    const errors = signatureProblems(input, signer);
    if (errors.length > 0) throw new ValidationFailedError(errors);
    const { form } = await this.forms.render(patientId, this.formInput(request));
    if (form.sha256 !== input.shownSha256) {
      throw new DomainError(
        'form_changed',
        409,
        'The form changed since it was shown (the patient’s record, a covered case or the template). Show it again.',
        { sha256: form.sha256 },
      );
    }
    // The signature page states the database's time, which no client sets; the release is stamped
    // with the service's clock, as every consent change is, so the rule compares one clock's times.
    const [{ now: databaseTime }] = await this.dataSource.query<{ now: Date }[]>('SELECT statement_timestamp() AS now');
    const signedAt = this.clock.now();
    const [{ display_name: witnessName }] = await this.dataSource.query<{ display_name: string }[]>(
      'SELECT display_name FROM users WHERE id = $1',
      [witness.userId],
    );
    const words = signingWords(request.language);
    const evidence: SigningEvidence = {
      signerName: signer.fullName,
      signerCapacity:
        signer.signerType === 'guardian' ? words.guardian(signer.relationship ?? undefined) : words.patient,
      guardianAttestation:
        signer.signerType === 'guardian'
          ? words.attestation(signer.relationship ?? undefined, signer.authority ?? '')
          : null,
      witness: witnessName,
      signedAt: databaseTime,
      clientAddress: caller.clientIp,
      userAgent: caller.userAgent,
      templateId: form.templateId,
      templateVersion: form.templateVersion,
      signingRequestId: id,
    };
    const pdf = await this.sealer.seal(await signedFormPdf(form, input.signature, evidence), {
      reason: words.sealReason(form.title),
      location: form.clinicName,
      signingTime: databaseTime,
    });
    const terms = releaseTermsOf(request.terms, form, { signedAt, witnessUserId: witness.userId });
    return this.releases.recordSigned(
      patientId,
      terms,
      { bytes: pdf, fileName: `signed-release-${id}.pdf`, declaredType: 'application/pdf' },
      caller,
      {
        details: { signingRequestId: id, delivery: request.delivery, formSha256: form.sha256 },
        write: async (manager, releaseId) => {
          const [, claimed] = await manager.query<[unknown[], number]>(
            `UPDATE signing_requests SET status = 'signed', signed_at = $2, release_id = $3
              WHERE id = $1 AND status = 'pending' AND expires_at > $2`,
            [id, signedAt, releaseId],
          );
          // Signed (or cancelled) by another request since the first read.
          if (claimed === 0) await this.refuseClosed(manager, id);
          await this.sendCopy(manager, patient, request.language, releaseId, signer.signerType, signedAt);
        },
      },
    );
  }

  /** The patient's copy of what they signed (164.508(c)(4)), mailed with the sealed PDF attached. */
  private async sendCopy(
    manager: EntityManager,
    patient: PatientEntity,
    language: FormLanguage,
    releaseId: string,
    signerType: 'patient' | 'guardian',
    signedAt: Date,
  ): Promise<void> {
    const words = signingWords(language);
    const address =
      signerType === 'guardian'
        ? (patient.guardianContactEmail ?? patient.contactEmail)
        : (patient.contactEmail ?? patient.guardianContactEmail);
    await this.notifications.enqueue(manager, [
      {
        kind: 'signed_release_copy',
        dedupeKey: `release:${releaseId}:signed-copy`,
        address,
        patientId: patient.id,
        subject: words.copySubject,
        body: words.copyBody(patient.fullName, calendarDay(signedAt, this.config.clinicTimeZone), releaseId),
        attachment: {
          key: releaseDocumentKey(releaseId),
          fileName: words.copyFileName,
          contentType: 'application/pdf',
        },
      },
    ]);
  }

  private async find(
    patientId: string,
    id: string,
  ): Promise<{ request: SigningRequestEntity; patient: PatientEntity }> {
    const request = await this.dataSource.manager.findOne(SigningRequestEntity, {
      where: { id, patientId },
      relations: { patient: true },
    });
    if (!request?.patient) throw new NotFoundError('The signing request (of this patient)');
    return { request, patient: request.patient };
  }

  private stateOf(request: SigningRequestEntity): SigningRequestState {
    if (request.status !== 'pending') return request.status;
    return request.expiresAt <= this.clock.now() ? 'expired' : 'pending';
  }

  private async refuseClosed(manager: EntityManager, id: string): Promise<never> {
    const [row] = await manager.query<{ status: string; release_id: string | null }[]>(
      'SELECT status, release_id FROM signing_requests WHERE id = $1',
      [id],
    );
    if (row?.status === 'pending') {
      throw new DomainError('signing_request_expired', 410, 'This signing request expired unsigned; make a new one.');
    }
    throw new DomainError(
      'signing_request_closed',
      409,
      row?.status === 'signed' ? 'This form was already signed.' : 'This signing request was cancelled.',
      { status: row?.status ?? null, releaseId: row?.release_id ?? null },
    );
  }

  private formInput(request: SigningRequestEntity): ReleaseFormPreviewDto {
    return { ...request.terms, templateId: request.templateId, language: request.language };
  }
}

function signerOf(request: SigningRequestEntity, patient: PatientEntity): SignerView {
  const signer = request.terms.signedBy;
  return {
    signerType: signer.signerType,
    fullName: signer.fullName?.trim() || patient.fullName,
    relationship: signer.relationship ?? null,
    authority: signer.authority?.trim() ?? null,
  };
}

/** Why the signature cannot be taken, as field errors. */
function signatureProblems(input: SignatureDto, signer: SignerView): FieldError[] {
  const errors: FieldError[] = [];
  if (input.electronicSignatureConsent !== true) {
    errors.push({
      field: 'electronicSignatureConsent',
      messages: ['the signer must agree to sign electronically, or sign a paper form instead'],
    });
  }
  if (comparableName(input.typedName) !== comparableName(signer.fullName)) {
    errors.push({ field: 'typedName', messages: ['type the signer’s full name as the form gives it'] });
  }
  if (signer.signerType === 'guardian' && input.guardianAttestation !== true) {
    errors.push({
      field: 'guardianAttestation',
      messages: ['a guardian must affirm their relationship to the patient and their authority to sign'],
    });
  }
  if (signer.signerType === 'patient' && input.guardianAttestation === true) {
    errors.push({ field: 'guardianAttestation', messages: ['this form is signed by the patient, not a guardian'] });
  }
  errors.push(...drawingProblems(input.signature));
  return errors;
}

/** A name as typed on a tablet compares without case, accents or extra spaces. */
function comparableName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The release's terms are the request's, as rendered: the statements of 164.508(c)(2) are the
 * template's own (a template cannot be published without them), and the copy goes to the signer.
 */
function releaseTermsOf(
  terms: SigningTerms,
  form: ReleaseFormShown,
  signing: { signedAt: Date; witnessUserId: string },
): ReleaseTerms {
  return {
    coversAllCases: terms.coversAllCases === true,
    caseIds: terms.coversAllCases === true ? [] : (terms.caseIds ?? []),
    signedAt: signing.signedAt,
    signedBy: terms.signedBy,
    witnessUserId: signing.witnessUserId,
    formTemplate: form.title,
    formVersion: `${form.templateId} v${form.templateVersion} (${form.language})`,
    informationDescription: text(terms.informationDescription),
    disclosingParty: text(terms.disclosingParty),
    recipients: text(terms.recipients),
    purpose: text(terms.purpose),
    expiresAt: terms.expiresAt ? new Date(terms.expiresAt) : null,
    expirationEvent: text(terms.expirationEvent),
    rightToRevokeStatement: true,
    redisclosureStatement: true,
    conditioningStatement: true,
    treatmentConditionedOnSigning: false,
    copyProvidedToSigner: true,
    scope: fullScope(terms.scope),
  };
}
