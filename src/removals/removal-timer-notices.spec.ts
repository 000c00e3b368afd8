import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { fireAt, isSuperseded, parseNotice, timerNotices } from './removal-timer-notices.js';

const DAY = 24 * 3600_000;
const DUE = new Date('2026-04-01T09:00:00Z');
const at = (daysBeforeDue: number) => new Date(DUE.getTime() - daysBeforeDue * DAY);

describe('removal timer notices', () => {
  const notices = timerNotices({ reminderDaysBefore: [21, 7, 2], escalationDaysBefore: 3 });

  it('fire in order: reminders, the escalation between them, the overdue alert at the deadline', () => {
    assert.deepEqual(
      notices.map((notice) => [notice.key, fireAt(DUE, notice).toISOString()]),
      [
        ['reminder:21', '2026-03-11T09:00:00.000Z'],
        ['reminder:7', '2026-03-25T09:00:00.000Z'],
        ['escalation:3', '2026-03-29T09:00:00.000Z'],
        ['reminder:2', '2026-03-30T09:00:00.000Z'],
        ['overdue', '2026-04-01T09:00:00.000Z'],
      ],
    );
  });

  it('puts the escalation before a reminder due the same day, and allows no reminders', () => {
    const sameDay = timerNotices({ reminderDaysBefore: [3], escalationDaysBefore: 3 });
    assert.deepEqual(
      sameDay.map((notice) => notice.key),
      ['reminder:3', 'escalation:3', 'overdue'],
    );
    assert.deepEqual(
      timerNotices({ reminderDaysBefore: [], escalationDaysBefore: 0 }).map((notice) => notice.key),
      ['escalation:0', 'overdue'],
    );
  });

  it('reads back the keys it writes, and no others', () => {
    for (const notice of notices) assert.deepEqual(parseNotice(notice.key), notice);
    for (const key of ['reminder', 'reminder:', 'reminder:1000', 'overdue:0', 'nudge:3', 'reminder:7 ']) {
      assert.equal(parseNotice(key), undefined, key);
    }
  });

  it('supersedes a timer only by a later one to the same people that is also due', () => {
    const byKey = new Map(notices.map((notice) => [notice.key, notice]));
    const superseded = (key: string, now: Date) => isSuperseded(byKey.get(key)!, notices, DUE, now);
    assert.equal(superseded('reminder:21', at(20)), false, 'on time, nothing later is due');
    assert.equal(superseded('reminder:21', at(7)), true, 'the 7-day reminder is due too');
    assert.equal(superseded('reminder:7', at(3)), false, 'the escalation goes to others');
    assert.equal(superseded('reminder:7', at(2)), true);
    assert.equal(superseded('escalation:3', at(2)), false, 'a reminder does not replace the escalation');
    assert.equal(superseded('escalation:3', at(0)), true, 'the overdue alert does');
    assert.equal(superseded('overdue', at(-10)), false, 'the overdue alert is always sent');
  });
});
