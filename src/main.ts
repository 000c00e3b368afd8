import 'reflect-metadata';
import { pino } from 'pino';
import { createApp } from './app.js';
import { endProcess } from './config/command.js';
import { logTransport, redactLogObject } from './common/logging.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { EmbeddedPostgres } from './database/embedded-postgres.js';
import { ShutdownState } from './health/shutdown-state.js';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
    endProcess(78); // EX_CONFIG
    return;
  }
  const log = pino({
    level: config.log.level,
    formatters: { log: redactLogObject },
    transport: logTransport(config.env),
  });

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.database.url;
  let migrationUrl = config.database.migrationUrl;
  if (!databaseUrl) {
    embedded = new EmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.database.embeddedPort,
      log: (message) => log.info(message),
    });
    ({ url: databaseUrl, migrationUrl } = await embedded.start());
  }

  const app = await createApp(config, databaseUrl, migrationUrl).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  try {
    await app.listen({ port: config.http.port, host: config.http.host });
  } catch (error) {
    // E.g. the port is taken: close what started, so that the process can end.
    await app.close().finally(() => embedded?.stop());
    throw error;
  }
  log.info({ url: await app.getUrl(), database: embedded ? 'embedded' : 'external' }, 'service listening');
  if (config.env === 'production' && config.http.trustProxy === false) {
    log.warn(
      { mediaRateLimitPerMinute: config.media.rateLimitPerMinute },
      'TRUST_PROXY is unset: behind a proxy or load balancer every visitor has its address, so all of them ' +
        'share one public-media rate limit (counted by each instance on its own). Set TRUST_PROXY to the balancer.',
    );
  }

  const warnLeftOpen = () => log.warn('still open after shutdown: exiting anyway');
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests');
    app.get(ShutdownState).beginDraining();
    const forced = setTimeout(() => {
      log.error({ graceMs: config.http.shutdownGraceMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, config.http.shutdownGraceMs + 30_000);
    forced.unref();
    try {
      await app.close();
    } finally {
      await embedded?.stop();
    }
    clearTimeout(forced);
    log.info('stopped');
    endProcess(0, warnLeftOpen);
  };
  const stopOn = (signal: NodeJS.Signals) =>
    void stop(signal).catch((error: unknown) => {
      log.error({ err: error }, 'shutdown failed');
      endProcess(1, warnLeftOpen);
    });
  process.once('SIGTERM', stopOn);
  process.once('SIGINT', stopOn);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The service failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  endProcess(1, () => process.stderr.write('Still open after the failed start: exiting anyway.\n'));
});
