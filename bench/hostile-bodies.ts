import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { arch, availableParallelism, platform } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fastify, type FastifyInstance } from 'fastify';
import { AuditSealer } from '../src/audit/audit-sealer.js';
import { jpegPhoto } from '../test/support/images.js';
import {
  ADMIN_DATABASE_URL,
  median,
  positiveInteger,
  reachablePostgresVersion,
  redact,
  Scratch,
  table,
} from './support.js';
import { request, text } from './http-client.js';
import { benchConfig } from './config.js';
import { closeAll, seedConsentedPhoto, signInStaff, startApp, type Started } from './service.js';
import { failureNote, runLoad, stopLoads, type LoadRun, type LoadTarget } from './load.js';

// Hostile JSON bodies: how long the service's event loop stalls while a few clients send it, over
// and over, bodies built to cost it work (a clearance batch of 200,000 `{}` items, ~600 KB, under
// the 1 MB body limit; JSON nested 20,000 deep), which it refuses while parsing. The real app runs
// in this process's main thread; the load comes from the load client's worker thread (load.ts),
// which also polls GET /health/live; the main thread's event-loop delay is what the service's
// requests wait behind. Baselines in the same run: the same app under the same 4 clients sending a
// small valid batch, and a bare Fastify server (same process) that JSON.parses the hostile bodies.
// Build first (npx tsc -p tsconfig.json), then: node dist/bench/hostile-bodies.js. See bench/README.md.

const ROUNDS = positiveInteger(process.env.BENCH_ROUNDS, 5);
const ROUND_SECONDS = positiveInteger(process.env.BENCH_ROUND_SECONDS, 5);
const CONCURRENCY = positiveInteger(process.env.BENCH_CONCURRENCY, 4);
const WARM_UP_MS = positiveInteger(process.env.BENCH_WARM_UP_SECONDS, 2) * 1000;
/** How often the load client asks GET /health/live during a run. */
const PROBE_MS = positiveInteger(process.env.BENCH_PROBE_MS, 10);
/** Items in the hostile clearance batch, and levels in the hostile nesting. */
const LIST_ITEMS = positiveInteger(process.env.BENCH_LIST_ITEMS, 200_000);
const NESTING = positiveInteger(process.env.BENCH_NESTING, 20_000);
/** Between load runs: the audit sealer catches up (untimed) and the machine gets a breath. */
const ROUND_PAUSE_MS = 250;
/** What the bare baseline answers once it has parsed a body whose list is over the batch's limit (500). */
const BATCH_LIMIT = 500;

const GOAL_STALL_MS = 50;

const BATCH_PATH = '/api/v1/clearance/batch';
const LOGIN_PATH = '/api/v1/auth/login';
const HEALTH_PATH = '/health/live';

const LIST = `POST ${BATCH_PATH}, ${LIST_ITEMS} items (marketing)`;
const DEEP = `POST ${LOGIN_PATH}, nested ${NESTING} deep (no session)`;
const VALID = `POST ${BATCH_PATH}, 1 valid check (baseline)`;
const BARE_LIST = `bare Fastify JSON.parse, ${LIST_ITEMS} items`;
const BARE_DEEP = `bare Fastify JSON.parse, nested ${NESTING} deep`;
const HOSTILE = [LIST, DEEP];

const LOAD = `${plural(CONCURRENCY, 'concurrent keep-alive client')}, ${plural(ROUNDS, 'round')} of ${ROUND_SECONDS} s`;

interface Run {
  load: LoadRun;
  /** The main thread's event-loop delay over the run, ms (monitorEventLoopDelay, 1 ms resolution). */
  loopMaxMs: number;
  loopP99Ms: number;
  loopMeanMs: number;
}

// Everything to undo when the benchmark ends, fails or is interrupted.
const liveServers = new Set<FastifyInstance>();
const scratch = new Scratch();

