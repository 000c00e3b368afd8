import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JobQueue } from '../src/jobs/job-queue.js';
import { ReleaseExpiryJob } from '../src/releases/release-expiry.js';
import { REMOVAL_TIMER_JOB, RemovalTimers } from '../src/removals/removal-timers.js';
import { startTestApp, type TestApp } from './support/app.js';
import { waitForLockWaiters } from './support/database.js';
import { signedFormPdf } from './support/images.js';
import { counts, createCase, createPatient, createRelease, postForm, uploadPhoto } from './support/records.js';
import { createStaff, signIn, type SignedInStaff, type StaffMember } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

const DAY = 24 * 60 * 60 * 1000;
const PATIENT_EMAIL = 'patient@example.test';

describe('removal timers, owners and the outbox', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let officer: SignedInStaff;
  let admin: SignedInStaff;
  let staff: Record<'frontDesk' | 'marketing' | 'officer' | 'admin', StaffMember>;

  const as = (member: SignedInStaff) => ({
    get: (path: string) => request(t.server).get(`/api/v1${path}`).auth(member.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      request(t.server).post(`/api/v1${path}`).auth(member.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) =>
      request(t.server).put(`/api/v1${path}`).auth(member.token, { type: 'bearer' }).send(body),
    delete: (path: string) => request(t.server).delete(`/api/v1${path}`).auth(member.token, { type: 'bearer' }),
  });
  /** Sessions end after 15 idle minutes: after moving the clock by days, everyone signs in again. */
  const signInAgain = async () => {
    frontDesk = await signIn(t, staff.frontDesk);
    marketing = await signIn(t, staff.marketing);
    officer = await signIn(t, staff.officer);
    admin = await signIn(t, staff.admin);
  };
  const publish = async (photoId: string, channel: string, hosted = false) => {
    const response = await as(marketing).post('/publications', {
      photoId,
      channel,
      ...(hosted ? { hosted: true } : { location: { url: `https://clinic.example/${channel}/${photoId}` } }),
    });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body as Json;
  };
  /** A patient with an address on file, a release, a photo published on the website and on Instagram. */
  const publishedPatient = async (releaseOverrides: Record<string, unknown> = {}) => {
    const patient = await createPatient(t, frontDesk, { contactEmail: PATIENT_EMAIL });
    const caseId = await createCase(t, frontDesk, patient.id);
    const photoId = await uploadPhoto(t, frontDesk, caseId);
    const releaseId = await createRelease(t, frontDesk, patient.id, releaseOverrides);
    const website = await publish(photoId, 'website');
    const instagram = await publish(photoId, 'social.instagram');
    return { patientId: patient.id, patientCode: patient.code, photoId, releaseId, website, instagram };
  };
  const revokeEverything = async (patientId: string) => {
    const response = await as(frontDesk).post(`/patients/${patientId}/revocations`, {
      scope: { kind: 'everything' },
      receivedVia: 'phone',
      requester: { type: 'patient' },
      identityVerification: 'Called back on the number on file',
    });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body as Json;
  };
  const notices = (caseId: string) =>
    t.database.query<{ notice: string; fired_at: Date; superseded: boolean }>(
      'SELECT notice, fired_at, superseded FROM removal_case_notices WHERE case_id = $1 ORDER BY fired_at, notice',
      [caseId],
    );
  const messages = (caseId: string) =>
    t.database.query<{ kind: string; recipient_address: string | null; subject: string; body: string }>(
      'SELECT kind, recipient_address, subject, body FROM outbox_messages WHERE removal_case_id = $1 ORDER BY created_at, kind',
      [caseId],
    );
  const sentTo = (rows: { kind: string; recipient_address: string | null }[], kind: string) =>
    rows
      .filter((row) => row.kind === kind)
      .map((row) => row.recipient_address)
      .sort();

  beforeAll(async () => {
    t = await startTestApp();
    staff = {
      frontDesk: await createStaff(t, 'front_desk'),
      marketing: await createStaff(t, 'marketing'),
      officer: await createStaff(t, 'privacy_officer'),
      admin: await createStaff(t, 'admin'),
    };
    await signInAgain();
    const owner = await as(officer).put('/removal-task-owners/social', { userId: staff.marketing.id });
    assert.equal(owner.status, 200, JSON.stringify(owner.body));
  });
  afterAll(async () => t.close());

  it('drives a case through its 30 days: each reminder, the escalation and the overdue alert once, on its day', async () => {
    const { patientId, patientCode } = await publishedPatient();
    const start = t.clock.now().getTime();
    const revocation = await revokeEverything(patientId);
    const caseId = revocation.removalCaseId as string;

    // The timers are jobs, committed with the case, due by the deadline the database computed.
    const jobs = await t.database.query<{ notice: string; start_after: Date }>(
      `SELECT data->>'notice' AS notice, start_after FROM pgboss.job
        WHERE name = $1 AND data->>'caseId' = $2 ORDER BY start_after`,
      [REMOVAL_TIMER_JOB, caseId],
    );
    const dueAt = start + 30 * DAY;
    assert.deepEqual(
      jobs.map((job) => [job.notice, job.start_after.getTime()]),
      [
        ['reminder:21', dueAt - 21 * DAY],
        ['reminder:7', dueAt - 7 * DAY],
        ['escalation:3', dueAt - 3 * DAY],
        ['reminder:2', dueAt - 2 * DAY],
        ['overdue', dueAt],
      ],
    );

    // The patient's receipt, and each owner told what to take down: Instagram goes to the owner of
    // `social`, the website (no owner) to the privacy officer.
    let sent = await messages(caseId);
    assert.deepEqual(sentTo(sent, 'revocation_receipt'), [PATIENT_EMAIL]);
    assert.match(sent.find((row) => row.kind === 'revocation_receipt')?.body ?? '', /took effect at that moment/);
    assert.deepEqual(sentTo(sent, 'removal_case_opened'), [staff.marketing.email, staff.officer.email].sort());
    const opened = sent.find((row) => row.recipient_address === staff.marketing.email);
    assert.match(opened?.body ?? '', /social\.instagram: https:\/\/clinic\.example/);
    assert.doesNotMatch(opened?.body ?? '', /website/, 'each owner hears of their own tasks');
    assert.match(opened?.subject ?? '', new RegExp(patientCode));
    assert.doesNotMatch(opened?.body ?? '', /Patient Number/, 'staff mail names the patient by code only');

    const firedOn = new Map<string, number>();
    for (let day = 1; day <= 32; day++) {
      t.clock.set(new Date(start + day * DAY));
      await t.runDueJobs();
      for (const row of await notices(caseId)) if (!firedOn.has(row.notice)) firedOn.set(row.notice, day);
    }
    assert.deepEqual(Object.fromEntries(firedOn), {
      'reminder:21': 9,
      'reminder:7': 23,
      'escalation:3': 27,
      'reminder:2': 28,
      overdue: 30,
    });
    assert.ok((await notices(caseId)).every((row) => !row.superseded));

    sent = await messages(caseId);
    // Three reminders and the overdue alert to each owner; the escalation to the privacy officer only.
    assert.deepEqual(
      sentTo(sent, 'removal_reminder'),
      [...Array(3).fill(staff.marketing.email), ...Array(3).fill(staff.officer.email)].sort(),
    );
    assert.deepEqual(sentTo(sent, 'removal_escalation'), [staff.officer.email]);
    assert.deepEqual(sentTo(sent, 'removal_overdue'), [staff.marketing.email, staff.officer.email].sort());
    const audit = await t.database.query<{ action: string; count: number }>(
      `SELECT action, count(*)::int AS count FROM audit_events WHERE entity_id = $1 AND action LIKE 'removal_case.%'
        GROUP BY action ORDER BY action`,
      [caseId],
    );
    assert.deepEqual(
      audit.map((row) => [row.action, row.count]),
      [
        ['removal_case.escalation', 1],
        ['removal_case.open', 1],
        ['removal_case.overdue', 1],
        ['removal_case.reminder', 3],
      ],
    );
    const [sweeps] = await t.database.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM audit_events WHERE action = 'removal_timers.sweep'",
    );
    assert.equal(sweeps.count, 0, 'the jobs fired every timer, not the sweep');
    assert.equal(await t.app.get(RemovalTimers).sweep(), 0, 'the sweep finds nothing the jobs missed');

    await signInAgain();
    const removalCase = (await as(officer).get(`/removal-cases/${caseId}`)).body as Json;
    assert.equal(removalCase.overdue, true);
    for (const task of removalCase.tasks as Json[]) {
      const done = await as(marketing).post(`/removal-tasks/${task.id}/complete`, {
        evidence: { kind: 'attestation', statement: `Deleted ${task.channel} and checked it is gone` },
      });
      assert.equal(done.status, 200, JSON.stringify(done.body));
    }
    const closing = (await messages(caseId)).filter((row) => row.kind === 'removal_case_closed');
    assert.equal(closing.length, 1);
    assert.equal(closing[0].recipient_address, PATIENT_EMAIL);
    assert.match(closing[0].body, /Taken down:\n- social\.instagram: https:\/\/clinic\.example\/.+\n- website: https:/);
  });

  it('a lost job is caught by the sweep, once', async () => {
    t.clock.set(new Date('2026-06-01T09:00:00Z'));
    await signInAgain();
    const { patientId } = await publishedPatient();
    const start = t.clock.now().getTime();
    const caseId = (await revokeEverything(patientId)).removalCaseId as string;
    await t.database.query(`DELETE FROM pgboss.job WHERE name = $1 AND data->>'caseId' = $2`, [
      REMOVAL_TIMER_JOB,
      caseId,
    ]);
    t.clock.set(new Date(start + 10 * DAY));
    await t.runDueJobs();
    assert.deepEqual(await notices(caseId), [], 'without its job nothing fires');
    assert.equal(await t.app.get(RemovalTimers).sweep(), 1);
    assert.deepEqual(
      (await notices(caseId)).map((row) => row.notice),
      ['reminder:21'],
    );
    assert.equal(await t.app.get(RemovalTimers).sweep(), 0);

    // Days later with every job still lost: only the latest reminder is sent, the one it replaces is
    // recorded as superseded.
    t.clock.set(new Date(start + 28 * DAY + 3_600_000));
    assert.equal(await t.app.get(RemovalTimers).sweep(), 2, 'reminder:2 and the escalation');
    const fired = await notices(caseId);
    assert.deepEqual(fired.map((row) => [row.notice, row.superseded]).sort(), [
      ['escalation:3', false],
      ['reminder:2', false],
      ['reminder:21', false],
      ['reminder:7', true],
    ]);
    const reminders = (await messages(caseId)).filter((row) => row.kind === 'removal_reminder');
    assert.equal(reminders.filter((row) => row.subject.includes('(7 days)')).length, 0);
  });

  it('a timer delivered twice at once fires once', async () => {
    t.clock.set(new Date('2026-08-01T09:00:00Z'));
    await signInAgain();
    const { patientId } = await publishedPatient();
    const caseId = (await revokeEverything(patientId)).removalCaseId as string;
    t.clock.advance(10 * DAY);
    const timers = t.app.get(RemovalTimers);
    const outcomes = await Promise.all([timers.fire(caseId, 'reminder:21'), timers.fire(caseId, 'reminder:21')]);
    assert.deepEqual(outcomes.sort(), ['already_fired', 'fired']);
    const reminders = (await messages(caseId)).filter((row) => row.kind === 'removal_reminder');
    assert.equal(reminders.length, 2, 'one to each owner, not two');
    assert.equal(await timers.fire(caseId, 'overdue'), 'not_due', 'a timer delivered early does nothing');
  });

  it('sends no job for a change that rolls back', async () => {
    const before = await counts(t);
    await assert.rejects(
      t.app.get(DataSource).transaction(async (manager) => {
        await t.app
          .get(JobQueue)
          .send(manager, REMOVAL_TIMER_JOB, [{ data: { caseId: crypto.randomUUID(), notice: 'overdue' } }]);
        throw new Error('the change fails after scheduling');
      }),
      /the change fails/,
    );
    assert.deepEqual(await counts(t), before);
  });

  it('opens a case for a release that expired under live publications, once', async () => {
    t.clock.set(new Date('2026-10-01T09:00:00Z'));
    await signInAgain();
    const { patientId, releaseId, website, photoId } = await publishedPatient({ expiresAt: '2026-11-01T00:00:00Z' });
    const hosted = await publish(photoId, 'website', true);
    const expiry = t.app.get(ReleaseExpiryJob);
    assert.equal(await expiry.openCases(), 0, 'nothing before the expiry');
    t.clock.set(new Date('2026-11-02T03:23:00Z'));
    assert.equal(await expiry.openCases(), 1);
    assert.equal(await expiry.openCases(), 0, 'run again, it opens nothing twice');
    await signInAgain();
    const cases = (await as(officer).get(`/removal-cases?patientId=${patientId}`)).body.items as Json[];
    assert.equal(cases.length, 1);
    assert.equal(cases[0].origin, 'release_expiry');
    assert.equal(cases[0].releaseId, releaseId);
    assert.equal(cases[0].dueAt, '2026-12-01T00:00:00.000Z', 'due 30 days after the expiry');
    const removalCase = (await as(officer).get(`/removal-cases/${cases[0].id}`)).body as Json;
    const byPublication = new Map((removalCase.tasks as Json[]).map((task) => [task.publicationId, task]));
    assert.equal(byPublication.get(website.id)?.status, 'open');
    assert.equal(byPublication.get(hosted.id)?.status, 'done');
    assert.equal(byPublication.get(hosted.id)?.evidenceKind, 'service_hosted');
    const timers = await t.database.query(`SELECT 1 FROM pgboss.job WHERE name = $1 AND data->>'caseId' = $2`, [
      REMOVAL_TIMER_JOB,
      cases[0].id,
    ]);
    assert.ok(timers.length > 0, 'its timers are scheduled');
  });

  it('decides each patient when it comes to them: a release renewed while the job ran opens no case', async () => {
    t.clock.set(new Date('2026-11-05T09:00:00Z'));
    await signInAgain();
    const patients = [
      await publishedPatient({ expiresAt: '2026-11-20T00:00:00Z' }),
      await publishedPatient({ expiresAt: '2026-11-20T00:00:00Z' }),
    ];
    t.clock.set(new Date('2026-11-21T03:23:00Z'));
    await signInAgain();
    // Each release locked by a connection of its own, so that the job waits on whichever patient
    // it comes to first while the other patient's release is renewed.
    const holders = await Promise.all(
      patients.map(async ({ releaseId }) => {
        const client = new pg.Client({ connectionString: t.database.url });
        await client.connect();
        await client.query('BEGIN');
        await client.query('SELECT id FROM releases WHERE id = $1 FOR UPDATE', [releaseId]);
        const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
        return { client, pid };
      }),
    );
    try {
      const opening = t.app.get(ReleaseExpiryJob).openCases();
      const lockingReleases = 'SELECT id FROM releases WHERE patient_id';
      await waitForLockWaiters(t.database, 1, lockingReleases);
      const [{ blockers }] = await t.database.query<{ blockers: number[] }>(
        `SELECT pg_blocking_pids(pid) AS blockers FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND starts_with(query, $1)`,
        [lockingReleases],
      );
      const first = holders.findIndex((holder) => blockers.includes(holder.pid));
      assert.ok(first >= 0, 'the job waits for one of the two releases');
      const second = 1 - first;
      t.clock.advance(2000);
      await holders[second].client.query('COMMIT');
      const renewed = await postForm(
        t,
        frontDesk,
        `/api/v1/releases/${patients[second].releaseId}/amendments`,
        'document',
        { bytes: signedFormPdf('renewed'), filename: 'renewed.pdf', contentType: 'application/pdf' },
        { reason: 'Renewed for a year.', signedAt: t.clock.now().toISOString(), expiresAt: '2027-11-20T00:00:00Z' },
      );
      assert.equal(renewed.status, 201, JSON.stringify(renewed.body));
      await holders[first].client.query('COMMIT');
      assert.equal(await opening, 1);
      const cases = await t.database.query<{ patient_id: string }>(
        'SELECT patient_id FROM removal_cases WHERE patient_id = ANY($1::uuid[])',
        [patients.map((patient) => patient.patientId)],
      );
      assert.deepEqual(
        cases.map((row) => row.patient_id),
        [patients[first].patientId],
        'a case for the release that stayed expired, none for the renewed one',
      );
    } finally {
      for (const { client } of holders) await client.end();
    }
  });

  describe('task owners and reassignment', () => {
    it('gives new tasks to the owner of the longest matching channel prefix; tasks can be reassigned', async () => {
      t.clock.set(new Date('2026-12-01T09:00:00Z'));
      await signInAgain();
      const instagramOwner = await createStaff(t, 'marketing');
      assert.equal(
        (await as(officer).put('/removal-task-owners/social.instagram', { userId: instagramOwner.id })).status,
        200,
      );
      const owners = (await as(marketing).get('/removal-task-owners')).body as Json[];
      assert.deepEqual(
        owners.map((owner) => [owner.channel, owner.userId]),
        [
          ['social', staff.marketing.id],
          ['social.instagram', instagramOwner.id],
        ],
      );
      const { patientId, instagram, website } = await publishedPatient();
      const caseId = (await revokeEverything(patientId)).removalCaseId as string;
      let removalCase = (await as(officer).get(`/removal-cases/${caseId}`)).body as Json;
      const taskOf = (publicationId: string) =>
        (removalCase.tasks as Json[]).find((task) => task.publicationId === publicationId) as Json;
      assert.equal(taskOf(instagram.id).assigneeUserId, instagramOwner.id);
      assert.equal(taskOf(website.id).assigneeUserId, null);

      const reassigned = await as(marketing).post(`/removal-tasks/${taskOf(website.id).id}/assign`, {
        userId: staff.marketing.id,
      });
      assert.equal(reassigned.status, 200, JSON.stringify(reassigned.body));
      removalCase = reassigned.body as Json;
      assert.equal(taskOf(website.id).assigneeUserId, staff.marketing.id);
      const assigned = (await messages(caseId)).filter((row) => row.kind === 'removal_task_assigned');
      assert.deepEqual(
        assigned.map((row) => row.recipient_address),
        [staff.marketing.email],
      );
      assert.equal((await as(officer).delete('/removal-task-owners/social.instagram')).status, 204);
    });

    it('refuses what cannot work: a front-desk assignee, an unknown channel, marketing setting owners', async () => {
      await signInAgain();
      const { patientId } = await publishedPatient();
      const caseId = (await revokeEverything(patientId)).removalCaseId as string;
      const task = ((await as(officer).get(`/removal-cases/${caseId}`)).body.tasks as Json[])[0];
      const cases: [string, () => request.Test, number, string][] = [
        [
          'a front-desk assignee',
          () => as(officer).post(`/removal-tasks/${task.id}/assign`, { userId: staff.frontDesk.id }),
          422,
          'assignee_not_eligible',
        ],
        [
          'an unknown user',
          () => as(officer).post(`/removal-tasks/${task.id}/assign`, { userId: crypto.randomUUID() }),
          422,
          'assignee_not_eligible',
        ],
        [
          'a malformed user id',
          () => as(officer).post(`/removal-tasks/${task.id}/assign`, { userId: 'me' }),
          400,
          'validation_failed',
        ],
        [
          'an unknown task',
          () => as(officer).post(`/removal-tasks/${crypto.randomUUID()}/assign`, { userId: staff.marketing.id }),
          404,
          'not_found',
        ],
        [
          'an unknown channel',
          () => as(officer).put('/removal-task-owners/myspace', { userId: staff.marketing.id }),
          400,
          'unknown_channel',
        ],
        ['no owner to remove', () => as(officer).delete('/removal-task-owners/print'), 404, 'not_found'],
        [
          'marketing setting an owner',
          () => as(marketing).put('/removal-task-owners/print', { userId: staff.marketing.id }),
          403,
          'forbidden',
        ],
        [
          'the front desk reassigning',
          () => as(frontDesk).post(`/removal-tasks/${task.id}/assign`, {}),
          403,
          'forbidden',
        ],
      ];
      for (const [what, call, status, code] of cases) {
        const before = await counts(t);
        const response = await call();
        assert.equal(response.status, status, `${what}: ${JSON.stringify(response.body)}`);
        assert.match(response.headers['content-type'] ?? '', /application\/problem\+json/, what);
        assert.equal(response.body.code, code, what);
        assert.deepEqual(await counts(t), before, `${what} changes nothing`);
      }
    });
  });

  it('fires the deadline once when the worker running it is killed mid-job and the job is run again', async () => {
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    await signInAgain();
    const { patientId } = await publishedPatient();
    const start = t.clock.now().getTime();
    const caseId = (await revokeEverything(patientId)).removalCaseId as string;

    // Another instance, in its own process, at the deadline: its handler blocks on the case row,
    // which the test holds, and the process is killed there.
    const blocker = new pg.Client({ connectionString: t.database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM removal_cases WHERE id = $1 FOR UPDATE', [caseId]);
    const worker = spawn(
      process.execPath,
      [
        '--enable-source-maps',
        fileURLToPath(new URL('./support/job-worker-process.js', import.meta.url)),
        t.database.url,
        t.database.servingUrl,
        new Date(start + 30 * DAY + 60_000).toISOString(),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await once(worker.stdout, 'data');
      // The other instance is inside the handler, waiting for the case row.
      await waitForLockWaiters(t.database);
      const active = await t.database.query<{ notice: string }>(
        `SELECT data->>'notice' AS notice FROM pgboss.job WHERE name = $1 AND data->>'caseId' = $2 AND state = 'active'`,
        [REMOVAL_TIMER_JOB, caseId],
      );
      assert.ok(active.length > 0, 'its jobs are claimed');
    } finally {
      worker.kill('SIGKILL');
      await once(worker, 'exit');
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    assert.deepEqual(await notices(caseId), [], 'the killed handler committed nothing');

    // Its claim lapses (expireInSeconds, 5 minutes) and pg-boss retries the jobs after a back-off;
    // this instance runs them.
    t.clock.set(new Date(start + 30 * DAY + 15 * 60_000));
    await t.runDueJobs();
    t.clock.advance(5 * 60_000);
    await t.runDueJobs();
    const fired = await notices(caseId);
    assert.deepEqual(fired.map((row) => [row.notice, row.superseded]).sort(), [
      ['escalation:3', true],
      ['overdue', false],
      ['reminder:2', true],
      ['reminder:21', true],
      ['reminder:7', true],
    ]);
    const overdue = (await messages(caseId)).filter((row) => row.kind === 'removal_overdue');
    assert.deepEqual(
      overdue.map((row) => row.recipient_address).sort(),
      [staff.marketing.email, staff.officer.email].sort(),
    );
    const states = await t.database.query<{ state: string }>(
      `SELECT DISTINCT state FROM pgboss.job WHERE name = $1 AND data->>'caseId' = $2`,
      [REMOVAL_TIMER_JOB, caseId],
    );
    assert.deepEqual(
      states.map((row) => row.state),
      ['completed'],
    );
  });

  it('reports open, overdue and closed cases, days to close and the share closed within the deadline, also as CSV and per week', async () => {
    const start = new Date('2028-01-10T09:00:00Z').getTime();
    t.clock.set(new Date(start));
    await signInAgain();
    const onTime = await revokeEverything((await publishedPatient()).patientId);
    const late = await revokeEverything((await publishedPatient()).patientId);
    const stillOpen = await revokeEverything((await publishedPatient()).patientId);
    const unpublished = await createPatient(t, frontDesk);
    await createRelease(t, frontDesk, unpublished.id);
    const nothingToDo = await revokeEverything(unpublished.id);
    const completeAll = async (caseId: string) => {
      await signInAgain();
      for (const task of (await as(marketing).get(`/removal-cases/${caseId}`)).body.tasks as Json[]) {
        const done = await as(marketing).post(`/removal-tasks/${task.id}/complete`, {
          evidence: { kind: 'attestation', statement: 'Taken down and checked' },
        });
        assert.equal(done.status, 200, JSON.stringify(done.body));
      }
    };
    t.clock.set(new Date(start + 5 * DAY));
    await completeAll(onTime.removalCaseId as string);
    t.clock.set(new Date(start + 40 * DAY));
    await completeAll(late.removalCaseId as string);
    t.clock.set(new Date(start + 45 * DAY));
    await signInAgain();

    const period = 'from=2028-01-01T00:00:00Z&to=2028-02-01T00:00:00Z';
    const report = await as(officer).get(`/reports/removals?${period}`);
    assert.equal(report.status, 200, JSON.stringify(report.body));
    assert.deepEqual(
      { ...report.body, generatedAt: undefined },
      {
        generatedAt: undefined,
        from: '2028-01-01T00:00:00.000Z',
        to: '2028-02-01T00:00:00.000Z',
        opened: 4,
        open: 1,
        overdue: 1,
        closed: 3,
        closedWithinDeadline: 2,
        shareClosedWithinDeadline: 2 / 3,
        // Closed after 0, 5 and 40 days.
        daysToClose: { median: 5, p95: 36.5 },
      },
    );

    const csv = await as(marketing).get(`/reports/removals/export?${period}`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers['content-type'] ?? '', /^text\/csv/);
    const [header, ...lines] = csv.text.trim().split('\r\n');
    assert.equal(
      header,
      'caseId,patientCode,origin,startedAt,openedAt,dueAt,status,completedAt,daysToClose,withinDeadline,tasks,removed,notRemovable',
    );
    const byCase = new Map(lines.map((line) => [line.split(',')[0], line.split(',')]));
    assert.equal(byCase.size, 4);
    const lateRow = byCase.get(late.removalCaseId as string) ?? [];
    assert.equal(lateRow[6], 'completed');
    assert.ok(lateRow[7].startsWith('2028-02-19T09:0'), lateRow[7]);
    assert.deepEqual(lateRow.slice(8), ['40', 'false', '2', '2', '0']);
    assert.deepEqual(byCase.get(nothingToDo.removalCaseId as string)?.slice(6, 10), [
      'completed',
      nothingToDo.receivedAt,
      '0',
      'true',
    ]);
    assert.deepEqual(byCase.get(stillOpen.removalCaseId as string)?.slice(6, 10), ['open', '', '', '']);

    // Per week of the clinic's calendar (UTC here): opened on Monday 10 January, two closed that week
    // (at once and after 5 days), one closed late on Saturday 19 February; quiet weeks are zero.
    const weekly = await as(officer).get('/reports/removals/weekly?from=2028-01-01T00:00:00Z&to=2028-03-01T00:00:00Z');
    assert.equal(weekly.status, 200, JSON.stringify(weekly.body));
    assert.equal(weekly.body.timeZone, 'UTC');
    const quiet = { opened: 0, closed: 0, closedWithinDeadline: 0, shareClosedWithinDeadline: null };
    assert.deepEqual(weekly.body.weeks, [
      { weekStart: '2027-12-27', ...quiet },
      { weekStart: '2028-01-03', ...quiet },
      { weekStart: '2028-01-10', opened: 4, closed: 2, closedWithinDeadline: 2, shareClosedWithinDeadline: 1 },
      ...['2028-01-17', '2028-01-24', '2028-01-31', '2028-02-07'].map((weekStart) => ({ weekStart, ...quiet })),
      { weekStart: '2028-02-14', opened: 0, closed: 1, closedWithinDeadline: 0, shareClosedWithinDeadline: 0 },
      { weekStart: '2028-02-21', ...quiet },
      { weekStart: '2028-02-28', ...quiet },
    ]);
    const tooLong = await as(officer).get('/reports/removals/weekly?from=2000-01-01T00:00:00Z&to=2028-01-01T00:00:00Z');
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.code, 'validation_failed');
    assert.equal((await as(admin).get('/reports/removals/weekly')).status, 403);

    const backwards = await as(officer).get('/reports/removals?from=2028-02-01T00:00:00Z&to=2028-01-01T00:00:00Z');
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.code, 'validation_failed');
    assert.equal((await as(admin).get('/reports/removals')).status, 403);
  });

  describe('GET /outbox', () => {
    it('lets an admin read every message, newest first, filtered and paged; the read is audited', async () => {
      await signInAgain();
      const all = await as(admin).get('/outbox?limit=200');
      assert.equal(all.status, 200, JSON.stringify(all.body));
      const items = all.body.items as Json[];
      assert.ok(items.length > 10);
      assert.ok(
        items.every((item) => item.delivery === 'outbox' || item.delivery === 'undeliverable'),
        'without SMTP the outbox keeps them',
      );
      const undeliverable = items.filter((item) => item.delivery === 'undeliverable');
      assert.ok(undeliverable.length > 0, 'a patient without an address on file');
      assert.ok(undeliverable.every((item) => item.recipientPatientId));
      // Without patients.read the admin reads no patient's address or message, only that there is one.
      assert.ok(
        items
          .filter((item) => item.recipientPatientId)
          .every((item) => item.identifiedWithheld === true && !('to' in item) && !('body' in item)),
      );
      assert.ok(
        items.some((item) => item.recipientUserId && typeof item.body === 'string'),
        'staff messages show',
      );
      const times = items.map((item) => Date.parse(item.createdAt as string));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
      );

      const receipts = (await as(admin).get('/outbox?kind=revocation_receipt&limit=2')).body as Json;
      assert.equal(receipts.items.length, 2);
      assert.ok((receipts.items as Json[]).every((item) => item.kind === 'revocation_receipt'));
      const next = (await as(admin).get(`/outbox?kind=revocation_receipt&limit=2&before=${receipts.nextCursor}`))
        .body as Json;
      const firstIds = new Set((receipts.items as Json[]).map((item) => item.id));
      assert.ok(
        (next.items as Json[]).every((item) => !firstIds.has(item.id)),
        'pages do not overlap',
      );

      const [audit] = await t.database.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM audit_events WHERE action = 'outbox.read' AND actor_id = $1",
        [staff.admin.id],
      );
      assert.equal(audit.count, 3);
      assert.equal((await as(marketing).get('/outbox')).status, 403);
      const bad = await as(admin).get('/outbox?kind=postcard');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, 'validation_failed');
    });
  });
});
