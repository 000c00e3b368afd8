import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { waitForLockWaiters } from './support/database.js';
import { counts, createCase, createPatient, createRelease, postForm, SCOPE, uploadPhoto } from './support/records.js';
import { signedFormPdf } from './support/images.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

// The release of releaseFields() permits the website and social media (except TikTok), without the face.
describe('holds', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let privacyOfficer: SignedInStaff;

  const as = (staff: SignedInStaff) => ({
    get: (path: string) => request(t.server).get(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      request(t.server).post(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }).send(body),
    delete: (path: string, body?: object) =>
      request(t.server).delete(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }).send(body),
  });
  const clearance = async (photoId: string) =>
    (await as(marketing).get(`/photos/${photoId}/clearance?channel=website`)).body as Json;
  const host = async (photoId: string) => {
    const response = await as(marketing).post('/publications', { photoId, channel: 'website', hosted: true });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return { id: response.body.id as string, path: new URL(response.body.mediaUrl as string).pathname };
  };
  /** A patient with a release and photos, through the API. */
  const consentedPatient = async (photos: number) => {
    const patientId = (await createPatient(t, frontDesk)).id;
    const caseId = await createCase(t, frontDesk, patientId);
    const photoIds: string[] = [];
    for (let i = 0; i < photos; i++) photoIds.push(await uploadPhoto(t, frontDesk, caseId));
    await createRelease(t, frontDesk, patientId);
    return { patientId, caseId, photoIds };
  };

  beforeAll(async () => {
    t = await startTestApp({ env: s3TestEnv(await createTestBucket()) });
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    privacyOfficer = await createSignedIn(t, 'privacy_officer');
  });
  afterAll(async () => t.close());

  it('denies every use of a held photo while the hold stands, takes its hosted URL down for good, and lifting gives back what the release allows', async () => {
    const { patientId, photoIds } = await consentedPatient(2);
    const [held, free] = photoIds;
    const hosted = await host(held);
    const posted = await as(marketing).post('/publications', {
      photoId: free,
      channel: 'social.instagram',
      location: { postId: 'C1' },
    });
    assert.equal(posted.status, 201);
    assert.equal((await request(t.server).get(hosted.path)).status, 200);

    const placed = await as(privacyOfficer).post(`/patients/${patientId}/holds`, {
      photoIds: [held],
      reason: 'Revocation request by phone, identity being verified',
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    assert.equal(placed.body.active, true);
    assert.deepEqual(placed.body.photoIds, [held]);
    assert.equal(placed.body.placedByUserId, privacyOfficer.id);
    assert.equal(placed.body.placedAt, t.clock.now().toISOString());

    const denied = await clearance(held);
    assert.equal(denied.allowed, false);
    assert.deepEqual(
      (denied.reasons as Json[]).map((reason) => reason.code),
      ['photo_on_hold'],
    );
    // Staff's free text about the patient stays out of what marketing reads.
    assert.doesNotMatch(denied.reasons[0].message, /identity being verified/);
    assert.match(denied.reasons[0].message, /on hold since/);
    assert.equal((await clearance(free)).allowed, true, 'a photo the hold does not name stays cleared');

    assert.equal((await request(t.server).get(hosted.path)).status, 410);
    assert.equal((await as(marketing).get(`/publications/${hosted.id}`)).body.status, 'removed');
    const [withdrawn] = await t.database.query<{ details: Json }>(
      "SELECT details FROM audit_events WHERE action = 'publication.media_withdrawn' AND entity_id = $1",
      [hosted.id],
    );
    assert.deepEqual(withdrawn?.details, { reasons: ['photo_on_hold'], holdId: placed.body.id });

    const refused = await as(marketing).post('/publications', { photoId: held, channel: 'website', hosted: true });
    assert.equal(refused.status, 409);
    assert.deepEqual(
      (refused.body.reasons as Json[]).map((reason) => reason.code),
      ['photo_on_hold'],
    );

    t.clock.advance(60_000);
    const lifted = await as(privacyOfficer).delete(`/holds/${placed.body.id}`, { reason: 'Request withdrawn' });
    assert.equal(lifted.status, 200, JSON.stringify(lifted.body));
    assert.equal(lifted.body.active, false);
    assert.equal(lifted.body.liftedAt, t.clock.now().toISOString());
    assert.equal(lifted.body.liftReason, 'Request withdrawn');
    assert.equal((await clearance(held)).allowed, true);
    assert.equal((await request(t.server).get(hosted.path)).status, 410, 'a withdrawn URL never serves again');
    assert.equal((await host(held)).path.startsWith('/m/'), true, 'the photo may be published again');

    const again = await as(privacyOfficer).delete(`/holds/${placed.body.id}`);
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'hold_already_lifted');

    const events = await t.database.query<{ action: string; actor_id: string }>(
      "SELECT action, actor_id FROM audit_events WHERE entity_type = 'hold' AND entity_id = $1 ORDER BY id",
      [placed.body.id],
    );
    assert.deepEqual(
      events.map((event) => [event.action, event.actor_id]),
      [
        ['hold.place', privacyOfficer.id],
        ['hold.lift', privacyOfficer.id],
      ],
    );
  });

  it('holds every photo of the patient, later uploads too, when no photos are named; lists holds newest first', async () => {
    const { patientId, caseId, photoIds } = await consentedPatient(1);
    const posted = await as(marketing).post('/publications', {
      photoId: photoIds[0],
      channel: 'social.facebook',
      location: { postId: 'F-7' },
    });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const first = await as(privacyOfficer).post(`/patients/${patientId}/holds`, { reason: 'Disputed signature' });
    assert.equal(first.status, 201);
    assert.equal(first.body.photoIds, null);
    const later = await uploadPhoto(t, frontDesk, caseId);
    for (const photoId of [...photoIds, later]) assert.equal((await clearance(photoId)).allowed, false);

    const report = await as(privacyOfficer).get('/reports/rights');
    assert.equal(report.status, 200);
    const flagged = (report.body.deniedLivePublications as Json[]).find(
      (denied) => denied.publication.id === posted.body.id,
    );
    assert.deepEqual(
      flagged?.reasons.map((reason: Json) => reason.code),
      ['photo_on_hold'],
      'the live post shows up for the privacy officer',
    );

    t.clock.advance(1000);
    const second = await as(privacyOfficer).post(`/patients/${patientId}/holds`, {
      photoIds: [later],
      reason: 'Second look',
    });
    const listed = await as(privacyOfficer).get(`/patients/${patientId}/holds`);
    assert.equal(listed.status, 200);
    assert.deepEqual(
      (listed.body.items as Json[]).map((hold) => hold.id),
      [second.body.id, first.body.id],
    );
  });

  it('leaves no live hosted publication of a held photo when publishing races the hold', async () => {
    for (let round = 0; round < 8; round++) {
      const { patientId, photoIds } = await consentedPatient(1);
      const [publish, hold] = await Promise.all([
        as(marketing).post('/publications', { photoId: photoIds[0], channel: 'website', hosted: true }),
        as(privacyOfficer).post(`/patients/${patientId}/holds`, { reason: `Race ${round}` }),
      ]);
      assert.equal(hold.status, 201);
      assert.ok([201, 409].includes(publish.status), JSON.stringify(publish.body));
      const live = await t.database.query<{ id: string }>(
        "SELECT id FROM publications WHERE patient_id = $1 AND status = 'live'",
        [patientId],
      );
      assert.deepEqual(live, [], `round ${round}: publish answered ${publish.status}`);
    }
  });

  it('refuses a publication that waited for the release lock while a hold stamped after its request committed', async () => {
    const { patientId, photoIds } = await consentedPatient(1);
    const [{ id: releaseId }] = await t.database.query<{ id: string }>(
      'SELECT id FROM releases WHERE patient_id = $1',
      [patientId],
    );
    // Stands in for the hold's transaction: it has the release locked when the publication asks for it.
    const holdsTransaction = new pg.Client({ connectionString: t.database.url });
    await holdsTransaction.connect();
    try {
      await holdsTransaction.query('BEGIN');
      await holdsTransaction.query('SELECT id FROM releases WHERE id = $1 FOR UPDATE', [releaseId]);
      const publishing = as(marketing)
        .post('/publications', { photoId: photoIds[0], channel: 'website', hosted: true })
        .then((response) => response);
      await waitForLockWaiters(t.database);
      // Placed by an instance whose clock runs two seconds ahead (or simply later than the
      // publication's request came in): it committed before the publication got its lock.
      await holdsTransaction.query(
        `INSERT INTO holds (patient_id, reason, placed_at, placed_by_user_id) VALUES ($1, 'Disputed', $2, $3)`,
        [patientId, new Date(t.clock.now().getTime() + 2000), privacyOfficer.id],
      );
      await holdsTransaction.query('COMMIT');

      const published = await publishing;
      assert.equal(published.status, 409, JSON.stringify(published.body));
      assert.deepEqual(
        (published.body.reasons as Json[]).map((reason) => reason.code),
        ['photo_on_hold'],
      );
      assert.deepEqual(await t.database.query('SELECT id FROM publications WHERE patient_id = $1', [patientId]), []);
    } finally {
      await holdsTransaction.end();
    }
  });

  it('keeps the version an amendment made while the hold waited for the release locked until the hold commits', async () => {
    const { patientId } = await consentedPatient(1);
    const [{ id: releaseId }] = await t.database.query<{ id: string }>(
      'SELECT id FROM releases WHERE patient_id = $1',
      [patientId],
    );
    const releaseHolder = new pg.Client({ connectionString: t.database.url });
    const holdsTableHolder = new pg.Client({ connectionString: t.database.url });
    await releaseHolder.connect();
    await holdsTableHolder.connect();
    try {
      // The amendment, then the hold, queue for the release's lock; the amendment goes first.
      await releaseHolder.query('BEGIN');
      await releaseHolder.query('SELECT id FROM releases WHERE id = $1 FOR UPDATE', [releaseId]);
      const amending = postForm(
        t,
        frontDesk,
        `/api/v1/releases/${releaseId}/amendments`,
        'document',
        { bytes: signedFormPdf('renewed'), filename: 'renewed.pdf', contentType: 'application/pdf' },
        { reason: 'Renewed.', signedAt: t.clock.now().toISOString(), scope: SCOPE },
      ).then((response) => response);
      await waitForLockWaiters(t.database, 1);
      // The hold will wait here once it holds the release locks, so that they can be looked at.
      await holdsTableHolder.query('BEGIN');
      await holdsTableHolder.query('LOCK TABLE holds IN SHARE MODE');
      const placing = as(privacyOfficer)
        .post(`/patients/${patientId}/holds`, { reason: 'Disputed' })
        .then((response) => response);
      await waitForLockWaiters(t.database, 2);
      await releaseHolder.query('COMMIT');
      const amended = await amending;
      assert.equal(amended.status, 201, JSON.stringify(amended.body));
      await waitForLockWaiters(t.database, 1, 'INSERT INTO "holds"');

      // Until the hold commits, a publication of the new version would wait for it and be refused.
      await assert.rejects(
        t.database.query('SELECT id FROM releases WHERE id = $1 FOR SHARE NOWAIT', [amended.body.id]),
        { code: '55P03' },
        'the version the amendment made is locked by the hold',
      );
      await holdsTableHolder.query('COMMIT');
      assert.equal((await placing).status, 201);
    } finally {
      await releaseHolder.end();
      await holdsTableHolder.end();
    }
  });

  describe('bad input: a clear 4xx problem and nothing written', () => {
    let patientId: string;
    let otherPatientsPhoto: string;
    beforeAll(async () => {
      patientId = (await consentedPatient(1)).patientId;
      otherPatientsPhoto = (await consentedPatient(1)).photoIds[0];
    });

    const cases: [string, number, () => request.Test][] = [
      ['marketing may not place holds', 403, () => as(marketing).post(`/patients/${patientId}/holds`, { reason: 'x' })],
      [
        'an unknown patient',
        404,
        () => as(privacyOfficer).post('/patients/6f1f8c1e-8f5e-4c55-9a3b-2f8a2b0f4d11/holds', { reason: 'x' }),
      ],
      ['a malformed patient id', 400, () => as(privacyOfficer).post('/patients/not-a-uuid/holds', { reason: 'x' })],
      [
        "another patient's photo",
        404,
        () => as(privacyOfficer).post(`/patients/${patientId}/holds`, { photoIds: [otherPatientsPhoto], reason: 'x' }),
      ],
      ['no reason', 400, () => as(privacyOfficer).post(`/patients/${patientId}/holds`, {})],
      ['a blank reason', 400, () => as(privacyOfficer).post(`/patients/${patientId}/holds`, { reason: '   ' })],
      [
        'an empty photo list',
        400,
        () => as(privacyOfficer).post(`/patients/${patientId}/holds`, { photoIds: [], reason: 'x' }),
      ],
      [
        'an unknown field',
        400,
        () => as(privacyOfficer).post(`/patients/${patientId}/holds`, { reason: 'x', channels: ['social'] }),
      ],
      [
        'lifting an unknown hold',
        404,
        () => as(privacyOfficer).delete('/holds/6f1f8c1e-8f5e-4c55-9a3b-2f8a2b0f4d11', { reason: 'x' }),
      ],
    ];
    for (const [name, status, send] of cases) {
      it(name, async () => {
        const before = { ...(await counts(t)), ...(await holdRows()) };
        const response = await send();
        assert.equal(response.status, status, JSON.stringify(response.body));
        assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/);
        assert.deepEqual({ ...(await counts(t)), ...(await holdRows()) }, before);
      });
    }
    const holdRows = async () => ({
      holds: Number((await t.database.query<{ n: string }>('SELECT count(*) AS n FROM holds'))[0]?.n),
      holdEvents: Number(
        (await t.database.query<{ n: string }>("SELECT count(*) AS n FROM audit_events WHERE action LIKE 'hold.%'"))[0]
          ?.n,
      ),
    });
  });
});
