import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import { arch, availableParallelism, platform } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { knownVariables } from '../src/config/config.schema.js';
import { ADMIN_DATABASE_URL, median, positiveInteger, redact, Scratch, table } from './support.js';

// Start-up benchmark: seconds from spawning `node dist/src/main.js` to the first 200 from
// /health/ready, and the service's idle memory, on a real PostgreSQL server and on the embedded one
// (empty and existing data directory), against a bare Node HTTP server measured in the same run;
// then `npm start` as a newcomer runs it (its build check included) on an empty and an existing
// data directory. Build first (npx tsc -p tsconfig.json), then: node dist/bench/startup.js.
// See bench/README.md.

const RUNS = positiveInteger(process.env.BENCH_RUNS, 5);
const POLL_INTERVAL_MS = 20;
const REQUEST_TIMEOUT_MS = 1000;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const IDLE_SETTLE_MS = 2000;

const GOALS = {
  readyRealSeconds: 3,
  readyEmbeddedExistingSeconds: 4,
  idleRssMiB: 200,
  npmStartExistingSeconds: 5,
  npmStartEmptySeconds: 8,
};

const SERVICE_MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/main.js');
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BARE_SERVER =
  "require('http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () {" +
  " console.log(JSON.stringify({ time: Date.now(), msg: 'service listening', url: 'http://127.0.0.1:' + this.address().port })); })";

/** Log messages (by prefix) whose pino timestamps mark the phases of a start. */
const PHASES = [
  { key: 'initdb', label: 'cluster created', prefix: 'created embedded PostgreSQL cluster' },
  { key: 'postgres', label: 'PG ready', prefix: 'embedded PostgreSQL ready' },
  // Nest buffers its own start-up logs and flushes them once NestFactory.create has returned.
  { key: 'nest', label: 'Nest app created', prefix: 'Starting Nest application' },
  { key: 'listening', label: 'listening', prefix: 'service listening' },
] as const;
type PhaseKey = (typeof PHASES)[number]['key'];

interface Run {
  readyMs: number;
  /** Milliseconds from spawn to each phase's log line, by the child's own clock (same host). */
  phases: Partial<Record<PhaseKey, number>>;
  serviceRssKiB: number | null;
  postgres: { rssKiB: number; pssKiB: number; processes: number } | null;
}

interface Scenario {
  name: string;
  runs: Run[];
  skipped?: string;
  notes: string[];
}

interface LaunchOptions {
  /** The program to spawn: this Node unless told otherwise. */
  command?: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  readyPath: string;
  /** Where an embedded PostgreSQL keeps its cluster, to stop one the service leaves behind. */
  dataDir?: string;
}

interface Launched {
  child: ChildProcess;
  readyMs: number;
  phases: Partial<Record<PhaseKey, number>>;
}

// Everything to undo when the benchmark ends, fails or is interrupted.
const liveChildren = new Map<ChildProcess, string | undefined>();
const scratch = new Scratch();

async function main(): Promise<void> {
  process.once('SIGINT', () => void interrupted('SIGINT'));
  process.once('SIGTERM', () => void interrupted('SIGTERM'));
  console.log(
    `Start-up benchmark: ${RUNS} runs per scenario; node ${process.version}, ${platform()}-${arch()}, ` +
      `${availableParallelism()} CPUs. Ready = spawn to first 200 (polled every ${POLL_INTERVAL_MS} ms); ` +
      `RSS read ${IDLE_SETTLE_MS / 1000} s after ready, idle.\n`,
  );
  try {
    const baseline = await measureBaseline();
    const scenarios = [
      await measureRealPostgres(),
      await measureEmbeddedEmpty(),
      await measureEmbeddedExisting(),
      await measureNpmStart('empty'),
      await measureNpmStart('existing'),
    ];
    report(baseline, scenarios);
  } finally {
    await cleanUp();
  }
}

async function measureBaseline(): Promise<Scenario> {
  const scenario: Scenario = { name: 'bare node:http server (baseline)', runs: [], notes: [] };
  const cwd = await scratch.tempDir('pcs-bench-bare-');
  for (let i = 0; i < RUNS; i++) {
    scenario.runs.push(
      await measureRun(
        { args: ['-e', BARE_SERVER], env: { ...process.env }, cwd, readyPath: '/' },
        `baseline ${i + 1}`,
      ),
    );
  }
  return scenario;
}

