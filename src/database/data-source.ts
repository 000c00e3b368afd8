import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';

const compiledSrcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const MIGRATIONS_DIR = path.resolve(compiledSrcDir, '..', 'migrations');
export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * Options shared by the service and the migration CLI. The schema comes only from the reviewed
 * migrations in `migrations/`; TypeORM never synchronizes it.
 */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    applicationName: 'photo-consent-service',
    entities: [path.join(compiledSrcDir, '**', '*.entity.js')],
    migrations: [path.join(MIGRATIONS_DIR, '*.js')],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install, none created at connect.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize },
  };
}

// Any fixed 64-bit number; every instance uses the same one so that only one migrates at a time.
const MIGRATION_LOCK_KEY = 7_420_113_561;

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so instances starting
 * together neither race nor apply a migration twice, then `afterMigrations` (the serving role's
 * grants) under the same lock. Returns the names applied.
 */
export async function migrate(
  dataSource: DataSource,
  afterMigrations?: (manager: EntityManager) => Promise<void>,
): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    // Under the same lock: instances starting together would otherwise race on the same grants.
    if (afterMigrations) await dataSource.transaction(afterMigrations);
    return applied.map((migration) => migration.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}
