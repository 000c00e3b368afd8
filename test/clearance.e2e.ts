import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { ClearanceChanges } from '../src/rights/clearance-changes.js';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { signedFormPdf } from './support/images.js';
import sharp from 'sharp';
import {
  collectBytes,
  createCase,
  createPatient,
  createRelease,
  narrowToSocialFromAhead,
  postForm,
  SCOPE,
  uploadPhoto,
} from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

// The test clock reads about 2026-03-02T09:00Z; releaseFields() are signed the day before, expire 2031-03-01,
// and permit website and social except social.tiktok, without face or paid placement, marks obscured.
describe('clearance checks', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let admin: SignedInStaff;
  let patientId: string;
  let caseId: string;
  let releaseId: string;
  let plainPhoto: string;
  let facePhoto: string;
  let tattooPhoto: string;

  const check = (photoId: string, query: string, staff = marketing) =>
    request(t.server).get(`/api/v1/photos/${photoId}/clearance?${query}`).auth(staff.token, { type: 'bearer' });
  const batch = (body: object, staff = marketing) =>
    request(t.server).post('/api/v1/clearance/batch').auth(staff.token, { type: 'bearer' }).send(body);
  const auditedChecks = async () =>
    Number(
      (
        await t.database.query<{ n: string }>("SELECT count(*) AS n FROM audit_events WHERE action = 'clearance.check'")
      )[0]?.n,
    );

  beforeAll(async () => {
    t = await startTestApp({ env: s3TestEnv(await createTestBucket()) });
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    admin = await createSignedIn(t, 'admin');
    patientId = (await createPatient(t, frontDesk)).id;
    caseId = await createCase(t, frontDesk, patientId);
    plainPhoto = await uploadPhoto(t, frontDesk, caseId);
    facePhoto = await uploadPhoto(t, frontDesk, caseId, { faceVisible: true });
    tattooPhoto = await uploadPhoto(t, frontDesk, caseId, { identifyingMarks: ['tattoo on the left forearm'] });
    releaseId = await createRelease(t, frontDesk, patientId);
  });
  afterAll(async () => t.close());

  it('allows a permitted use, naming the governing release and until when the answer holds', async () => {
    const now = t.clock.now().toISOString();
    const response = await check(plainPhoto, 'channel=website');
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.deepEqual(response.body, {
      photoId: plainPhoto,
      use: {
        channel: 'website',
        faceShown: false,
        marksObscured: false,
        nameShown: false,
        paid: false,
        at: now,
      },
      allowed: true,
      reasons: [],
      remedies: [],
      releaseId,
      releaseVersion: 1,
      validUntil: '2031-03-01T00:00:00.000Z',
      checkedAt: now,
    });
  });

  it('records each check in the audit trail: who asked about which use, and the answer', async () => {
    const now = t.clock.now().toISOString();
    await check(plainPhoto, 'channel=social.instagram&paid=true');
    const [event] = await t.database.query<Json>(
      `SELECT actor_id, entity_id, patient_id, details FROM audit_events
        WHERE action = 'clearance.check' ORDER BY id DESC LIMIT 1`,
    );
    assert.equal(event?.actor_id, marketing.id);
    assert.equal(event?.entity_id, plainPhoto);
    assert.equal(event?.patient_id, patientId);
    assert.deepEqual(event?.details, {
      use: {
        channel: 'social.instagram',
        faceShown: false,
        marksObscured: false,
        nameShown: false,
        paid: true,
        at: now,
      },
      allowed: false,
      reasons: ['paid_not_allowed'],
      releaseId,
      releaseVersion: 1,
    });
  });

  it('takes the face as shown when the photo shows it, and says to crop it', async () => {
    const shown = await check(facePhoto, 'channel=website');
    assert.equal(shown.body.allowed, false);
    assert.deepEqual(
      shown.body.reasons.map((r: Json) => r.code),
      ['face_not_allowed'],
    );
    assert.deepEqual(shown.body.remedies, ['Crop or obscure the face.']);
    const cropped = await check(facePhoto, 'channel=website&faceShown=false');
    assert.equal(cropped.body.allowed, true);
  });

  it('names each identifying mark to obscure, and allows the use once they are', async () => {
    const visible = await check(tattooPhoto, 'channel=website');
    assert.deepEqual(
      visible.body.reasons.map((r: Json) => r.code),
      ['marks_not_obscured'],
    );
    assert.deepEqual(visible.body.remedies, ['Obscure the tattoo on the left forearm.']);
    assert.equal((await check(tattooPhoto, 'channel=website&marksObscured=true')).body.allowed, true);
  });

  it('refuses a denied channel under a permitted prefix, and every other failed rule with it', async () => {
    const response = await check(facePhoto, 'channel=social.tiktok&paid=true&nameShown=true');
    assert.deepEqual(
      response.body.reasons.map((r: Json) => r.code),
      ['channel_denied', 'face_not_allowed', 'name_not_allowed', 'paid_not_allowed'],
    );
    assert.equal(response.body.validUntil, null);
  });

  it('answers for a scheduled time: a post after the release expires is refused', async () => {
    const response = await check(plainPhoto, 'channel=website&at=2031-03-01T00:00:00Z');
    assert.deepEqual(
      response.body.reasons.map((r: Json) => r.code),
      ['release_expired'],
    );
    assert.deepEqual(response.body.remedies, ['Ask the patient to sign a new release.']);
  });

  it('is governed by the newest version once a release is amended', async () => {
    const patient = (await createPatient(t, frontDesk)).id;
    const photo = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient), { faceVisible: true });
    const first = await createRelease(t, frontDesk, patient);
    assert.equal((await check(photo, 'channel=website')).body.allowed, false);
    const amended = await postForm(
      t,
      frontDesk,
      `/api/v1/releases/${first}/amendments`,
      'document',
      { bytes: signedFormPdf('amended'), filename: 'amended.pdf', contentType: 'application/pdf' },
      {
        reason: 'The patient now allows the face.',
        signedAt: '2026-03-02T08:00:00Z',
        scope: { ...SCOPE, faceAllowed: true },
      },
    );
    assert.equal(amended.status, 201, JSON.stringify(amended.body));
    const response = await check(photo, 'channel=website');
    assert.equal(response.body.allowed, true);
    assert.equal(response.body.releaseId, amended.body.id);
    assert.equal(response.body.releaseVersion, 2);
  });

  it('counts an amendment stamped by a clock a little ahead of its own as made', async () => {
    const patient = (await createPatient(t, frontDesk)).id;
    const photo = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient));
    const first = await createRelease(t, frontDesk, patient);
    assert.equal((await check(photo, 'channel=website')).body.allowed, true);
    const narrowed = await narrowToSocialFromAhead(t, frontDesk, first, 2000);
    const response = await check(photo, 'channel=website');
    assert.equal(response.body.allowed, false, 'the answer a publication recorded now would get');
    assert.equal(response.body.releaseId, narrowed);
  });

  it('allows nothing for a photo no release covers: another case, or no release at all', async () => {
    const patient = (await createPatient(t, frontDesk)).id;
    const coveredCase = await createCase(t, frontDesk, patient);
    const otherCase = await createCase(t, frontDesk, patient);
    const photo = await uploadPhoto(t, frontDesk, otherCase);
    const unreleased = await check(photo, 'channel=website');
    assert.deepEqual(
      unreleased.body.reasons.map((r: Json) => r.code),
      ['no_release'],
    );
    assert.equal(unreleased.body.releaseId, null);
    await createRelease(t, frontDesk, patient, { coversAllCases: false, caseIds: [coveredCase] });
    const uncovered = await check(photo, 'channel=website');
    assert.deepEqual(
      uncovered.body.reasons.map((r: Json) => r.code),
      ['no_release'],
    );
    assert.deepEqual(uncovered.body.remedies, ["Record a signed release that covers the photo's case."]);
  });

  it('treats a form that lacks a required statement as no valid authorization', async () => {
    const patient = (await createPatient(t, frontDesk)).id;
    const photo = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient));
    await createRelease(t, frontDesk, patient, { rightToRevokeStatement: false });
    const response = await check(photo, 'channel=website');
    assert.deepEqual(
      response.body.reasons.map((r: Json) => r.code),
      ['release_defective'],
    );
    assert.match(response.body.reasons[0].message, /right to revoke/);
  });

  it('answers a batch in the order asked, auditing every check in it', async () => {
    const before = await auditedChecks();
    const response = await batch({
      checks: [
        { photoId: plainPhoto, channel: 'website' },
        { photoId: facePhoto, channel: 'social.instagram' },
        { photoId: tattooPhoto, channel: 'email', marksObscured: true },
        { photoId: plainPhoto, channel: 'social.instagram', paid: true },
      ],
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.deepEqual(
      response.body.results.map((r: Json) => [r.photoId, r.use.channel, r.allowed]),
      [
        [plainPhoto, 'website', true],
        [facePhoto, 'social.instagram', false],
        [tattooPhoto, 'email', false],
        [plainPhoto, 'social.instagram', false],
      ],
    );
    assert.deepEqual(
      response.body.results[2].reasons.map((r: Json) => r.code),
      ['channel_not_permitted'],
    );
    assert.deepEqual(response.body.results[2].remedies, ['Choose a channel the release permits: website, social.']);
    assert.equal(await auditedChecks(), before + 4);
  });

  it('gives the web rendition the rights as they stand in XMP, naming no patient anywhere', async () => {
    const patient = await createPatient(t, frontDesk, { dateOfBirth: '1979-11-23' });
    const photo = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient.id));
    const release = await createRelease(t, frontDesk, patient.id);
    const web = (ifNoneMatch?: string) => {
      const call = request(t.server)
        .get(`/api/v1/photos/${photo}/renditions/web`)
        .auth(marketing.token, { type: 'bearer' });
      if (ifNoneMatch) void call.set('if-none-match', ifNoneMatch);
      return call.buffer(true).parse(collectBytes);
    };
    const first = await web();
    assert.equal(first.status, 200);
    assert.equal(first.headers['cache-control'], 'private, no-cache');
    assert.equal(first.headers['content-disposition'], `inline; filename="${photo}-web.jpg"`);
    const bytes = first.body as Buffer;
    const xmp = (await sharp(bytes).metadata()).xmp?.toString('utf8') ?? '';
    assert.match(xmp, /vocab\/MR-LMR</);
    assert.ok(xmp.includes(`<rdf:li>${release}/v1</rdf:li>`));
    assert.match(xmp, /Channels: website, social, except social\.tiktok\. The face must not be shown\./);
    assert.match(xmp, /<plus:LicenseEndDate>2031-03-01T00:00:00\.000Z</);
    const everything = bytes.toString('latin1') + JSON.stringify(first.headers);
    for (const identifying of [patient.id, patient.code, 'Patient Number', '1979-11-23']) {
      assert.ok(!everything.includes(identifying), `${identifying} is nowhere in the file or its headers`);
    }
    assert.equal((await web(String(first.headers.etag))).status, 304);

    const amended = await postForm(
      t,
      frontDesk,
      `/api/v1/releases/${release}/amendments`,
      'document',
      { bytes: signedFormPdf('face'), filename: 'face.pdf', contentType: 'application/pdf' },
      { reason: 'Face allowed.', signedAt: '2026-03-02T08:00:00Z', scope: { ...SCOPE, faceAllowed: true } },
    );
    assert.equal(amended.status, 201);
    const changed = await web(String(first.headers.etag));
    assert.equal(changed.status, 200, 'new rights, new ETag: the cached copy is not reused');
    const newXmp = (await sharp(changed.body as Buffer).metadata()).xmp?.toString('utf8') ?? '';
    assert.ok(newXmp.includes(`<rdf:li>${amended.body.id}/v2</rdf:li>`));
    assert.match(newXmp, /The face may be shown\./);
  });

  it('lets marketing and the front desk check, and nobody without the permission', async () => {
    assert.equal((await check(plainPhoto, 'channel=website', frontDesk)).status, 200);
    const refused = await check(plainPhoto, 'channel=website', admin);
    assert.equal(refused.status, 403);
    assert.equal((await batch({ checks: [{ photoId: plainPhoto, channel: 'website' }] }, admin)).status, 403);
    assert.equal((await request(t.server).get(`/api/v1/photos/${plainPhoto}/clearance?channel=website`)).status, 401);
  });

  describe('bad input: a problem, and nothing recorded', () => {
    const refuses = async (response: request.Response, status: number, code: string) => {
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      assert.equal(response.body.code, code);
    };

    it('refuses unknown channels, bad booleans and times, unknown fields, and a missing channel', async () => {
      const before = await auditedChecks();
      await refuses(await check(plainPhoto, 'channel=myspace'), 400, 'validation_failed');
      await refuses(await check(plainPhoto, 'channel=social.Instagram'), 400, 'validation_failed');
      await refuses(await check(plainPhoto, ''), 400, 'validation_failed');
      await refuses(await check(plainPhoto, 'channel=website&paid=yes'), 400, 'validation_failed');
      await refuses(await check(plainPhoto, 'channel=website&at=tomorrow'), 400, 'validation_failed');
      await refuses(await check(plainPhoto, 'channel=website&at=2026-02-30T10:00:00Z'), 400, 'validation_failed');
      await refuses(await check(plainPhoto, 'channel=website&colour=blue'), 400, 'validation_failed');
      await refuses(await batch({ checks: [{ photoId: plainPhoto, channel: 'fax' }] }), 400, 'validation_failed');
      await refuses(await batch({ checks: [] }), 400, 'validation_failed');
      await refuses(await batch({ checks: [{ photoId: 'nope', channel: 'website' }] }), 400, 'validation_failed');
      assert.equal(await auditedChecks(), before);
    });

    it('answers 404 for a photo that does not exist, and 400 for a malformed id', async () => {
      const before = await auditedChecks();
      await refuses(await check('00000000-0000-4000-8000-000000000000', 'channel=website'), 404, 'not_found');
      await refuses(await check('not-a-uuid', 'channel=website'), 400, 'bad_request');
      assert.equal(await auditedChecks(), before);
    });

    it('refuses a whole batch naming the photos that do not exist, recording none of it', async () => {
      const before = await auditedChecks();
      const missing = '00000000-0000-4000-8000-000000000001';
      const response = await batch({
        checks: [
          { photoId: plainPhoto, channel: 'website' },
          { photoId: missing, channel: 'website' },
        ],
      });
      await refuses(response, 404, 'photos_not_found');
      assert.deepEqual(response.body.photoIds, [missing]);
      assert.equal(await auditedChecks(), before);
    });

    it('refuses a batch of more than 500 checks', async () => {
      const before = await auditedChecks();
      const checks = Array.from({ length: 501 }, () => ({ photoId: plainPhoto, channel: 'website' }));
      await refuses(await batch({ checks }), 400, 'validation_failed');
      const exactly500 = await batch({ checks: checks.slice(0, 500) });
      assert.equal(exactly500.status, 200);
      assert.equal(exactly500.body.results.length, 500);
      assert.equal(await auditedChecks(), before + 500);
    });
  });
});

