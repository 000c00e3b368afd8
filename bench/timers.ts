import 'reflect-metadata';
import { arch, availableParallelism, platform } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { PgBoss, TestClock, type Db } from 'pg-boss';
import { DataSource } from 'typeorm';
import { SYSTEM_CALLER } from '../src/common/caller.js';
import { UsersService } from '../src/auth/users.service.js';
import { Clock } from '../src/common/clock.js';
import { JOB_CLOCK, JOB_SCHEMA, JobQueue, jobWorkerOptions } from '../src/jobs/job-queue.js';
import { SESSION_PRUNE_JOB } from '../src/auth/session-pruner.js';
import { IDEMPOTENCY_PRUNE_JOB } from '../src/idempotency/idempotency.module.js';
import { MAIL_DELIVERY_JOB } from '../src/notifications/notifications.service.js';
import { PORTAL_ACCESS_LINKS_JOB } from '../src/portal/portal.service.js';
import { RELEASE_EXPIRY_JOB } from '../src/releases/release-expiry.js';
import {
  REMOVAL_SWEEP_JOB,
  REMOVAL_TIMER_JOB,
  RemovalTimers,
  type TimerOutcome,
} from '../src/removals/removal-timers.js';
import { fireAt, timerNotices, type RemovalTimerNotice } from '../src/removals/removal-timer-notices.js';
import { jpegPhoto } from '../test/support/images.js';
import { ManualClock } from '../test/support/manual-clock.js';
import { benchConfig } from './config.js';
import { closeAll, seedConsentedPhoto, signInStaff, startApp, type Started } from './service.js';
import {
  ADMIN_DATABASE_URL,
  median,
  positiveInteger,
  reachablePostgresVersion,
  redact,
  Scratch,
  table,
} from './support.js';

// Timer load (issue 6): "100 000 scheduled reminders processed without missing one". BENCH_TIMERS_CASES
// open removal cases (bulk SQL), each with one open task on its own non-hosted publication owned by
// a member of staff, get their timers through the real RemovalTimers.schedule (five jobs each, in
// batched transactions: timed). Then the service clock and pg-boss's TestClock step through each
// notice's time (day 9, 23, 27, 28 and 30 of the 30) and the real workers run everything due at each
// step, the bench ticking pg-boss's clock one polling interval at a time, as test/support/app.ts's
// runDueJobs does, until no job is due: timed. Checked afterwards: every case has each notice
// recorded once, no job is left unfinished and the outbox holds the messages expected. The baseline,
// in the same run on another database of the same server, is bare pg-boss (the same version, queues
// and worker options) inserting and working the same jobs with a no-op handler, stepped the same way.

const CASES = positiveInteger(process.env.BENCH_TIMERS_CASES, 20_000);
/** One run takes about 20 minutes on the reference machine; BENCH_TIMERS_RUNS=3 for medians. */
const RUNS = positiveInteger(process.env.BENCH_TIMERS_RUNS, 1);
/** Cases whose timers one transaction schedules. */
const SCHEDULE_BATCH = positiveInteger(process.env.BENCH_TIMERS_SCHEDULE_BATCH, 100);
/** Staff the tasks are shared among (round robin). */
const OWNERS = positiveInteger(process.env.BENCH_TIMERS_OWNERS, 10);
const PRIVACY_OFFICERS = 1;
const POLL_SECONDS = positiveInteger(process.env.BENCH_TIMERS_POLL_SECONDS, 2);
const DEADLINE_DAYS = 30;
const DAY_MS = 24 * 3600_000;
/** Polling rounds one step may take before the queue is called stuck: ten times what it needs. */
/** How long the workers must stay idle before the bench moves pg-boss's clock on. */
const BURST_GRACE_MS = 25;
const MAX_ROUNDS_PER_STEP = Math.ceil(CASES / 10) * 10 + 100;

// The settings the service runs with; the notices are those of the default configuration.
const SERVICE_ENV = { JOB_WORKERS: 'true', JOB_POLL_INTERVAL_SECONDS: String(POLL_SECONDS) };
const NOTICES = timerNotices({ reminderDaysBefore: [21, 7, 2], escalationDaysBefore: 3 });
/** Messages each notice sends for a case with one owned open task. */
const MESSAGES_PER_NOTICE: Record<RemovalTimerNotice['kind'], Record<string, number>> = {
  reminder: { removal_reminder: 1 },
  escalation: { removal_escalation: PRIVACY_OFFICERS },
  overdue: { removal_overdue: 1 + PRIVACY_OFFICERS },
};

