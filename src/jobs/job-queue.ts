import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PgBoss, systemClock, type Clock as JobClockType, type Db, type Job, type JobResult } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';

/**
 * How every queue is worked: 10 jobs a fetch, each settling on its own. A full batch means more are
 * waiting (a backlog after downtime, many timers due at once), so the next is fetched at once
 * instead of a polling interval later, which had capped an instance at 10 jobs an interval.
 */
export function jobWorkerOptions(pollingIntervalSeconds: number) {
  return { pollingIntervalSeconds, batchSize: 10, perJobResults: true, burstWhenBatchFull: true } as const;
}
/** The clock pg-boss schedules and polls by: the system clock, or a test's TestClock that also moves job_now(). */
export const JOB_CLOCK = Symbol('JOB_CLOCK');
export type JobClock = JobClockType;
export const defaultJobClock: JobClock = systemClock;

/** The connection string of the service's database, which pg-boss shares. */
export const JOB_DATABASE_URL = Symbol('JOB_DATABASE_URL');

/** pg-boss's own tables live in this schema of the service's database. */
export const JOB_SCHEMA = 'pgboss';

const DAY_SECONDS = 24 * 3600;

export interface JobHandlerOptions {
  /** A cron expression (UTC): pg-boss sends one job per period across all instances. */
  cron?: string;
  /** How long one run may take before the job counts as lost and is tried again. */
  expireInSeconds?: number;
}

type Handler = (data: object) => Promise<void>;

/**
 * Durable jobs in PostgreSQL (pg-boss). Features register handlers while the module initialises;
 * jobs are sent through the caller's transaction, so a change that rolls back leaves no job. pg-boss
 * may deliver a job twice (a worker whose claim lapsed keeps running): every handler must be safe to
 * run again.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, { handle: Handler; options: JobHandlerOptions }>();
  private readonly running = new Set<Promise<unknown>>();
  private started = false;

  constructor(
    private readonly config: AppConfig,
    @Inject(JOB_DATABASE_URL) databaseUrl: string,
    @Inject(JOB_CLOCK) private readonly clock: JobClock,
  ) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: JOB_SCHEMA,
      application_name: 'photo-consent-jobs',
      // The schema is made before the service starts (DatabaseModule): the serving role may not create one.
      createSchema: false,
      max: 4,
      clock,
    });
    this.boss.on('error', (error: unknown) => this.logger.error({ err: error }, 'Job queue error'));
  }

  /** Registers the handler of a queue; call from onModuleInit, before the queue starts. */
  register<T extends object>(name: string, handle: (data: T) => Promise<void>, options: JobHandlerOptions = {}): void {
    if (this.started) throw new Error(`Job handler ${name} registered after the queue started`);
    if (this.handlers.has(name)) throw new Error(`Job handler ${name} registered twice`);
    this.handlers.set(name, { handle: handle as Handler, options });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const [name, { options }] of this.handlers) {
      await this.boss.createQueue(name, {
        // A reminder may be scheduled weeks ahead: it must stay queued until then and some while after.
        retentionSeconds: 400 * DAY_SECONDS,
        deleteAfterSeconds: 30 * DAY_SECONDS,
        expireInSeconds: options.expireInSeconds ?? 300,
        retryLimit: 10,
        retryDelay: 30,
        retryBackoff: true,
        retryDelayMax: 3600,
      });
      if (options.cron) await this.boss.schedule(name, options.cron, null, { tz: 'UTC' });
    }
    if (!this.config.jobs.workers) return;
    for (const name of this.handlers.keys()) {
      await this.boss.work<object>(name, jobWorkerOptions(this.config.jobs.pollIntervalSeconds), (jobs) =>
        this.track(this.runBatch(name, jobs)),
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    await this.boss.stop({ graceful: true, timeout: this.config.http.shutdownGraceMs });
  }

  /**
   * Sends jobs inside the caller's transaction: they exist only if that transaction commits. A job
   * without `startAfter` may run from the job clock's now (pg-boss would otherwise take the time of
   * the caller's session, which a test's clock does not reach).
   */
  async send(
    manager: EntityManager,
    name: string,
    jobs: readonly { data: object; startAfter?: Date }[],
  ): Promise<void> {
    if (!this.handlers.has(name)) throw new Error(`No job handler for ${name}`);
    if (jobs.length === 0) return;
    await this.boss.insert(
      name,
      jobs.map((job) => ({ data: job.data, startAfter: job.startAfter ?? new Date(this.clock.now()) })),
      { db: transactionDatabase(manager) },
    );
  }

  /** Resolves when no handler started by this instance is still running (tests, graceful stops). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /**
   * The jobs of a batch one after another, each settled on its own: one that fails (pg-boss tries
   * it again after a back-off) does not hold back the others.
   */
  private async runBatch(name: string, jobs: Job<object>[]): Promise<JobResult[]> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No job handler for ${name}`);
    const results: JobResult[] = [];
    for (const job of jobs) {
      try {
        await handler.handle(job.data ?? {});
        results.push({ id: job.id, status: 'completed' });
      } catch (error) {
        this.logger.error({ err: error, job: { id: job.id, name, retryCount: job.retryCount } }, 'Job failed');
        results.push({
          id: job.id,
          status: 'failed',
          output: { message: error instanceof Error ? error.message : String(error) },
        });
      }
    }
    return results;
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const untrack = () => this.running.delete(work);
    work.then(untrack, untrack);
    return work;
  }
}

/** pg-boss's database interface over the connection (and so the transaction) of a TypeORM manager. */
function transactionDatabase(manager: EntityManager): Db {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('Jobs are sent inside the transaction of the change');
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      const result = await runner.query(text, values, true);
      return { rows: result.records };
    },
  };
}
