import { loadConfig, type AppConfig } from '../src/config/app-config.js';

// The benchmarks' settings for the service, apart from the service itself so that a benchmark's
// worker thread can build the same configuration without loading the application.

/** The service's settings only from here: nothing from the shell's environment or a `.env` file. */
export function benchConfig(dataDir: string, databaseUrl: string, extra: Record<string, string> = {}): AppConfig {
  return loadConfig(
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      // Staff sign in with a password alone.
      TOTP_REQUIRED_ROLES: 'none',
      // All the load comes from 127.0.0.1: the per-address limit (600 a minute) must not step in.
      MEDIA_RATE_LIMIT_PER_MINUTE: '1000000',
      ...extra,
    },
    null,
  );
}
