import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SYSTEM_CALLER } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { JobQueue } from '../jobs/job-queue.js';
import { ConsentChanges } from '../rights/consent-changes.js';

export const RELEASE_EXPIRY_JOB = 'removal.release-expiry';

/**
 * The daily job of docs/architecture.md §3: a release that expired while its photos were published opens a
 * removal case for those publications, due REMOVAL_DEADLINE_DAYS after the expiry, as a revocation
 * would. Hosted ones have answered 410 since the expiry; they are marked removed here. Running it
 * twice opens nothing twice: the publications it takes over are no longer live.
 */
@Injectable()
export class ReleaseExpiryJob implements OnModuleInit {
  private readonly logger = new Logger(ReleaseExpiryJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly consent: ConsentChanges,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register(
      RELEASE_EXPIRY_JOB,
      async () => {
        await this.openCases();
      },
      { cron: '23 3 * * *' },
    );
  }

  /** Opens a case for each expired release with live publications; returns how many it opened. */
  async openCases(): Promise<number> {
    const patients = await this.dataSource.query<{ patient_id: string }[]>(
      `SELECT DISTINCT pub.patient_id FROM publications pub
        WHERE pub.status = 'live'
          AND EXISTS (SELECT 1 FROM releases r WHERE r.patient_id = pub.patient_id AND r.superseded_at IS NULL
                         AND r.expires_at <= $1)`,
      [this.clock.now()],
    );
    let opened = 0;
    for (const { patient_id: patientId } of patients) {
      opened += await this.consent.run(
        patientId,
        {
          write: async () => undefined,
          // Decided now, under the lock, not when the list was read: a renewal may have committed since.
          removalCases: async (_written, refused, manager) => {
            const expired = refused.now.filter(
              (publication) =>
                publication.decision.releaseId &&
                publication.decision.reasons.some((reason) => reason.code === 'release_expired'),
            );
            const byRelease = Map.groupBy(expired, (publication) => publication.decision.releaseId as string);
            // One statement: queries run one at a time on the transaction's connection.
            const expiries = await manager.query<{ id: string; expires_at: Date }[]>(
              'SELECT id, expires_at FROM releases WHERE id = ANY($1::uuid[])',
              [[...byRelease.keys()]],
            );
            const expiredAt = new Map(expiries.map((release) => [release.id, release.expires_at]));
            return [...byRelease].map(([releaseId, publications]) => ({
              source: { origin: 'release_expiry' as const, releaseId },
              startsAt: expiredAt.get(releaseId) as Date,
              publications,
            }));
          },
          record: async (_written, cases) => ({ result: cases.length, auditEntries: [] }),
        },
        { caller: SYSTEM_CALLER },
      );
    }
    if (opened > 0) this.logger.log({ opened }, 'Opened removal cases for expired releases');
    return opened;
  }
}
