import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { IdempotencyKeyPruner } from '../src/idempotency/idempotency.module.js';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { jpegPhoto } from './support/images.js';
import { counts, createCase, createPatient, createRelease, postForm, uploadPhoto } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

describe('Idempotency-Key on mutating routes', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let privacyOfficer: SignedInStaff;

  const as = (staff: SignedInStaff, key?: string) => {
    const withKey = (call: request.Test) => {
      call.auth(staff.token, { type: 'bearer' });
      return key ? call.set('Idempotency-Key', key) : call;
    };
    return {
      post: (path: string, body: object) => withKey(request(t.server).post(`/api/v1${path}`)).send(body),
      patch: (path: string, body: object) => withKey(request(t.server).patch(`/api/v1${path}`)).send(body),
      delete: (path: string) => withKey(request(t.server).delete(`/api/v1${path}`)),
    };
  };
  const patientRows = async () =>
    Number((await t.database.query<{ n: string }>('SELECT count(*) AS n FROM patients'))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ env: s3TestEnv(await createTestBucket()) });
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    privacyOfficer = await createSignedIn(t, 'privacy_officer');
  });
  afterAll(async () => t.close());

  it('answers a repeated request with the first answer and does the work once; another request with the key is refused', async () => {
    const body = { fullName: 'Ada Keyed', dateOfBirth: '1980-01-02' };
    const before = await patientRows();
    const first = await as(frontDesk, 'create-ada-1').post('/patients', body);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.headers['idempotent-replayed'], undefined);
    const repeat = await as(frontDesk, 'create-ada-1').post('/patients', {
      dateOfBirth: '1980-01-02',
      fullName: 'Ada Keyed',
    });
    assert.equal(repeat.status, 201);
    assert.equal(repeat.headers['idempotent-replayed'], 'true');
    assert.deepEqual(repeat.body, first.body);
    assert.equal(await patientRows(), before + 1, 'one patient, however often it is sent');
    const replays = await t.database.query(
      "SELECT actor_id, patient_id, details FROM audit_events WHERE action = 'request.replay' AND actor_id = $1",
      [frontDesk.id],
    );
    assert.deepEqual(
      replays,
      [
        {
          actor_id: frontDesk.id,
          patient_id: first.body.id,
          details: { operation: 'POST /api/v1/patients', status: 201 },
        },
      ],
      "the patient's record was shown again, so the replay is audited",
    );

    const reused = await as(frontDesk, 'create-ada-1').post('/patients', { ...body, fullName: 'Someone Else' });
    assert.equal(reused.status, 422);
    assert.equal(reused.body.code, 'idempotency_key_reused');
    const otherRoute = await as(frontDesk, 'create-ada-1').patch(`/patients/${first.body.id as string}`, {
      fullName: 'Ada Renamed',
    });
    assert.equal(otherRoute.status, 422, 'a key is bound to its route too');
    const othersKey = await as(privacyOfficer, 'create-ada-1').post('/patients', body);
    assert.equal(othersKey.status, 201, 'keys of different callers never meet');
    assert.equal(othersKey.headers['idempotent-replayed'], undefined);
    assert.equal(await patientRows(), before + 2);

    const renamed = await as(frontDesk, 'rename-ada').patch(`/patients/${first.body.id as string}`, {
      fullName: 'Ada K.',
    });
    assert.equal(renamed.status, 200);
    const renamedAgain = await as(frontDesk, 'rename-ada').patch(`/patients/${first.body.id as string}`, {
      fullName: 'Ada K.',
    });
    assert.equal(renamedAgain.headers['idempotent-replayed'], 'true');
    const updates = await t.database.query<{ id: string }>(
      "SELECT id FROM audit_events WHERE action = 'patient.update' AND entity_id = $1",
      [first.body.id],
    );
    assert.equal(updates.length, 1, 'the update was made and audited once');

    assert.equal((await as(frontDesk, 'has spaces').post('/patients', body)).status, 400);
  });

  it('recognises a repeated upload by its content, whatever the form boundary', async () => {
    const patientId = (await createPatient(t, frontDesk)).id;
    const caseId = await createCase(t, frontDesk, patientId);
    const photo = { bytes: await jpegPhoto({ seed: 4242 }), filename: 'before.jpg', contentType: 'image/jpeg' };
    const upload = (key: string, bytes = photo.bytes) =>
      postForm(
        t,
        frontDesk,
        `/api/v1/cases/${caseId}/photos`,
        'file',
        { ...photo, bytes },
        {
          kind: 'before',
          faceVisible: false,
        },
      ).set('Idempotency-Key', key);
    const first = await upload('photo-upload-1');
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const before = await counts(t);
    const repeat = await upload('photo-upload-1');
    assert.equal(repeat.status, 201, 'a retried upload gets its answer, not a duplicate-photo 409');
    assert.equal(repeat.headers['idempotent-replayed'], 'true');
    assert.equal(repeat.body.id, first.body.id);
    const other = await upload('photo-upload-1', await jpegPhoto({ seed: 4243 }));
    assert.equal(other.status, 422);
    assert.deepEqual(await counts(t), before, 'no rows and no stored objects for the repeats');
  });

  it('gives the key back when the request fails, so the same request can succeed later', async () => {
    const patientId = (await createPatient(t, frontDesk)).id;
    const photoId = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patientId));
    const publication = { photoId, channel: 'social.instagram', location: { postId: 'C-keyed' } };
    const refused = await as(marketing, 'publish-keyed').post('/publications', publication);
    assert.equal(refused.status, 409, 'no release yet');
    await createRelease(t, frontDesk, patientId);
    const published = await as(marketing, 'publish-keyed').post('/publications', publication);
    assert.equal(published.status, 201, JSON.stringify(published.body));
    assert.equal(published.headers['idempotent-replayed'], undefined);
  });

  it('lets two identical requests racing with one key do the work once', async () => {
    const before = await patientRows();
    const body = { fullName: 'Racing Twice', dateOfBirth: '1975-07-07' };
    const answers = await Promise.all([
      as(frontDesk, 'race-1').post('/patients', body),
      as(frontDesk, 'race-1').post('/patients', body),
    ]);
    const statuses = answers.map((answer) => answer.status).sort();
    assert.ok(
      JSON.stringify(statuses) === '[201,201]' || JSON.stringify(statuses) === '[201,409]',
      `statuses ${JSON.stringify(statuses)}`,
    );
    const conflict = answers.find((answer) => answer.status === 409);
    if (conflict) assert.equal(conflict.body.code, 'idempotency_in_progress');
    assert.equal(await patientRows(), before + 1);
  });

  it('replays a DELETE, and forgets keys after a day', async () => {
    const patientId = (await createPatient(t, frontDesk)).id;
    const hold = await as(privacyOfficer).post(`/patients/${patientId}/holds`, { reason: 'Disputed signature' });
    assert.equal(hold.status, 201, JSON.stringify(hold.body));
    const lifted = await as(privacyOfficer, 'lift-1').delete(`/holds/${hold.body.id as string}`);
    assert.equal(lifted.status, 200, JSON.stringify(lifted.body));
    const again = await as(privacyOfficer, 'lift-1').delete(`/holds/${hold.body.id as string}`);
    assert.equal(again.status, 200);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.body, lifted.body);

    await t.database.query(
      "UPDATE idempotent_requests SET created_at = now() - interval '25 hours' WHERE key = 'lift-1'",
    );
    assert.ok((await t.app.get(IdempotencyKeyPruner).prune()) >= 1);
    const afterPrune = await as(privacyOfficer, 'lift-1').delete(`/holds/${hold.body.id as string}`);
    assert.equal(afterPrune.headers['idempotent-replayed'], undefined, 'a forgotten key runs the request again');
    assert.equal(afterPrune.status, 409, 'and the hold, lifted already, cannot be lifted twice');
  });

  it('refuses a key where the request carries secrets, and on routes open without credentials', async () => {
    const admin = await createSignedIn(t, 'admin');
    const login = await request(t.server)
      .post('/api/v1/auth/login')
      .set('Idempotency-Key', 'login-1')
      .send({ email: admin.email, password: 'whatever-it-is' });
    assert.equal(login.status, 400);
    assert.equal(login.body.code, 'idempotency_not_supported');
    const user = await as(admin, 'new-user-1').post('/users', {
      email: 'keyed.user@example.test',
      displayName: 'Keyed User',
      role: 'marketing',
      password: 'a long enough passphrase 42',
    });
    assert.equal(user.status, 400);
    assert.equal(user.body.code, 'idempotency_not_supported');
    assert.equal(
      (await t.database.query('SELECT 1 FROM users WHERE email = $1', ['keyed.user@example.test'])).length,
      0,
      'nothing was done',
    );
  });
});
