import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { waitForLockWaiters } from './support/database.js';
import { createCase, createPatient, createRelease, uploadPhoto } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

// releaseFields() permit website and social except social.tiktok, without face or paid placement.
describe('publications', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let patient: { id: string; code: string };
  let releaseId: string;
  let photo: string;
  let facePhoto: string;
  let unreleasedPhoto: string;

  const publish = (body: object, staff = marketing) =>
    request(t.server).post('/api/v1/publications').auth(staff.token, { type: 'bearer' }).send(body);
  const get = (path: string, staff = marketing) => request(t.server).get(path).auth(staff.token, { type: 'bearer' });
  const patch = (id: string, body: object) =>
    request(t.server).patch(`/api/v1/publications/${id}`).auth(marketing.token, { type: 'bearer' }).send(body);
  const publications = async () =>
    Number((await t.database.query<{ n: string }>('SELECT count(*) AS n FROM publications'))[0]?.n);

  beforeAll(async () => {
    t = await startTestApp({
      env: { ...s3TestEnv(await createTestBucket()), PUBLIC_BASE_URL: 'https://photos.clinic.example' },
    });
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    patient = await createPatient(t, frontDesk);
    const caseId = await createCase(t, frontDesk, patient.id);
    photo = await uploadPhoto(t, frontDesk, caseId);
    facePhoto = await uploadPhoto(t, frontDesk, caseId, { faceVisible: true });
    releaseId = await createRelease(t, frontDesk, patient.id);
    const other = await createPatient(t, frontDesk);
    unreleasedPhoto = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, other.id));
  });
  afterAll(async () => t.close());

  it('records a cleared use with the release that cleared it, and audits it', async () => {
    const response = await publish({
      photoId: photo,
      channel: 'social.instagram',
      location: { url: 'https://www.instagram.com/p/C8x1Lq0MZ3b/', postId: 'C8x1Lq0MZ3b' },
    });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    const body = response.body as Json;
    assert.equal(body.photoId, photo);
    assert.equal(body.patientCode, patient.code);
    assert.equal(body.channel, 'social.instagram');
    assert.deepEqual(body.location, {
      url: 'https://www.instagram.com/p/C8x1Lq0MZ3b/',
      postId: 'C8x1Lq0MZ3b',
      campaign: null,
      printRun: null,
    });
    assert.deepEqual([body.faceShown, body.marksObscured, body.nameShown, body.paid], [false, false, false, false]);
    assert.equal(body.releaseId, releaseId);
    assert.equal(body.status, 'live');
    assert.equal(body.hosted, false);
    assert.equal(body.mediaUrl, null);
    assert.equal(body.publishedByUserId, marketing.id);
    assert.deepEqual((await get(`/api/v1/publications/${body.id}`)).body, body);
    const [event] = await t.database.query<Json>(
      "SELECT actor_id, patient_id, details FROM audit_events WHERE action = 'publication.create' AND entity_id = $1",
      [body.id],
    );
    assert.equal(event?.actor_id, marketing.id);
    assert.equal(event?.patient_id, patient.id);
    assert.equal(event?.details.releaseId, releaseId);
  });

  it('refuses a use that is not cleared with 409 and the reasons, records nothing but the refusal', async () => {
    const before = await publications();
    const response = await publish({
      photoId: facePhoto,
      channel: 'social.tiktok',
      location: { postId: '7311' },
      paid: true,
    });
    assert.equal(response.status, 409, JSON.stringify(response.body));
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    assert.equal(response.body.code, 'publication_not_cleared');
    assert.deepEqual(
      response.body.reasons.map((r: Json) => r.code),
      ['channel_denied', 'face_not_allowed', 'paid_not_allowed'],
    );
    assert.ok(response.body.remedies.includes('Crop or obscure the face.'));
    assert.equal(await publications(), before);
    const [refusal] = await t.database.query<Json>(
      "SELECT outcome, details FROM audit_events WHERE action = 'publication.create' AND entity_id = $1",
      [facePhoto],
    );
    assert.equal(refusal?.outcome, 'denied');
    assert.deepEqual(refusal?.details.reasons, ['channel_denied', 'face_not_allowed', 'paid_not_allowed']);
  });

  it('refuses a publication of a photo without a release', async () => {
    const before = await publications();
    const response = await publish({
      photoId: unreleasedPhoto,
      channel: 'website',
      location: { url: 'https://x.example/a' },
    });
    assert.equal(response.status, 409);
    assert.deepEqual(
      response.body.reasons.map((r: Json) => r.code),
      ['no_release'],
    );
    assert.equal(await publications(), before);
  });

  it('hosts a website publication at an unguessable URL that names nothing about the patient', async () => {
    const response = await publish({ photoId: photo, channel: 'website', hosted: true });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    const url = new URL(response.body.mediaUrl as string);
    assert.equal(url.origin, 'https://photos.clinic.example');
    const token = url.pathname.replace(/^\/m\//, '');
    assert.match(token, /^[A-Za-z0-9_-]{32}$/);
    for (const identifying of [patient.id, patient.code, photo, releaseId]) assert.ok(!url.href.includes(identifying));
    const refused = await publish({ photoId: photo, channel: 'email', hosted: true });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'hosting_not_available');
  });

  it('lists by photo, channel (with the channels under it) and status, a page at a time', async () => {
    const second = await publish({ photoId: photo, channel: 'social.facebook', location: { postId: 'fb-1' } });
    const third = await publish({
      photoId: photo,
      channel: 'website',
      location: { url: 'https://clinic.example/nose' },
    });
    assert.equal(second.status, 201);
    assert.equal(third.status, 201);
    const social = await get(`/api/v1/publications?photoId=${photo}&channel=social`);
    assert.equal(social.status, 200);
    assert.deepEqual(
      social.body.items.map((p: Json) => p.channel),
      ['social.facebook', 'social.instagram'],
    );
    assert.equal((await get('/api/v1/publications?status=removed')).body.items.length, 0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await get(
        `/api/v1/publications?photoId=${photo}&limit=2${cursor ? `&before=${cursor}` : ''}`,
      );
      assert.equal(page.status, 200, JSON.stringify(page.body));
      seen.push(...page.body.items.map((p: Json) => p.id as string));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    const all = await get(`/api/v1/publications?photoId=${photo}&limit=200`);
    assert.deepEqual(
      seen,
      all.body.items.map((p: Json) => p.id),
    );
    assert.equal(new Set(seen).size, 4);
  });

  it('updates where a publication appears, audited, but never leaves one without a location', async () => {
    const created = (await publish({ photoId: photo, channel: 'social.x', location: { postId: '1790' } })).body;
    const updated = await patch(created.id, { location: { postId: '1791', campaign: 'Open day' } });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    assert.deepEqual(updated.body.location, {
      url: null,
      postId: '1791',
      campaign: 'Open day',
      printRun: null,
    });
    const [event] = await t.database.query<Json>(
      "SELECT details FROM audit_events WHERE action = 'publication.update' AND entity_id = $1",
      [created.id],
    );
    assert.deepEqual(event?.details.changed, ['postId', 'campaign']);
    const emptied = await patch(created.id, { location: { postId: null, campaign: null } });
    assert.equal(emptied.status, 400);
    assert.equal((await get(`/api/v1/publications/${created.id}`)).body.location.postId, '1791');
    const unknown = await patch(created.id, { channel: 'website', location: {} });
    assert.equal(unknown.status, 400);
  });

  it('lets only roles with the permission read or record publications', async () => {
    assert.equal(
      (await publish({ photoId: photo, channel: 'website', location: { url: 'https://a.example' } }, frontDesk)).status,
      403,
    );
    assert.equal((await get('/api/v1/publications', frontDesk)).status, 403);
  });

  it('records a use as cleared only if consent cleared it when it was published as well as now', async () => {
    const before = await publications();
    const location = { url: 'https://clinic.example/gallery/rhinoplasty' };
    // The release was signed 2026-03-01T15:30Z: a use dated 1900 predates it.
    const predates = await publish({
      photoId: photo,
      channel: 'website',
      location,
      publishedAt: '1900-01-01T00:00:00Z',
    });
    assert.equal(predates.status, 409, JSON.stringify(predates.body));
    assert.equal(predates.body.code, 'publication_not_cleared');
    assert.equal(predates.body.decidedAt, '1900-01-01T00:00:00.000Z');
    assert.deepEqual(
      (predates.body.reasons as { code: string }[]).map((reason) => reason.code),
      ['release_not_yet_signed'],
    );
    assert.equal(await publications(), before);
    const [denied] = await t.database.query<Json>(
      `SELECT details FROM audit_events WHERE action = 'publication.create' AND outcome = 'denied'
        ORDER BY id DESC LIMIT 1`,
    );
    assert.equal(denied?.details.use.at, '1900-01-01T00:00:00.000Z');

    const afterSigning = await publish({
      photoId: photo,
      channel: 'website',
      location,
      publishedAt: '2026-03-01T16:00:00Z',
    });
    assert.equal(afterSigning.status, 201, JSON.stringify(afterSigning.body));
    assert.equal(afterSigning.body.clearedWhenPublished, true);

    // A use found later that predates its consent is recorded as such, and the rights report lists it.
    const found = await publish({
      photoId: photo,
      channel: 'website',
      location: { url: 'https://old-site.clinic.example/2025/before-after' },
      publishedAt: '2025-11-20T10:00:00Z',
      unclearedWhenPublished: true,
    });
    assert.equal(found.status, 201, JSON.stringify(found.body));
    assert.equal(found.body.status, 'live');
    assert.equal(found.body.clearedWhenPublished, false);
    const report = await get('/api/v1/reports/rights');
    assert.equal(report.status, 200, JSON.stringify(report.body));
    const listed = (report.body.unclearedWhenPublished as Json[]).map((entry) => ({
      id: entry.publication.id as string,
      reasons: (entry.reasons as { code: string }[]).map((reason) => reason.code),
    }));
    assert.deepEqual(listed, [{ id: found.body.id as string, reasons: ['release_not_yet_signed'] }]);
    assert.ok(!(report.body.deniedLivePublications as Json[]).some((entry) => entry.publication.id === found.body.id));
    const [recorded] = await t.database.query<Json>(
      "SELECT details FROM audit_events WHERE action = 'publication.create' AND entity_id = $1",
      [found.body.id],
    );
    assert.equal(recorded?.details.clearedWhenPublished, false);
    assert.deepEqual(recorded?.details.reasonsWhenPublished, ['release_not_yet_signed']);

    // A clock a little ahead is not the future; further ahead is refused.
    const soon = new Date(t.clock.now().getTime() + 2 * 60_000).toISOString();
    const later = new Date(t.clock.now().getTime() + 10 * 60_000).toISOString();
    assert.equal((await publish({ photoId: photo, channel: 'website', location, publishedAt: soon })).status, 201);
    const future = await publish({ photoId: photo, channel: 'website', location, publishedAt: later });
    assert.equal(future.status, 400, JSON.stringify(future.body));
    assert.equal(future.body.code, 'validation_failed');
  });

  it('refuses bad input with a problem and records nothing', async () => {
    const before = await publications();
    const cases: [object, number][] = [
      [{ photoId: photo, channel: 'myspace', location: { url: 'https://a.example' } }, 400],
      [{ photoId: photo, channel: 'website' }, 400],
      [{ photoId: photo, channel: 'website', location: { url: 'javascript:alert(1)' } }, 400],
      [
        {
          photoId: photo,
          channel: 'website',
          location: { url: 'https://a.example' },
          publishedAt: '2030-01-01T00:00:00Z',
        },
        400,
      ],
      [{ photoId: photo, channel: 'website', location: { url: 'https://a.example' }, status: 'removed' }, 400],
      [{ photoId: 'not-a-uuid', channel: 'website', location: { url: 'https://a.example' } }, 400],
      [
        { photoId: '00000000-0000-4000-8000-000000000000', channel: 'website', location: { url: 'https://a.example' } },
        404,
      ],
    ];
    for (const [body, status] of cases) {
      const response = await publish(body);
      assert.equal(response.status, status, `${JSON.stringify(body)}: ${JSON.stringify(response.body)}`);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    }
    assert.equal((await get('/api/v1/publications/00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await get('/api/v1/publications?channel=fax')).status, 400);
    assert.equal((await get('/api/v1/publications?before=yesterday')).status, 400);
    assert.equal(await publications(), before);
  });

  it('waits for a change to the governing release that holds its lock, then decides on the new state', async () => {
    // A change that ends consent holds the release row's lock while it commits, as an amendment
    // does and a revocation will: a publish arriving meanwhile must wait and then be refused.
    const lockHolder = new pg.Client({ connectionString: t.database.url });
    await lockHolder.connect();
    try {
      await lockHolder.query('BEGIN');
      await lockHolder.query('SELECT id FROM releases WHERE id = $1 FOR UPDATE', [releaseId]);
      const before = await publications();
      const pending = publish({
        photoId: photo,
        channel: 'website',
        location: { url: 'https://clinic.example/before-after' },
      });
      const settled = pending.then((response) => response);
      await waitForLockWaiters(t.database);
      // Narrow the release to print only: supersede the version and add one, as an amendment would.
      await lockHolder.query('UPDATE releases SET superseded_at = now() WHERE id = $1', [releaseId]);
      await lockHolder.query(
        `INSERT INTO releases SELECT gen_random_uuid(), series_id, version + 1, patient_id, covers_all_cases, signed_at,
           signer_type, signer_full_name, signer_relationship, signer_authority, witness_user_id, form_template,
           form_version, document_key, document_content_type, document_bytes, document_sha256, document_sha1,
           document_file_name, information_description, disclosing_party, recipients, purpose, expires_at,
           expiration_event, right_to_revoke_statement, redisclosure_statement, conditioning_statement,
           treatment_conditioned_on_signing, copy_provided_to_signer, ARRAY['print'], denied_channels, face_allowed,
           obscure_identifying_marks, name_allowed, paid_advertising_allowed, educational_use_allowed,
           'Website withdrawn', id, NULL, recorded_by_user_id, now()
         FROM releases WHERE id = $1`,
        [releaseId],
      );
      await lockHolder.query('COMMIT');
      const response = await settled;
      assert.equal(response.status, 409, JSON.stringify(response.body));
      assert.deepEqual(
        response.body.reasons.map((r: Json) => r.code),
        ['channel_not_permitted'],
      );
      assert.equal(response.body.releaseVersion, 2);
      assert.equal(await publications(), before);
    } finally {
      await lockHolder.end();
    }
  });

  it('lets go of a release that stopped governing before it waits for the one that governs now', async () => {
    // Two current releases of one patient, both covering every case: the later-signed one governs.
    const consented = async () => {
      const { id } = await createPatient(t, frontDesk);
      const photoId = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, id));
      const older = await createRelease(t, frontDesk, id, { signedAt: '2026-02-20T10:00:00Z' });
      return { patientId: id, photoId, older, governing: await createRelease(t, frontDesk, id) };
    };
    // A consent change locks every current version in id order. For it to hold the older release
    // while it waits for the governing one, the governing one needs the larger id: ids are random,
    // so patients are drawn until one has them so.
    let drawn = await consented();
    for (let draws = 1; drawn.governing < drawn.older; draws++) {
      assert.ok(draws < 30, 'thirty draws without the ids in order');
      drawn = await consented();
    }
    const { patientId, photoId, older, governing } = drawn;
    const lockHolder = new pg.Client({ connectionString: t.database.url });
    await lockHolder.connect();
    try {
      // A change of the governing release, holding its lock while it commits.
      await lockHolder.query('BEGIN');
      await lockHolder.query('SELECT id FROM releases WHERE id = $1 FOR UPDATE', [governing]);
      const published = publish({ photoId, channel: 'website', location: { url: 'https://clinic.example/g' } }).then(
        (response) => response,
      );
      await waitForLockWaiters(t.database, 1);
      // A revocation of everything: it locks the older release, then waits for the governing one.
      const revoked = request(t.server)
        .post(`/api/v1/patients/${patientId}/revocations`)
        .auth(frontDesk.token, { type: 'bearer' })
        .send({
          scope: { kind: 'everything' },
          receivedVia: 'phone',
          requester: { type: 'patient' },
          identityVerification: 'Called back on the number on file',
        })
        .then((response) => response);
      await waitForLockWaiters(t.database, 2);
      // The change supersedes the governing version: the older release governs once it commits.
      await lockHolder.query('UPDATE releases SET superseded_at = $2 WHERE id = $1', [governing, t.clock.now()]);
      await lockHolder.query('COMMIT');
      const [publication, revocation] = await Promise.all([published, revoked]);
      assert.equal(revocation.status, 201, JSON.stringify(revocation.body));
      // Decided after the revocation, under the release that governs now.
      assert.equal(publication.status, 409, JSON.stringify(publication.body));
      assert.deepEqual(
        publication.body.reasons.map((reason: Json) => reason.code),
        ['release_revoked'],
      );
      assert.equal(publication.body.releaseId, older);
    } finally {
      await lockHolder.end();
    }
  });
});
