import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import type { Role } from '../common/roles.js';
import type { Cidr } from '../common/networks.js';
import { configSchema, secretVariables, type ParsedEnv } from './config.schema.js';

export type StorageConfig =
  | { driver: 'local'; rootDir: string; signingSecret?: string }
  | {
      driver: 's3';
      endpoint?: string;
      region: string;
      bucket: string;
      credentials?: { accessKeyId: string; secretAccessKey: string };
      forcePathStyle: boolean;
      checksumMode: 'when_supported' | 'when_required';
      serverSideEncryption: 'AES256' | 'aws:kms' | 'none';
      kmsKeyId?: string;
      partSizeBytes: number;
    };

/**
 * The service's settings, validated once at boot. Inject this class; nothing outside src/config
 * reads process.env.
 */
export class AppConfig {
  readonly env: ParsedEnv['NODE_ENV'];
  readonly http: {
    host: string;
    port: number;
    publicBaseUrl: string;
    trustProxy: boolean | number | string[];
    bodyLimitBytes: number;
    /** Multipart uploads handled at once (each holds its file in memory until answered), and waiting. */
    uploads: { maxInProgress: number; maxQueued: number };
    shutdownGraceMs: number;
  };
  readonly log: { level: ParsedEnv['LOG_LEVEL'] };
  readonly dataDir: string;
  readonly database: { url?: string; migrationUrl?: string; poolSize: number; embeddedPort?: number };
  readonly storage: StorageConfig;
  readonly presignTtlSeconds: number;
  readonly auth: {
    bootstrapAdmin?: { email: string; password: string };
    sessionIdleTimeoutMs: number;
    sessionMaxLifetimeMs: number;
    totpRequiredRoles: ReadonlySet<Role>;
    totpIssuer: string;
    loginThrottle: { windowMs: number; maxFailuresPerAccount: number; maxFailuresPerIp: number };
    passwordHash: { memoryKib: number; iterations: number };
  };
  readonly audit: { sealIntervalMs: number };
  readonly photos: { maxBytes: number; maxPixels: number };
  readonly releases: { documentMaxBytes: number };
  /** How often stored objects that no row references are looked for (and removed after a day). */
  readonly orphanSweepIntervalMs: number;
  /** The public media URLs (/m/{token}). */
  readonly media: { cacheMaxBytes: number; rateLimitPerMinute: number };
  /** Days from a revocation's receipt by which its publications must be down. */
  readonly removalDeadlineDays: number;
  /** Where the clinic is: the calendar day of an instant (a patient's age on a signing date) is counted there. */
  readonly clinicTimeZone: string;
  /** When owners are reminded (days before the deadline, largest first) and the privacy officer alerted. */
  readonly removalTimers: { reminderDaysBefore: readonly number[]; escalationDaysBefore: number };
  /** Durable jobs (pg-boss, same database): whether this instance works them, and how often it polls. */
  readonly jobs: { workers: boolean; pollIntervalSeconds: number };
  /** Mail goes over SMTP when a URL is set; otherwise it stays in the outbox table for an admin to read. */
  readonly mail: { smtpUrl?: string; from: string };
  /** The clinic's key for sealing signed documents: a PKCS#12 file; unset only outside production. */
  readonly sealing: { certificateFile?: string; passphrase?: string };
  /** How long a mailed signing link works, and where it opens. */
  readonly signing: { linkLifetimeMs: number; linkUrl: string };
  /**
   * The service's own check that a publication came down: private networks it may reach (none by
   * default), how long it waits and how much it reads per response.
   */
  /**
   * The patient portal: the page a mailed sign-in link opens (the token follows in the fragment, so
   * it never reaches a server log), and how long the link and the session it starts last.
   */
  readonly portal: { linkUrl: string; linkLifetimeMs: number; sessionLifetimeMs: number };
  readonly urlCheck: { allowedNetworks: readonly Cidr[]; timeoutMs: number; maxBytes: number };