// What job-queue.ts gives pg-boss, repeated for the bare baseline.
const BOSS_OPTIONS = { schema: JOB_SCHEMA, application_name: 'photo-consent-jobs', max: 4 };
const QUEUE_OPTIONS = {
  retentionSeconds: 400 * 24 * 3600,
  deleteAfterSeconds: 30 * 24 * 3600,
  expireInSeconds: 300,
  retryLimit: 10,
  retryDelay: 30,
  retryBackoff: true,
  retryDelayMax: 3600,
};
// The service's own worker options (batch of 10, each job settled on its own, burst while batches are full).
const WORKER_OPTIONS = jobWorkerOptions(POLL_SECONDS);
const SERVICE_QUEUES = [
  REMOVAL_TIMER_JOB,
  REMOVAL_SWEEP_JOB,
  RELEASE_EXPIRY_JOB,
  MAIL_DELIVERY_JOB,
  IDEMPOTENCY_PRUNE_JOB,
  PORTAL_ACCESS_LINKS_JOB,
  SESSION_PRUNE_JOB,
];

const scratch = new Scratch();

interface Step {
  notice: string;
  jobs: number;
  ms: number;
  /** Polling rounds the bench ticked pg-boss's clock through. */
  rounds: number;
  /** How far pg-boss's clock moved: the least real time the same work takes at this polling interval. */
  clockMs: number;
  /** The service: time spent in RemovalTimers.fire(), summed. */
  handlerMs?: number;
}

interface Side {
  scheduleMs: number;
  steps: Step[];
}

interface ServiceRun extends Side {
  /** Sequential scans during processing, by table. */
  scans: [string, TableScans][];
  outcomes: Map<TimerOutcome | 'error', number>;
  sweepFired: number;
  sweepRuns: number;
  /** Cases without exactly one row per notice key. */
  casesIncomplete: number;
  noticeRows: number;
  superseded: number;
  jobStates: Map<string, number>;
  messages: Map<string, number>;
}

interface BareRun extends Side {
  handled: number;
  jobStates: Map<string, number>;
}

interface Run {
  service: ServiceRun;
  bare: BareRun;
}

async function main(): Promise<void> {
  const serverVersion = await reachablePostgresVersion();
  if (serverVersion === undefined) return;
  console.log(
    `Timer load benchmark: node ${process.version}, ${platform()}-${arch()}, ${availableParallelism()} CPUs, ` +
      `PostgreSQL ${serverVersion} at ${redact(ADMIN_DATABASE_URL)}.\n` +
      `${RUNS} run${RUNS === 1 ? '' : 's'}, each ${CASES} open removal cases × ${NOTICES.length} timers = ${CASES * NOTICES.length} jobs; ` +
      `scheduled ${SCHEDULE_BATCH} cases a transaction; workers poll every ${POLL_SECONDS} s, 10 jobs a fetch.\n`,
  );
  const runs: Run[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const bare = await bareRun();
      progress(run, 'bare pg-boss', bare);
      const service = await serviceRun();
      progress(run, 'service', service);
      runs.push({ service, bare });
      console.log(
        `run ${run + 1}: scheduling ${seconds(service.scheduleMs)} s (bare ${seconds(bare.scheduleMs)} s), ` +
          `processing ${seconds(total(service))} s (bare ${seconds(total(bare))} s), ` +
          `${service.casesIncomplete} cases missing a notice, ${unfinished(service.jobStates)} jobs unfinished`,
      );
      await closeAll();
      await scratch.removeAll();
    }
    report(runs);
  } finally {
    await closeAll();
    await scratch.removeAll();
  }
}

function progress(run: number, label: string, side: Side): void {
  console.log(
    `run ${run + 1}, ${label}: scheduled in ${seconds(side.scheduleMs)} s; steps ` +
      side.steps.map((step) => `${step.notice} ${seconds(step.ms)} s`).join(', '),
  );
}

/** When each notice fires for a case due at `dueAt`, in firing order. */
function stepTimes(dueAt: Date): { notice: RemovalTimerNotice; at: Date }[] {
  return NOTICES.map((notice) => ({ notice, at: fireAt(dueAt, notice) }));
}

// ---------------------------------------------------------------------------------------------
// The service

