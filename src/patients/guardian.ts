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

/**
 * The calendar day of an instant where the clinic is (an IANA time zone), `YYYY-MM-DD`: a patient's
 * age is counted on the day they live in, not on UTC's (8 pm in New York is already tomorrow there).
 */
export function calendarDay(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    dayFormat(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** Whether `name` is a time zone this runtime knows (IANA, e.g. Europe/Paris, or UTC). */
export function isTimeZone(name: string): boolean {
  try {
    dayFormat(name);
    return true;
  } catch {
    return false;
  }
}
