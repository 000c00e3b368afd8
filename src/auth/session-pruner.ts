import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { JobQueue } from '../jobs/job-queue.js';

export const SESSION_PRUNE_JOB = 'sessions.prune';
/**
 * How long an ended or expired session (staff or patient) and a spent or expired portal link are
 * kept: long enough to look into a sign-in after the fact. Who did what stays in the audit trail.
 */
const KEEP_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Removes sessions and sign-in links that ended more than KEEP_DAYS ago, daily. */
@Injectable()
export class SessionPruner implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register(SESSION_PRUNE_JOB, () => this.prune().then(() => undefined), { cron: '13 4 * * *' });
  }

  /** Returns how many rows went, by table. */
  async prune(): Promise<{ sessions: number; patientSessions: number; portalLinks: number }> {
    const before = new Date(this.clock.now().getTime() - KEEP_DAYS * DAY_MS);
    return this.dataSource.transaction(async (manager) => {
      // DELETE answers [rows, count] through TypeORM.
      const [, sessions] = await manager.query<[unknown[], number]>(
        'DELETE FROM sessions WHERE least(coalesce(ended_at, expires_at), expires_at) < $1',
        [before],
      );
      const [, patientSessions] = await manager.query<[unknown[], number]>(
        'DELETE FROM patient_sessions WHERE least(coalesce(ended_at, expires_at), expires_at) < $1',
        [before],
      );
      const [, portalLinks] = await manager.query<[unknown[], number]>(
        `DELETE FROM portal_links l WHERE least(coalesce(l.used_at, l.expires_at), l.expires_at) < $1
            AND NOT EXISTS (SELECT 1 FROM patient_sessions s WHERE s.link_id = l.id)`,
        [before],
      );
      return { sessions, patientSessions, portalLinks };
    });
  }
}
