import { z } from 'zod';
import { ROLES } from '../common/roles.js';
import { parseCidr } from '../common/networks.js';
import { isTimeZone } from '../common/calendar.js';

// Every setting the service reads, with its default. `.env.example` documents each one and a test
// keeps the two (and docker/compose.yaml) in step with this schema.

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    );

const url = (protocols: readonly string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: integer(0, 65535).default(3000),
    PUBLIC_BASE_URL: url(['http:', 'https:']).optional(),
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d+|[0-9a-fA-F.:/,\s]+)$/, {
        error: 'must be true, false, a hop count, or a comma-separated list of proxy addresses/CIDRs',
      })
      .default('false'),
    BODY_LIMIT_BYTES: integer(1024, 64 * 1024 * 1024).default(1024 * 1024),
    SHUTDOWN_GRACE_MS: integer(0, 120_000).default(10_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
    DATABASE_MIGRATION_URL: url(['postgres:', 'postgresql:']).optional(),
    DATABASE_POOL_SIZE: integer(1, 200).default(10),
    EMBEDDED_PG_PORT: integer(1, 65535).optional(),

    STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
    STORAGE_SIGNING_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
    STORAGE_PRESIGN_TTL_SECONDS: integer(1, 3600).default(300),
    S3_ENDPOINT: url(['http:', 'https:']).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_BUCKET: z.string().min(3).max(63).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: booleanFlag.default(false),
    S3_CHECKSUM_MODE: z.enum(['when_supported', 'when_required']).default('when_supported'),
    S3_SSE: z.enum(['AES256', 'aws:kms', 'none']).default('AES256'),
    S3_SSE_KMS_KEY_ID: z.string().min(1).optional(),
    S3_PART_SIZE_BYTES: integer(5 * 1024 * 1024, 5 * 1024 * 1024 * 1024).default(8 * 1024 * 1024),

    BOOTSTRAP_ADMIN_EMAIL: z.email({ error: 'must be an email address' }).optional(),
    BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12, { error: 'must be at least 12 characters' }).optional(),
    SESSION_IDLE_TIMEOUT_MINUTES: integer(1, 24 * 60).default(15),
    SESSION_MAX_LIFETIME_HOURS: integer(1, 24 * 30).default(12),
    TOTP_REQUIRED_ROLES: z
      .string()
      .regex(/^(none|[a-z_]+(\s*,\s*[a-z_]+)*)$/, { error: 'must be "none" or a comma-separated list of roles' })
      .transform((value) => (value === 'none' ? [] : value.split(',').map((role) => role.trim())))
      .pipe(z.array(z.enum(ROLES, { error: `must name roles among ${ROLES.join(', ')}` })))
      .default(['privacy_officer', 'admin']),
    TOTP_ISSUER: z.string().min(1).max(64).default('Photo Consent Service'),
    LOGIN_THROTTLE_WINDOW_MINUTES: integer(1, 24 * 60).default(15),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: integer(1, 1000).default(10),
    LOGIN_MAX_FAILURES_PER_IP: integer(1, 100_000).default(100),
    PASSWORD_HASH_MEMORY_KIB: integer(19_456, 1024 * 1024).default(32_768),
    PASSWORD_HASH_ITERATIONS: integer(2, 20).default(3),
    AUDIT_SEAL_INTERVAL_MS: integer(100, 60_000).default(1000),

    PHOTO_MAX_BYTES: integer(1024, 1024 * 1024 * 1024).default(40 * 1024 * 1024),
    UPLOADS_MAX_IN_PROGRESS: integer(1, 1000).default(8),
    UPLOADS_MAX_QUEUED: integer(0, 100_000).default(256),
    PHOTO_MAX_PIXELS: integer(1, 1_000_000_000).default(100_000_000),
    RELEASE_DOCUMENT_MAX_BYTES: integer(1024, 1024 * 1024 * 1024).default(20 * 1024 * 1024),
    ORPHAN_SWEEP_INTERVAL_MINUTES: integer(1, 7 * 24 * 60).default(60),
    MEDIA_CACHE_MAX_BYTES: integer(0, 4 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
    MEDIA_RATE_LIMIT_PER_MINUTE: integer(1, 1_000_000).default(600),
    REMOVAL_DEADLINE_DAYS: integer(1, 365).default(30),
    CLINIC_TIME_ZONE: z
      .string()
      .refine(isTimeZone, { error: 'must be an IANA time zone such as America/New_York or Europe/Paris' })
      .default('UTC'),
    REMOVAL_REMINDER_DAYS: z
      .string()
      .regex(/^(none|\d+(\s*,\s*\d+)*)$/, { error: 'must be "none" or a comma-separated list of whole days' })
      .transform((value) =>
        value === 'none' ? [] : [...new Set(value.split(',').map((day) => Number(day.trim())))].sort((a, b) => b - a),
      )
      .default([21, 7, 2]),
    REMOVAL_ESCALATION_DAYS: integer(0, 365).default(3),
    URL_CHECK_ALLOWED_NETWORKS: z
      .string()
      .refine((value) => value.trim() === '' || value.split(',').every((entry) => parseCidr(entry) !== null), {
        error: 'must be a comma-separated list of networks in CIDR form, such as 10.1.2.0/24 or fd00::/8',
      })
      .transform((value) => (value.trim() === '' ? [] : value.split(',').map((entry) => parseCidr(entry)!)))
      .default([]),
    URL_CHECK_TIMEOUT_SECONDS: integer(1, 120).default(10),
    URL_CHECK_MAX_BYTES: integer(1024, 100 * 1024 * 1024).default(5 * 1024 * 1024),
    PORTAL_LINK_URL: url(['http:', 'https:']).optional(),
    PORTAL_LINK_MINUTES: integer(5, 24 * 60).default(30),
    PORTAL_SESSION_MINUTES: integer(5, 24 * 60).default(30),
    JOB_WORKERS: booleanFlag.default(true),
    JOB_POLL_INTERVAL_SECONDS: integer(1, 600).default(2),

    SIGNING_LINK_DAYS: integer(1, 30).default(7),
    SIGNING_CERTIFICATE_FILE: z.string().min(1).optional(),
    SIGNING_CERTIFICATE_PASSPHRASE: z.string().optional(),

    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    MAIL_FROM: z.string().min(3).default('Photo Consent Service <no-reply@localhost>'),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(env.BOOTSTRAP_ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.BOOTSTRAP_ADMIN_EMAIL ? 'BOOTSTRAP_ADMIN_PASSWORD' : 'BOOTSTRAP_ADMIN_EMAIL'],
        message: 'must be set together with its pair',
      });
    }
    if (env.STORAGE_DRIVER === 's3' && !env.S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required when STORAGE_DRIVER=s3' });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
        message: 'must be set together with its pair, or both left unset to use the default AWS credential chain',
      });
    }
    if (env.REMOVAL_REMINDER_DAYS.some((days) => days >= env.REMOVAL_DEADLINE_DAYS)) {
      ctx.addIssue({
        code: 'custom',
        path: ['REMOVAL_REMINDER_DAYS'],
        message: 'every reminder must come fewer days before the deadline than REMOVAL_DEADLINE_DAYS',
      });
    }
    if (env.NODE_ENV === 'production' && !env.SIGNING_CERTIFICATE_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: ['SIGNING_CERTIFICATE_FILE'],
        message:
          'is required in production: the PKCS#12 file (key and certificate) that seals the signed documents, ' +
          'so readers show the clinic sealed them',
      });
    }
    if (env.S3_SSE_KMS_KEY_ID && env.S3_SSE !== 'aws:kms') {
      ctx.addIssue({ code: 'custom', path: ['S3_SSE_KMS_KEY_ID'], message: 'only applies when S3_SSE=aws:kms' });
    }
  });

export type ParsedEnv = z.output<typeof configSchema>;

/** The names of every variable the service knows, for checks of files that set them. */
export const knownVariables: readonly string[] = Object.keys(configSchema.shape);

/** Variables whose values must never be echoed back in an error message or a log line. */
export const secretVariables: ReadonlySet<string> = new Set([
  'DATABASE_URL',
  'DATABASE_MIGRATION_URL',
  'STORAGE_SIGNING_SECRET',
  'S3_SECRET_ACCESS_KEY',
  'S3_ACCESS_KEY_ID',
  'BOOTSTRAP_ADMIN_PASSWORD',
  'SMTP_URL',
  'SIGNING_CERTIFICATE_PASSPHRASE',
]);
