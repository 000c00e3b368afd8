import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { arch, availableParallelism, platform } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import pg from 'pg';
import { configureApp, createHttpAdapter } from '../src/app.js';
import { AppModule } from '../src/app.module.js';
import { AuditSealer } from '../src/audit/audit-sealer.js';
import { AuditService } from '../src/audit/audit.service.js';
import { SYSTEM_CALLER } from '../src/common/caller.js';
import { PasswordHasher } from '../src/auth/password-hasher.js';
import type { Role } from '../src/common/roles.js';
import { UsersService } from '../src/auth/users.service.js';
import type { AppConfig } from '../src/config/app-config.js';
import { request, text } from './http-client.js';
import { benchConfig } from './config.js';
import { failureNote, runLoad, stopLoads, type LoadRun, type LoadTarget } from './load.js';
import {
  ADMIN_DATABASE_URL,
  median,
  positiveInteger,
  reachablePostgresVersion,
  redact,
  Scratch,
  table,
  percentile,
} from './support.js';

// Audit benchmark, for the staff-identity and audit feature: (1) audited write throughput against
// the same endpoint with auditing switched off and a bare node:http server, (2) sign-in latency
// (correct, wrong password, unknown email) against one argon2id hash, and (3) how fast the hash
// chain is sealed and verified against a plain scan of the audit table. Real PostgreSQL, scratch
// databases, the apps and the load in this process over real HTTP.
// Build first (npx tsc -p tsconfig.json), then: node dist/bench/audit.js. See bench/README.md.

const ROUNDS = positiveInteger(process.env.BENCH_ROUNDS, 5);
const ROUND_SECONDS = positiveInteger(process.env.BENCH_ROUND_SECONDS, 5);
const CONCURRENCY = positiveInteger(process.env.BENCH_CONCURRENCY, 16);
const VERIFY_EVENTS = positiveIntegers(process.env.BENCH_VERIFY_EVENTS, [100_000, 1_000_000]);
const VERIFY_RUNS = positiveInteger(process.env.BENCH_VERIFY_RUNS, 3);
const LOGIN_RUNS = positiveInteger(process.env.BENCH_LOGIN_RUNS, 20);
const WARM_UP_MS = 5000;
/** Between load rounds: the sealer catches up (untimed) and the machine gets a breath. */
const ROUND_PAUSE_MS = 250;
/** Events inserted per INSERT statement when filling the chain for the verify measurement. */
const INSERT_CHUNK = 250_000;
const CLOSE_TIMEOUT_MS = 30_000;

const GOALS = { auditedThroughputRatio: 0.8, verifyEventsPerSecond: 100_000, unknownVsWrongTolerance: 0.1 };

const PASSWORD = 'velvet otter compass 7 drizzle';
const API_KEY_BODY = JSON.stringify({ name: 'bench', permissions: ['photos.read'] });
const BARE_BODY = JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', name: 'bench', token: 'x'.repeat(50) });
/** Auditing switched off: the same app, with an AuditService whose record() does nothing. */
const NO_AUDIT: Pick<AuditService, 'record'> = { record: () => Promise.resolve() };

interface Started {
  app: NestFastifyApplication;
  port: number;
}

interface VerifyStep {
  events: number;
  inserted: number;
  insertMs: number;
  sealMs: number;
  chainLength: number;
  verifyMs: number[];
  serverMs: number[];
  scanMs: number[];
  scanRows: number;
}

// Everything to undo when the benchmark ends, fails or is interrupted.
const liveApps = new Set<NestFastifyApplication>();
const liveServers = new Set<http.Server>();
const liveClients = new Set<pg.Client>();
const scratch = new Scratch();

