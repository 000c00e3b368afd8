import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { SERVING_ROLE_PASSWORD, TEMPLATE_DATABASE_URL, TEST_SERVING_ROLE, testEnv } from './test-env.js';

export interface TestDatabase {
  /** As the owner (the server's superuser): for migrations and for the test's own reads and locks. */
  url: string;
  /** As the role the service serves requests as. */
  servingUrl: string;
  query<Row extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file, cloned from the migrated template, so files can run in
 * parallel and nothing one file writes is seen by another.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const templateUrl = new URL(testEnv(TEMPLATE_DATABASE_URL));
  const template = decodeURIComponent(templateUrl.pathname.slice(1));
  const name = `pcs_test_${randomBytes(6).toString('hex')}`;
  const adminUrl = withDatabase(templateUrl, 'postgres');
  await withClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`),
  );
  const url = withDatabase(templateUrl, name);
  const servingUrl = asServingRole(url, testEnv(SERVING_ROLE_PASSWORD));
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    url,
    servingUrl,
    query: async <Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
      (await pool.query<Row>(sql, params)).rows,
    drop: async () => {
      await pool.end();
      await dropDatabase(adminUrl, name);
    },
  };
}

/** The same database as the role the services under test serve requests as. */
export function asServingRole(url: string, password: string): string {
  const serving = new URL(url);
  serving.username = TEST_SERVING_ROLE;
  serving.password = password;
  return serving.href;
}

/**
 * Until `count` sessions of the database wait for a lock, counting only statements that start with
 * `statement` if given: how a test knows that the service's transaction is queued behind the lock
 * the test holds. Fails after 10 s.
 */
export async function waitForLockWaiters(database: TestDatabase, count = 1, statement = ''): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [{ waiting }] = await database.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND starts_with(query, $1)`,
      [statement],
    );
    if (waiting >= count) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} statements to wait for a lock`);
    await sleep(10);
  }
}

/**
 * Drops without FORCE first: a session that is still closing (a pool that has just ended) gets a
 * moment to go, instead of being terminated under a client that would report it as an error.
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const deadline = Date.now() + 5000;
  await withClient(adminUrl, async (client) => {
    const identifier = client.escapeIdentifier(name);
    for (;;) {
      try {
        await client.query(`DROP DATABASE IF EXISTS ${identifier}`);
        return;
      } catch (error) {
        // 55006: object_in_use, another session is still connected
        if ((error as { code?: string }).code !== '55006') throw error;
        if (Date.now() > deadline) {
          await client.query(`DROP DATABASE IF EXISTS ${identifier} WITH (FORCE)`);
          return;
        }
        await sleep(50);
      }
    }
  });
}

function withDatabase(url: URL, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${encodeURIComponent(database)}`;
  return copy.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
