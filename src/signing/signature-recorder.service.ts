import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { calendarDay } from '../common/calendar.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError, ValidationFailedError, type FieldError } from '../common/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import type { FormLanguage } from '../forms/form-template.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { PatientEntity } from '../patients/patient.entity.js';
import type { ReleaseFormPreviewDto } from '../releases/dto/release-form.dto.js';
import { ReleaseFormsService, type ReleaseFormShown } from '../releases/release-forms.service.js';
import { fullScope, text, type ReleaseTerms } from '../releases/release-terms.js';
import { releaseDocumentKey, ReleasesService } from '../releases/releases.service.js';
import type { GuardianRelationship } from '../rights/guardian.js';
import { DocumentSealer } from '../sealing/document-sealer.js';
import type { SignatureDto, SigningRequestState } from './dto/signing.dto.js';
import { drawingProblems } from './signature-drawing.js';
import { signedFormPdf } from './signed-form-pdf.js';
import { SigningRequestEntity, type SigningTerms } from './signing-request.entity.js';
import { signingWords } from './signing-words.js';

export interface SignerView {
  signerType: 'patient' | 'guardian';
  /** The name the signer types. */
  fullName: string;
  relationship: GuardianRelationship | null;
  authority: string | null;
}

/** How the signer was known: witnessed at the desk, or proven through a mailed link. */
export interface Attendance {
  /** The staff member the release names as witness: the one at the desk, or who sent the link. */
  witnessUserId: string;
  /** Whether they saw the signing; one who sent a link may have left the clinic since. */
  witnessPresent: boolean;
  /** What the signature page says of the witness. */
  witness: string;
  /** What the signature page says of how the signer's identity was checked. */
  identityCheck: string;
}

/**
 * Takes a signature on a signing request's form, for the desk and for a mailed link alike: refused
 * unless the form still reads exactly as shown (same hash), the drawing is a signature, the typed
 * name is the signer's and the electronic-signature consent (and a guardian's attestation) was
 * given. Records the release with the request's terms and the sealed PDF, marks the request signed
 * and sends the patient's copy, in one transaction; nothing is recorded when any step fails.
 */