async function measureRealPostgres(): Promise<Scenario> {
  const scenario: Scenario = { name: '1. real PostgreSQL (DATABASE_URL)', runs: [], notes: [] };
  let databaseUrl: string;
  try {
    databaseUrl = await scratch.database();
  } catch (error) {
    scenario.skipped = `cannot create a scratch database through ${redact(ADMIN_DATABASE_URL)}: ${(error as Error).message}`;
    return scenario;
  }
  const dataDir = await scratch.tempDir('pcs-bench-real-');
  const options = { ...serviceLaunch(dataDir), env: serviceEnv(dataDir, databaseUrl) };
  // The first start on the new database applies the migrations; the measured starts find it migrated.
  const first = await measureRun(options, 'real PostgreSQL, first start (migrations)');
  scenario.notes.push(`first start on the new database (applies migrations, not counted): ${seconds(first.readyMs)} s`);
  for (let i = 0; i < RUNS; i++) scenario.runs.push(await measureRun(options, `real PostgreSQL ${i + 1}`));
  return scenario;
}

async function measureEmbeddedEmpty(): Promise<Scenario> {
  const scenario: Scenario = { name: '2. embedded PG, empty data dir (initdb)', runs: [], notes: [] };
  for (let i = 0; i < RUNS; i++) {
    const dataDir = await scratch.tempDir('pcs-bench-empty-');
    scenario.runs.push(await measureRun(serviceLaunch(dataDir), `embedded, empty ${i + 1}`));
    await scratch.removeDir(dataDir);
  }
  return scenario;
}

async function measureEmbeddedExisting(): Promise<Scenario> {
  const scenario: Scenario = { name: '3. embedded PG, existing data dir', runs: [], notes: [] };
  const dataDir = await scratch.tempDir('pcs-bench-existing-');
  const first = await measureRun(serviceLaunch(dataDir), 'embedded, preparing the data dir');
  scenario.notes.push(`preparing start (initdb + migrations, not counted): ${seconds(first.readyMs)} s`);
  for (let i = 0; i < RUNS; i++)
    scenario.runs.push(await measureRun(serviceLaunch(dataDir), `embedded, existing ${i + 1}`));
  return scenario;
}

/**
 * `npm start` in the project, as the README's quick start has a newcomer run it: npm, the build
 * check (`tsc -b`, nothing to rebuild after `npm install`), then the service in development mode on
 * the embedded database. Only DATA_DIR is set (a `.env` in the project would also apply). Its
 * memory is not read: the spawned process is npm, not the service.
 */
async function measureNpmStart(dataDirectory: 'empty' | 'existing'): Promise<Scenario> {
  const scenario: Scenario = {
    name: `${dataDirectory === 'empty' ? '4' : '5'}. npm start, ${dataDirectory} data dir`,
    runs: [],
    notes: [],
  };
  const launchIn = (dataDir: string): LaunchOptions => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of knownVariables) delete env[name];
    return {
      command: 'npm',
      args: ['start', '--silent'],
      env: { ...env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir },
      cwd: PROJECT_ROOT,
      readyPath: '/health/ready',
      dataDir,
    };
  };
  let existing: string | undefined;
  if (dataDirectory === 'existing') {
    existing = await scratch.tempDir('pcs-bench-npm-existing-');
    const first = await measureRun(launchIn(existing), 'npm start, preparing the data dir');
    scenario.notes.push(`preparing start (initdb + migrations, not counted): ${seconds(first.readyMs)} s`);
  }
  for (let i = 0; i < RUNS; i++) {
    const dataDir = existing ?? (await scratch.tempDir('pcs-bench-npm-empty-'));
    scenario.runs.push(await measureRun(launchIn(dataDir), `npm start, ${dataDirectory} ${i + 1}`));
    if (!existing) await scratch.removeDir(dataDir);
  }
  return scenario;
}

function serviceLaunch(dataDir: string): LaunchOptions {
  return { args: [SERVICE_MAIN], env: serviceEnv(dataDir), cwd: dataDir, readyPath: '/health/ready', dataDir };
}

