import { ValidationFailedError, type FieldError } from '../common/domain-error.js';
import { calendarDay } from '../common/calendar.js';
import type { PatientEntity } from '../patients/patient.entity.js';
import { channelCovers } from '../rights/channels.js';
import { signerAuthorityProblem, type SignerAuthorityProblem } from '../rights/guardian.js';
import type { ScopeDto, SignedByDto } from './dto/release.dto.js';
import type { ReleaseEntity } from './release.entity.js';

// The terms of a release version as the front desk gives them, checked without a database, and the
// columns they become.

const SIGNER_AUTHORITY_ERRORS: Record<SignerAuthorityProblem, FieldError> = {
  signed_before_birth: { field: 'signedAt', messages: ['signedAt is before the patient was born'] },
  minor_signed_alone: {
    field: 'signedBy.signerType',
    messages: ['the patient was under 18 on the signing date: a guardian must sign'],
  },
  parent_of_adult: {
    field: 'signedBy.relationship',
    messages: ['the patient was an adult on the signing date: a parent cannot sign for them'],
  },
};

/** The terms of one version, before it is written: a new release's fields or an amendment's merge. */
export interface ReleaseTerms {
  coversAllCases: boolean;
  caseIds: string[];
  signedAt: Date;
  signedBy: SignedByDto;
  witnessUserId: string;
  formTemplate: string;
  formVersion: string;
  informationDescription: string | null;
  disclosingParty: string | null;
  recipients: string | null;
  purpose: string | null;
  expiresAt: Date | null;
  expirationEvent: string | null;
  rightToRevokeStatement: boolean;
  redisclosureStatement: boolean;
  conditioningStatement: boolean;
  treatmentConditionedOnSigning: boolean;
  copyProvidedToSigner: boolean;
  scope: Required<ScopeDto>;
}

/** Rules that need no database: dates, the guardian's signature for a minor (`now` and the clinic's `timeZone` to judge them). */
export function assertTermsValid(
  patient: Pick<PatientEntity, 'dateOfBirth'>,
  terms: Pick<ReleaseTerms, 'signedAt' | 'expiresAt' | 'signedBy' | 'scope'>,
  { now, timeZone }: { now: Date; timeZone: string },
): void {
  const errors: FieldError[] = [];
  if (terms.signedAt > now) errors.push({ field: 'signedAt', messages: ['signedAt must not be in the future'] });
  if (terms.expiresAt && terms.expiresAt <= terms.signedAt) {
    errors.push({ field: 'expiresAt', messages: ['expiresAt must be after signedAt'] });
  }
  const signer = terms.signedBy;
  // The signing date is the day where the clinic is, as the patient's age on it is counted.
  const signingDay = calendarDay(terms.signedAt, timeZone);
  const signerProblem = signerAuthorityProblem(signer, patient.dateOfBirth, signingDay);
  if (signerProblem) errors.push(SIGNER_AUTHORITY_ERRORS[signerProblem]);
  if (signer.signerType === 'guardian') {
    const missing = (['fullName', 'relationship', 'authority'] as const).filter((key) => !signer[key]?.trim());
    for (const key of missing) {
      errors.push({ field: `signedBy.${key}`, messages: [`${key} is required when a guardian signs`] });
    }
  }
  const scope = terms.scope;
  const cancelled = scope.channels.filter((granted) =>
    scope.deniedChannels.some((denied) => channelCovers(denied, granted)),
  );
  if (cancelled.length > 0) {
    errors.push({
      field: 'scope.deniedChannels',
      messages: [`a denied channel takes away the whole of granted ${cancelled.join(', ')}; drop one of them`],
    });
  }
  if (scope.channels.includes('education') && !scope.educationalUseAllowed) {
    errors.push({ field: 'scope.channels', messages: ['education is granted but educationalUseAllowed is false'] });
  }
  if (errors.length > 0) throw new ValidationFailedError(errors);
}

/** What is wrong with how a new release names the cases it covers: some caseIds, or all of them. */
export function coverageErrors(input: { coversAllCases?: boolean; caseIds?: string[] }): FieldError[] {
  if (input.coversAllCases === true && input.caseIds) {
    return [{ field: 'caseIds', messages: ['give caseIds or coversAllCases: true, not both'] }];
  }
  if (input.coversAllCases !== true && !input.caseIds) {
    return [{ field: 'caseIds', messages: ['give the covered caseIds, or coversAllCases: true'] }];
  }
  return [];
}

/** Trimmed text, null when empty or absent. */
export function text(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

/** An amendment's text field: left out keeps the previous value; null or empty clears it. */
export function amendedText(value: string | null | undefined, previous: string | null): string | null {
  return value === undefined ? previous : text(value);
}

export function fullScope(scope: ScopeDto): Required<ScopeDto> {
  return {
    channels: scope.channels,
    deniedChannels: scope.deniedChannels ?? [],
    faceAllowed: scope.faceAllowed,
    obscureIdentifyingMarks: scope.obscureIdentifyingMarks,
    nameAllowed: scope.nameAllowed ?? false,
    paidAdvertisingAllowed: scope.paidAdvertisingAllowed,
    educationalUseAllowed: scope.educationalUseAllowed,
  };
}

/** The scope a release version grants, as its columns hold it. */
export function scopeOf(release: ReleaseEntity): Required<ScopeDto> {
  return {
    channels: release.channels,
    deniedChannels: release.deniedChannels,
    faceAllowed: release.faceAllowed,
    obscureIdentifyingMarks: release.obscureIdentifyingMarks,
    nameAllowed: release.nameAllowed,
    paidAdvertisingAllowed: release.paidAdvertisingAllowed,
    educationalUseAllowed: release.educationalUseAllowed,
  };
}

/** The columns of a version that its terms give, the signer's name defaulting to the patient's. */
export function versionColumns(patient: PatientEntity, terms: ReleaseTerms): Partial<ReleaseEntity> {
  const signer = terms.signedBy;
  return {
    patientId: patient.id,
    coversAllCases: terms.coversAllCases,
    signedAt: terms.signedAt,
    signerType: signer.signerType,
    // Validation made sure a guardian's name is given; only the patient's own defaults.
    signerFullName: signer.fullName?.trim() || patient.fullName,
    signerRelationship: signer.signerType === 'guardian' ? (signer.relationship ?? null) : null,
    signerAuthority: signer.signerType === 'guardian' ? (signer.authority?.trim() ?? null) : null,
    witnessUserId: terms.witnessUserId,
    formTemplate: terms.formTemplate,
    formVersion: terms.formVersion,
    informationDescription: terms.informationDescription,
    disclosingParty: terms.disclosingParty,
    recipients: terms.recipients,
    purpose: terms.purpose,
    expiresAt: terms.expiresAt,
    expirationEvent: terms.expirationEvent,
    rightToRevokeStatement: terms.rightToRevokeStatement,
    redisclosureStatement: terms.redisclosureStatement,
    conditioningStatement: terms.conditioningStatement,
    treatmentConditionedOnSigning: terms.treatmentConditionedOnSigning,
    copyProvidedToSigner: terms.copyProvidedToSigner,
    channels: terms.scope.channels,
    deniedChannels: terms.scope.deniedChannels,
    faceAllowed: terms.scope.faceAllowed,
    obscureIdentifyingMarks: terms.scope.obscureIdentifyingMarks,
    nameAllowed: terms.scope.nameAllowed,
    paidAdvertisingAllowed: terms.scope.paidAdvertisingAllowed,
    educationalUseAllowed: terms.scope.educationalUseAllowed,
  };
}
