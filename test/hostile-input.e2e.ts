import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { jpegPhoto } from './support/images.js';
import { counts, createCase, createPatient, postForm } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';
import { startTestApp, type TestApp } from './support/app.js';

const PROBLEM_JSON = /^application\/problem\+json/;

/** `{"a":{"a":…1…}}` nested `depth` levels deep. */
function nestedObject(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** `fullName` as bytes that are not UTF-8 (FF FE, then C3 followed by a byte that cannot continue it). */
function bodyWithInvalidUtf8(): Buffer {
  return Buffer.concat([
    Buffer.from('{"fullName":"Jane '),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
    Buffer.from('","dateOfBirth":"1985-06-15"}'),
  ]);
}

const asIs = (body: Buffer): Buffer => body;

const BOUNDARY = 'hostile-input-boundary';

/** A multipart form with the `metadata` part's bytes as given (a form library would re-encode them). */
function rawForm(metadata: Buffer, jpeg: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n`),
    metadata,
    Buffer.from(
      `\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    jpeg,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

describe('hostile input: one rule for every JSON the service parses', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;

  beforeAll(async () => {
    t = await startTestApp();
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
  });
  afterAll(async () => t.close());

  it('answers JSON nested 20,000 levels deep with a 400 problem, with or without a session', async () => {
    const deep = nestedObject(20_000);
    const deepArray = '['.repeat(20_000) + ']'.repeat(20_000);
    const calls = [
      request(t.server).post('/api/v1/auth/login').set('content-type', 'application/json').send(deep),
      request(t.server).post('/api/v1/portal/access').set('content-type', 'application/json').send(deepArray),
      request(t.server)
        .post('/api/v1/patients')
        .auth(frontDesk.token, { type: 'bearer' })
        .set('content-type', 'application/json')
        .send(`{"fullName":"Jane Roe","dateOfBirth":"1985-06-15","guardian":${deep}}`),
    ];
    for (const response of await Promise.all(calls)) {
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.match(response.headers['content-type'] ?? '', PROBLEM_JSON);
      assert.equal(response.body.code, 'json_too_deep');
    }
    // The service is still there.
    await request(t.server).get('/health/live').expect(200);
  });

  it('refuses deep JSON inside a multipart part the same way, and records nothing', async () => {
    const patient = await createPatient(t, frontDesk);
    const caseId = await createCase(t, frontDesk, patient.id);
    const before = await counts(t);
    const file = { bytes: await jpegPhoto({ seed: 7 }), filename: 'photo.jpg', contentType: 'image/jpeg' };
    // As deep as fits in the part's 64 KB: as text, and as a part the multipart plugin parses as JSON.
    const deep = nestedObject(10_000);
    const asText = await postForm(t, frontDesk, `/api/v1/cases/${caseId}/photos`, 'file', file, deep);
    const asJson = await request(t.server)
      .post(`/api/v1/cases/${caseId}/photos`)
      .auth(frontDesk.token, { type: 'bearer' })
      .field('metadata', deep, { contentType: 'application/json' })
      .attach('file', file.bytes, { filename: 'photo.jpg', contentType: 'image/jpeg' });
    for (const response of [asText, asJson]) {
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.equal(response.body.code, 'json_too_deep');
    }
    assert.deepEqual(await counts(t), before);
  });

  it('refuses a list longer than its field allows before any per-item work', async () => {
    const items = Array.from({ length: 200_000 }, () => '{}').join(',');
    const huge = await request(t.server)
      .post('/api/v1/clearance/batch')
      .auth(marketing.token, { type: 'bearer' })
      .set('content-type', 'application/json')
      .send(`{"checks":[${items}]}`);
    assert.equal(huge.status, 400, JSON.stringify(huge.body));
    assert.equal(huge.body.code, 'json_list_too_long');

    // An object as wide: each unknown field would cost a validation error of its own.
    const fields = Array.from({ length: 60_000 }, (_, i) => `"f${i}":1`).join(',');
    const wide = await request(t.server)
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(`{${fields}}`);
    assert.equal(wide.status, 400, JSON.stringify(wide.body));
    assert.equal(wide.body.code, 'json_object_too_large');

    // Within the parser's bound but over the field's own: refused by the field's limit, by name.
    const overField = await request(t.server)
      .post('/api/v1/clearance/batch')
      .auth(marketing.token, { type: 'bearer' })
      .send({ checks: Array.from({ length: 501 }, () => ({})) });
    assert.equal(overField.status, 400, JSON.stringify(overField.body));
    assert.equal(overField.body.code, 'validation_failed');
    assert.deepEqual(
      (overField.body.errors as { field: string }[]).map((error) => error.field),
      ['checks'],
      'only the list is named: no item was validated',
    );
  });

  it('refuses __proto__ and constructor keys in multipart metadata as in JSON bodies', async () => {
    const patient = await createPatient(t, frontDesk);
    const caseId = await createCase(t, frontDesk, patient.id);
    const before = await counts(t);
    for (const metadata of [
      '{"kind":"before","faceVisible":false,"__proto__":{"admin":true}}',
      '{"kind":"before","faceVisible":false,"constructor":{"prototype":{"admin":true}}}',
    ]) {
      const file = { bytes: await jpegPhoto({ seed: 8 }), filename: 'photo.jpg', contentType: 'image/jpeg' };
      const form = await postForm(t, frontDesk, `/api/v1/cases/${caseId}/photos`, 'file', file, metadata);
      assert.equal(form.status, 400, JSON.stringify(form.body));
      assert.equal(form.body.code, 'malformed_body');

      const json = await request(t.server)
        .post('/api/v1/patients')
        .auth(frontDesk.token, { type: 'bearer' })
        .set('content-type', 'application/json')
        .send(
          metadata.replace('"kind":"before","faceVisible":false', '"fullName":"Jane Roe","dateOfBirth":"1985-06-15"'),
        );
      assert.equal(json.status, 400, JSON.stringify(json.body));
      assert.equal(json.body.code, 'malformed_body');
    }
    assert.deepEqual(await counts(t), before);
  });

  it('refuses bytes that are not UTF-8 with invalid_encoding, in JSON bodies and multipart fields alike', async () => {
    const before = await counts(t);
    const json = await request(t.server)
      .post('/api/v1/patients')
      .auth(frontDesk.token, { type: 'bearer' })
      .set('content-type', 'application/json')
      // The bytes as they are: superagent's types say a serializer returns text, but it writes a Buffer.
      .serialize(asIs as unknown as (body: unknown) => string)
      .send(bodyWithInvalidUtf8());
    assert.equal(json.status, 400, JSON.stringify(json.body));
    assert.match(json.headers['content-type'] ?? '', PROBLEM_JSON);
    assert.equal(json.body.code, 'invalid_encoding', JSON.stringify(json.body));

    const patient = await createPatient(t, frontDesk);
    const caseId = await createCase(t, frontDesk, patient.id);
    const afterPatient = await counts(t);
    const metadata = Buffer.concat([
      Buffer.from('{"kind":"before","faceVisible":false,"bodyArea":"nose '),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const form = await request(t.server)
      .post(`/api/v1/cases/${caseId}/photos`)
      .auth(frontDesk.token, { type: 'bearer' })
      .set('content-type', `multipart/form-data; boundary=${BOUNDARY}`)
      .send(rawForm(metadata, await jpegPhoto({ seed: 9 })));
    assert.equal(form.status, 400, JSON.stringify(form.body));
    assert.equal(form.body.code, 'invalid_encoding');
    assert.equal((await counts(t)).photos, afterPatient.photos);
    assert.equal(afterPatient.patients, before.patients + 1);

    // Text that is UTF-8 keeps every character.
    const accented = await createPatient(t, frontDesk, { fullName: 'José Ñúñez 李' });
    const read = await request(t.server)
      .get(`/api/v1/patients/${accented.id}`)
      .auth(frontDesk.token, { type: 'bearer' })
      .expect(200);
    assert.equal(read.body.fullName, 'José Ñúñez 李');
  });
});
