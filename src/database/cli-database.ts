import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

/**
 * The database a command-line tool works on, as the service would pick it: DATABASE_URL, or the
 * embedded server under DATA_DIR (started for the command and stopped by `close`).
 */
export async function openCliDatabase(
  config: AppConfig,
): Promise<{ dataSource: DataSource; close: () => Promise<void> }> {
  const embedded = config.database.url
    ? undefined
    : new EmbeddedPostgres({ dataDir: config.dataDir, log: (line) => process.stderr.write(`${line}\n`) });
  const url = config.database.url ?? (await (embedded as EmbeddedPostgres).start());
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
