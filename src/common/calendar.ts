// Calendar days where the clinic is: ages, deadlines and dates in messages are counted on them.

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