/** The service's settings only from here: none inherited from the shell, and no `.env` in the cwd. */
function serviceEnv(dataDir: string, databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of knownVariables) delete env[name];
  return {
    ...env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

/** One start: time to ready, idle memory after a short settle, then a clean stop. */
async function measureRun(options: LaunchOptions, label: string): Promise<Run> {
  const launched = await launch(options, label);
  try {
    await sleep(IDLE_SETTLE_MS);
    const pid = launched.child.pid;
    const run: Run = {
      readyMs: launched.readyMs,
      phases: launched.phases,
      serviceRssKiB: pid && !options.command ? await statusKiB(pid, 'VmRSS') : null,
      postgres: options.dataDir && pid ? await postgresMemory(pid) : null,
    };
    console.log(
      `  ${label}: ready in ${seconds(run.readyMs)} s, RSS ${mib(run.serviceRssKiB)} MiB` +
        (run.postgres ? `, PostgreSQL RSS ${mib(run.postgres.rssKiB)} MiB in ${run.postgres.processes} processes` : ''),
    );
    return run;
  } finally {
    await stop(launched.child);
  }
}

/** Spawns the process and waits (bounded) for its listening line and then a 200 on the ready path. */
async function launch(options: LaunchOptions, label: string): Promise<Launched> {
  const spawnedAt = Date.now();
  const started = performance.now();
  const child = spawn(options.command ?? process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // npm runs the service under a shell: the whole group is stopped, as Ctrl-C in a terminal would.
    detached: options.command !== undefined,
  });
  liveChildren.set(child, options.dataDir);

  const output: string[] = [];
  const phases: Partial<Record<PhaseKey, number>> = {};
  let url: string | undefined;
  let exited: string | undefined;
  const remember = (line: string) => {
    output.push(line);
    if (output.length > 30) output.shift();
  };
  createInterface({ input: child.stdout }).on('line', (line) => {
    remember(line);
    const entry = parseLogLine(line);
    if (!entry) return;
    for (const phase of PHASES) {
      if (phases[phase.key] === undefined && entry.msg.startsWith(phase.prefix))
        phases[phase.key] = entry.time - spawnedAt;
    }
    if (entry.msg === 'service listening' && entry.url) url = entry.url;
  });
  createInterface({ input: child.stderr }).on('line', remember);
  child.once('exit', (code, signal) => (exited = `exited (code ${code}, signal ${signal})`));
  child.once('error', (error) => (exited = `could not be started: ${error.message}`));

  try {
    const deadline = started + START_TIMEOUT_MS;
    for (;;) {
      if (exited) throw new Error(`${label}: the process ${exited} before it was ready`);
      if (performance.now() > deadline) throw new Error(`${label}: not ready within ${START_TIMEOUT_MS / 1000} s`);
      if (url && (await httpStatus(url + options.readyPath)) === 200) {
        return { child, readyMs: performance.now() - started, phases };
      }
      await sleep(POLL_INTERVAL_MS);
    }
  } catch (error) {
    await stop(child);
    throw new Error(`${(error as Error).message}\n--- last output ---\n${output.join('\n')}`, { cause: error });
  }
}

/** SIGTERM and wait for exit; SIGKILL after a bound, and then stop an embedded server left behind. */
async function stop(child: ChildProcess): Promise<void> {
  const dataDir = liveChildren.get(child);
  liveChildren.delete(child);
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    // npm may end before the service it ran has stopped its database: wait for the whole group.
    const group = child.spawnargs[0] === process.execPath ? undefined : child.pid;
    if (group) signal(-group, 'SIGTERM');
    else child.kill('SIGTERM');
    const stopped = await Promise.race([
      exited.then(() => (group ? groupEnded(group) : true)),
      sleep(STOP_TIMEOUT_MS, false, { ref: false }),
    ]);
    if (!stopped) {
      console.error(`  pid ${child.pid} did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it`);
      if (group) signal(-group, 'SIGKILL');
      else child.kill('SIGKILL');
      await exited;
    }
  }
  if (dataDir) await stopOrphanedPostgres(dataDir);
}