async function main(): Promise<void> {
  process.once('SIGINT', () => void interrupted('SIGINT'));
  process.once('SIGTERM', () => void interrupted('SIGTERM'));
  const serverVersion = await reachablePostgresVersion();
  if (serverVersion === undefined) return;
  console.log(
    `Hostile-bodies benchmark: node ${process.version}, ${platform()}-${arch()}, ${availableParallelism()} CPUs, ` +
      `PostgreSQL ${serverVersion} at ${redact(ADMIN_DATABASE_URL)}.\n`,
  );
  try {
    const databaseUrl = await scratch.database();
    const config = benchConfig(await scratch.tempDir('pcs-bench-hostile-'), databaseUrl);
    const started = await startApp(config, databaseUrl, []);
    const bodyLimit = config.http.bodyLimitBytes;
    const staff = await signInStaff(started);
    const seeded = await seedConsentedPhoto(started, staff, await jpegPhoto({ seed: 1 }));

    const listBody = `{"checks":[${Array(LIST_ITEMS).fill('{}').join(',')}]}`;
    const deepBody = '['.repeat(NESTING) + ']'.repeat(NESTING);
    const validBody = JSON.stringify({ checks: [{ photoId: seeded.photoId, channel: 'website' }] });
    for (const [name, body] of [
      [LIST, listBody],
      [DEEP, deepBody],
    ]) {
      if (Buffer.byteLength(body) >= bodyLimit) {
        throw new Error(`${name}: the body is ${Buffer.byteLength(body)} bytes, not under the limit (${bodyLimit})`);
      }
    }
    const bare = await startBareFastify(bodyLimit);
    const json = { 'content-type': 'application/json' };
    const marketing = { ...json, authorization: `Bearer ${staff.marketing}` };
    const targets: LoadTarget[] = [
      {
        name: LIST,
        label: 'list',
        port: started.port,
        method: 'POST',
        path: BATCH_PATH,
        headers: marketing,
        body: listBody,
        expectedStatus: 400,
        expectedText: '"code":"json_list_too_long"',
      },
      {
        name: DEEP,
        label: 'deep',
        port: started.port,
        method: 'POST',
        path: LOGIN_PATH,
        headers: json,
        body: deepBody,
        expectedStatus: 400,
        expectedText: '"code":"json_too_deep"',
      },
      {
        name: VALID,
        label: 'valid',
        port: started.port,
        method: 'POST',
        path: BATCH_PATH,
        headers: marketing,
        body: validBody,
        expectedStatus: 200,
        expectedText: '"allowed":true',
      },
      {
        name: BARE_LIST,
        label: 'bare list',
        port: bare,
        method: 'POST',
        path: BATCH_PATH,
        headers: json,
        body: listBody,
        expectedStatus: 400,
        expectedText: '"code":"json_list_too_long"',
      },
      {
        name: BARE_DEEP,
        label: 'bare deep',
        port: bare,
        method: 'POST',
        path: LOGIN_PATH,
        headers: json,
        body: deepBody,
        expectedStatus: 400,
        expectedText: '"code":"json_too_deep"',
      },
    ];
    await checkOnce(targets);
    console.log(
      `Bodies: the batch ${kb(listBody.length)} KB (${LIST_ITEMS} items), the nesting ${kb(deepBody.length)} KB ` +
        `(${NESTING} levels), the valid batch ${validBody.length} bytes; body limit ${kb(bodyLimit)} KB. ` +
        `${LOAD} per scenario, GET ${HEALTH_PATH} every ${PROBE_MS} ms beside them, scenarios rotated each round.`,
    );
    const runs = await rounds(targets, started);
    report(runs);
  } finally {
    await cleanUp();
  }
}