// Checks decide on facts kept in memory until a change for the patient is heard (ClearanceChanges).
describe('clearance checks after a change to what they rest on', () => {
  let first: TestApp;
  let second: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let privacyOfficer: SignedInStaff;

  const codesOf = async (t: TestApp, photoId: string) => {
    const response = await request(t.server)
      .get(`/api/v1/photos/${photoId}/clearance?channel=website`)
      .auth(marketing.token, { type: 'bearer' });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return (response.body.reasons as Json[]).map((reason) => reason.code as string);
  };
  const send = (method: 'post' | 'delete', path: string, staff: SignedInStaff, body: object) =>
    request(first.server)[method](`/api/v1${path}`).auth(staff.token, { type: 'bearer' }).send(body);

  beforeAll(async () => {
    const env = s3TestEnv(await createTestBucket());
    first = await startTestApp({ env });
    second = await startTestApp({ env, database: first.database });
    frontDesk = await createSignedIn(first, 'front_desk');
    marketing = await createSignedIn(first, 'marketing');
    privacyOfficer = await createSignedIn(first, 'privacy_officer');
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('sees a change made through the same instance at once, without waiting for its notification', async () => {
    // The notifications still come, but nothing hears them: only the services' own word moves the
    // patient's version, so each step shows that the service that made the change gave it.
    const changes: ClearanceChanges = first.app.get(ClearanceChanges);
    (changes as unknown as { client: pg.Client }).client.removeAllListeners('notification');
    assert.equal(changes.hearing, true);

    const patientId = (await createPatient(first, frontDesk)).id;
    const photoId = await uploadPhoto(first, frontDesk, await createCase(first, frontDesk, patientId));
    assert.deepEqual(await codesOf(first, photoId), ['no_release']);
    const releaseId = await createRelease(first, frontDesk, patientId);
    assert.deepEqual(await codesOf(first, photoId), []);

    const hold = await send('post', `/patients/${patientId}/holds`, privacyOfficer, { reason: 'Disputed signature' });
    assert.equal(hold.status, 201, JSON.stringify(hold.body));
    assert.deepEqual(await codesOf(first, photoId), ['photo_on_hold']);
    const lifted = await send('delete', `/holds/${hold.body.id}`, privacyOfficer, { reason: 'Resolved' });
    assert.equal(lifted.status, 200, JSON.stringify(lifted.body));
    assert.deepEqual(await codesOf(first, photoId), []);

    const narrowed = await postForm(
      first,
      frontDesk,
      `/api/v1/releases/${releaseId}/amendments`,
      'document',
      { bytes: signedFormPdf('narrowed'), filename: 'narrowed.pdf', contentType: 'application/pdf' },
      { reason: 'No website.', signedAt: '2026-03-02T08:00:00Z', scope: { ...SCOPE, channels: ['social'] } },
    );
    assert.equal(narrowed.status, 201, JSON.stringify(narrowed.body));
    assert.deepEqual(await codesOf(first, photoId), ['channel_not_permitted']);

    const other = (await createPatient(first, frontDesk)).id;
    const otherPhoto = await uploadPhoto(first, frontDesk, await createCase(first, frontDesk, other));
    await createRelease(first, frontDesk, other);
    assert.deepEqual(await codesOf(first, otherPhoto), []);
    const revoked = await send('post', `/patients/${other}/revocations`, frontDesk, {
      scope: { kind: 'everything' },
      receivedVia: 'phone',
      requester: { type: 'patient' },
      identityVerification: 'Called back on the number on file',
    });
    assert.equal(revoked.status, 201, JSON.stringify(revoked.body));
    assert.deepEqual(await codesOf(first, otherPhoto), ['release_revoked']);
  });

  it('sees a change made through another instance within a second', async () => {
    // Signing in with a second factor moved the first instance's clock on; both decide at one time.
    second.clock.set(first.clock.now());
    const patientId = (await createPatient(first, frontDesk)).id;
    const photoId = await uploadPhoto(first, frontDesk, await createCase(first, frontDesk, patientId));
    await createRelease(first, frontDesk, patientId);
    assert.deepEqual(await codesOf(second, photoId), []);

    const hold = await send('post', `/patients/${patientId}/holds`, privacyOfficer, { reason: 'Disputed signature' });
    assert.equal(hold.status, 201, JSON.stringify(hold.body));
    const committed = performance.now();
    let codes: string[] = [];
    while (performance.now() - committed < 1000) {
      codes = await codesOf(second, photoId);
      if (codes.length > 0) break;
    }
    assert.deepEqual(codes, ['photo_on_hold'], 'the second instance denies the use within a second');
  });
});
