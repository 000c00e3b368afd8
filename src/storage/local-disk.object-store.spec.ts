import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { Clock } from '../common/clock.js';
import { LocalDiskObjectStore } from './local-disk.object-store.js';
import {
  InvalidObjectKeyError,
  ObjectNotFoundError,
  RangeNotSatisfiableError,
  assertValidKey,
} from './object-store.js';
import { PresignedTokenSigner, PresignedUrlInvalidError } from './presigned-token.js';

/**
 * The names in a directory, in an array of the test's own realm: Jest runs a test file in a vm
 * context, where the arrays Node's fs makes are of the outer realm, and deepStrictEqual compares
 * prototypes too.
 */
async function namesIn(directory: string): Promise<string[]> {
  return Array.from(await readdir(directory));
}

class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
  }
  now(): Date {
    return new Date(this.at);
  }
}

describe('object keys', () => {
  it('accepts server-made keys', () => {
    for (const key of ['photos/0b0e6a4e-8f1b-4c1e-9d7a-1f2e3d4c5b6a/original', 'releases/r1/signed.pdf', 'a']) {
      assert.doesNotThrow(() => assertValidKey(key), key);
    }
  });

  it('refuses anything that could leave the store or is not a plain key', () => {
    for (const key of [
      '../x',
      'a/../x',
      '/etc/passwd',
      'a//b',
      'a/',
      '.hidden',
      'a/.ssh',
      'a\\b',
      'a b',
      '',
      'x'.repeat(513),
      'photo\u0000',
    ]) {
      assert.throws(() => assertValidKey(key), InvalidObjectKeyError, JSON.stringify(key));
    }
  });
});

describe('LocalDiskObjectStore', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  let root: string;
  let store: LocalDiskObjectStore;
  let signer: PresignedTokenSigner;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'pcs-local-store-'));
    signer = new PresignedTokenSigner('a-test-signing-secret-of-32-chars!!');
    store = new LocalDiskObjectStore(
      path.join(root, 'objects'),
      signer,
      'https://consent.example',
      300,
      new FixedClock(now),
    );
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it('stores a stream and returns its size and sha256, then reads it back whole and by range', async () => {
    const bytes = Buffer.from('0123456789abcdef');
    const result = await store.put('photos/p1/original', Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    assert.deepEqual(result, {
      key: 'photos/p1/original',
      size: 16,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const whole = await store.get('photos/p1/original');
    assert.deepEqual(await buffer(whole.body), bytes);
    assert.equal(whole.totalSize, 16);

    const part = await store.get('photos/p1/original', { range: { start: 4, end: 7 } });
    assert.equal((await buffer(part.body)).toString(), '4567');
    assert.deepEqual(part.range, { start: 4, end: 7 });
    assert.equal(part.contentLength, 4);
    await assert.rejects(store.get('photos/p1/original', { range: { start: 16 } }), RangeNotSatisfiableError);
  });

  it('reports missing objects as not found and deletes idempotently', async () => {
    await store.put('photos/p2/original', Buffer.from('x'));
    assert.equal((await store.head('photos/p2/original'))?.size, 1);
    await store.delete('photos/p2/original');
    await store.delete('photos/p2/original');
    assert.equal(await store.head('photos/p2/original'), null);
    await assert.rejects(store.get('photos/p2/original'), ObjectNotFoundError);
  });

  it('refuses keys like ../x for every operation and writes nothing outside its root', async () => {
    await assert.rejects(store.put('../x', Buffer.from('escape')), InvalidObjectKeyError);
    await assert.rejects(store.get('../x'), InvalidObjectKeyError);
    await assert.rejects(store.head('a/../../x'), InvalidObjectKeyError);
    await assert.rejects(store.delete('../objects-sibling'), InvalidObjectKeyError);
    await assert.rejects(store.presignGet('/etc/passwd'), InvalidObjectKeyError);
    assert.deepEqual((await namesIn(root)).sort(), ['objects']);
  });

  it('leaves no object and no temporary file when the incoming stream fails', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('client went away'));
      },
    });
    await assert.rejects(store.put('photos/p3/original', failing), /client went away/);
    assert.equal(await store.head('photos/p3/original'), null);
    assert.deepEqual(await namesIn(path.join(root, 'objects', '.tmp')), []);
  });

  it('removes temporary files that interrupted puts left a day before, and no others', async () => {
    const tempDir = path.join(root, 'objects', '.tmp');
    await store.put('photos/p4/original', Buffer.from('kept'));
    await writeFile(path.join(tempDir, 'left-by-a-crash'), 'half a photo');
    const aDayAgo = new Date(Date.now() - 25 * 3600_000);
    await utimes(path.join(tempDir, 'left-by-a-crash'), aDayAgo, aDayAgo);
    await writeFile(path.join(tempDir, 'being-written'), 'a put in progress');

    assert.equal(await store.removeAbandonedUploads(new Date(Date.now() - 24 * 3600_000)), 1);
    assert.deepEqual(await namesIn(tempDir), ['being-written']);
    assert.equal((await store.head('photos/p4/original'))?.size, 4);
    await rm(path.join(tempDir, 'being-written'));
  });

  it('replaces an object atomically', async () => {
    await store.put('docs/d1', Buffer.from('first version'));
    await store.put('docs/d1', Buffer.from('second'));
    assert.equal((await buffer((await store.get('docs/d1')).body)).toString(), 'second');
  });

  it('lists objects under a prefix in key order', async () => {
    await store.put('list/b/2', Buffer.from('b2'));
    await store.put('list/a/1', Buffer.from('a1'));
    await store.put('list/a/10', Buffer.from('a10'));
    await store.put('listing-elsewhere', Buffer.from('no'));
    const keys: string[] = [];
    for await (const item of store.list('list/')) keys.push(item.key);
    assert.deepEqual(keys, ['list/a/1', 'list/a/10', 'list/b/2']);
  });

  it('presigns a URL on the service that names the object and expires', async () => {
    const presigned = await store.presignGet('photos/p1/original', { ttlSeconds: 60, contentType: 'image/jpeg' });
    assert.equal(presigned.expiresAt.toISOString(), '2026-03-02T09:01:00.000Z');
    const token = presigned.url.replace('https://consent.example/storage/', '');
    assert.notEqual(token, presigned.url);
    const grant = signer.verify(token, now);
    assert.equal(grant.key, 'photos/p1/original');
    assert.equal(grant.contentType, 'image/jpeg');
    assert.throws(() => signer.verify(token, new Date(now.getTime() + 60_000)), PresignedUrlInvalidError);
    const [body = '', mac = ''] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ k: 'releases/other/signed.pdf', e: 9_999_999_999 })).toString(
      'base64url',
    );
    assert.throws(() => signer.verify(`${forged}.${mac}`, now), PresignedUrlInvalidError);
    assert.throws(() => signer.verify(`${body}.${mac}x`, now), PresignedUrlInvalidError);
    assert.throws(() => signer.verify('garbage', now), PresignedUrlInvalidError);
  });
});
