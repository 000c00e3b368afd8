/** How a guardian or signer stands to the patient; each maps to an HL7 v3 RoleCode for FHIR. */
export const GUARDIAN_RELATIONSHIPS = ['parent', 'legal_guardian', 'healthcare_agent', 'other'] as const;
export type GuardianRelationship = (typeof GUARDIAN_RELATIONSHIPS)[number];

export const ADULT_AGE_YEARS = 18;

/** Whole years between a birth date and a day, both `YYYY-MM-DD`, as a birthday counts them. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Why a signer could not sign a release for the patient on the day they signed it. */
export type SignerAuthorityProblem = 'signed_before_birth' | 'minor_signed_alone' | 'parent_of_adult';

/**
 * Whether the signer could sign for the patient on `signingDay` (the clinic's calendar day): a
 * minor's release needs a guardian's signature, and a parent has no authority over an adult. The
 * same rule refuses a release as it is recorded and marks one defective after the date of birth is
 * corrected.
 */
export function signerAuthorityProblem(
  signer: { signerType: 'patient' | 'guardian'; relationship?: GuardianRelationship | null },
  dateOfBirth: string,
  signingDay: string,
): SignerAuthorityProblem | null {
  if (signingDay < dateOfBirth) return 'signed_before_birth';
  const minor = ageOn(dateOfBirth, signingDay) < ADULT_AGE_YEARS;
  if (minor && signer.signerType !== 'guardian') return 'minor_signed_alone';
  if (!minor && signer.signerType === 'guardian' && signer.relationship === 'parent') return 'parent_of_adult';
  return null;
}
