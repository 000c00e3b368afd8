import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { isCalendarDate, isInstant } from './validators.js';

describe('dates and instants a request may carry', () => {
  it('takes real calendar days from 1900 on', () => {
    assert.ok(isCalendarDate('2024-02-29'));
    assert.equal(isCalendarDate('2026-02-29'), false);
    assert.equal(isCalendarDate('1899-12-31'), false);
    assert.equal(isCalendarDate('2026-3-2'), false);
  });

  it('takes instants with their zone, to the second or finer', () => {
    for (const value of [
      '2026-03-02T09:30Z',
      '2026-03-02T09:30:00Z',
      '2026-03-02T23:59:59.999Z',
      '2026-03-02T00:00:00+01:00',
      '2026-03-02T12:00:00-09:30',
      '2026-03-02T12:00:00+14:00',
      '2026-03-02T12:00:00-12:00',
    ]) {
      assert.ok(isInstant(value), value);
      assert.ok(Number.isFinite(Date.parse(value)), value);
    }
  });

  it('refuses times of day and zones that do not exist, which Date.parse reads as no date or the next day', () => {
    for (const value of [
      '2026-03-02T15:60:00Z',
      '2026-03-02T23:59:60Z',
      '2026-03-02T24:00:00Z',
      '2026-03-02T25:00Z',
      '2026-03-02T10:00:00+24:00',
      '2026-03-02T10:00:00+23:59',
      '2026-03-02T10:00:00+14:30',
      '2026-03-02T10:00:00+05:60',
      '2026-02-30T10:00:00Z',
      '2026-03-02T10:00:00',
      '2026-03-02',
    ]) {
      assert.equal(isInstant(value), false, value);
    }
  });
});
