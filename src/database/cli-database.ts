import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { roleOf } from './serving-role.js';

/**
 * The database a command-line tool works on, as the service would pick it: DATABASE_URL, or the
 * embedded server under DATA_DIR (started for the command and stopped by `close`). Tools work as
 * the schema's owner (DATABASE_MIGRATION_URL when set); `servingRole` is the role the service
 * serves requests as, when it is another one, to be granted what a migration adds.
 */
export async function openCliDatabase(
  config: AppConfig,
): Promise<{ dataSource: DataSource; servingRole?: string; close: () => Promise<void> }> {
  const embedded = config.database.url
    ? undefined
    : new EmbeddedPostgres({ dataDir: config.dataDir, log: (line) => process.stderr.write(`${line}\n`) });
  const urls = config.database.url
    ? { url: config.database.url, migrationUrl: config.database.migrationUrl ?? config.database.url }
    : await (embedded as EmbeddedPostgres).start();
  const servingRole = roleOf(urls.url) === roleOf(urls.migrationUrl) ? undefined : roleOf(urls.url);
  const dataSource = new DataSource(dataSourceOptions(urls.migrationUrl, 2));
  return {
    dataSource,
    servingRole,
    close: async () => {
      await dataSource.destroy().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
