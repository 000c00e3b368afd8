import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageOn, calendarDay, isTimeZone } from './guardian.js';

describe('ages and calendar days', () => {
  it('counts whole years as a birthday does', () => {
    assert.equal(ageOn('2008-03-02', '2026-03-01'), 17);
    assert.equal(ageOn('2008-03-02', '2026-03-02'), 18);
    assert.equal(ageOn('2008-02-29', '2026-02-28'), 17, 'a leap-day birthday comes on 1 March in other years');
    assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
  });

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
