import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { configureApp, createHttpAdapter } from '../../src/app.js';
import { AppModule } from '../../src/app.module.js';
import { TestClock } from 'pg-boss';
import { Clock } from '../../src/common/clock.js';
import { JOB_CLOCK, JobQueue } from '../../src/jobs/job-queue.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { ManualClock } from './manual-clock.js';
import { S3_BUCKET, S3_ENDPOINT, testEnv } from './test-env.js';

export interface TestApp {
  app: NestFastifyApplication;
  /** The Node HTTP server, for supertest. */
  server: ReturnType<NestFastifyApplication['getHttpServer']>;
  config: AppConfig;
  database: TestDatabase;
  clock: ManualClock;
  /** pg-boss's clock (it also moves the database's job_now()); runDueJobs keeps it with `clock`. */
  jobClock: TestClock;
  /**
   * Lets the job workers run everything due at the service clock's time, as real time would, and
   * waits until they are done. Each round moves both clocks on by one polling interval.
   */
  runDueJobs(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Settings on top of the test defaults, as environment variables. */
  env?: Record<string, string>;
  /** Extra controllers that exercise cross-cutting behaviour through real routes. */
  controllers?: Type[];
  /** Another instance's database, for a second instance of the service; the first one drops it. */
  database?: TestDatabase;
  /** The service clock's starting time (default 2026-03-02T09:00Z). */
  startAt?: Date;
}

/** Polling rounds runDueJobs allows before it calls the queue stuck. */
const MAX_JOB_ROUNDS = 100;

/** The real AppModule on its own cloned PostgreSQL database, with a clock the test controls. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pcs-test-data-'));
  const config = loadConfig(
    {
      DATA_DIR: dataDir,
      DATABASE_URL: database.servingUrl,
      DATABASE_MIGRATION_URL: database.url,
      LOG_LEVEL: 'silent',
      ...options.env,
    },
    null,
  );
  const clock = new ManualClock(options.startAt ?? new Date('2026-03-02T09:00:00Z'));
  const jobClock = new TestClock(clock.now());
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, database.servingUrl)],
    controllers: options.controllers ?? [],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(JOB_CLOCK)
    .useValue(jobClock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), { logger: false });
  await configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    server: app.getHttpServer(),
    config,
    database,
    clock,
    jobClock,
    runDueJobs: async () => {
      const queue = app.get(JobQueue);
      const pollMs = config.jobs.pollIntervalSeconds * 1000;
      await jobClock.setTime(clock.now());
      for (let round = 0; round < MAX_JOB_ROUNDS; round++) {
        await jobClock.tick(pollMs);
        clock.set(new Date(jobClock.now()));
        await queue.whenIdle();
        const [{ waiting }] = await database.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pgboss.job
            WHERE (state IN ('created', 'retry') AND start_after <= $1) OR state = 'active'`,
          [clock.now()],
        );
        if (waiting === 0) return;
      }
      throw new Error(`jobs were still due after ${MAX_JOB_ROUNDS} polling rounds`);
    },
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A new empty bucket on the test S3 server, for a test file that counts the objects it stores
 * (test files run in parallel, so the shared bucket's count is not theirs alone).
 */
export async function createTestBucket(): Promise<string> {
  const bucket = `pcs-${randomUUID()}`;
  const response = await fetch(`${testEnv(S3_ENDPOINT)}/${bucket}`, { method: 'PUT' });
  if (!response.ok) throw new Error(`could not create bucket ${bucket}: ${response.status}`);
  return bucket;
}

/** Settings for the S3 store against the test S3 server (its shared bucket unless one is given). */
export function s3TestEnv(bucket = testEnv(S3_BUCKET)): Record<string, string> {
  return {
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: testEnv(S3_ENDPOINT),
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    S3_CHECKSUM_MODE: 'when_required',
  };
}