async function main(): Promise<void> {
  process.once('SIGINT', () => void interrupted('SIGINT'));
  process.once('SIGTERM', () => void interrupted('SIGTERM'));
  const serverVersion = await reachablePostgresVersion();
  if (serverVersion === undefined) return;
  console.log(
    `Audit benchmark: node ${process.version}, ${platform()}-${arch()}, ${availableParallelism()} CPUs, ` +
      `PostgreSQL ${serverVersion} at ${redact(ADMIN_DATABASE_URL)}.\n`,
  );
  try {
    const writes = await measureWrites();
    await closeApp(writes.unaudited.app);
    const logins = await measureLogins(writes.config, writes.audited);
    await closeApp(writes.audited.app);
    // Its own database, filled with a million events: the other two run on a small audit table.
    const verify = await measureVerify();
    report(writes.runs, verify, logins);
  } finally {
    await cleanUp();
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Audited write throughput

interface Writes {
  config: AppConfig;
  audited: Started;
  unaudited: Started;
  runs: Map<string, LoadRun[]>;
}

const AUDITED = 'audited POST /api-keys';
const UNAUDITED = 'auditing off (no-op AuditService)';
const BARE = 'bare node:http 201 (client ceiling)';

async function measureWrites(): Promise<Writes> {
  console.log(
    `1. Write throughput: POST /api/v1/api-keys as an admin, ${CONCURRENCY} concurrent keep-alive connections, ` +
      `${ROUNDS} rounds of ${ROUND_SECONDS} s per scenario, scenarios rotated each round.`,
  );
  const databaseUrl = await scratch.database();
  const config = benchConfig(await scratch.tempDir('pcs-bench-audit-'), databaseUrl, SIGN_IN_SETTINGS);
  // The audited app starts first and applies the migrations; the other finds the database migrated.
  const audited = await startApp(config, databaseUrl, true);
  const unaudited = await startApp(config, databaseUrl, false);
  const admin = await createUser(audited, 'admin');
  const token = await signIn(audited.port, admin);
  const bare = await startBareServer();

  const target = (name: string, label: string, port: number): LoadTarget => ({
    name,
    label,
    port,
    path: '/api/v1/api-keys',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    method: 'POST',
    body: API_KEY_BODY,
    expectedStatus: 201,
  });
  const targets = [
    target(AUDITED, 'audited', audited.port),
    target(UNAUDITED, 'off', unaudited.port),
    { ...target(BARE, 'bare', bare), headers: { 'content-type': 'application/json' } },
  ];
  const sealer = audited.app.get(AuditSealer);
  for (const each of targets) await drive(each, WARM_UP_MS);
  await sealer.sealPending();

  const runs = new Map<string, LoadRun[]>(targets.map((each) => [each.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order so that no scenario always runs first, or always after the audited one.
    const order = targets.map((_, i) => targets[(i + round) % targets.length]);
    const line: string[] = [];
    for (const each of order) {
      const run = await drive(each, ROUND_SECONDS * 1000);
      runs.get(each.name)?.push(run);
      line.push(`${each.label} ${run.requestsPerSecond.toFixed(0)}/s${failureNote(run)}`);
      // The sealer runs every second during a round (that cost counts); what is left is sealed here.
      await sealer.sealPending();
      await sleep(ROUND_PAUSE_MS);
    }
    console.log(`  round ${round + 1}: ${line.join(', ')}`);
  }
  await stopBareServer();
  return { config, audited, unaudited, runs };
}

/** CONCURRENCY connections from the load client's thread, each sending the next request when its answer is in. */
function drive(target: LoadTarget, durationMs: number): Promise<LoadRun> {
  return runLoad({ ...target, concurrency: CONCURRENCY, durationMs });
}

let bareServer: http.Server | undefined;

async function startBareServer(): Promise<number> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.once('end', () => {
      response.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BARE_BODY) });
      response.end(BARE_BODY);
    });
  });
  liveServers.add(server);
  bareServer = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function stopBareServer(): Promise<void> {
  if (!bareServer) return;
  await closeServer(bareServer);
  bareServer = undefined;
}

