import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import sharp from 'sharp';
import request from 'supertest';
import { FingerprintBackfill } from '../src/photos/fingerprint-backfill.js';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { heicHeader, pngOfSize, scenePhoto, SVG_IMAGE } from './support/images.js';
import { counts, createCase, createPatient, createRelease, postForm, uploadPhoto } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

const MAX_BYTES = 3 * 1024 * 1024;

/** A copy of `bytes` lacking the given fractions of each side, saved again as a JPEG. */
async function cropped(bytes: Buffer, crop: { left: number; top: number; right: number; bottom: number }) {
  const { width = 0, height = 0 } = await sharp(bytes).metadata();
  const left = Math.round(width * crop.left);
  const top = Math.round(height * crop.top);
  return sharp(bytes)
    .extract({
      left,
      top,
      width: Math.round(width * (1 - crop.right)) - left,
      height: Math.round(height * (1 - crop.bottom)) - top,
    })
    .jpeg({ quality: 80 })
    .toBuffer();
}

// The release of releaseFields() permits website and social except social.tiktok, without the face.
describe('reverse lookup', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let beforeBytes: Buffer;
  let beforePhoto: string;
  let afterPhoto: string;
  let otherPhoto: string;
  let unreleasedBytes: Buffer;
  let unreleasedPhoto: string;

  const lookup = (file: Buffer | null, use: unknown = { channel: 'website' }, staff = marketing) =>
    postForm(
      t,
      staff,
      '/api/v1/clearance/lookup',
      'file',
      file && { bytes: file, filename: 'found-online.jpg', contentType: 'image/jpeg' },
      use,
    );
  const auditCount = async (action: string) =>
    Number(
      (await t.database.query<{ n: string }>('SELECT count(*) AS n FROM audit_events WHERE action = $1', [action]))[0]
        ?.n,
    );

  beforeAll(async () => {
    t = await startTestApp({ env: { ...s3TestEnv(await createTestBucket()), PHOTO_MAX_BYTES: String(MAX_BYTES) } });
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    const patientId = (await createPatient(t, frontDesk)).id;
    const caseId = await createCase(t, frontDesk, patientId);
    beforeBytes = await scenePhoto({ seed: 1 });
    beforePhoto = await uploadPhoto(t, frontDesk, caseId, { kind: 'before', view: 'front' }, beforeBytes);
    afterPhoto = await uploadPhoto(
      t,
      frontDesk,
      caseId,
      { kind: 'after', view: 'front', pairedWithPhotoId: beforePhoto },
      await scenePhoto({ seed: 1, change: true }),
    );
    otherPhoto = await uploadPhoto(t, frontDesk, caseId, {}, await scenePhoto({ seed: 2 }));
    await createRelease(t, frontDesk, patientId);

    const unreleasedPatient = (await createPatient(t, frontDesk)).id;
    unreleasedBytes = await scenePhoto({ seed: 3, width: 900, height: 1200 });
    unreleasedPhoto = await uploadPhoto(
      t,
      frontDesk,
      await createCase(t, frontDesk, unreleasedPatient),
      {},
      unreleasedBytes,
    );
  });
  afterAll(async () => t.close());

  it('finds the source of a resized, recompressed copy, and its pair, each with its clearance', async () => {
    const copy = await sharp(beforeBytes).resize(640).jpeg({ quality: 60 }).toBuffer();
    const response = await lookup(copy);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const matches = response.body.matches as Json[];
    assert.deepEqual(
      matches.map((match) => match.photoId),
      [beforePhoto, afterPhoto],
    );
    const [source, pair] = matches;
    assert.equal(source.kind, 'before');
    assert.equal(source.view, 'front');
    assert.ok(source.distance <= 3, `distance ${source.distance}`);
    assert.ok(source.similarity >= 0.97, `similarity ${source.similarity}`);
    assert.ok(pair.similarity < source.similarity);
    assert.equal(pair.pairedPhotoId, beforePhoto);
    assert.equal(source.clearance.photoId, beforePhoto);
    assert.equal(source.clearance.allowed, true, JSON.stringify(source.clearance));
    assert.equal(source.clearance.use.channel, 'website');
    assert.match(response.body.sha256, /^[0-9a-f]{64}$/);
  });

  it('finds copies cropped by up to 10% on any side, colour-adjusted or sent as PNG', async () => {
    const copies: [string, Buffer][] = [
      ['10% off the left and top', await cropped(beforeBytes, { left: 0.1, top: 0.1, right: 0, bottom: 0 })],
      ['10% off every side', await cropped(beforeBytes, { left: 0.1, top: 0.1, right: 0.1, bottom: 0.1 })],
      ['uneven crop', await cropped(beforeBytes, { left: 0.02, top: 0.07, right: 0.09, bottom: 0.035 })],
      [
        'brighter and less saturated',
        await sharp(beforeBytes).modulate({ brightness: 1.1, saturation: 0.8 }).toBuffer(),
      ],
      ['PNG, smaller', await sharp(beforeBytes).resize(500).png().toBuffer()],
    ];
    for (const [name, copy] of copies) {
      const response = await lookup(copy);
      assert.equal(response.status, 200, `${name}: ${JSON.stringify(response.body)}`);
      const [best] = response.body.matches as Json[];
      assert.equal(best?.photoId, beforePhoto, `${name}: ${JSON.stringify(response.body.matches)}`);
      assert.ok(best.similarity >= 0.9, `${name}: similarity ${best.similarity}`);
    }
    const response = await lookup(await cropped(beforeBytes, { left: 0.1, top: 0, right: 0, bottom: 0.05 }));
    const crop = (response.body.matches as Json[])[0].crop;
    assert.ok(Math.abs(crop.left - 0.1) < 0.01 && Math.abs(crop.bottom - 0.05) < 0.01, JSON.stringify(crop));
  });

  it('refuses a file too small to compare rather than answering that nothing matches', async () => {
    const eventsBefore = await auditCount('clearance.lookup');
    const tooSmall = await lookup(await sharp(beforeBytes).resize(42, 31, { fit: 'fill' }).jpeg().toBuffer());
    assert.equal(tooSmall.status, 422, JSON.stringify(tooSmall.body));
    assert.match(tooSmall.headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.equal(tooSmall.body.code, 'image_too_small_to_compare');
    assert.deepEqual([tooSmall.body.width, tooSmall.body.height, tooSmall.body.minSide], [42, 31, 32]);
    assert.match(tooSmall.body.detail, /42×31 px.*at least 32 px on each side/);
    assert.equal(await auditCount('clearance.lookup'), eventsBefore);

    const justLargeEnough = await lookup(
      await sharp(beforeBytes).resize(43, 32, { fit: 'fill' }).jpeg({ quality: 75 }).toBuffer(),
    );
    assert.equal(justLargeEnough.status, 200, JSON.stringify(justLargeEnough.body));
    assert.equal((justLargeEnough.body.matches as Json[])[0]?.photoId, beforePhoto);
    assert.equal(await auditCount('clearance.lookup'), eventsBefore + 1);
  });

  it('answers for the intended use: the same match is refused where the release does not reach', async () => {
    const copy = await sharp(beforeBytes).resize(800).jpeg().toBuffer();
    const tiktok = await lookup(copy, { channel: 'social.tiktok' });
    assert.equal(tiktok.status, 200, JSON.stringify(tiktok.body));
    const source = (tiktok.body.matches as Json[]).find((match) => match.photoId === beforePhoto) as Json;
    assert.equal(source.clearance.allowed, false);
    assert.ok((source.clearance.reasons as Json[]).some((reason) => reason.code === 'channel_denied'));

    const unreleased = await lookup(await sharp(unreleasedBytes).resize(600).jpeg().toBuffer());
    assert.deepEqual(
      (unreleased.body.matches as Json[]).map((match) => [match.photoId, match.clearance.allowed]),
      [[unreleasedPhoto, false]],
    );
    assert.deepEqual(
      (unreleased.body.matches as Json[])[0].clearance.reasons.map((reason: Json) => reason.code),
      ['no_release'],
    );
  });

  it('matches nothing for a photo it does not hold, and records that it was asked', async () => {
    const lookupsBefore = await auditCount('clearance.lookup');
    const checksBefore = await auditCount('clearance.check');
    for (const seed of [4, 5, 6, 7]) {
      const response = await lookup(await scenePhoto({ seed, width: 800, height: 600 }));
      assert.equal(response.status, 200);
      assert.deepEqual(response.body.matches, [], `seed ${seed}`);
    }
    assert.equal(await auditCount('clearance.lookup'), lookupsBefore + 4);
    assert.equal(await auditCount('clearance.check'), checksBefore);
  });

  it('records who looked up which file and what it matched', async () => {
    const copy = await cropped(beforeBytes, { left: 0.05, top: 0.05, right: 0.05, bottom: 0.05 });
    const response = await lookup(copy, { channel: 'website', faceShown: false });
    assert.equal(response.status, 200);
    const [event] = await t.database.query<{ actor_id: string; details: Json }>(
      "SELECT actor_id, details FROM audit_events WHERE action = 'clearance.lookup' ORDER BY id DESC LIMIT 1",
    );
    assert.equal(event.actor_id, marketing.id);
    assert.equal(event.details.sha256, response.body.sha256);
    assert.equal(event.details.channel, 'website');
    assert.deepEqual(
      (event.details.matches as Json[]).map((match) => [match.photoId, match.allowed]),
      (response.body.matches as Json[]).map((match) => [match.photoId, match.clearance.allowed]),
    );
  });

  it('fingerprints photos stored before lookup existed, as their upload would have', async () => {
    const fingerprintRow = 'SELECT centre_hash, descriptor FROM photo_fingerprints WHERE photo_id = $1';
    const [uploaded] = await t.database.query(fingerprintRow, [otherPhoto]);
    await t.database.query('DELETE FROM photo_fingerprints WHERE photo_id = $1', [otherPhoto]);
    const copy = await sharp(await scenePhoto({ seed: 2 }))
      .resize(700)
      .toBuffer();
    assert.deepEqual((await lookup(copy)).body.matches, []);
    assert.equal(await t.app.get(FingerprintBackfill).backfill(), 1);
    assert.deepEqual(
      ((await lookup(copy)).body.matches as Json[]).map((match) => match.photoId),
      [otherPhoto],
    );
    assert.deepEqual(await t.database.query(fingerprintRow, [otherPhoto]), [uploaded]);
  });

  describe('bad input: a clear 4xx problem and nothing written', () => {
    const cases: [string, number, () => Promise<{ file: Buffer | null; use?: unknown }>][] = [
      ['an iPhone HEIC', 415, async () => ({ file: heicHeader() })],
      ['an SVG named .jpg', 415, async () => ({ file: SVG_IMAGE })],
      ['a zero-byte file', 400, async () => ({ file: Buffer.alloc(0) })],
      [
        'a truncated JPEG',
        422,
        async () => {
          const bytes = await scenePhoto({ seed: 8 });
          return { file: bytes.subarray(0, Math.floor(bytes.length * 0.6)) };
        },
      ],
      ['a pixel flood', 422, async () => ({ file: await pngOfSize(14_000, 14_000) })],
      ['a file over the cap', 413, async () => ({ file: Buffer.alloc(MAX_BYTES + 1, 0xff) })],
      ['no file', 400, async () => ({ file: null })],
      ['an unknown channel', 400, async () => ({ file: beforeBytes, use: { channel: 'social.myspace' } })],
      ['no use at all', 400, async () => ({ file: beforeBytes, use: {} })],
      ['an unknown field', 400, async () => ({ file: beforeBytes, use: { channel: 'website', approved: true } })],
      ['a wrongly typed field', 400, async () => ({ file: beforeBytes, use: { channel: 'website', paid: 'yes' } })],
    ];
    for (const [name, status, make] of cases) {
      it(name, async () => {
        const { file, use } = await make();
        const rowsBefore = await counts(t);
        const eventsBefore = await auditCount('clearance.lookup');
        const response = await lookup(file, use);
        assert.equal(response.status, status, JSON.stringify(response.body));
        assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/);
        assert.equal(typeof response.body.detail, 'string');
        assert.deepEqual(await counts(t), rowsBefore);
        assert.equal(await auditCount('clearance.lookup'), eventsBefore);
      });
    }
  });

  it('needs a session', async () => {
    const response = await request(t.server)
      .post('/api/v1/clearance/lookup')
      .field('metadata', JSON.stringify({ channel: 'website' }))
      .attach('file', beforeBytes, 'photo.jpg');
    assert.equal(response.status, 401);
  });
});
