import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from '@jest/globals';
import { FINGERPRINT_GREY_SIDE, fingerprintOf, hashDistance, LookupQuery, type Crop } from './fingerprint.js';

type Scene = (x: number, y: number) => number;

/** A photo-like scene: soft blobs over a gradient, different for each seed. */
function scene(seed: number): Scene {
  const blobs = Array.from({ length: 6 }, (_, index) => {
    const value = (n: number) => (Math.sin(seed * 12.9898 + index * 78.233 + n * 37.719) * 43758.5453) % 1;
    return {
      x: Math.abs(value(1)),
      y: Math.abs(value(2)),
      radius: 0.05 + Math.abs(value(3)) * 0.2,
      level: value(4) * 120,
    };
  });
  return (x, y) => {
    let level = 90 + 60 * x - 30 * y;
    for (const blob of blobs)
      level += blob.level * Math.exp(-((x - blob.x) ** 2 + (y - blob.y) ** 2) / blob.radius ** 2);
    return level;
  };
}

/** The grey square of a copy of `of` that lacks `crop` of it, with levels passed through `adjust`. */
function greyOf(of: Scene, crop: Crop = { left: 0, top: 0, right: 0, bottom: 0 }, adjust = (level: number) => level) {
  const side = FINGERPRINT_GREY_SIDE;
  const grey = new Uint8Array(side * side);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const u = crop.left + ((x + 0.5) / side) * (1 - crop.left - crop.right);
      const v = crop.top + ((y + 0.5) / side) * (1 - crop.top - crop.bottom);
      grey[y * side + x] = Math.max(0, Math.min(255, Math.round(adjust(of(u, v)))));
    }
  }
  return grey;
}

function nearestProbe(query: LookupQuery, centreHash: bigint) {
  return query.probes
    .map((probe) => ({ ...probe, distance: hashDistance(probe.centreHash, centreHash) }))
    .sort((a, b) => a.distance - b.distance)[0];
}

