import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { JobQueue } from '../jobs/job-queue.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

export const IDEMPOTENCY_PRUNE_JOB = 'idempotency.prune';
/** How long a key answers repeats: a day, as clients retry within minutes and start over after that. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Forgets keys a day old, daily, so the table holds only keys a client may still repeat. */
@Injectable()
export class IdempotencyKeyPruner implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.register(IDEMPOTENCY_PRUNE_JOB, () => this.prune().then(() => undefined), { cron: '41 4 * * *' });
  }

  async prune(): Promise<number> {
    const [, removed] = await this.dataSource.query<[unknown[], number]>(
      // created_at comes from the database's clock, so the age is measured on it too.
      'DELETE FROM idempotent_requests WHERE created_at < now() - make_interval(secs => $1)',
      [KEY_LIFETIME_MS / 1000],
    );
    return removed;
  }
}

@Module({
  providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }, IdempotencyKeyPruner],
})
export class IdempotencyModule {}
