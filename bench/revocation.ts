import 'reflect-metadata';
import { arch, availableParallelism, platform } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { jpegPhoto } from '../test/support/images.js';
import { call, request, text } from './http-client.js';
import { benchConfig } from './config.js';
import { closeAll, keepAlive, seedConsentedPhoto, signInStaff, startApp, type Started, type Staff } from './service.js';
import {
  ADMIN_DATABASE_URL,
  median,
  positiveInteger,
  reachablePostgresVersion,
  redact,
  Scratch,
  table,
} from './support.js';

// Revocation fan-out (issue 6): a patient with BENCH_REVOCATION_PUBLICATIONS live publications, half
// of them hosted, revokes everything over HTTP. Timed: the request, from sending to its 201, which
// commits the revoked release, every task and every hosted publication removed. Checked afterwards:
// one task per publication, and every hosted URL answering 410. The baseline, measured on another
// patient in the same run, is the bare SQL of the same writes (the revocation, the case, the status
// update and the task inserts) in one transaction.

const PUBLICATIONS = positiveInteger(process.env.BENCH_REVOCATION_PUBLICATIONS, 10_000);
const RUNS = positiveInteger(process.env.BENCH_REVOCATION_RUNS, 5);
const GOAL_MS = 2000;
const CHECK_CONCURRENCY = 16;

const scratch = new Scratch();

interface Run {
  revocationMs: number;
  bareMs: number;
  tasks: number;
  hostedGone: number;
}

async function main(): Promise<void> {
  const serverVersion = await reachablePostgresVersion();
  if (serverVersion === undefined) return;
  console.log(
    `Revocation fan-out benchmark: node ${process.version}, ${platform()}-${arch()}, ${availableParallelism()} CPUs, ` +
      `PostgreSQL ${serverVersion} at ${redact(ADMIN_DATABASE_URL)}.\n` +
      `${RUNS} runs, each a new patient with ${PUBLICATIONS} live publications (half hosted).\n`,
  );
  try {
    const databaseUrl = await scratch.database();
    const started = await startApp(
      benchConfig(await scratch.tempDir('pcs-bench-revocation-'), databaseUrl),
      databaseUrl,
      [],
    );
    const staff = await signInStaff(started);
    const database = started.app.get(DataSource);
    const jpeg = await jpegPhoto({ seed: 7 });
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      const bareMs = await bareWrites(database, await seeded(started, staff, jpeg, database));
      const patient = await seeded(started, staff, jpeg, database);
      runs.push({ ...(await revoke(started, staff, database, patient)), bareMs });
      const last = runs[runs.length - 1];
      console.log(
        `run ${run + 1}: revocation ${last.revocationMs.toFixed(0)} ms, bare writes ${last.bareMs.toFixed(0)} ms, ` +
          `${last.tasks} tasks, ${last.hostedGone} hosted URLs answering 410`,
      );
    }
    report(runs);
  } finally {
    await closeAll();
    await scratch.removeAll();
  }
}

interface Patient {
  patientId: string;
  hostedTokens: string[];
}

/** A patient with a release and a photo through the API, and its publications written directly. */
async function seeded(started: Started, staff: Staff, jpeg: Buffer, database: DataSource): Promise<Patient> {
  const { patientId, photoId, releaseId } = await seedConsentedPhoto(started, staff, jpeg);
  const rows = await database.query<{ media_token: string | null }[]>(
    `INSERT INTO publications (photo_id, patient_id, channel, url, post_id, face_shown, marks_obscured, name_shown,
                               paid, published_at, release_id, hosted, media_token, status)
     SELECT $1, $2, CASE WHEN n % 2 = 0 THEN 'website' ELSE 'social.instagram' END, NULL,
            CASE WHEN n % 2 = 0 THEN NULL ELSE 'post-' || n END, false, false, false, false, now(), $3,
            n % 2 = 0, CASE WHEN n % 2 = 0 THEN replace(gen_random_uuid()::text, '-', '') END, 'live'
       FROM generate_series(1, $4) AS n
     RETURNING media_token`,
    [photoId, patientId, releaseId, PUBLICATIONS],
  );
  return {
    patientId,
    hostedTokens: rows.flatMap((row) => (row.media_token ? [row.media_token] : [])),
  };
}

