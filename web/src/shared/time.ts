import { useEffect, useState } from 'react';

// Dates, times and durations as the console shows them: in the reader's language and time zone.

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A day, e.g. "Mar 2, 2026"; a dash for none. */
export function formatDate(instant: string | null | undefined): string {
  return instant ? dateOnly.format(new Date(instant)) : '—';
}

/** A moment to the minute, e.g. "Mar 2, 2026, 9:15 AM"; a dash for none. */
export function formatDateTime(instant: string | null | undefined): string {
  return instant ? dateTime.format(new Date(instant)) : '—';
}

/** Days and hours, or hours and minutes under a day: "12 d 4 h", "4 h 3 min". */
export function durationInWords(milliseconds: number): string {
  const minutes = Math.floor(Math.abs(milliseconds) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return days > 0 ? `${days} d ${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** The current time, moving every `everyMs`: what a countdown is drawn against. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
