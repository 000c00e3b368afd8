import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { calendarDay, isTimeZone } from './calendar.js';

describe('calendar days where the clinic is', () => {
  it('gives the day an instant falls on where the clinic is', () => {
    const evening = new Date('2026-03-02T01:00:00Z');
    assert.equal(calendarDay(evening, 'UTC'), '2026-03-02');
    assert.equal(calendarDay(evening, 'America/New_York'), '2026-03-01');
    assert.equal(calendarDay(new Date('2026-03-01T23:30:00Z'), 'Asia/Tokyo'), '2026-03-02');
    assert.equal(calendarDay(new Date('2026-07-01T03:59:59Z'), 'America/New_York'), '2026-06-30', 'summer time');
  });

  it('knows IANA time zones and refuses anything else', () => {
    assert.ok(isTimeZone('Europe/Paris'));
    assert.ok(isTimeZone('UTC'));
    assert.equal(isTimeZone('Mars/Olympus'), false);
    assert.equal(isTimeZone(''), false);
  });
});
