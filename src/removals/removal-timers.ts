import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_CALLER } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { JobQueue } from '../jobs/job-queue.js';
import { RemovalNotifier } from './removal-notifier.js';
import { fireAt, isSuperseded, parseNotice, timerNotices, type RemovalTimerNotice } from './removal-timer-notices.js';

export const REMOVAL_TIMER_JOB = 'removal.timer';
export const REMOVAL_SWEEP_JOB = 'removal.sweep';
/** Cases one sweep looks at; the next hour takes the rest. */
const SWEEP_BATCH = 1000;

export type TimerOutcome = 'fired' | 'superseded' | 'already_fired' | 'case_closed' | 'not_due' | 'unknown';

/**
 * The clock of every open removal case: reminders to the task owners, the escalation to the privacy
 * officers and the overdue alert. Each timer is a pg-boss job sent in the transaction that opens the
 * case; firing records it under its key in removal_case_notices first, so a job delivered twice, or
 * a job and the hourly sweep, fire it once. The sweep fires whatever came due without its job.
 */
@Injectable()
export class RemovalTimers implements OnModuleInit {
  private readonly logger = new Logger(RemovalTimers.name);
  private readonly notices: RemovalTimerNotice[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly notifier: RemovalNotifier,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.notices = timerNotices(config.removalTimers);
  }

  onModuleInit(): void {
    this.jobs.register<{ caseId: string; notice: string }>(REMOVAL_TIMER_JOB, async (data) => {
      await this.fire(data.caseId, data.notice);
    });
    this.jobs.register(
      REMOVAL_SWEEP_JOB,
      async () => {
        await this.sweep();
      },
      { cron: '17 * * * *' },
    );
  }

  /**
   * In the transaction that opens the case: a job for each timer. Reminders whose time has already
   * passed (a request received long before it was recorded) are recorded as superseded: the message
   * that the case opened tells the owners instead.
   */
  async schedule(manager: EntityManager, caseId: string, dueAt: Date): Promise<void> {
    const now = this.clock.now();
    const passed = this.notices.filter(
      (notice) => notice.kind === 'reminder' && fireAt(dueAt, notice).getTime() <= now.getTime(),
    );
    const upcoming = this.notices.filter((notice) => !passed.includes(notice));
    await this.jobs.send(
      manager,
      REMOVAL_TIMER_JOB,
      upcoming.map((notice) => ({ data: { caseId, notice: notice.key }, startAfter: fireAt(dueAt, notice) })),
    );
    if (passed.length > 0) {
      await manager.query(
        `INSERT INTO removal_case_notices (case_id, notice, due_at, superseded)
         SELECT $1, notice, due_at, true FROM unnest($2::text[], $3::timestamptz[]) AS n(notice, due_at)
         ON CONFLICT DO NOTHING`,
        [caseId, passed.map((notice) => notice.key), passed.map((notice) => fireAt(dueAt, notice))],
      );
    }
  }

  /** Fires one timer of a case, once, if the case is still open and the time has come. */
  async fire(caseId: string, noticeKey: string): Promise<TimerOutcome> {
    const notice = parseNotice(noticeKey);
    if (!notice) {
      this.logger.warn({ caseId, notice: noticeKey }, 'A removal timer this version does not know was skipped');
      return 'unknown';
    }
    return this.dataSource.transaction(async (manager) => {
      const [removalCase] = await manager.query<{ patient_id: string; due_at: Date; status: string }[]>(
        'SELECT patient_id, due_at, status FROM removal_cases WHERE id = $1 FOR UPDATE',
        [caseId],
      );
      if (removalCase?.status !== 'open') return 'case_closed';
      const now = this.clock.now();
      const dueAt = fireAt(removalCase.due_at, notice);
      if (dueAt.getTime() > now.getTime()) {
        // Only a clock that disagrees with the database's gets here; the sweep fires it when due.
        this.logger.warn({ caseId, notice: noticeKey }, 'A removal timer was delivered before its time');
        return 'not_due';
      }
      const superseded = isSuperseded(notice, this.notices, removalCase.due_at, now);
      const recorded = await manager.query<unknown[]>(
        `INSERT INTO removal_case_notices (case_id, notice, due_at, superseded) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING notice`,
        [caseId, notice.key, dueAt, superseded],
      );
      if (recorded.length === 0) return 'already_fired';
      if (superseded) return 'superseded';
      await this.notifier.timer(manager, caseId, notice);
      await this.audit.record(
        SYSTEM_CALLER,
        {
          action: `removal_case.${notice.kind}`,
          entityType: 'removal_case',
          entityId: caseId,
          patientId: removalCase.patient_id,
          details: { notice: notice.key, dueAt: removalCase.due_at.toISOString() },
        },
        manager,
      );
      return 'fired';
    });
  }

  /**
   * The backstop for lost jobs: every timer of an open case that has come due and has not fired,
   * fired now. Returns how many it sent (superseded ones are only recorded).
   */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const earliest = this.notices[0];
    const cases = await this.dataSource.query<{ id: string; due_at: Date; fired: string[] }[]>(
      `SELECT c.id, c.due_at, COALESCE(array_agg(n.notice) FILTER (WHERE n.notice IS NOT NULL), '{}') AS fired
         FROM removal_cases c LEFT JOIN removal_case_notices n ON n.case_id = c.id
        WHERE c.status = 'open' AND c.due_at - make_interval(days => $2) <= $1
          AND NOT EXISTS (SELECT 1 FROM removal_case_notices o WHERE o.case_id = c.id AND o.notice = 'overdue')
        GROUP BY c.id ORDER BY c.due_at LIMIT $3`,
      [now, earliest.daysBefore, SWEEP_BATCH],
    );
    let fired = 0;
    for (const removalCase of cases) {
      const fresh = new Set(removalCase.fired);
      for (const notice of this.notices) {
        if (fresh.has(notice.key) || fireAt(removalCase.due_at, notice).getTime() > now.getTime()) continue;
        if ((await this.fire(removalCase.id, notice.key)) === 'fired') fired++;
      }
    }
    if (fired > 0) {
      // Their jobs were lost, or the workers are behind (a backlog after downtime): either way they
      // were due, and firing records each once.
      this.logger.warn({ fired }, 'The sweep fired removal timers that were due and had not fired');
      await this.audit.record(SYSTEM_CALLER, { action: 'removal_timers.sweep', details: { fired } });
    }
    return fired;
  }
}
