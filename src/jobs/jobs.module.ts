import { Global, Module, type DynamicModule } from '@nestjs/common';
import { defaultJobClock, JOB_CLOCK, JOB_DATABASE_URL, JobQueue } from './job-queue.js';

/** The durable job queue, for every feature that schedules work. */
@Global()
@Module({})
export class JobsModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        { provide: JOB_DATABASE_URL, useValue: databaseUrl },
        { provide: JOB_CLOCK, useValue: defaultJobClock },
        JobQueue,
      ],
      exports: [JobQueue],
    };
  }
}