async function serviceRun(): Promise<ServiceRun> {
  const start = new Date();
  const clock = new ManualClock(start);
  const jobClock = new TestClock(start);
  const databaseUrl = await scratch.database();
  const started = await startApp(
    benchConfig(await scratch.tempDir('pcs-bench-timers-'), databaseUrl, SERVICE_ENV),
    databaseUrl,
    [],
    (builder) => builder.overrideProvider(Clock).useValue(clock).overrideProvider(JOB_CLOCK).useValue(jobClock),
  );
  const database = started.app.get(DataSource);
  const timers = started.app.get(RemovalTimers);
  const queue = started.app.get(JobQueue);
  const fired = countOutcomes(timers);

  const dueAt = new Date(start.getTime() + DEADLINE_DAYS * DAY_MS);
  const caseIds = await seedCases(started, database, dueAt);

  const scheduleBegin = performance.now();
  for (let first = 0; first < caseIds.length; first += SCHEDULE_BATCH) {
    await database.transaction(async (manager) => {
      for (const caseId of caseIds.slice(first, first + SCHEDULE_BATCH)) await timers.schedule(manager, caseId, dueAt);
    });
  }
  const scheduleMs = performance.now() - scheduleBegin;

  const scansBefore = await tableScans(database);
  const steps: Step[] = [];
  for (const { notice, at } of stepTimes(dueAt)) {
    const before = finished(fired.outcomes);
    const msBefore = fired.ms;
    const step = await drain(notice.key, at, jobClock, clock, database, {
      idle: () => queue.whenIdle(),
      // The sweep's fire() calls count too, so reaching this only says it is time to ask the database.
      mayBeDone: () => finished(fired.outcomes) - before >= caseIds.length,
    });
    steps.push({ ...step, handlerMs: fired.ms - msBefore });
  }
  // Statistics reach the views up to a second after a backend's transaction ends.
  await sleep(1500);
  const scans = scanDelta(scansBefore, await tableScans(database));
  return { scheduleMs, steps, outcomes: fired.outcomes, scans, ...(await verifyService(database)) };
}

interface TableScans {
  seqScans: number;
  seqRowsRead: number;
  indexScans: number;
}

/** Scans of each table of the service's and pg-boss's schemas so far. */
async function tableScans(database: DataSource): Promise<Map<string, TableScans>> {
  const rows = await database.query<{ name: string; seq: string; rows: string; idx: string }[]>(
    `SELECT schemaname || '.' || relname AS name, seq_scan AS seq, seq_tup_read AS rows, COALESCE(idx_scan, 0) AS idx
       FROM pg_stat_user_tables`,
  );
  return new Map(
    rows.map((row) => [
      row.name,
      { seqScans: Number(row.seq), seqRowsRead: Number(row.rows), indexScans: Number(row.idx) },
    ]),
  );
}

/** The tables read sequentially in between, most rows read first. */
function scanDelta(before: Map<string, TableScans>, after: Map<string, TableScans>): [string, TableScans][] {
  return [...after]
    .map(([name, scans]): [string, TableScans] => {
      const was = before.get(name) ?? { seqScans: 0, seqRowsRead: 0, indexScans: 0 };
      return [
        name,
        {
          seqScans: scans.seqScans - was.seqScans,
          seqRowsRead: scans.seqRowsRead - was.seqRowsRead,
          indexScans: scans.indexScans - was.indexScans,
        },
      ];
    })
    .filter(([, scans]) => scans.seqScans > 0)
    .sort((a, b) => b[1].seqRowsRead - a[1].seqRowsRead);
}

interface Fired {
  outcomes: Map<TimerOutcome | 'error', number>;
  /** Time spent in fire(), summed over the calls (they run one at a time: one worker, one job after another). */
  ms: number;
}

/** Counts and times what each RemovalTimers.fire() returned, whether a job or the sweep called it. */
function countOutcomes(timers: RemovalTimers): Fired {
  const fired: Fired = { outcomes: new Map(), ms: 0 };
  const fire = timers.fire.bind(timers);
  const add = (outcome: TimerOutcome | 'error', begin: number) => {
    fired.ms += performance.now() - begin;
    fired.outcomes.set(outcome, (fired.outcomes.get(outcome) ?? 0) + 1);
  };
  timers.fire = async (caseId, noticeKey) => {
    const begin = performance.now();
    try {
      const outcome = await fire(caseId, noticeKey);
      add(outcome, begin);
      return outcome;
    } catch (error) {
      add('error', begin);
      throw error;
    }
  };
  return fired;
}

