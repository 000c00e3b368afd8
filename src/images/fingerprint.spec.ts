import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
});
