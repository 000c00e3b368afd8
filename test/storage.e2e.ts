import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { SystemClock } from '../src/common/clock.js';
import { loadConfig, type StorageConfig } from '../src/config/app-config.js';
import { ObjectNotFoundError, ObjectStore, RangeNotSatisfiableError } from '../src/storage/object-store.js';
import { S3ObjectStore } from '../src/storage/s3.object-store.js';
import { s3TestEnv, startTestApp, type TestApp } from './support/app.js';

const MiB = 1024 * 1024;

function s3StorageConfig(env: Record<string, string> = {}): Extract<StorageConfig, { driver: 's3' }> {
  return loadConfig({ ...s3TestEnv(), ...env }, null).storage as Extract<StorageConfig, { driver: 's3' }>;
}

/** Deterministic pseudo-random bytes, produced in chunks so the 20 MB body is truly streamed. */
function patternStream(totalBytes: number, chunkBytes = 64 * 1024): { stream: Readable; sha256: string } {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let state = 0x2545f491;
  for (let produced = 0; produced < totalBytes; produced += chunkBytes) {
    const chunk = Buffer.alloc(Math.min(chunkBytes, totalBytes - produced));
    for (let i = 0; i < chunk.length; i += 4) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      chunk.writeInt32LE(state | 0, i);
    }
    hash.update(chunk);
    chunks.push(chunk);
  }
  return { stream: Readable.from(chunks), sha256: hash.digest('hex') };
}

describe('S3 object store against a real S3 server', () => {
  let store: S3ObjectStore;

  beforeAll(() => {
    store = new S3ObjectStore(s3StorageConfig({ S3_PART_SIZE_BYTES: String(5 * MiB) }), 60, new SystemClock());
  });
  afterAll(() => store.close());

  it('round-trips a 20 MB stream byte for byte (multipart upload)', async () => {
    const { stream, sha256 } = patternStream(20 * MiB);
    const put = await store.put('e2e/large/original', stream);
    assert.equal(put.size, 20 * MiB);
    assert.equal(put.sha256, sha256);

    const head = await store.head('e2e/large/original');
    assert.equal(head?.size, 20 * MiB, 'the stored object has exactly the bytes sent: no chunk framing inside');

    const got = await store.get('e2e/large/original');
    const bytes = await buffer(got.body);
    assert.equal(bytes.length, 20 * MiB);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), sha256);
  });

  it('round-trips a buffer larger than one part, reporting the sha256 of what it stored', async () => {
    const { stream, sha256 } = patternStream(12 * MiB);
    const bytes = await buffer(stream);
    const put = await store.put('e2e/buffer/original', bytes);
    assert.deepEqual(put, { key: 'e2e/buffer/original', size: 12 * MiB, sha256 });
    const got = await buffer((await store.get('e2e/buffer/original')).body);
    assert.ok(got.equals(bytes));
  });

  it('reads byte ranges and refuses one outside the object', async () => {
    await store.put('e2e/range', Buffer.from('abcdefghij'));
    const part = await store.get('e2e/range', { range: { start: 2, end: 5 } });
    assert.equal((await buffer(part.body)).toString(), 'cdef');
    assert.deepEqual(part.range, { start: 2, end: 5 });
    assert.equal(part.totalSize, 10);
    const tail = await store.get('e2e/range', { range: { start: 7 } });
    assert.equal((await buffer(tail.body)).toString(), 'hij');
    await assert.rejects(store.get('e2e/range', { range: { start: 10 } }), RangeNotSatisfiableError);
  });

  it('deletes objects idempotently and reports missing ones as not found', async () => {
    await store.put('e2e/gone', Buffer.from('bye'));
    await store.delete('e2e/gone');
    await store.delete('e2e/gone');
    assert.equal(await store.head('e2e/gone'), null);
    await assert.rejects(store.get('e2e/gone'), ObjectNotFoundError);
  });

  it('lists every object under a prefix across pages', async () => {
    const paged = new S3ObjectStore(s3StorageConfig(), 60, new SystemClock(), 2);
    for (const key of ['e2e/list/1', 'e2e/list/2', 'e2e/list/3', 'e2e/list/4', 'e2e/list/5']) {
      await paged.put(key, Buffer.from(key));
    }
    const keys: string[] = [];
    for await (const item of paged.list('e2e/list/')) keys.push(item.key);
    paged.close();
    assert.deepEqual(keys, ['e2e/list/1', 'e2e/list/2', 'e2e/list/3', 'e2e/list/4', 'e2e/list/5']);
  });

  it('presigns a GET URL that serves the object without credentials', async () => {
    await store.put('e2e/presigned', Buffer.from('signed release'));
    const presigned = await store.presignGet('e2e/presigned', { ttlSeconds: 30, contentType: 'application/pdf' });
    const response = await fetch(presigned.url);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'signed release');
    assert.ok(presigned.expiresAt.getTime() - Date.now() <= 30_000);
  });
});

describe('the service on S3 storage', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: s3TestEnv() });
  });
  afterAll(async () => t.close());

  it('is ready when its bucket answers', async () => {
    const ready = await request(t.server).get('/health/ready').expect(200);
    assert.equal(ready.body.checks.objectStore, 'up');
    assert.ok(t.app.get(ObjectStore) instanceof S3ObjectStore);
  });

  it('mounts no /storage route: S3 serves its own presigned links', async () => {
    await request(t.server).get('/storage/anything').expect(404);
  });
});

describe('the service on S3 storage with a missing bucket', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ...s3TestEnv(), S3_BUCKET: 'no-such-bucket' } });
  });
  afterAll(async () => t.close());

  it('is not ready, with a problem naming the failed check', async () => {
    const response = await request(t.server).get('/health/ready').expect(503);
    assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.equal(response.body.code, 'not_ready');
    assert.deepEqual(response.body.checks, { database: 'up', objectStore: 'down' });
  });
});

describe('presigned links of the local store, through the service', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('serve the object until they expire, and refuse tampered or expired links', async () => {
    const store = t.app.get(ObjectStore);
    await store.put('releases/r1/signed', Buffer.from('%PDF-1.7 signed form'));
    const presigned = await store.presignGet('releases/r1/signed', {
      ttlSeconds: 120,
      contentType: 'application/pdf',
      contentDisposition: 'attachment; filename="release.pdf"',
    });
    const linkPath = new URL(presigned.url).pathname;

    const ok = await request(t.server).get(linkPath).expect(200);
    assert.equal(ok.headers['content-type'], 'application/pdf');
    assert.equal(ok.headers['content-disposition'], 'attachment; filename="release.pdf"');
    assert.equal((ok.body as Buffer).toString(), '%PDF-1.7 signed form');

    const tampered = await request(t.server)
      .get(`${linkPath.slice(0, -2)}xx`)
      .expect(403);
    assert.equal(tampered.body.code, 'link_invalid');

    t.clock.advance(121_000);
    const expired = await request(t.server).get(linkPath).expect(403);
    assert.equal(expired.body.code, 'link_invalid');
  });

  it('answers 404 when the object behind a valid link is gone', async () => {
    const store = t.app.get(ObjectStore);
    await store.put('releases/r2/signed', Buffer.from('x'));
    const presigned = await store.presignGet('releases/r2/signed');
    await store.delete('releases/r2/signed');
    const response = await request(t.server).get(new URL(presigned.url).pathname).expect(404);
    assert.equal(response.body.code, 'object_not_found');
  });
});
