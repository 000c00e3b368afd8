import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { hashToBigintColumn, hashToHex } from './perceptual-hash.js';

describe('perceptual hash columns', () => {
  it('round-trips all 64 bits through a signed bigint column and hex', () => {
    const hash = 0xfedc_ba98_7654_3210n;
    assert.equal(hashToBigintColumn(hash), '-81985529216486896');
    assert.equal(hashToHex(hashToBigintColumn(hash)), 'fedcba9876543210');
  });
});
