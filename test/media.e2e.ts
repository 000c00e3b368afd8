import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import sharp from 'sharp';
import request from 'supertest';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { signedFormPdf } from './support/images.js';
import {
  createCase,
  createPatient,
  createRelease,
  narrowToSocialFromAhead,
  postForm,
  SCOPE,
  uploadPhoto,
} from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';
import { collectBytes } from './support/records.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

const UNKNOWN_TOKEN = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

describe('public media URLs of hosted publications', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let patient: { id: string; code: string };
  let photo: string;
  let releaseId: string;

  const host = async (photoId = photo) => {
    const response = await request(t.server)
      .post('/api/v1/publications')
      .auth(marketing.token, { type: 'bearer' })
      .send({ photoId, channel: 'website', hosted: true });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return { id: response.body.id as string, path: new URL(response.body.mediaUrl as string).pathname };
  };
  const amend = async (release: string, channels: string[]) => {
    const response = await postForm(
      t,
      frontDesk,
      `/api/v1/releases/${release}/amendments`,
      'document',
      { bytes: signedFormPdf(channels.join()), filename: 'amended.pdf', contentType: 'application/pdf' },
      {
        reason: 'Channels changed.',
        signedAt: '2026-03-02T08:00:00Z',
        scope: { ...SCOPE, channels, deniedChannels: [] },
      },
    );
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: s3TestEnv(await createTestBucket()) });
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    patient = await createPatient(t, frontDesk);
    photo = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient.id));
    releaseId = await createRelease(t, frontDesk, patient.id);
  });
  afterAll(async () => t.close());

  it('serves the web rendition without a session, revalidated on every use, embeddable, and naming nobody', async () => {
    const { path } = await host();
    const response = await request(t.server).get(path).buffer(true).parse(collectBytes);
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'image/jpeg');
    assert.equal(response.headers['cache-control'], 'public, no-cache');
    assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin');
    // Served outside Nest's router, but through the same Fastify hooks as every route.
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.match(String(response.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    const web = await request(t.server)
      .get(`/api/v1/photos/${photo}/renditions/web`)
      .auth(marketing.token, { type: 'bearer' })
      .buffer(true)
      .parse(collectBytes);
    // The stored rendition as it is: the rights XMP is only in the copy staff download.
    const publicBytes = response.body as Buffer;
    assert.equal((await sharp(publicBytes).metadata()).xmp, undefined);
    assert.ok(
      (await sharp(publicBytes).raw().toBuffer()).equals(
        await sharp(web.body as Buffer)
          .raw()
          .toBuffer(),
      ),
    );
    assert.match(String(response.headers.etag), /^"[0-9a-f]{64}"$/);
    const headers = JSON.stringify(response.headers);
    for (const identifying of [patient.id, patient.code, photo, releaseId]) assert.ok(!headers.includes(identifying));
    assert.equal(response.headers['content-disposition'], undefined);

    const etag = String(response.headers.etag);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await request(t.server).get(path).set('if-none-match', ifNoneMatch);
      assert.equal(again.status, 304, ifNoneMatch);
      assert.equal(again.headers['cache-control'], 'public, no-cache');
      assert.equal(again.headers.etag, etag);
      // The cache keeps the 200's security headers; the 304 repeats only what it must.
      assert.equal(again.headers['content-security-policy'], undefined);
      assert.equal(again.headers['x-content-type-options'], 'nosniff');
    }
    assert.equal((await request(t.server).get(path).set('if-none-match', '"other"')).status, 200);
  });

  it('lets a cache that revalidates stop showing a revoked photo at once: its next check gets 410, not 304', async () => {
    const other = await createPatient(t, frontDesk);
    const otherPhoto = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, other.id));
    const release = await createRelease(t, frontDesk, other.id);
    const { path } = await host(otherPhoto);
    const first = await request(t.server).get(path);
    assert.equal(first.status, 200);
    const etag = String(first.headers.etag);
    // A standards-following cache holding a no-cache response asks with its validator before each use.
    assert.equal((await request(t.server).get(path).set('if-none-match', etag)).status, 304);
    await amend(release, ['social']);
    const revalidated = await request(t.server).get(path).set('if-none-match', etag);
    assert.equal(revalidated.status, 410);
    assert.equal(revalidated.body.code, 'media_gone');
  });

  it('answers 410 from the moment consent no longer clears the use, and never 200 again', async () => {
    const { id, path } = await host();
    assert.equal((await request(t.server).get(path)).status, 200);
    const socialOnly = await amend(releaseId, ['social']);
    const gone = await request(t.server).get(path);
    assert.equal(gone.status, 410);
    assert.match(String(gone.headers['content-type']), /^application\/problem\+json/);
    assert.equal(gone.body.code, 'media_gone');
    assert.ok(!JSON.stringify(gone.body).includes(patient.code));

    await amend(socialOnly, ['website', 'social']);
    assert.equal((await request(t.server).get(path)).status, 410, 'consent given again does not bring the URL back');
    const publication = await request(t.server)
      .get(`/api/v1/publications/${id}`)
      .auth(marketing.token, { type: 'bearer' });
    assert.equal(publication.body.status, 'removed');
    const events = await t.database.query<Json>(
      "SELECT details FROM audit_events WHERE action = 'publication.media_withdrawn' AND entity_id = $1",
      [id],
    );
    assert.equal(events.length, 1, 'taken down once');
    assert.deepEqual(events[0]?.details.reasons, ['channel_not_permitted']);
  });

  it('stops serving at the release’s expiry, though the allowance was kept in memory', async () => {
    const other = await createPatient(t, frontDesk);
    const otherPhoto = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, other.id));
    await createRelease(t, frontDesk, other.id, { expiresAt: '2026-04-01T00:00:00Z' });
    const { path } = await host(otherPhoto);
    assert.equal((await request(t.server).get(path)).status, 200);
    assert.equal((await request(t.server).get(path)).status, 200);
    const now = t.clock.now();
    t.clock.set(new Date('2026-04-01T00:00:00Z'));
    try {
      assert.equal((await request(t.server).get(path)).status, 410);
    } finally {
      t.clock.set(now);
    }
  });

  it('keeps no allowance across a lost change listener: a change made meanwhile is not missed', async () => {
    const other = await createPatient(t, frontDesk);
    const otherPhoto = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, other.id));
    const release = await createRelease(t, frontDesk, other.id);
    const { path } = await host(otherPhoto);
    assert.equal((await request(t.server).get(path)).status, 200);
    const terminated = await t.database.query<{ done: boolean }>(
      `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'photo-consent-service (clearance changes)'`,
    );
    assert.equal(terminated.length, 1, 'one listener connection');
    await amend(release, ['social']);
    assert.equal((await request(t.server).get(path)).status, 410);
  });

  it('answers 410 after an amendment stamped by a clock a little ahead of its own', async () => {
    const own = await createPatient(t, frontDesk);
    const ownPhoto = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, own.id));
    const ownRelease = await createRelease(t, frontDesk, own.id);
    const { path } = await host(ownPhoto);
    assert.equal((await request(t.server).get(path)).status, 200);

    await narrowToSocialFromAhead(t, frontDesk, ownRelease, 2000);
    assert.equal((await request(t.server).get(path)).status, 410, 'the amendment counts as made');
    assert.equal((await request(t.server).get(path)).status, 410);
  });

  it('answers 404 for a token that is unknown or not a token at all', async () => {
    const unknown = await request(t.server).get(`/m/${UNKNOWN_TOKEN}`);
    assert.equal(unknown.status, 404);
    assert.match(String(unknown.headers['content-type']), /^application\/problem\+json/);
    assert.equal(unknown.body.code, 'not_found');
    assert.equal(unknown.body.requestId, unknown.headers['x-request-id']);
    assert.equal((await request(t.server).get('/m/..%2f..%2fetc%2fpasswd')).status, 404);
    assert.equal((await request(t.server).get('/api/v1/m/' + UNKNOWN_TOKEN)).status, 404);
  });
});