function closeServer(server: http.Server): Promise<void> {
  liveServers.delete(server);
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

// ---------------------------------------------------------------------------------------------
// 2. Sign-in latency

interface Logins {
  hashCost: AppConfig['auth']['passwordHash'];
  samples: Map<string, number[]>;
}

const LOGIN_OK = 'correct password (front_desk)';
const LOGIN_WRONG = 'wrong password';
const LOGIN_UNKNOWN = 'unknown email';
const HASH_ONLY = 'PasswordHasher.hash() (baseline)';

async function measureLogins(config: AppConfig, audited: Started): Promise<Logins> {
  const cost = config.auth.passwordHash;
  console.log(
    `\n2. Sign-in latency: POST /api/v1/auth/login, one at a time, ${LOGIN_RUNS} of each kind interleaved, ` +
      `argon2id m=${cost.memoryKib} KiB, t=${cost.iterations}, p=1.`,
  );
  const user = await createUser(audited, 'front_desk');
  const hasher = new PasswordHasher(cost);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const login = (email: string, password: string, expectedStatus: number) => async () => {
    const body = Buffer.from(JSON.stringify({ email, password }));
    const headers = { 'content-type': 'application/json', 'content-length': body.length };
    const reply = await request(audited.port, 'POST', '/api/v1/auth/login', headers, body, agent, expectedStatus);
    if (reply.status !== expectedStatus) {
      throw new Error(`login as ${email} answered ${reply.status}, expected ${expectedStatus}: ${text(reply)}`);
    }
  };
  const kinds: [string, () => Promise<unknown>][] = [
    [LOGIN_OK, login(user.email, user.password, 200)],
    [LOGIN_WRONG, login(user.email, 'wrong horse battery staple 9', 401)],
    [LOGIN_UNKNOWN, login('nobody-here@bench.test', user.password, 401)],
    [HASH_ONLY, () => hasher.hash(user.password)],
  ];
  try {
    // Warm-up, uncounted: one of each kind.
    for (const [, call] of kinds) await call();
    const samples = new Map<string, number[]>(kinds.map(([name]) => [name, []]));
    for (let run = 0; run < LOGIN_RUNS; run++) {
      for (let i = 0; i < kinds.length; i++) {
        const [name, call] = kinds[(i + run) % kinds.length] as [string, () => Promise<unknown>];
        const callStarted = performance.now();
        await call();
        samples.get(name)?.push(performance.now() - callStarted);
      }
    }
    for (const [name, values] of samples) console.log(`  ${name}: median ${ms(median(values))} ms`);
    return { hashCost: cost, samples };
  } finally {
    agent.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Sealing and verifying the chain

async function measureVerify(): Promise<VerifyStep[]> {
  console.log(
    `\n3. Seal and verify: events inserted with SQL, sealed with AuditSealer.sealPending(), then ` +
      `GET /api/v1/audit/verify as a privacy officer (median of ${VERIFY_RUNS}), alternating with a plain scan ` +
      `of audit_events; chain sizes ${VERIFY_EVENTS.map(count).join(', ')}.`,
  );
  const databaseUrl = await scratch.database();
  // The timer would race the measured sealPending() for the inserted events; one call seals them.
  const config = benchConfig(await scratch.tempDir('pcs-bench-verify-'), databaseUrl, {
    ...SIGN_IN_SETTINGS,
    AUDIT_SEAL_INTERVAL_MS: '60000',
  });
  const started = await startApp(config, databaseUrl, true);
  const officer = await createUser(started, 'privacy_officer');
  const token = await signIn(started.port, officer);
  const sealer = started.app.get(AuditSealer);
  await sealer.sealPending();
  const client = new pg.Client({ connectionString: databaseUrl });
  liveClients.add(client);
  await client.connect();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  const steps: VerifyStep[] = [];
  let inserted = 0;
  try {
    for (const events of VERIFY_EVENTS) {
      const adding = events - inserted;
      const insertStarted = performance.now();
      for (let from = inserted + 1; from <= events; from += INSERT_CHUNK) {
        await client.query(
          `INSERT INTO audit_events (actor_type, action, outcome, details)
           SELECT 'system', 'bench.event', 'done', jsonb_build_object('i', g) FROM generate_series($1::int, $2::int) g`,
          [from, Math.min(events, from + INSERT_CHUNK - 1)],
        );
      }
      const insertMs = performance.now() - insertStarted;
      inserted = events;

      const sealStarted = performance.now();
      await sealer.sealPending();
      const sealMs = performance.now() - sealStarted;
      console.log(
        `  ${count(events)} events: inserted ${count(adding)} in ${seconds(insertMs)} s, sealed them in ` +
          `${seconds(sealMs)} s (${count(adding / (sealMs / 1000))} events/s)`,
      );

      const step: VerifyStep = {
        events,
        inserted: adding,
        insertMs,
        sealMs,
        chainLength: 0,
        verifyMs: [],
        serverMs: [],
        scanMs: [],
        scanRows: 0,
      };
      for (let run = 0; run < VERIFY_RUNS; run++) {
        const scanStarted = performance.now();
        const scan = await client.query<{ n: string }>(
          'SELECT count(*) AS n, sum(length(details::text)) AS bytes FROM audit_events',
        );
        step.scanMs.push(performance.now() - scanStarted);
        step.scanRows = Number(scan.rows[0]?.n ?? 0);

        const verifyStarted = performance.now();
        const reply = await request(
          started.port,
          'GET',
          '/api/v1/audit/verify',
          { authorization: `Bearer ${token}` },
          undefined,
          agent,
        );
        const verifyMs = performance.now() - verifyStarted;
        if (reply.status !== 200) throw new Error(`verify answered ${reply.status}: ${text(reply).slice(0, 300)}`);
        const result = JSON.parse(text(reply)) as { intact: boolean; sealedEvents: number; durationMs: number };
        if (!result.intact) throw new Error(`the chain is not intact: ${text(reply).slice(0, 500)}`);
        step.verifyMs.push(verifyMs);
        step.serverMs.push(result.durationMs);
        step.chainLength = result.sealedEvents;
        console.log(
          `    run ${run + 1}: scan ${count(step.scanRows)} rows in ${ms(step.scanMs[run] ?? NaN)} ms; verify ` +
            `${count(result.sealedEvents)} sealed events in ${ms(verifyMs)} ms (server ${result.durationMs} ms)`,
        );
      }
      steps.push(step);
    }
  } finally {
    agent.destroy();
    liveClients.delete(client);
    await client.end();
    await closeApp(started.app);
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------
// The service, its users and its database

/** The admin and the privacy officer sign in many times, failing on purpose 40 times and more. */
const SIGN_IN_SETTINGS = { LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000', LOGIN_MAX_FAILURES_PER_IP: '100000' };

/** The real AppModule, built the way the tests build it, listening on a free port. */
async function startApp(config: AppConfig, databaseUrl: string, audited: boolean): Promise<Started> {
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config, databaseUrl)] });
  const moduleRef = await (audited ? builder : builder.overrideProvider(AuditService).useValue(NO_AUDIT)).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), { logger: false });
  liveApps.add(app);
  await configureApp(app);
  await app.init();
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.getHttpServer().address() as AddressInfo).port };
}

