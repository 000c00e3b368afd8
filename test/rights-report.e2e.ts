import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { createCase, createPatient, createRelease, uploadPhoto } from './support/records.js';
import { createSignedIn, signIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

const DAY = 86_400_000;

describe('the rights report', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;

  const report = (query = '') =>
    request(t.server).get(`/api/v1/reports/rights${query}`).auth(marketing.token, { type: 'bearer' });
  const publishedPhoto = async (expiresAt: string) => {
    const patient = await createPatient(t, frontDesk);
    const photo = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient.id));
    const releaseId = await createRelease(t, frontDesk, patient.id, { expiresAt });
    const publication = await request(t.server)
      .post('/api/v1/publications')
      .auth(marketing.token, { type: 'bearer' })
      .send({ photoId: photo, channel: 'website', location: { url: 'https://clinic.example/gallery' } });
    assert.equal(publication.status, 201, JSON.stringify(publication.body));
    return { patient, releaseId, publicationId: publication.body.id as string };
  };

  beforeAll(async () => {
    t = await startTestApp({ env: s3TestEnv(await createTestBucket()) });
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
  });
  afterAll(async () => t.close());

  it('lists releases expiring soon under live publications, then the publications they no longer clear', async () => {
    const soon = await publishedPhoto('2026-03-20T00:00:00Z');
    const later = await publishedPhoto('2026-09-01T00:00:00Z');

    const ahead = await report();
    assert.equal(ahead.status, 200, JSON.stringify(ahead.body));
    assert.equal(ahead.body.expiringWithinDays, 30);
    assert.deepEqual(ahead.body.deniedLivePublications, []);
    assert.deepEqual(ahead.body.expiringReleases, [
      {
        releaseId: soon.releaseId,
        releaseVersion: 1,
        expiresAt: '2026-03-20T00:00:00.000Z',
        patientCode: soon.patient.code,
        publicationIds: [soon.publicationId],
      },
    ]);
    const wider = await report('?expiringWithinDays=365');
    assert.deepEqual(
      wider.body.expiringReleases.map((r: Json) => r.releaseId),
      [soon.releaseId, later.releaseId],
    );

    t.clock.advance(20 * DAY);
    // Twenty days on, the sessions have ended too.
    marketing = await signIn(t, marketing);
    frontDesk = await signIn(t, frontDesk);
    const after = await report();
    assert.deepEqual(
      after.body.deniedLivePublications.map((d: Json) => [d.publication.id, d.reasons.map((r: Json) => r.code)]),
      [[soon.publicationId, ['release_expired']]],
    );
    assert.equal(after.body.deniedLivePublications[0].publication.patientCode, soon.patient.code);
    assert.ok(!JSON.stringify(after.body).includes('Patient Number'), 'no names, only patient codes');
    assert.deepEqual(after.body.expiringReleases, []);
  });

  it('refuses a window outside 1-365 days, and callers without access to publications', async () => {
    assert.equal((await report('?expiringWithinDays=0')).status, 400);
    assert.equal((await report('?expiringWithinDays=abc')).status, 400);
    const refused = await request(t.server).get('/api/v1/reports/rights').auth(frontDesk.token, { type: 'bearer' });
    assert.equal(refused.status, 403);
  });
});