function finished(outcomes: Map<string, number>): number {
  let sum = 0;
  for (const count of outcomes.values()) sum += count;
  return sum;
}

/**
 * Staff (owners and a privacy officer), one patient with a photo and a release through the API, then
 * with SQL one non-hosted publication, one open case due at `dueAt` and one owned open task per case.
 */
async function seedCases(started: Started, database: DataSource, dueAt: Date): Promise<string[]> {
  const staff = await signInStaff(started);
  const users = started.app.get(UsersService);
  const ownerIds: string[] = [];
  for (let owner = 1; owner <= OWNERS; owner++) {
    const user = await users.create(
      {
        email: `owner-${owner}@bench.test`,
        displayName: `Bench Owner ${owner}`,
        role: 'marketing',
        password: 'velvet otter compass 7 drizzle',
      },
      SYSTEM_CALLER,
    );
    ownerIds.push(user.id);
  }
  for (let officer = 1; officer <= PRIVACY_OFFICERS; officer++) {
    await users.create(
      {
        email: `officer-${officer}@bench.test`,
        displayName: `Bench Officer ${officer}`,
        role: 'privacy_officer',
        password: 'velvet otter compass 7 drizzle',
      },
      SYSTEM_CALLER,
    );
  }
  const { patientId, photoId, releaseId } = await seedConsentedPhoto(started, staff, await jpegPhoto({ seed: 7 }));
  const rows = await database.query<{ case_id: string }[]>(
    `WITH pubs AS (
       INSERT INTO publications (photo_id, patient_id, channel, url, post_id, face_shown, marks_obscured, name_shown,
                                 paid, published_at, release_id, hosted, media_token, status)
       SELECT $1, $2, 'social.instagram', NULL, 'post-' || n, false, false, false, false, now(), $3, false, NULL,
              'removal_pending'
         FROM generate_series(1, $4) AS n
       RETURNING id),
     cases AS (
       INSERT INTO removal_cases (patient_id, origin, release_id, due_at)
       SELECT $2, 'release_expiry', $3, $5 FROM generate_series(1, $4)
       RETURNING id),
     numbered_pubs AS (SELECT id, row_number() OVER () AS n FROM pubs),
     numbered_cases AS (SELECT id, row_number() OVER () AS n FROM cases)
     INSERT INTO removal_tasks (case_id, publication_id, assignee_user_id)
     SELECT c.id, p.id, ($6::uuid[])[1 + c.n % cardinality($6::uuid[])]
       FROM numbered_cases c JOIN numbered_pubs p USING (n)
     RETURNING case_id`,
    [photoId, patientId, releaseId, CASES, dueAt, ownerIds],
  );
  await database.query('VACUUM ANALYZE publications, removal_cases, removal_tasks');
  return rows.map((row) => row.case_id).sort();
}

async function verifyService(database: DataSource): Promise<Omit<ServiceRun, keyof Side | 'outcomes' | 'scans'>> {
  const [notices] = await database.query<{ incomplete: number; rows: number; superseded: number }[]>(
    `SELECT (SELECT count(*)::int FROM removal_cases c
              WHERE (SELECT count(*) FROM removal_case_notices n WHERE n.case_id = c.id AND n.notice = ANY($1)) <> $2
                 OR EXISTS (SELECT 1 FROM removal_case_notices n WHERE n.case_id = c.id AND NOT n.notice = ANY($1)))
              AS incomplete,
            (SELECT count(*)::int FROM removal_case_notices) AS rows,
            (SELECT count(*)::int FROM removal_case_notices WHERE superseded) AS superseded`,
    [NOTICES.map((notice) => notice.key), NOTICES.length],
  );
  const [sweeps] = await database.query<{ runs: number; fired: number }[]>(
    `SELECT count(*)::int AS runs, COALESCE(sum((details->>'fired')::int), 0)::int AS fired
       FROM audit_events WHERE action = 'removal_timers.sweep'`,
  );
  const messages = await database.query<{ kind: string; count: number }[]>(
    'SELECT kind, count(*)::int AS count FROM outbox_messages WHERE removal_case_id IS NOT NULL GROUP BY kind',
  );
  if (notices === undefined || sweeps === undefined) throw new Error('the checks returned no row');
  return {
    casesIncomplete: notices.incomplete,
    noticeRows: notices.rows,
    superseded: notices.superseded,
    sweepRuns: sweeps.runs,
    sweepFired: sweeps.fired,
    jobStates: await jobStates((text, values) => database.query(text, values)),
    messages: new Map(messages.map((row) => [row.kind, row.count])),
  };
}