async function closeApp(app: NestFastifyApplication): Promise<void> {
  if (!liveApps.delete(app)) return;
  await Promise.race([app.close(), sleep(CLOSE_TIMEOUT_MS, undefined, { ref: false })]);
}

let userCounter = 0;

async function createUser(started: Started, role: Role): Promise<{ email: string; password: string }> {
  userCounter += 1;
  const email = `${role.replace('_', '-')}-${userCounter}@bench.test`;
  await started.app
    .get(UsersService)
    .create({ email, displayName: `Bench ${role} ${userCounter}`, role, password: PASSWORD }, SYSTEM_CALLER);
  return { email, password: PASSWORD };
}

async function signIn(port: number, user: { email: string; password: string }): Promise<string> {
  const body = Buffer.from(JSON.stringify(user));
  const agent = new http.Agent({ keepAlive: false });
  const reply = await request(
    port,
    'POST',
    '/api/v1/auth/login',
    { 'content-type': 'application/json', 'content-length': body.length },
    body,
    agent,
  );
  agent.destroy();
  if (reply.status !== 200) throw new Error(`sign-in as ${user.email} answered ${reply.status}: ${text(reply)}`);
  return (JSON.parse(text(reply)) as { token: string }).token;
}

async function cleanUp(): Promise<void> {
  await stopLoads();
  for (const server of [...liveServers]) await closeServer(server);
  for (const client of [...liveClients]) await client.end().catch(() => undefined);
  liveClients.clear();
  for (const app of [...liveApps]) await closeApp(app).catch(() => undefined);
  await scratch.removeAll();
}

async function interrupted(signal: NodeJS.Signals): Promise<void> {
  console.error(`\n${signal}: closing the apps and dropping the scratch databases`);
  await cleanUp();
  process.exit(130);
}

// ---------------------------------------------------------------------------------------------
// Report

