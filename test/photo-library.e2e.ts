import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { copyPhotoRows, createCase, createPatient, createRelease, uploadPhoto } from './support/records.js';
import { createSignedIn, signIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

// The release of releaseFields() permits the website and social media (except TikTok), without the face.
describe('the photo library (GET /photos) and my removal tasks (GET /removal-tasks)', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let officer: SignedInStaff;
  let consented: { patientId: string; code: string; before: string; after: string };
  let unconsented: { code: string; progress: string };
  let faceShowing: { code: string; photo: string };

  const as = (staff: SignedInStaff) => ({
    get: (path: string) => request(t.server).get(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      request(t.server).post(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) =>
      request(t.server).put(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }).send(body),
  });
  const library = async (query = '') => {
    const response = await as(marketing).get(`/photos${query}`);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body as { items: Json[]; nextCursor: string | null };
  };
  const ids = (page: { items: Json[] }) => page.items.map((item) => item.id as string);
  const caseOf = async (patientId: string, procedure: string) => {
    const response = await as(frontDesk).post(`/patients/${patientId}/cases`, {
      procedure,
      provider: 'Dr. A. Smith',
      treatmentDate: '2026-02-01',
    });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: s3TestEnv(await createTestBucket()) });
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    officer = await createSignedIn(t, 'privacy_officer');

    const a = await createPatient(t, frontDesk);
    const aCase = await createCase(t, frontDesk, a.id);
    const before = await uploadPhoto(t, frontDesk, aCase, { kind: 'before', bodyArea: 'nose', view: 'front' });
    t.clock.advance(1000);
    const after = await uploadPhoto(t, frontDesk, aCase, {
      kind: 'after',
      bodyArea: 'nose',
      pairedWithPhotoId: before,
      takenAt: '2026-02-20T10:00:00Z',
    });
    await createRelease(t, frontDesk, a.id);
    consented = { patientId: a.id, code: a.code, before, after };

    t.clock.advance(1000);
    const b = await createPatient(t, frontDesk);
    const progress = await uploadPhoto(t, frontDesk, await caseOf(b.id, 'Abdominoplasty'), {
      kind: 'progress',
      bodyArea: 'abdomen',
    });
    unconsented = { code: b.code, progress };

    t.clock.advance(1000);
    const c = await createPatient(t, frontDesk);
    const face = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, c.id), {
      kind: 'before',
      faceVisible: true,
      bodyArea: 'nose',
    });
    await createRelease(t, frontDesk, c.id);
    faceShowing = { code: c.code, photo: face };
  });
  afterAll(async () => t.close());

  it('lists de-identified photos newest first with their procedure, pair and pseudonymous codes', async () => {
    const page = await library();
    assert.deepEqual(ids(page), [faceShowing.photo, unconsented.progress, consented.after, consented.before]);
    assert.equal(page.nextCursor, null);
    const after = page.items[2];
    assert.deepEqual(after, {
      id: consented.after,
      kind: 'after',
      view: null,
      procedure: 'Rhinoplasty',
      bodyArea: 'nose',
      caseId: after.caseId,
      patientCode: consented.code,
      takenAt: '2026-02-20T10:00:00.000Z',
      uploadedAt: after.uploadedAt,
      faceVisible: false,
      hasPair: true,
      pairedPhotoId: consented.before,
      thumbUrl: `/api/v1/photos/${consented.after}/renditions/thumb`,
    });
    // The before names its pair too, though only the after was uploaded naming it.
    assert.equal(page.items[3].pairedPhotoId, consented.after);
    assert.equal(page.items[1].hasPair, false);
    // Nothing that names the patient: no name, date of birth, patient id or uploaded file name.
    const text = JSON.stringify(page);
    assert.doesNotMatch(text, /Patient Number|1985-06-15|fileName|patientId/);
    assert.ok(!text.includes(consented.patientId));
  });

  it('filters by procedure and body area (text within, any case) and by kind', async () => {
    assert.deepEqual(ids(await library('?procedure=ABDOMINO')), [unconsented.progress]);
    assert.deepEqual(ids(await library('?bodyArea=nos')), [faceShowing.photo, consented.after, consented.before]);
    assert.deepEqual(ids(await library('?kind=before')), [faceShowing.photo, consented.before]);
    assert.deepEqual(ids(await library('?kind=before&procedure=rhino&bodyArea=nose')), [
      faceShowing.photo,
      consented.before,
    ]);
    // LIKE's wildcards are taken as text.
    assert.deepEqual(ids(await library('?procedure=%25')), []);
  });

  it('pages with a cursor, each photo once', async () => {
    const first = await library('?limit=3');
    assert.equal(first.items.length, 3);
    assert.ok(first.nextCursor);
    const second = await library(`?limit=3&before=${encodeURIComponent(first.nextCursor)}`);
    assert.deepEqual(ids(second), [consented.before]);
    assert.equal(second.nextCursor, null);
    const wrong = await as(marketing).get('/photos?before=yesterday&limit=500&kind=selfie');
    assert.equal(wrong.status, 400);
  });

  it('pages through photos stored in the same instant, each once', async () => {
    // Ten copies of one photo row made in one statement, so in one instant (given with microseconds,
    // as now() would be): paging three at a time must still reach every one of them.
    const [source] = await t.database.query<{ id: string }>('SELECT id FROM photos WHERE id = $1', [consented.before]);
    assert.ok(source);
    const inserted = await copyPhotoRows(t.database, {
      copies: 10,
      where: 'p.id = $1',
      parameters: [source.id],
      set: { kind: "'progress'", body_area: "'same-instant'", created_at: "'2026-03-02T08:00:00.123456Z'" },
    });
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await library(
        `?bodyArea=same-instant&limit=3${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...ids(page));
      cursor = page.nextCursor;
    }
    assert.deepEqual([...seen].sort(), [...inserted].sort());
    await t.database.query(`DELETE FROM photos WHERE body_area = 'same-instant'`);
  });

  it('lists only what is cleared for a channel now, with the verdict, and follows a revocation', async () => {
    const website = await library('?clearedFor=website');
    assert.deepEqual(ids(website), [consented.after, consented.before]);
    assert.deepEqual(website.items[0].clearance, {
      channel: 'website',
      allowed: true,
      validUntil: '2031-03-01T00:00:00.000Z',
    });
    assert.deepEqual(ids(await library('?clearedFor=social.tiktok')), []);
    const paged = await library('?clearedFor=website&limit=1');
    assert.deepEqual(ids(paged), [consented.after]);
    assert.deepEqual(
      ids(await library(`?clearedFor=website&limit=1&before=${encodeURIComponent(paged.nextCursor ?? '')}`)),
      [consented.before],
    );

    t.clock.advance(60_000);
    const revoked = await as(frontDesk).post(`/patients/${consented.patientId}/revocations`, {
      scope: { kind: 'channels', channels: ['website'] },
      receivedVia: 'phone',
      requester: { type: 'patient' },
      identityVerification: 'Called back on the number on file',
    });
    assert.equal(revoked.status, 201, JSON.stringify(revoked.body));
    assert.deepEqual(ids(await library('?clearedFor=website')), []);
    assert.deepEqual(ids(await library('?clearedFor=social.instagram')), [consented.after, consented.before]);
    // The listing narrows what is shown; it is not recorded as a check.
    const checks = await t.database.query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_events WHERE action = 'clearance.check'",
    );
    assert.equal(Number(checks[0]?.n), 0);
  });

  it('needs photos.read', async () => {
    const frontDeskCan = await as(frontDesk).get('/photos');
    assert.equal(frontDeskCan.status, 200);
    assert.equal((await request(t.server).get('/api/v1/photos')).status, 401);
  });

  it('lists the removal tasks assigned to me, soonest deadline first, until they are done', async () => {
    assert.equal((await as(officer).put('/removal-task-owners/social', { userId: marketing.id })).status, 200);
    // Two patients' publications, revoked a day apart: two cases with their own deadlines.
    const publishFor = async (photoId: string, channel: string) => {
      const response = await as(marketing).post('/publications', {
        photoId,
        channel,
        location: { url: `https://example.com/${channel}/${photoId}` },
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.body.id as string;
    };
    const revokeEverything = async (patientId: string) => {
      const response = await as(frontDesk).post(`/patients/${patientId}/revocations`, {
        scope: { kind: 'everything' },
        receivedVia: 'phone',
        requester: { type: 'patient' },
        identityVerification: 'Called back on the number on file',
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
    };
    const later = await createPatient(t, frontDesk);
    const laterPhoto = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, later.id));
    await createRelease(t, frontDesk, later.id);
    const sooner = await createPatient(t, frontDesk);
    const soonerPhoto = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, sooner.id));
    await createRelease(t, frontDesk, sooner.id);
    const laterPublication = await publishFor(laterPhoto, 'social.instagram');
    const soonerPublication = await publishFor(soonerPhoto, 'social.facebook');
    t.clock.advance(60_000);
    await revokeEverything(sooner.id);
    // Sessions end after a while idle: moving the clock by days signs people in again.
    t.clock.advance(24 * 60 * 60_000);
    frontDesk = await signIn(t, frontDesk);
    marketing = await signIn(t, marketing);
    await revokeEverything(later.id);

    const mine = await as(marketing).get('/removal-tasks?assignee=me&status=open');
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    const tasks = mine.body as Json[];
    assert.deepEqual(
      tasks.map((task) => [task.publicationId, task.channel, task.status, task.overdue]),
      [
        [soonerPublication, 'social.facebook', 'open', false],
        [laterPublication, 'social.instagram', 'open', false],
      ],
    );
    assert.ok(new Date(tasks[0].dueAt as string) < new Date(tasks[1].dueAt as string));
    assert.equal(tasks[0].patientCode, sooner.code);

    const done = await as(marketing).post(`/removal-tasks/${tasks[0].id as string}/complete`, {
      evidence: { kind: 'attestation', statement: 'Deleted the post and checked the page' },
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    const open = (await as(marketing).get('/removal-tasks?assignee=me&status=open')).body as Json[];
    assert.deepEqual(
      open.map((task) => task.publicationId),
      [laterPublication],
    );
    const all = (await as(marketing).get('/removal-tasks?assignee=me')).body as Json[];
    assert.deepEqual(all.map((task) => task.status).sort(), ['done', 'open']);
    // The statement is identified free text: not for marketing.
    assert.equal('statement' in (all.find((task) => task.status === 'done')?.evidence ?? {}), false);

    // Past the deadline, the open one is overdue.
    t.clock.advance(31 * 24 * 60 * 60_000);
    marketing = await signIn(t, marketing);
    const overdue = (await as(marketing).get('/removal-tasks?assignee=me&status=open')).body as Json[];
    assert.deepEqual(
      overdue.map((task) => [task.publicationId, task.overdue]),
      [[laterPublication, true]],
    );
    // Someone else's tasks are not mine.
    const other = await createSignedIn(t, 'marketing');
    assert.deepEqual((await as(other).get('/removal-tasks?assignee=me')).body, []);
    assert.equal((await as(marketing).get('/removal-tasks')).status, 400);
  });

  it('pages 10,000 photos, cleared for a channel or not, and says when none is cleared', async () => {
    const existing = Number((await t.database.query<{ n: string }>('SELECT count(*) AS n FROM photos'))[0]?.n);
    await copyPhotoRows(t.database, { copies: Math.ceil((10_000 - existing) / existing) });
    const total = Number((await t.database.query<{ n: string }>('SELECT count(*) AS n FROM photos'))[0]?.n);
    assert.ok(total >= 10_000, `${total} photos`);

    // How fast these answer is measured by bench/web.ts (npm run bench:web), not here.
    const first = await library('?limit=60');
    const clearedCold = await library('?limit=60&clearedFor=social.instagram');
    const clearedWarm = await library('?limit=60&clearedFor=social.instagram');
    // Nothing is cleared for TikTok: the whole table is read and decided to say so.
    const noneCleared = await library('?limit=60&clearedFor=social.tiktok');
    assert.equal(first.items.length, 60);
    assert.equal(clearedCold.items.length, 60);
    assert.deepEqual(
      clearedWarm.items.map((item) => item.id),
      clearedCold.items.map((item) => item.id),
      'the same page whether the facts were cached or not',
    );
    assert.equal(noneCleared.items.length, 0);
  });
});
