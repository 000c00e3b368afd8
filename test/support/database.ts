import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TEMPLATE_DATABASE_URL, testEnv } from './test-env.js';

export interface TestDatabase {
  url: string;
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
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    url,
    query: async <Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
      (await pool.query<Row>(sql, params)).rows,
    drop: async () => {
      await pool.end();
      await withClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
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
