import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { DataSource } from 'typeorm';
import { JOB_SCHEMA } from '../src/jobs/job-queue.js';
import { dataSourceOptions, migrate } from '../src/database/data-source.js';
import { EmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { grantServingRole } from '../src/database/serving-role.js';
import { asServingRole } from './support/database.js';
import { startS3Server, type S3TestServer } from './support/s3-server.js';
import {
  S3_BUCKET,
  S3_ENDPOINT,
  SERVING_ROLE_PASSWORD,
  TEMPLATE_DATABASE_URL,
  TEST_SERVING_ROLE,
} from './support/test-env.js';

// Runs once before all test files: a real PostgreSQL (TEST_DATABASE_URL, else an embedded server in
// a temporary directory) whose database is migrated and then used as the template each test file
// clones, and a real S3 server. Jest runs it in its own process before it starts the workers, which
// inherit what it puts in process.env (jest.config.js: globalSetup, and globalTeardown through
// global-teardown.ts).

let embedded: EmbeddedPostgres | undefined;
let embeddedDir: string | undefined;
let s3: S3TestServer | undefined;

export default async function globalSetup(): Promise<void> {
  let templateUrl = process.env.TEST_DATABASE_URL;
  if (!templateUrl) {
    embeddedDir = await mkdtemp(path.join(tmpdir(), 'pcs-test-pg-'));
    // Embedded PostgreSQL may run as another user (when tests run as root); it must enter the directory.
    await chmod(embeddedDir, 0o755);
    embedded = new EmbeddedPostgres({ dataDir: embeddedDir, log: () => undefined });
    templateUrl = (await embedded.start()).superuserUrl;
  }
  await resetSchema(templateUrl);
  const servingPassword = await createServingRole(templateUrl);
  const dataSource = await new DataSource(dataSourceOptions(templateUrl, 2)).initialize();
  try {
    // The services under test serve as a role of their own, as deployed (src/database/serving-role.ts).
    await migrate(dataSource, (manager) => grantServingRole(manager, TEST_SERVING_ROLE));
  } finally {
    await dataSource.destroy();
  }

  // pg-boss's schema too, installed by the role that owns it, so each test database cloned from the
  // template starts with it.
  const boss = new PgBoss({
    connectionString: asServingRole(templateUrl, servingPassword),
    schema: JOB_SCHEMA,
    supervise: false,
    schedule: false,
    createSchema: false,
  });
  await boss.start();
  await boss.stop({ graceful: false });

  s3 = await startS3Server();
  process.env[TEMPLATE_DATABASE_URL] = templateUrl;
  process.env[SERVING_ROLE_PASSWORD] = servingPassword;
  process.env[S3_ENDPOINT] = s3.endpoint;
  process.env[S3_BUCKET] = s3.bucket;
}

export async function globalTeardown(): Promise<void> {
  await s3?.stop();
  await embedded?.stop();
  if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
}

/**
 * The role the services under test serve requests as (roles belong to the whole server, so it may
 * be there from an earlier run); a new password each run. Returns the password.
 */
async function createServingRole(url: string): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const role = client.escapeIdentifier(TEST_SERVING_ROLE);
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [TEST_SERVING_ROLE])).rowCount;
    await client.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${role} LOGIN PASSWORD ${client.escapeLiteral(password)}`);
  } catch (error) {
    // Another run on the same server created it at the same moment.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    await client.end();
  }
  return password;
}

/** The template starts from an empty public schema, so a previous run's leftovers cannot leak in. */
async function resetSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE');
    await client.query(`DROP SCHEMA IF EXISTS ${JOB_SCHEMA} CASCADE`);
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}