// ---------------------------------------------------------------------------------------------
// The baseline: bare pg-boss

async function bareRun(): Promise<BareRun> {
  const start = new Date();
  const jobClock = new TestClock(start);
  const databaseUrl = await scratch.database();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const boss = new PgBoss({ connectionString: databaseUrl, ...BOSS_OPTIONS, clock: jobClock });
  boss.on('error', (error: unknown) => console.error('bare pg-boss error:', error));
  const running = new Set<Promise<unknown>>();
  let handled = 0;
  try {
    await boss.start();
    for (const name of SERVICE_QUEUES) await boss.createQueue(name, QUEUE_OPTIONS);
    for (const name of SERVICE_QUEUES) {
      await boss.work<object>(name, WORKER_OPTIONS, (jobs) => {
        const work = Promise.resolve().then(() => {
          handled += jobs.length;
          return jobs.map((job) => ({ id: job.id, status: 'completed' as const }));
        });
        running.add(work);
        void work.finally(() => running.delete(work));
        return work;
      });
    }
    const dueAt = new Date(start.getTime() + DEADLINE_DAYS * DAY_MS);
    const { rows } = await client.query<{ id: string }>(
      'SELECT gen_random_uuid()::text AS id FROM generate_series(1, $1)',
      [CASES],
    );
    const caseIds = rows.map((row) => row.id).sort();
    const db: Db = { executeSql: async (text, values) => ({ rows: (await client.query(text, values)).rows }) };

    const scheduleBegin = performance.now();
    for (let first = 0; first < caseIds.length; first += SCHEDULE_BATCH) {
      await client.query('BEGIN');
      for (const caseId of caseIds.slice(first, first + SCHEDULE_BATCH)) {
        await boss.insert(
          REMOVAL_TIMER_JOB,
          NOTICES.map((notice) => ({ data: { caseId, notice: notice.key }, startAfter: fireAt(dueAt, notice) })),
          { db },
        );
      }
      await client.query('COMMIT');
    }
    const scheduleMs = performance.now() - scheduleBegin;

    const query: Query = async (text, values) => (await client.query<Record<string, unknown>>(text, values)).rows;
    const steps: Step[] = [];
    for (const { notice, at } of stepTimes(dueAt)) {
      const before = handled;
      steps.push(
        await drain(notice.key, at, jobClock, undefined, query, {
          idle: async () => {
            while (running.size > 0) await Promise.allSettled([...running]);
          },
          mayBeDone: () => handled - before >= caseIds.length,
        }),
      );
    }
    return {
      scheduleMs,
      steps,
      handled,
      jobStates: await jobStates(query),
    };
  } finally {
    await boss.stop({ graceful: true, timeout: 10_000 }).catch(() => undefined);
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Shared

type Query = (text: string, values?: unknown[]) => Promise<unknown[]>;

/**
 * Moves both clocks to `at`, then lets the workers run what is due, one polling interval at a time
 * (pg-boss's clock, and the service clock after it), until no job of any queue is due or running.
 */
async function drain(
  notice: string,
  at: Date,
  jobClock: TestClock,
  clock: ManualClock | undefined,
  database: DataSource | Query,
  work: { idle: () => Promise<void>; mayBeDone: () => boolean },
): Promise<Step> {
  const query: Query =
    typeof database === 'function' ? database : (text, values) => database.query<unknown[]>(text, values);
  await jobClock.setTime(at);
  clock?.set(at);
  const pollMs = POLL_SECONDS * 1000;
  const begin = performance.now();
  let rounds = 0;
  for (;;) {
    await jobClock.tick(pollMs);
    clock?.set(new Date(jobClock.now()));
    await settled(work.idle);
    rounds += 1;
    if (work.mayBeDone()) {
      const [{ waiting }] = (await query(
        `SELECT EXISTS (SELECT 1 FROM ${JOB_SCHEMA}.job WHERE state IN ('created', 'retry') AND start_after <= $1)
             OR EXISTS (SELECT 1 FROM ${JOB_SCHEMA}.job WHERE state = 'active') AS waiting`,
        [new Date(jobClock.now())],
      )) as { waiting: boolean }[];
      if (!waiting) break;
    }
    if (rounds > MAX_ROUNDS_PER_STEP) throw new Error(`jobs of ${notice} were still due after ${rounds} rounds`);
  }
  return { notice, jobs: CASES, ms: performance.now() - begin, rounds, clockMs: jobClock.now() - at.getTime() };
}

/**
 * Waits until the workers are idle and stay so for a moment: a worker whose batch came back full
 * fetches the next at once (burst), without waiting for pg-boss's clock, so the clock moves on only
 * when they would really wait for it.
 */
async function settled(idle: () => Promise<void>): Promise<void> {
  for (;;) {
    await idle();
    await sleep(BURST_GRACE_MS);
    const before = performance.now();
    await idle();
    if (performance.now() - before < 1) return;
  }
}

async function jobStates(query: Query): Promise<Map<string, number>> {
  const rows = (await query(
    `SELECT state, count(*)::int AS count FROM ${JOB_SCHEMA}.job WHERE name = $1 GROUP BY state`,
    [REMOVAL_TIMER_JOB],
  )) as { state: string; count: number }[];
  return new Map(rows.map((row) => [row.state, row.count]));
}

function unfinished(states: Map<string, number>): number {
  let sum = 0;
  for (const [state, count] of states) if (state !== 'completed') sum += count;
  return sum;
}

function total(side: Side): number {
  return side.steps.reduce((sum, step) => sum + step.ms, 0);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function range(values: number[]): string {
  return `${seconds(Math.min(...values))}-${seconds(Math.max(...values))}`;
}

// ---------------------------------------------------------------------------------------------
// Report

function report(runs: Run[]): void {
  const jobs = CASES * NOTICES.length;
  const scheduling = runs.map((run) => run.service.scheduleMs);
  const bareScheduling = runs.map((run) => run.bare.scheduleMs);
  const processing = runs.map((run) => total(run.service));
  const bareProcessing = runs.map((run) => total(run.bare));
  const rate = (ms: number) => (jobs / (ms / 1000)).toFixed(0);
  console.log(
    `\n${table([
      ['', 'median s', 'min-max s', 'jobs/s', 'vs bare pg-boss'],
      [
        `scheduling, RemovalTimers.schedule`,
        seconds(median(scheduling)),
        range(scheduling),
        rate(median(scheduling)),
        `${(median(scheduling) / median(bareScheduling)).toFixed(2)}×`,
      ],
      [
        'bare pg-boss insert (baseline)',
        seconds(median(bareScheduling)),
        range(bareScheduling),
        rate(median(bareScheduling)),
        '1.00×',
      ],
      [
        `processing, the service's workers`,
        seconds(median(processing)),
        range(processing),
        rate(median(processing)),
        `${(median(processing) / median(bareProcessing)).toFixed(2)}×`,
      ],
      [
        'bare pg-boss, no-op handler (baseline)',
        seconds(median(bareProcessing)),
        range(bareProcessing),
        rate(median(bareProcessing)),
        '1.00×',
      ],
    ])}`,
  );
  console.log(
    `Per-run ratios: scheduling ${runs.map((run) => (run.service.scheduleMs / run.bare.scheduleMs).toFixed(2)).join(', ')}; ` +
      `processing ${runs.map((run) => (total(run.service) / total(run.bare)).toFixed(2)).join(', ')}.`,
  );

  const stepRows = NOTICES.map((notice, index) => {
    const service = runs.map((run) => run.service.steps[index]);
    const bare = runs.map((run) => run.bare.steps[index]);
    const ms = median(service.map((step) => step.ms));
    return [
      `${notice.key} (day ${DEADLINE_DAYS - notice.daysBefore})`,
      String(CASES),
      seconds(ms),
      (CASES / (ms / 1000)).toFixed(0),
      `${seconds(median(service.map((step) => step.handlerMs ?? NaN)))} s, ${median(
        service.map((step) => (step.handlerMs ?? NaN) / CASES),
      ).toFixed(1)} ms`,
      seconds(median(bare.map((step) => step.ms))),
      `${median(service.map((step) => step.rounds)).toFixed(0)} / ${median(bare.map((step) => step.rounds)).toFixed(0)}`,
      hours(median(service.map((step) => step.clockMs))),
    ];
  });
  console.log(
    `\nPer step (medians):\n${table([
      [
        'step',
        'jobs',
        'service s',
        'jobs/s',
        'in fire(): total, per job',
        'bare s',
        'polls service / bare',
        'pg-boss clock moved',
      ],
      ...stepRows,
    ])}`,
  );
  const clockMs = median(runs.map((run) => run.service.steps.reduce((sum, step) => sum + step.clockMs, 0)));
  const handlerMs = median(runs.map((run) => run.service.steps.reduce((sum, step) => sum + (step.handlerMs ?? 0), 0)));
  console.log(
    `Of the service's processing (median ${seconds(median(processing))} s), ${seconds(handlerMs)} s were spent in ` +
      `RemovalTimers.fire() (${(handlerMs / jobs).toFixed(2)} ms a job, the sweep's calls included); the rest, ` +
      `${seconds(median(processing) - handlerMs)} s, is pg-boss's fetching, completing and polling (bare: ` +
      `${seconds(median(bareProcessing))} s).`,
  );
  console.log(
    `The workers fetch 10 jobs a fetch and fetch again at once while batches come back full (job-queue.ts), so ` +
      `the time pg-boss's clock moved bounds how long one instance needs: ${hours(clockMs)} for ${jobs} jobs ` +
      `(${(jobs / (clockMs / 1000)).toFixed(1)} jobs/s at JOB_POLL_INTERVAL_SECONDS=${POLL_SECONDS}).`,
  );

  console.log('\nChecks, every run:');
  const expected = expectedMessages();
  for (const [index, { service, bare }] of runs.entries()) {
    const outcomes = [...service.outcomes].map(([outcome, count]) => `${outcome} ${count}`).join(', ');
    const messages = [...expected].map(([kind, count]) => `${kind} ${service.messages.get(kind) ?? 0}/${count}`);
    const extra = [...service.messages.keys()].filter((kind) => !expected.has(kind));
    console.log(
      `run ${index + 1}: notices ${service.noticeRows}/${jobs} rows, ${service.casesIncomplete} cases not exactly ` +
        `one per key, ${service.superseded} superseded; timer jobs ${states(service.jobStates)}; ` +
        `fire() outcomes: ${outcomes}; sweep ran ${service.sweepRuns}× and fired ${service.sweepFired}; ` +
        `messages ${messages.join(', ')}${extra.length ? `, unexpected kinds ${extra.join(', ')}` : ''}; ` +
        `bare: handled ${bare.handled}/${jobs}, jobs ${states(bare.jobStates)}`,
    );
  }
  const last = runs[runs.length - 1];
  if (last) {
    console.log(
      `\nSequential scans during processing, last run (table: scans, rows read; index scans):\n` +
        last.service.scans
          .map(([name, scans]) => `  ${name}: ${scans.seqScans}, ${scans.seqRowsRead}; ${scans.indexScans}`)
          .join('\n'),
    );
  }
  const complete = runs.every(
    ({ service, bare }) =>
      service.casesIncomplete === 0 &&
      service.noticeRows === jobs &&
      service.superseded === 0 &&
      (service.jobStates.get('completed') ?? 0) === jobs &&
      unfinished(service.jobStates) === 0 &&
      [...expected].every(([kind, count]) => service.messages.get(kind) === count) &&
      service.messages.size === expected.size &&
      (service.outcomes.get('error') ?? 0) === 0 &&
      bare.handled === jobs &&
      unfinished(bare.jobStates) === 0,
  );
  console.log(
    `\nGoal, ${jobs} scheduled timers processed without missing one: ${complete ? 'met' : 'NOT met'} ` +
      `(every notice recorded once, every job completed, every message written, in every run).`,
  );
}

function expectedMessages(): Map<string, number> {
  const expected = new Map<string, number>();
  for (const notice of NOTICES) {
    for (const [kind, count] of Object.entries(MESSAGES_PER_NOTICE[notice.kind])) {
      expected.set(kind, (expected.get(kind) ?? 0) + count * CASES);
    }
  }
  return expected;
}

function states(jobStates: Map<string, number>): string {
  return [...jobStates].map(([state, count]) => `${state} ${count}`).join(', ') || 'none';
}

function hours(ms: number): string {
  return `${(ms / 3600_000).toFixed(2)} h`;
}

await main();