async function revoke(
  started: Started,
  staff: Staff,
  database: DataSource,
  patient: Patient,
): Promise<Omit<Run, 'bareMs'>> {
  const begin = performance.now();
  const reply = await call(started.port, 'POST', `/api/v1/patients/${patient.patientId}/revocations`, staff.frontDesk, {
    json: {
      scope: { kind: 'everything' },
      receivedVia: 'phone',
      requester: { type: 'patient' },
      identityVerification: 'Called back on the number on file',
    },
  });
  const revocationMs = performance.now() - begin;
  if (reply.status !== 201) throw new Error(`the revocation answered ${reply.status}: ${text(reply)}`);
  const { removalCaseId } = reply.json as { removalCaseId: string };
  const [{ tasks }] = await database.query<{ tasks: number }[]>(
    'SELECT count(*)::int AS tasks FROM removal_tasks WHERE case_id = $1',
    [removalCaseId],
  );
  return { revocationMs, tasks, hostedGone: await hostedGone(started, patient.hostedTokens) };
}

/** How many of the hosted URLs answer 410, asked over HTTP. */
async function hostedGone(started: Started, tokens: string[]): Promise<number> {
  const agent = keepAlive(CHECK_CONCURRENCY);
  let gone = 0;
  let next = 0;
  const worker = async () => {
    while (next < tokens.length) {
      const token = tokens[next++];
      const reply = await request(started.port, 'GET', `/m/${token}`, {}, undefined, agent, 410);
      if (reply.status === 410) gone += 1;
    }
  };
  await Promise.all(Array.from({ length: CHECK_CONCURRENCY }, worker));
  return gone;
}

/** The least any revocation must write, as bare SQL in one transaction: the rows, nothing decided. */
async function bareWrites(database: DataSource, patient: Patient): Promise<number> {
  const begin = performance.now();
  await database.transaction(async (manager) => {
    const [removalCase] = await manager.query<{ id: string }[]>(
      `WITH v AS (
         INSERT INTO revocations (patient_id, scope_kind, received_at, received_via, requester_type, identity_verification)
         VALUES ($1, 'everything', now(), 'phone', 'patient', 'bench') RETURNING id)
       INSERT INTO removal_cases (patient_id, origin, revocation_id, due_at)
       SELECT $1, 'revocation', v.id, now() + interval '30 days' FROM v RETURNING id`,
      [patient.patientId],
    );
    await manager.query(
      `WITH taken_down AS (
         UPDATE publications SET status = CASE WHEN hosted THEN 'removed' ELSE 'removal_pending' END
          WHERE patient_id = $2 AND status = 'live' RETURNING id)
       INSERT INTO removal_tasks (case_id, publication_id) SELECT $1, id FROM taken_down`,
      [removalCase.id, patient.patientId],
    );
  });
  return performance.now() - begin;
}

function report(runs: Run[]): void {
  const revocation = median(runs.map((run) => run.revocationMs));
  const bare = median(runs.map((run) => run.bareMs));
  console.log(
    `\n${table([
      ['', 'median ms', 'max ms', 'vs bare writes'],
      [
        `POST /revocations, ${PUBLICATIONS} publications`,
        revocation.toFixed(0),
        Math.max(...runs.map((run) => run.revocationMs)).toFixed(0),
        `${(revocation / bare).toFixed(2)}×`,
      ],
      ['bare SQL writes (baseline)', bare.toFixed(0), Math.max(...runs.map((run) => run.bareMs)).toFixed(0), '1.00×'],
    ])}`,
  );
  const complete = runs.every((run) => run.tasks === PUBLICATIONS && run.hostedGone === PUBLICATIONS / 2);
  console.log(
    `\nEvery publication has its task and every hosted URL answers 410: ${complete ? 'yes' : 'NO'}.` +
      `\nGoal ≤ ${GOAL_MS} ms: ${revocation <= GOAL_MS ? 'met' : 'not met'} (median ${revocation.toFixed(0)} ms).`,
  );
}

await main();