/** A clean service stop also stops its PostgreSQL, which removes postmaster.pid; this is the fallback. */
async function stopOrphanedPostgres(dataDir: string): Promise<void> {
  let pid: number;
  try {
    pid = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n', 1)[0]);
  } catch {
    return;
  }
  const isPostgres = async () => (await readText(`/proc/${pid}/comm`))?.trim() === 'postgres';
  if (!Number.isSafeInteger(pid) || pid <= 0 || !(await isPostgres())) return;
  console.error(`  stopping embedded PostgreSQL (pid ${pid}) left running in ${dataDir}`);
  signal(pid, 'SIGQUIT');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (await isPostgres()) {
    if (Date.now() > deadline) {
      signal(pid, 'SIGKILL');
      return;
    }
    await sleep(50);
  }
}

/** Once no process of the group is left (polled). */
async function groupEnded(group: number): Promise<true> {
  for (;;) {
    try {
      process.kill(-group, 0);
    } catch {
      return true;
    }
    await sleep(50);
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** The status of a GET, or null when it fails or times out; never keeps a connection open. */
function httpStatus(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      resolve(response.statusCode ?? null);
      response.resume();
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(null));
  });
}

interface LogEntry {
  time: number;
  msg: string;
  url?: string;
}

function parseLogLine(line: string): LogEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { time, msg, url } = value as Record<string, unknown>;
  if (typeof time !== 'number' || typeof msg !== 'string') return null;
  return { time, msg, url: typeof url === 'string' ? url : undefined };
}

/** A `kB` field of /proc/<pid>/status or smaps_rollup, or null when the process is gone. */
async function statusKiB(pid: number, field: string, file = 'status'): Promise<number | null> {
  const text = await readText(`/proc/${pid}/${file}`);
  const match = text?.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : null;
}

/**
 * The embedded server: the service's `postgres` child and all of its processes. RSS counts the
 * shared buffers once per process that touched them; PSS shares them out and adds up honestly.
 */
async function postgresMemory(servicePid: number): Promise<Run['postgres']> {
  const pids = (await descendants(servicePid)).filter((pid) => pid.comm === 'postgres').map((pid) => pid.pid);
  if (pids.length === 0) return null;
  let rssKiB = 0;
  let pssKiB = 0;
  for (const pid of pids) {
    rssKiB += (await statusKiB(pid, 'VmRSS')) ?? 0;
    pssKiB += (await statusKiB(pid, 'Pss', 'smaps_rollup')) ?? 0;
  }
  return { rssKiB, pssKiB, processes: pids.length };
}

async function descendants(root: number): Promise<{ pid: number; comm: string }[]> {
  const processes: { pid: number; ppid: number; comm: string }[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readText(`/proc/${name}/stat`);
    if (!stat) continue;
    // "pid (comm) state ppid ...": comm may itself contain spaces and parentheses.
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    processes.push({ pid: Number(name), ppid, comm: stat.slice(open + 1, close) });
  }
  const found: { pid: number; comm: string }[] = [];
  const parents = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const entry of processes) {
      if (parents.has(entry.ppid) && !parents.has(entry.pid)) {
        parents.add(entry.pid);
        found.push({ pid: entry.pid, comm: entry.comm });
        grew = true;
      }
    }
  }
  return found;
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

async function cleanUp(): Promise<void> {
  await Promise.all([...liveChildren.keys()].map((child) => stop(child).catch(() => undefined)));
  await scratch.removeAll();
}

async function interrupted(signal: NodeJS.Signals): Promise<void> {
  console.error(`\n${signal}: stopping the processes and removing the temporary data`);
  await cleanUp();
  process.exit(130);
}

