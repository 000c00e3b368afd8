import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { differenceHash, hammingDistance, hashToBigintColumn, hashToHex } from './perceptual-hash.js';

describe('difference hash', () => {
  it('sets a bit wherever the left pixel is brighter than its right neighbour', () => {
    const falling = Uint8Array.from({ length: 72 }, (_, index) => 255 - (index % 9) * 10);
    assert.equal(differenceHash(falling), 0xffff_ffff_ffff_ffffn);
    const rising = Uint8Array.from({ length: 72 }, (_, index) => (index % 9) * 10);
    assert.equal(differenceHash(rising), 0n);
  });

  it('round-trips all 64 bits through a signed bigint column and hex', () => {
    const hash = 0xfedc_ba98_7654_3210n;
    assert.equal(hashToBigintColumn(hash), '-81985529216486896');
    assert.equal(hashToHex(hashToBigintColumn(hash)), 'fedcba9876543210');
  });

  it('counts differing bits', () => {
    assert.equal(hammingDistance(0b1011n, 0b0001n), 2);
    assert.equal(hammingDistance(-1n, 0n), 64);
  });
});