@Injectable()
export class SignatureRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly forms: ReleaseFormsService,
    private readonly releases: ReleasesService,
    private readonly sealer: DocumentSealer,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async record(
    request: SigningRequestEntity,
    patient: PatientEntity,
    input: SignatureDto,
    caller: Caller,
    attendance: Attendance,
  ): Promise<string> {
    await this.assertOpen(request);
    const signer = signerOf(request, patient);
    const errors = signatureProblems(input, signer);
    if (errors.length > 0) throw new ValidationFailedError(errors);
    const form = await this.currentForm(request);
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
    const words = signingWords(request.language);
    const pdf = await signedFormPdf(form, input.signature, {
      signerName: signer.fullName,
      signerCapacity:
        signer.signerType === 'guardian' ? words.guardian(signer.relationship ?? undefined) : words.patient,
      guardianAttestation:
        signer.signerType === 'guardian'
          ? words.attestation(signer.relationship ?? undefined, signer.authority ?? '')
          : null,
      witness: attendance.witness,
      identityCheck: attendance.identityCheck,
      signedAt: databaseTime,
      clientAddress: caller.clientIp,
      userAgent: caller.userAgent,
      templateId: form.templateId,
      templateVersion: form.templateVersion,
      signingRequestId: request.id,
    });
    const sealed = await this.sealer.seal(pdf, {
      reason: words.sealReason(form.title),
      location: form.clinicName,
      signingTime: databaseTime,
    });
    const terms = releaseTermsOf(request.terms, form, { signedAt, witnessUserId: attendance.witnessUserId });
    const document = {
      bytes: sealed,
      fileName: `signed-release-${request.id}.pdf`,
      declaredType: 'application/pdf',
    };
    const signing = {
      details: { signingRequestId: request.id, delivery: request.delivery, formSha256: form.sha256 },
      witnessPresent: attendance.witnessPresent,
      write: async (manager: EntityManager, releaseId: string) => {
        const [, claimed] = await manager.query<[unknown[], number]>(
          `UPDATE signing_requests SET status = 'signed', signed_at = $2, release_id = $3,
                  proof_hash = NULL, proof_expires_at = NULL
            WHERE id = $1 AND status = 'pending' AND expires_at > $2`,
          [request.id, signedAt, releaseId],
        );
        // Signed (or cancelled) by another request since the first read.
        if (claimed === 0) await refuseClosed(manager, request.id);
        await this.sendCopy(manager, patient, request.language, releaseId, signer.signerType, signedAt);
      },
    };
    return request.amendsReleaseId
      ? this.releases.recordSignedAmendment(request.amendsReleaseId, terms, document, caller, {
          ...signing,
          reason: request.amendmentReason ?? '',
        })
      : this.releases.recordSigned(patient.id, terms, document, caller, signing);
  }

  /** The form as it reads now, rendered again from the request's terms. */
  async currentForm(request: SigningRequestEntity): Promise<ReleaseFormShown> {
    const input: ReleaseFormPreviewDto = {
      ...request.terms,
      templateId: request.templateId,
      language: request.language,
    };
    return (await this.forms.render(request.patientId, input)).form;
  }

  stateOf(request: SigningRequestEntity): SigningRequestState {
    if (request.status !== 'pending') return request.status;
    return request.expiresAt <= this.clock.now() ? 'expired' : 'pending';
  }

  /** Refuses a request that can no longer be signed: expired (410), signed or cancelled (409). */
  async assertOpen(request: SigningRequestEntity): Promise<void> {
    const state = this.stateOf(request);
    if (state === 'expired') throw expiredError();
    if (state !== 'pending') await refuseClosed(this.dataSource.manager, request.id);
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
    await this.notifications.enqueue(manager, [
      {
        kind: 'signed_release_copy',
        dedupeKey: `release:${releaseId}:signed-copy`,
        address: signerAddress(patient, signerType),
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
}

/**
 * The signer's own address: the guardian's for a guardian, the patient's for the patient. Never the
 * other's: a link to sign must not reach someone who could sign in the signer's name (a minor for
 * their parent, a former guardian for an adult), and a copy goes to whoever signed.
 */
export function signerAddress(patient: PatientEntity, signerType: 'patient' | 'guardian'): string | null {
  return signerType === 'guardian' ? patient.guardianContactEmail : patient.contactEmail;
}

export function signerOf(request: SigningRequestEntity, patient: PatientEntity): SignerView {
  const signer = request.terms.signedBy;
  return {
    signerType: signer.signerType,
    fullName: signer.fullName?.trim() || patient.fullName,
    relationship: signer.relationship ?? null,
    authority: signer.authority?.trim() ?? null,
  };
}

export async function findRequest(
  manager: EntityManager,
  where: { id: string; patientId: string } | { linkHash: Buffer },
): Promise<{ request: SigningRequestEntity; patient: PatientEntity } | null> {
  const request = await manager.findOne(SigningRequestEntity, { where, relations: { patient: true } });
  return request?.patient ? { request, patient: request.patient } : null;
}

export async function findPatientRequest(
  manager: EntityManager,
  patientId: string,
  id: string,
): Promise<{ request: SigningRequestEntity; patient: PatientEntity }> {
  const found = await findRequest(manager, { id, patientId });
  if (!found) throw new NotFoundError('The signing request (of this patient)');
  return found;
}

function expiredError(): DomainError {
  return new DomainError('signing_request_expired', 410, 'This signing request expired unsigned; make a new one.');
}

export async function refuseClosed(manager: EntityManager, id: string): Promise<never> {
  const [row] = await manager.query<{ status: string; release_id: string | null }[]>(
    'SELECT status, release_id FROM signing_requests WHERE id = $1',
    [id],
  );
  if (row?.status === 'pending') throw expiredError();
  throw new DomainError(
    'signing_request_closed',
    409,
    row?.status === 'signed' ? 'This form was already signed.' : 'This signing request was cancelled.',
    { status: row?.status ?? null, releaseId: row?.release_id ?? null },
  );
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
