import assert from 'node:assert/strict';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate, MIGRATIONS_TABLE } from '../src/database/data-source.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const FIXTURE_MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'migrations', '*.js');

function instance(url: string): DataSource {
  return new DataSource({ ...dataSourceOptions(url, 2), migrations: [FIXTURE_MIGRATIONS] });
}

describe('migrations at start-up', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it('apply once when several instances start together, and not again on the next start', async () => {
    const instances = [instance(database.url), instance(database.url), instance(database.url)];
    await Promise.all(instances.map((dataSource) => dataSource.initialize()));
    try {
      const applied = await Promise.all(instances.map((dataSource) => migrate(dataSource)));
      assert.deepEqual(applied.flat(), ['CreateMigrationProbe1700000000000']);
      const rows = await database.query(`SELECT name FROM ${MIGRATIONS_TABLE} WHERE name = $1`, [
        'CreateMigrationProbe1700000000000',
      ]);
      assert.equal(rows.length, 1);
      assert.deepEqual(await migrate(instances[0]), []);
      await database.query('INSERT INTO migration_probe DEFAULT VALUES');
    } finally {
      await Promise.all(instances.map((dataSource) => dataSource.destroy()));
    }
  });
});
