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