function report(baseline: Scenario, scenarios: Scenario[]): void {
  const baselineMs = median(baseline.runs.map((run) => run.readyMs));
  const rows: string[][] = [
    [
      'scenario',
      'ready s: median (min-max)',
      'x bare',
      'service RSS MiB: median (min-max)',
      'PostgreSQL RSS / PSS MiB',
    ],
  ];
  for (const scenario of [baseline, ...scenarios]) {
    if (scenario.skipped) {
      rows.push([scenario.name, 'skipped (see the notes)', '', '', '']);
      scenario.notes.push(`skipped: ${scenario.skipped}`);
      continue;
    }
    const ready = scenario.runs.map((run) => run.readyMs);
    const rss = scenario.runs.flatMap((run) => (run.serviceRssKiB === null ? [] : [run.serviceRssKiB]));
    const pgRss = scenario.runs.flatMap((run) => (run.postgres ? [run.postgres.rssKiB] : []));
    const pgPss = scenario.runs.flatMap((run) => (run.postgres ? [run.postgres.pssKiB] : []));
    rows.push([
      scenario.name,
      `${seconds(median(ready))} (${seconds(Math.min(...ready))}-${seconds(Math.max(...ready))})`,
      `${(median(ready) / baselineMs).toFixed(1)}x`,
      rss.length ? `${mib(median(rss))} (${mib(Math.min(...rss))}-${mib(Math.max(...rss))})` : '-',
      pgRss.length ? `${mib(median(pgRss))} / ${mib(median(pgPss))}` : '-',
    ]);
  }
  console.log(`\nResults (${RUNS} runs each; bare baseline median ${seconds(baselineMs)} s)\n`);
  console.log(table(rows));

  const phaseRows: string[][] = [['scenario', ...PHASES.map((phase) => phase.label), 'ready (200)']];
  for (const scenario of scenarios) {
    if (scenario.skipped) continue;
    phaseRows.push([
      scenario.name,
      ...PHASES.map((phase) => {
        const values = scenario.runs.flatMap((run) =>
          run.phases[phase.key] === undefined ? [] : [run.phases[phase.key] ?? 0],
        );
        return values.length ? seconds(median(values)) : '-';
      }),
      seconds(median(scenario.runs.map((run) => run.readyMs))),
    ]);
  }
  console.log('\nPhases: median seconds from spawn to each log line (pino timestamps)\n');
  console.log(table(phaseRows));

  const notes = scenarios.flatMap((scenario) => scenario.notes.map((note) => `  ${scenario.name}: ${note}`));
  if (notes.length) console.log(`\nNotes\n${notes.join('\n')}`);

  const [real, , existing, npmEmpty, npmExisting] = scenarios;
  const readyMedian = (scenario: Scenario | undefined) =>
    scenario && !scenario.skipped ? median(scenario.runs.map((run) => run.readyMs)) : null;
  const worstRss = Math.max(
    ...scenarios.flatMap((scenario) =>
      scenario.runs.flatMap((run) => (run.serviceRssKiB === null ? [] : [run.serviceRssKiB])),
    ),
  );
  console.log('\nGoals (medians)');
  console.log(
    goal(
      `ready <= ${GOALS.readyRealSeconds} s on real PostgreSQL`,
      readyMedian(real),
      GOALS.readyRealSeconds * 1000,
      's',
    ),
  );
  console.log(
    goal(
      `ready <= ${GOALS.readyEmbeddedExistingSeconds} s embedded, existing data`,
      readyMedian(existing),
      GOALS.readyEmbeddedExistingSeconds * 1000,
      's',
    ),
  );
  console.log(
    goal(
      `npm start ready <= ${GOALS.npmStartExistingSeconds} s, existing data`,
      readyMedian(npmExisting),
      GOALS.npmStartExistingSeconds * 1000,
      's',
    ),
  );
  console.log(
    goal(
      `npm start ready <= ${GOALS.npmStartEmptySeconds} s, empty data dir`,
      readyMedian(npmEmpty),
      GOALS.npmStartEmptySeconds * 1000,
      's',
    ),
  );
  console.log(
    goal(
      `idle service RSS <= ${GOALS.idleRssMiB} MiB (highest run)`,
      Number.isFinite(worstRss) ? worstRss : null,
      GOALS.idleRssMiB * 1024,
      'MiB',
    ),
  );
}

function goal(label: string, value: number | null, limit: number, unit: 's' | 'MiB'): string {
  if (value === null) return `  ${label}: not measured`;
  const shown = unit === 's' ? `${seconds(value)} s` : `${mib(value)} MiB`;
  return `  ${label}: ${shown} - ${value <= limit ? 'met' : 'NOT met'}`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function mib(kib: number | null): string {
  return kib === null ? '?' : (kib / 1024).toFixed(1);
}

main().catch(async (error: unknown) => {
  process.stderr.write(
    `The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  await cleanUp();
  process.exit(1);
});