function report(writes: Map<string, LoadRun[]>, verify: VerifyStep[], logins: Logins): void {
  const rate = (name: string) => (writes.get(name) ?? []).map((run) => run.requestsPerSecond);
  const unauditedMedian = median(rate(UNAUDITED));
  const writeRows: string[][] = [
    [
      'scenario',
      'requests/s: median (min-max)',
      'x auditing off',
      'CPU us/request: service, load client, PostgreSQL',
      'failed',
    ],
  ];
  for (const name of [AUDITED, UNAUDITED, BARE]) {
    const values = rate(name);
    const runs = writes.get(name) ?? [];
    const postgresCpu = runs.flatMap((run) =>
      run.postgresCpuMicrosPerRequest === null ? [] : [run.postgresCpuMicrosPerRequest],
    );
    writeRows.push([
      name,
      `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})`,
      `${(median(values) / unauditedMedian).toFixed(2)}x`,
      `${median(runs.map((run) => run.serviceCpuMicrosPerRequest)).toFixed(0)}, ${median(
        runs.map((run) => run.clientCpuMicrosPerRequest),
      ).toFixed(0)}, ${postgresCpu.length ? median(postgresCpu).toFixed(0) : '-'}`,
      String(runs.reduce((sum, run) => sum + run.failed, 0)),
    ]);
  }
  // Within a round the two ran seconds apart: their ratio is less exposed to drift in the machine.
  const paired = rate(AUDITED).map((value, i) => value / (rate(UNAUDITED)[i] ?? NaN));
  const writeRatio = median(rate(AUDITED)) / unauditedMedian;
  console.log(
    `\nResults\n\n1. Write throughput (${ROUNDS} rounds of ${ROUND_SECONDS} s, ${CONCURRENCY} connections)\n`,
  );
  console.log(table(writeRows));
  console.log(
    `\n  audited / auditing off: ${writeRatio.toFixed(2)}x (ratio of medians); per round ` +
      `${Math.min(...paired).toFixed(2)}-${Math.max(...paired).toFixed(2)}x`,
  );

  const loginRows: string[][] = [['sign-in', 'median ms', 'p90 ms', 'min-max ms', 'x hash']];
  const hashMedian = median(logins.samples.get(HASH_ONLY) ?? []);
  for (const [name, values] of logins.samples) {
    loginRows.push([
      name,
      ms(median(values)),
      ms(percentile(values, 0.9)),
      `${ms(Math.min(...values))}-${ms(Math.max(...values))}`,
      `${(median(values) / hashMedian).toFixed(2)}x`,
    ]);
  }
  const unknownVsWrong =
    median(logins.samples.get(LOGIN_UNKNOWN) ?? []) / median(logins.samples.get(LOGIN_WRONG) ?? []);
  console.log(
    `\n2. Sign-in latency (${LOGIN_RUNS} each; argon2id m=${logins.hashCost.memoryKib} KiB, ` +
      `t=${logins.hashCost.iterations})\n`,
  );
  console.log(table(loginRows));
  console.log(`\n  unknown email / wrong password (medians): ${unknownVsWrong.toFixed(3)}x`);

  const verifyRows: string[][] = [
    [
      'chain',
      'seal events/s',
      'verify ms: median (min-max)',
      'verify events/s',
      'scan ms: median',
      'scan rows/s',
      'verify / scan time',
    ],
  ];
  for (const step of verify) {
    const verifyMedian = median(step.verifyMs);
    const scanMedian = median(step.scanMs);
    verifyRows.push([
      `${count(step.chainLength)} events`,
      count(step.inserted / (step.sealMs / 1000)),
      `${ms(verifyMedian)} (${ms(Math.min(...step.verifyMs))}-${ms(Math.max(...step.verifyMs))})`,
      count(step.chainLength / (verifyMedian / 1000)),
      ms(scanMedian),
      count(step.scanRows / (scanMedian / 1000)),
      `${(verifyMedian / scanMedian).toFixed(1)}x`,
    ]);
  }
  console.log(`\n3. Seal and verify (verify timed over HTTP; median of ${VERIFY_RUNS})\n`);
  console.log(table(verifyRows));

  const slowestVerify = Math.min(
    ...verify.map((step) => step.chainLength / (median(step.verifyMs) / 1000)).filter(Number.isFinite),
  );
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log('\nGoals (medians)');
  console.log(
    `  audited write throughput >= ${GOALS.auditedThroughputRatio}x auditing off: ${writeRatio.toFixed(2)}x - ` +
      met(writeRatio >= GOALS.auditedThroughputRatio),
  );
  console.log(
    `  verify >= ${count(GOALS.verifyEventsPerSecond)} events/s at every chain size: slowest ` +
      `${count(slowestVerify)} events/s - ${met(slowestVerify >= GOALS.verifyEventsPerSecond)}`,
  );
  console.log(
    `  unknown email within ${GOALS.unknownVsWrongTolerance * 100}% of wrong password: ${unknownVsWrong.toFixed(3)}x - ` +
      met(Math.abs(unknownVsWrong - 1) <= GOALS.unknownVsWrongTolerance),
  );
  console.log(`  (argon2id parameters are meant for ~100 ms per hash: ${ms(hashMedian)} ms here)`);
}

function ms(value: number): string {
  return value.toFixed(1);
}

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(1);
}

function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '?';
}

/** A comma-separated list of positive integers, ascending; the fallback when any entry is not one. */
function positiveIntegers(value: string | undefined, fallback: number[]): number[] {
  if (!value) return fallback;
  const parsed = value.split(',').map((part) => positiveInteger(part.trim().replace(/_/g, ''), NaN));
  return parsed.every(Number.isFinite) ? [...new Set(parsed)].sort((a, b) => a - b) : fallback;
}

main().catch(async (error: unknown) => {
  process.stderr.write(
    `The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  await cleanUp();
  process.exit(1);
});
