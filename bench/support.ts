import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

// What the benchmarks share: their knobs, scratch databases and directories, and the report helpers.

/** A PostgreSQL server the benchmarks may create and drop databases on (trust auth by default). */
export const ADMIN_DATABASE_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isSafeInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Temporary directories and databases a benchmark makes, all removed by `removeAll`, also on failure. */
export class Scratch {
  private readonly dirs = new Set<string>();
  private readonly databases = new Set<string>();

  async tempDir(prefix: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), prefix));
    this.dirs.add(dir);
    // Embedded PostgreSQL runs as the `postgres` user when the benchmark runs as root; it must enter.
    await chmod(dir, 0o755);
    return dir;
  }

  async removeDir(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
    this.dirs.delete(dir);
  }

  /** A new empty database `pcs_bench_<random>`; returns its URL. */
  async database(): Promise<string> {
    const name = `pcs_bench_${randomBytes(6).toString('hex')}`;
    await withAdminClient((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
    this.databases.add(name);
    const url = new URL(ADMIN_DATABASE_URL);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async removeAll(): Promise<void> {
    for (const dir of this.dirs) await rm(dir, { recursive: true, force: true });
    this.dirs.clear();
    for (const name of this.databases) {
      await withAdminClient((client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
      ).catch((error: unknown) =>
        console.error(`could not drop the scratch database ${name}: ${(error as Error).message}`),
      );
    }
    this.databases.clear();
  }
}

/** A plain-text table with a rule under the header row. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row, index) => {
      const line = row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd();
      return index === 0 ? `${line}\n${widths.map((width) => '-'.repeat(width)).join('  ')}` : line;
    })
    .join('\n');
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** A database URL fit to print. */
export function redact(url: string): string {
  const copy = new URL(url);
  if (copy.password) copy.password = '***';
  return copy.toString();
}

/**
 * The admin server's PostgreSQL version, or undefined (with the reason printed and a failing exit
 * status set) when it cannot be reached.
 */
export async function reachablePostgresVersion(): Promise<string | undefined> {
  try {
    return await withAdminClient(
      async (client) =>
        (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]?.v ?? '?',
    );
  } catch (error) {
    console.error(
      `PostgreSQL is not reachable at ${redact(ADMIN_DATABASE_URL)}: ${(error as Error).message}\n` +
        'Start it, or set BENCH_PG_URL to a server where this user may create and drop databases.',
    );
    process.exitCode = 1;
    return undefined;
  }
}

/** USER_HZ, the unit of the CPU times in /proc/<pid>/stat: 100 on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface ProcessCpu {
  pid: number;
  parentPid: number;
  name: string;
  /** User and system CPU time, in clock ticks. */
  ticks: number;
}

/** Every process this host lets us see (Linux /proc), with its CPU time; null without /proc. */
export async function processCpu(): Promise<ProcessCpu[] | null> {
  let names: string[];
  try {
    names = await readdir('/proc');
  } catch {
    return null;
  }
  const processes: ProcessCpu[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = await readFile(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // "pid (comm) state ppid ...": utime and stime are the 14th and 15th fields.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    processes.push({
      pid: Number(name),
      parentPid: Number(fields[1]),
      name: stat.slice(stat.indexOf('(') + 1, close),
      ticks: Number(fields[11]) + Number(fields[12]),
    });
  }
  return processes;
}

/**
 * CPU time, in clock ticks, of each process named `postgres` on this host (the server and its
 * backends), by pid; null when there are none to see (another host, another OS).
 */
export async function postgresCpuTicks(): Promise<Map<number, number> | null> {
  const postgres = (await processCpu())?.filter((each) => each.name === 'postgres') ?? [];
  return postgres.length ? new Map(postgres.map((each) => [each.pid, each.ticks])) : null;
}

/**
 * Microseconds of PostgreSQL CPU between two readings: what each process still there at the end
 * used since the first (all of it, for one started since). An idle pool connection that closes in
 * between takes nothing with it; a backend that both starts and exits in between is missed.
 */
export function postgresCpuBetween(start: Map<number, number> | null, end: Map<number, number> | null): number | null {
  if (!start || !end) return null;
  let ticks = 0;
  for (const [pid, used] of end) ticks += Math.max(0, used - (start.get(pid) ?? 0));
  return ticks * (1_000_000 / CLOCK_TICKS_PER_SECOND);
}

/** Nearest rank: the smallest value with at least `fraction` of the values at or below it. */
export function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
}

/** Deterministic noise (xorshift32) of ±grain/2 on every channel, in place. */
export function withGrain(pixels: Buffer, grain: number, seed: number): Buffer {
  let state = (0x9e3779b9 ^ seed) | 0;
  for (let i = 0; i < pixels.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const value = (pixels[i] ?? 0) + (((state & 0xff) * grain) >> 8) - (grain >> 1);
    pixels[i] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  return pixels;
}