describe('public media URLs across two instances of the service', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const env = s3TestEnv(await createTestBucket());
    first = await startTestApp({ env });
    second = await startTestApp({ env, database: first.database });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('stops serving on one instance within a second of consent ending through the other', async () => {
    const frontDesk = await createSignedIn(first, 'front_desk');
    const marketing = await createSignedIn(first, 'marketing');
    const patient = await createPatient(first, frontDesk);
    const photo = await uploadPhoto(first, frontDesk, await createCase(first, frontDesk, patient.id));
    const release = await createRelease(first, frontDesk, patient.id);
    const hosted = await request(first.server)
      .post('/api/v1/publications')
      .auth(marketing.token, { type: 'bearer' })
      .send({ photoId: photo, channel: 'website', hosted: true });
    const path = new URL(hosted.body.mediaUrl as string).pathname;
    assert.equal((await request(second.server).get(path)).status, 200);

    const narrowed = await postForm(
      first,
      frontDesk,
      `/api/v1/releases/${release}/amendments`,
      'document',
      { bytes: signedFormPdf('narrowed'), filename: 'narrowed.pdf', contentType: 'application/pdf' },
      { reason: 'No website.', signedAt: '2026-03-02T08:00:00Z', scope: { ...SCOPE, channels: ['social'] } },
    );
    assert.equal(narrowed.status, 201);
    const committed = performance.now();
    let status = 0;
    while (performance.now() - committed < 1000) {
      status = (await request(second.server).get(path)).status;
      if (status === 410) break;
    }
    assert.equal(status, 410, 'the second instance answers 410 within a second');
    assert.equal((await request(first.server).get(path)).status, 410);
  });
});

describe('public media URLs under load from one address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => t.close());

  it('answers 429 with Retry-After past the per-minute limit', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await request(t.server).get(`/m/${UNKNOWN_TOKEN}`)).status, 404);
    const limited = await request(t.server).get(`/m/${UNKNOWN_TOKEN}`);
    assert.equal(limited.status, 429);
    assert.match(String(limited.headers['content-type']), /^application\/problem\+json/);
    assert.equal(limited.body.code, 'rate_limited');
    assert.ok(Number(limited.headers['retry-after']) >= 1);
  });
});
