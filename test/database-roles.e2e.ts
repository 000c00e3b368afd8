import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { createPatient } from './support/records.js';
import { createSignedIn } from './support/staff.js';
import { TEST_SERVING_ROLE } from './support/test-env.js';

/** The SQLSTATE a statement fails with as `client`'s role, or null when it succeeds (and is rolled back). */
async function failureOf(client: pg.Client, sql: string): Promise<string | null> {
  await client.query('BEGIN');
  try {
    await client.query(sql);
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'unknown';
  } finally {
    await client.query('ROLLBACK');
  }
}

const INSUFFICIENT_PRIVILEGE = '42501';

describe('database roles: the service serves requests as a role that cannot touch the audit trail', () => {
  let t: TestApp;
  let serving: pg.Client;
  beforeAll(async () => {
    t = await startTestApp();
    serving = new pg.Client({ connectionString: t.database.servingUrl });
    await serving.connect();
  });
  afterAll(async () => {
    await serving.end();
    await t.close();
  });

  it('serves requests as the serving role, not the owner', async () => {
    const [row] = await t.app.get(DataSource).query<{ role: string }[]>('SELECT current_user AS role');
    assert.equal(row?.role, TEST_SERVING_ROLE);
    // and it works as that role: a patient is recorded, and its audit event with it.
    const frontDesk = await createSignedIn(t, 'front_desk');
    await createPatient(t, frontDesk);
  });

  it('refuses the serving role to disable the audit triggers, truncate, alter or rewrite the audit tables', async () => {
    for (const sql of [
      'ALTER TABLE audit_events DISABLE TRIGGER ALL',
      'ALTER TABLE audit_events DISABLE TRIGGER USER',
      'ALTER TABLE audit_seals DISABLE TRIGGER ALL',
      'TRUNCATE audit_events CASCADE',
      'TRUNCATE audit_seals',
      'ALTER TABLE audit_events ADD COLUMN forged text',
      'DROP TABLE audit_seals',
      "UPDATE audit_events SET action = 'forged'",
      'DELETE FROM audit_seals',
      'TRUNCATE patients CASCADE',
      'SELECT * FROM schema_migrations',
    ]) {
      assert.equal(await failureOf(serving, sql), INSUFFICIENT_PRIVILEGE, sql);
    }
    assert.ok(Number((await serving.query('SELECT count(*) AS n FROM audit_events')).rows[0]?.n) > 0);
  });

  it('still lets the owner do all of that, so migrations can', async () => {
    const owner = new pg.Client({ connectionString: t.database.url });
    await owner.connect();
    try {
      assert.equal(await failureOf(owner, 'ALTER TABLE audit_events DISABLE TRIGGER USER'), null);
    } finally {
      await owner.end();
    }
  });
});
