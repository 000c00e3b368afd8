// The timers of a removal case (docs/architecture.md §3): reminders to the task owners, the escalation to the
// privacy officer and the overdue alert, each a number of days before the deadline.

export type RemovalTimerKind = 'reminder' | 'escalation' | 'overdue';

export interface RemovalTimerNotice {
  /** What a fired timer is recorded under: `reminder:21`, `escalation:3`, `overdue`. */
  key: string;
  kind: RemovalTimerKind;
  daysBefore: number;
}

const DAY_MS = 24 * 3600_000;
const KIND_ORDER: Record<RemovalTimerKind, number> = { reminder: 0, escalation: 1, overdue: 2 };

/** Every timer, in the order they fire. */
export function timerNotices(settings: {
  reminderDaysBefore: readonly number[];
  escalationDaysBefore: number;
}): RemovalTimerNotice[] {
  return [
    ...settings.reminderDaysBefore.map((days) => notice('reminder', days)),
    notice('escalation', settings.escalationDaysBefore),
    notice('overdue', 0),
  ].sort((a, b) => b.daysBefore - a.daysBefore || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/** The notice a job names, or undefined for a key this version does not know. */
export function parseNotice(key: string): RemovalTimerNotice | undefined {
  if (key === 'overdue') return notice('overdue', 0);
  const match = /^(reminder|escalation):(\d{1,3})$/.exec(key);
  return match ? notice(match[1] as RemovalTimerKind, Number(match[2])) : undefined;
}

export function fireAt(dueAt: Date, timer: RemovalTimerNotice): Date {
  return new Date(dueAt.getTime() - timer.daysBefore * DAY_MS);
}

/**
 * Whether a later timer to the same people is due too (the workers were down, or the case opened
 * late): then only the later one is sent. Reminders go to the task owners, the escalation to the
 * privacy officers, the overdue alert to both, and is never superseded.
 */
export function isSuperseded(timer: RemovalTimerNotice, all: RemovalTimerNotice[], dueAt: Date, now: Date): boolean {
  if (timer.kind === 'overdue') return false;
  return all.some(
    (other) =>
      (other.kind === 'overdue' || other.kind === timer.kind) &&
      other.daysBefore < timer.daysBefore &&
      fireAt(dueAt, other).getTime() <= now.getTime(),
  );
}

function notice(kind: RemovalTimerKind, daysBefore: number): RemovalTimerNotice {
  return { key: kind === 'overdue' ? 'overdue' : `${kind}:${daysBefore}`, kind, daysBefore };
}