describe('fingerprint', () => {
  it('hashes brightness falling to the right as all ones and rising as all zeros', () => {
    assert.equal(fingerprintOf(greyOf((x) => 255 - 200 * x)).frameHash, 0xffff_ffff_ffff_ffffn);
    assert.equal(fingerprintOf(greyOf((x) => 20 + 200 * x)).frameHash, 0n);
  });

  it('counts differing bits across all 64', () => {
    assert.equal(hashDistance(0b1011n, 0b0001n), 2);
    assert.equal(hashDistance(-1n, 0n), 64);
    assert.equal(hashDistance(1n << 63n, 0n), 1);
  });

  it('keeps a descriptor of 64×64 grey levels of the whole frame', () => {
    const fingerprint = fingerprintOf(greyOf((x, y) => (x < 0.5 && y < 0.5 ? 200 : 40)));
    assert.equal(fingerprint.descriptor.length, 64 * 64);
    assert.equal(fingerprint.descriptor[0], 200);
    assert.equal(fingerprint.descriptor[63], 40);
    assert.equal(fingerprint.descriptor[64 * 63], 40);
  });

  it('finds a copy cropped by up to 10% per side: a probe near its centre hash, and the crop by alignment', () => {
    for (const [seed, crop] of [
      [1, { left: 0.1, top: 0, right: 0, bottom: 0.1 }],
      [2, { left: 0.03, top: 0.08, right: 0.06, bottom: 0.01 }],
      [3, { left: 0, top: 0.1, right: 0.1, bottom: 0.05 }],
    ] as const) {
      const original = fingerprintOf(greyOf(scene(seed)));
      const query = new LookupQuery(greyOf(scene(seed), crop));
      const probe = nearestProbe(query, original.centreHash);
      assert.ok(probe.distance <= 3, `seed ${seed}: nearest probe ${probe.distance} bits away`);
      const alignment = query.alignment(original.descriptor, probe.crop);
      assert.ok(alignment.correlation > 0.97, `seed ${seed}: correlation ${alignment.correlation}`);
      assert.ok(alignment.detail > 0.9, `seed ${seed}: detail ${alignment.detail}`);
      for (const side of ['left', 'top', 'right', 'bottom'] as const) {
        assert.ok(Math.abs(alignment.crop[side] - crop[side]) < 0.01, `seed ${seed} ${side}: ${alignment.crop[side]}`);
      }
    }
  });

  it('is unmoved by brightness and contrast changes', () => {
    const original = fingerprintOf(greyOf(scene(4)));
    const query = new LookupQuery(greyOf(scene(4), undefined, (level) => 1.2 * level + 15));
    assert.ok(hashDistance(query.frameHash, original.frameHash) <= 2);
    assert.ok(query.alignment(original.descriptor, { left: 0, top: 0, right: 0, bottom: 0 }).correlation > 0.99);
  });

  it('does not align different scenes', () => {
    const original = fingerprintOf(greyOf(scene(5)));
    const query = new LookupQuery(greyOf(scene(6)));
    assert.ok(nearestProbe(query, original.centreHash).distance > 10);
    const alignment = query.alignment(original.descriptor, { left: 0, top: 0, right: 0, bottom: 0 });
    assert.ok(alignment.correlation < 0.8, `correlation ${alignment.correlation}`);
    assert.ok(alignment.detail < 0.5, `detail ${alignment.detail}`);
  });

  // Stored photos keep the fingerprints they were given, and lookups compare against them: a change
  // to the arithmetic that moves these values (even the float rounding that decides a hash bit
  // between equal cells) makes old photos harder to find. Values from the code of session 11.
  it('computes exactly what fingerprinted the photos already stored', () => {
    const photo = fingerprintOf(blockyGrey(7));
    assert.equal(photo.frameHash.toString(16), '4e5d3c7df2c44da5');
    assert.equal(photo.centreHash.toString(16), '2c5cb464f2a6c4c4');
    assert.equal(
      createHash('sha256').update(photo.descriptor).digest('hex'),
      '9ff54c965874c9c378ef58fe88a8c546ba8f9c692322712b17e8fb9cc20ab2ef',
    );
    const query = new LookupQuery(blockyGrey(11));
    assert.equal(query.frameHash.toString(16), '4f5d3b73e2d9cd53');
    assert.equal(
      createHash('sha256')
        .update(query.probes.map((probe) => probe.centreHash.toString(16)).join(','))
        .digest('hex'),
      'e727740a7d2361e06330fcf373333d407949d2963b2ba75c381ffe652a4398a8',
    );
    assert.deepEqual(query.alignment(photo.descriptor, query.probes[85].crop), {
      correlation: 0.7439739752830526,
      detail: 0.36909891873565426,
      crop: {
        left: 0.002083333333333331,
        right: 0.020833333333333332,
        top: 0.020833333333333332,
        bottom: 0.002083333333333331,
      },
    });
    assert.deepEqual(query.alignment(fingerprintOf(blockyGrey(11)).descriptor, query.probes[200].crop), {
      correlation: 0.9999640664730738,
      detail: 0.9997587740218374,
      crop: { left: 1.734723475976807e-17, right: 3.469446951953614e-18, top: 0.001041666666666669, bottom: 0 },
    });
  });
});

/**
 * A grey square from integer arithmetic only (no Math.sin or Math.exp, which may round differently),
 * with a flat corner.
 */
function blockyGrey(seed: number): Uint8Array {
  const side = FINGERPRINT_GREY_SIDE;
  const grey = new Uint8Array(side * side);
  let state = seed >>> 0;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 16) & 255;
  const blocks = Array.from({ length: 64 }, next);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const block = blocks[((y >> 5) << 3) | (x >> 5)];
      // The flat corner's cells are equal: float rounding decides their hash bits.
      grey[y * side + x] = x + y < 200 ? 230 : ((x + 2 * y) >> 2) / 2 + block / 2 + ((x * y) & 15);
    }
  }
  return grey;
}