  constructor(env: ParsedEnv) {
    this.env = env.NODE_ENV;
    this.http = {
      host: env.HOST,
      port: env.PORT,
      publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      uploads: { maxInProgress: env.UPLOADS_MAX_IN_PROGRESS, maxQueued: env.UPLOADS_MAX_QUEUED },
      shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    };
    this.log = { level: env.LOG_LEVEL };
    this.dataDir = path.resolve(env.DATA_DIR);
    this.database = {
      url: env.DATABASE_URL,
      migrationUrl: env.DATABASE_MIGRATION_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      embeddedPort: env.EMBEDDED_PG_PORT,
    };
    this.presignTtlSeconds = env.STORAGE_PRESIGN_TTL_SECONDS;
    this.auth = {
      bootstrapAdmin:
        env.BOOTSTRAP_ADMIN_EMAIL && env.BOOTSTRAP_ADMIN_PASSWORD
          ? { email: env.BOOTSTRAP_ADMIN_EMAIL, password: env.BOOTSTRAP_ADMIN_PASSWORD }
          : undefined,
      sessionIdleTimeoutMs: env.SESSION_IDLE_TIMEOUT_MINUTES * 60_000,
      sessionMaxLifetimeMs: env.SESSION_MAX_LIFETIME_HOURS * 3_600_000,
      totpRequiredRoles: new Set(env.TOTP_REQUIRED_ROLES),
      totpIssuer: env.TOTP_ISSUER,
      loginThrottle: {
        windowMs: env.LOGIN_THROTTLE_WINDOW_MINUTES * 60_000,
        maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
        maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      },
      passwordHash: { memoryKib: env.PASSWORD_HASH_MEMORY_KIB, iterations: env.PASSWORD_HASH_ITERATIONS },
    };
    this.audit = { sealIntervalMs: env.AUDIT_SEAL_INTERVAL_MS };
    this.photos = { maxBytes: env.PHOTO_MAX_BYTES, maxPixels: env.PHOTO_MAX_PIXELS };
    this.releases = { documentMaxBytes: env.RELEASE_DOCUMENT_MAX_BYTES };
    this.orphanSweepIntervalMs = env.ORPHAN_SWEEP_INTERVAL_MINUTES * 60_000;
    this.media = {
      cacheMaxBytes: env.MEDIA_CACHE_MAX_BYTES,
      rateLimitPerMinute: env.MEDIA_RATE_LIMIT_PER_MINUTE,
    };
    this.removalDeadlineDays = env.REMOVAL_DEADLINE_DAYS;
    this.clinicTimeZone = env.CLINIC_TIME_ZONE;
    this.removalTimers = {
      reminderDaysBefore: env.REMOVAL_REMINDER_DAYS,
      escalationDaysBefore: env.REMOVAL_ESCALATION_DAYS,
    };
    this.urlCheck = {
      allowedNetworks: env.URL_CHECK_ALLOWED_NETWORKS,
      timeoutMs: env.URL_CHECK_TIMEOUT_SECONDS * 1000,
      maxBytes: env.URL_CHECK_MAX_BYTES,
    };
    this.portal = {
      linkUrl: env.PORTAL_LINK_URL ?? `${this.http.publicBaseUrl}/portal`,
      linkLifetimeMs: env.PORTAL_LINK_MINUTES * 60_000,
      sessionLifetimeMs: env.PORTAL_SESSION_MINUTES * 60_000,
    };
    this.jobs = { workers: env.JOB_WORKERS, pollIntervalSeconds: env.JOB_POLL_INTERVAL_SECONDS };
    this.mail = { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM };
    this.signing = {
      linkLifetimeMs: env.SIGNING_LINK_DAYS * 24 * 3_600_000,
      linkUrl: `${this.portal.linkUrl.replace(/\/+$/, '')}/sign`,
    };
    this.sealing = {
      certificateFile: env.SIGNING_CERTIFICATE_FILE ? path.resolve(env.SIGNING_CERTIFICATE_FILE) : undefined,
      passphrase: env.SIGNING_CERTIFICATE_PASSPHRASE,
    };
    this.storage =
      env.STORAGE_DRIVER === 'local'
        ? { driver: 'local', rootDir: path.join(this.dataDir, 'objects'), signingSecret: env.STORAGE_SIGNING_SECRET }
        : {
            driver: 's3',
            endpoint: env.S3_ENDPOINT,
            region: env.S3_REGION,
            // The schema refuses STORAGE_DRIVER=s3 without a bucket.
            bucket: env.S3_BUCKET as string,
            credentials:
              env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
                ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
                : undefined,
            forcePathStyle: env.S3_FORCE_PATH_STYLE,
            checksumMode: env.S3_CHECKSUM_MODE,
            serverSideEncryption: env.S3_SSE,
            kmsKeyId: env.S3_SSE_KMS_KEY_ID,
            partSizeBytes: env.S3_PART_SIZE_BYTES,
          };
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the environment (and `.env` in the working directory, whose values the real environment
 * overrides; `defaults` yield to both), validates it and returns the typed config, or throws a
 * ConfigError naming each bad variable.
 */
export function loadConfig(
  environment: NodeJS.ProcessEnv = process.env,
  envFile: string | null = path.resolve('.env'),
  defaults: Record<string, string> = {},
): AppConfig {
  const fromFile = envFile && existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  const merged: Record<string, string | undefined> = { ...defaults, ...fromFile, ...environment };
  // An empty value means "unset", as in most .env tooling; it must not fail a min-length rule.
  for (const [key, value] of Object.entries(merged)) if (value === '') delete merged[key];

  const result = configSchema.safeParse(merged);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.map(String).join('.') || '(environment)';
        const shown = merged[name];
        const got = shown === undefined ? '' : secretVariables.has(name) ? ' (value hidden)' : ` (got "${shown}")`;
        const message = issue.code === 'invalid_type' && shown === undefined ? 'is required' : issue.message;
        return `${name} ${message}${got}`;
      }),
    );
  }
  return new AppConfig(result.data);
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A command-line tool's config: the service's, with the tool's own defaults (a quieter log, say). */
export function loadToolConfig(defaults: Record<string, string>): AppConfig {
  return loadConfig(process.env, path.resolve('.env'), defaults);
}
