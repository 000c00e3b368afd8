import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { ageOn } from './guardian.js';

describe('ages', () => {
  it('counts whole years as a birthday does', () => {
    assert.equal(ageOn('2008-03-02', '2026-03-01'), 17);
    assert.equal(ageOn('2008-03-02', '2026-03-02'), 18);
    assert.equal(ageOn('2008-02-29', '2026-02-28'), 17, 'a leap-day birthday comes on 1 March in other years');
    assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
  });
});
