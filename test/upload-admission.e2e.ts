import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { jpegPhoto } from './support/images.js';
import { counts, createCase, createPatient, postForm } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

const BEFORE = { kind: 'before', faceVisible: true };
const BOUNDARY = 'held-upload-boundary';

describe('uploads in progress, bounded', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp({
      env: { ...s3TestEnv(await createTestBucket()), UPLOADS_MAX_IN_PROGRESS: '1', UPLOADS_MAX_QUEUED: '1' },
    });
    frontDesk = await createSignedIn(t, 'front_desk');
    caseId = await createCase(t, frontDesk, (await createPatient(t, frontDesk)).id);
    // A raw request below needs a port; supertest uses the same one.
    t.server.listen(0, '127.0.0.1');
    await once(t.server, 'listening');
  });
  afterAll(async () => t.close());

  /** An upload whose body arrives only when `finish` is called. */
  const heldUpload = async (bytes: Buffer) => {
    const head = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${JSON.stringify(BEFORE)}\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="held.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    );
    const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
    const { port } = t.server.address() as AddressInfo;
    const upload = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/v1/cases/${caseId}/photos`,
      headers: {
        authorization: `Bearer ${frontDesk.token}`,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': String(head.length + bytes.length + tail.length),
      },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      upload.on('error', reject);
      upload.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      });
    });
    const arrived = once(t.server, 'request');
    upload.write(head);
    upload.write(bytes.subarray(0, 1024));
    await arrived;
    // Its hooks, the admission's among them, run within a few ticks of its arrival.
    await sleep(100);
    return {
      answer,
      finish: () => upload.end(Buffer.concat([bytes.subarray(1024), tail])),
      abandon: () => upload.destroy(),
    };
  };

  it('holds an upload past the bound until one in progress is answered, and answers 503 past the queue', async () => {
    const inProgress = await heldUpload(await jpegPhoto({ seed: 41 }));
    const queued = await heldUpload(await jpegPhoto({ seed: 42 }));
    queued.finish();
    const before = await counts(t);
    const refused = await postForm(
      t,
      frontDesk,
      `/api/v1/cases/${caseId}/photos`,
      'file',
      { bytes: await jpegPhoto({ seed: 43 }), contentType: 'image/jpeg' },
      BEFORE,
    );
    assert.equal(refused.status, 503, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'uploads_busy');
    assert.equal(refused.headers['retry-after'], '2');
    assert.match(refused.headers['content-type'] ?? '', /^application\/problem\+json/);
    const read = await request(t.server).get(`/api/v1/cases/${caseId}`).auth(frontDesk.token, { type: 'bearer' });
    assert.equal(read.status, 200, 'a request that is not an upload is not held back');
    await sleep(200);
    assert.deepEqual(await counts(t), before, 'the queued upload, though whole, waits its turn');

    inProgress.finish();
    const first = await inProgress.answer;
    assert.equal(first.status, 201, first.body);
    const second = await queued.answer;
    assert.equal(second.status, 201, second.body);
  });

  it('frees the place of an upload whose client went away, in progress or waiting', async () => {
    const before = await counts(t);
    const inProgress = await heldUpload(await jpegPhoto({ seed: 44 }));
    const waiting = await heldUpload(await jpegPhoto({ seed: 46 }));
    for (const held of [waiting, inProgress]) {
      const gone = held.answer.then(
        () => assert.fail('an abandoned upload gets no answer'),
        () => undefined,
      );
      held.abandon();
      await gone;
    }
    await sleep(100);
    assert.deepEqual(await counts(t), before, 'nothing stored for the abandoned uploads');
    const next = await postForm(
      t,
      frontDesk,
      `/api/v1/cases/${caseId}/photos`,
      'file',
      { bytes: await jpegPhoto({ seed: 45 }), contentType: 'image/jpeg' },
      BEFORE,
    );
    assert.equal(next.status, 201, JSON.stringify(next.body));
  });
});
