import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
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