/** Each target once, answered as its load run expects; the hostile ones' answers printed. */
async function checkOnce(targets: LoadTarget[]): Promise<void> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    for (const target of targets) {
      const body = target.body === undefined ? undefined : Buffer.from(target.body);
      const headers = body ? { ...target.headers, 'content-length': body.length } : target.headers;
      const reply = await request(target.port, target.method ?? 'GET', target.path, headers, body, agent);
      if (reply.status !== target.expectedStatus || !text(reply).includes(target.expectedText ?? '')) {
        throw new Error(`${target.name} answered ${reply.status}: ${text(reply).slice(0, 300)}`);
      }
      console.log(`  ${target.label}: ${reply.status} ${text(reply).slice(0, 140)}`);
    }
  } finally {
    agent.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// The bare baseline: Fastify's own JSON parser (secure-json-parse, JSON.parse underneath) takes the
// whole body, then the route answers the same refusal the service gives.

async function startBareFastify(bodyLimit: number): Promise<number> {
  const server = fastify({ logger: false, bodyLimit });
  const refuse = (code: string) => ({ status: 400, code, detail: 'refused after parsing' });
  server.post(BATCH_PATH, (request, reply) => {
    const checks = (request.body as { checks?: unknown[] } | null)?.checks;
    if (Array.isArray(checks) && checks.length > BATCH_LIMIT) return reply.code(400).send(refuse('json_list_too_long'));
    return reply.code(200).send({ results: [] });
  });
  server.post(LOGIN_PATH, (request, reply) => {
    return reply.code(400).send(refuse(depth(request.body) > 32 ? 'json_too_deep' : 'validation_failed'));
  });
  server.get(HEALTH_PATH, (_request, reply) => reply.send({ status: 'ok' }));
  liveServers.add(server);
  await server.listen({ port: 0, host: '127.0.0.1' });
  return (server.server.address() as AddressInfo).port;
}

/** Depth of nested arrays along the first elements, without recursion. */
function depth(value: unknown): number {
  let levels = 0;
  for (let next = value; Array.isArray(next); next = (next as unknown[])[0]) levels++;
  return levels;
}

async function stopServers(): Promise<void> {
  for (const server of [...liveServers]) {
    liveServers.delete(server);
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Load

/** A warm-up per target, then ROUNDS rounds with the order of the targets rotated every round. */
async function rounds(targets: LoadTarget[], started: Started): Promise<Map<string, Run[]>> {
  const sealer = started.app.get(AuditSealer);
  for (const each of targets) await drive(each, WARM_UP_MS);
  await sealer.sealPending();
  const runs = new Map<string, Run[]>(targets.map((each) => [each.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length]);
    const line: string[] = [];
    for (const each of order) {
      const run = await drive(each, ROUND_SECONDS * 1000);
      runs.get(each.name)?.push(run);
      line.push(
        `${each.label} ${run.load.requestsPerSecond.toFixed(0)}/s, loop max ${ms(run.loopMaxMs)} ms ` +
          `p99 ${ms(run.loopP99Ms)} ms, health max ${ms(run.load.probe?.maxMs ?? NaN)} ms` +
          failureNote(run.load) +
          probeFailureNote(run.load),
      );
      // The sealer runs on its timer during a run (that cost counts); what is left is sealed here.
      await sealer.sealPending();
      await sleep(ROUND_PAUSE_MS);
    }
    console.log(`  round ${round + 1}:\n    ${line.join('\n    ')}`);
  }
  return runs;
}

/**
 * CONCURRENCY connections from the load client's thread, each sending the next body when its answer
 * is in, and the health probe beside them; the main thread's event-loop delay over the same window.
 */
async function drive(target: LoadTarget, durationMs: number): Promise<Run> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const load = await runLoad(
    { ...target, concurrency: CONCURRENCY, durationMs, probe: { path: HEALTH_PATH, intervalMs: PROBE_MS } },
    { opened: () => histogram.enable(), closed: () => histogram.disable() },
  );
  return {
    load,
    loopMaxMs: histogram.max / 1e6,
    loopP99Ms: histogram.percentile(99) / 1e6,
    loopMeanMs: histogram.mean / 1e6,
  };
}

function probeFailureNote(run: LoadRun): string {
  return run.probe?.failed ? ` (health: ${run.probe.failed} failed, first: ${run.probe.firstFailure})` : '';
}

async function cleanUp(): Promise<void> {
  await stopLoads();
  await stopServers().catch(() => undefined);
  await closeAll();
  await scratch.removeAll();
}

async function interrupted(signal: NodeJS.Signals): Promise<void> {
  console.error(`\n${signal}: closing the app and dropping the scratch database`);
  await cleanUp();
  process.exit(130);
}

// ---------------------------------------------------------------------------------------------
// Report

function report(runs: Map<string, Run[]>): void {
  const of = (name: string) => runs.get(name) ?? [];
  const range = (values: number[]) => `${ms(median(values))} (${ms(Math.min(...values))}-${ms(Math.max(...values))})`;
  console.log(`\nResults (${LOAD}; loop = the service's main thread, health = GET ${HEALTH_PATH} from the client)\n`);
  const names = [LIST, DEEP, VALID, BARE_LIST, BARE_DEEP];
  const validLoopMax = median(of(VALID).map((run) => run.loopMaxMs));
  console.log(
    table([
      [
        'scenario',
        'requests/s',
        'loop max ms: median (min-max)',
        'x valid',
        'loop p99 ms',
        'loop mean ms',
        'health max ms: median (max)',
        'health p99 ms',
        'CPU us/request: service, client',
        'failed (health)',
      ],
      ...names.map((name) => {
        const each = of(name);
        const healthMax = each.map((run) => run.load.probe?.maxMs ?? NaN);
        return [
          name,
          median(each.map((run) => run.load.requestsPerSecond)).toFixed(0),
          range(each.map((run) => run.loopMaxMs)),
          `${(median(each.map((run) => run.loopMaxMs)) / validLoopMax).toFixed(2)}x`,
          ms(median(each.map((run) => run.loopP99Ms))),
          ms(median(each.map((run) => run.loopMeanMs))),
          `${ms(median(healthMax))} (${ms(Math.max(...healthMax))})`,
          ms(median(each.map((run) => run.load.probe?.p99Ms ?? NaN))),
          `${median(each.map((run) => run.load.serviceCpuMicrosPerRequest)).toFixed(0)}, ` +
            median(each.map((run) => run.load.clientCpuMicrosPerRequest)).toFixed(0),
          `${sum(each.map((run) => run.load.failed))} (${sum(each.map((run) => run.load.probe?.failed ?? 0))})`,
        ];
      }),
    ]),
  );

  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`\nGoal: the service's longest event-loop stall while hostile bodies arrive < ${GOAL_STALL_MS} ms`);
  let allMet = true;
  for (const name of HOSTILE) {
    const maxima = of(name).map((run) => run.loopMaxMs);
    const ok = median(maxima) < GOAL_STALL_MS;
    allMet &&= ok;
    console.log(
      `  ${name}: ${ms(median(maxima))} ms (median of the rounds' max; worst round ${ms(Math.max(...maxima))} ms, ` +
        `${maxima.filter((value) => value >= GOAL_STALL_MS).length} of ${maxima.length} rounds at or over) - ${met(ok)}`,
    );
  }
  const failures = sum(HOSTILE.flatMap((name) => of(name).map((run) => run.load.failed)));
  const healthFailures = sum(HOSTILE.flatMap((name) => of(name).map((run) => run.load.probe?.failed ?? 0)));
  console.log(
    `  every hostile body answered 400 with its code (json_list_too_long, json_too_deep): ${failures} failed - ` +
      met(failures === 0),
  );
  console.log(`  GET ${HEALTH_PATH} answered 200 throughout: ${healthFailures} failed - ${met(healthFailures === 0)}`);
  console.log(`  overall: ${met(allMet && failures === 0 && healthFailures === 0)}`);
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function ms(value: number): string {
  return value.toFixed(1);
}

function kb(bytes: number): string {
  return (bytes / 1000).toFixed(0);
}

main().catch(async (error: unknown) => {
  process.stderr.write(
    `The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  await cleanUp();
  process.exit(1);
});
