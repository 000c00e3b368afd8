import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { ValidationFailedError } from '../common/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import type { RemovalReportDto, RemovalWeeklyReportDto } from './dto/removal-report.dto.js';

const YEAR_MS = 365 * 24 * 3600_000;
const DAY_SECONDS = 24 * 3600;
/** The longest period the weekly report covers: five years of weeks. */
export const MAX_REPORT_WEEKS = 261;

/** One case as the report's CSV lists it. */
export interface RemovalReportRow {
  caseId: string;
  patientCode: string;
  origin: string;
  startedAt: Date;
  openedAt: Date;
  dueAt: Date;
  status: string;
  completedAt: Date | null;
  daysToClose: number | null;
  withinDeadline: boolean | null;
  tasks: number;
  removed: number;
  notRemovable: number;
}

// Each case with when its clock started: the request's receipt, the release's expiry, the
// signing of the version that narrowed consent, or the correction of the date of birth (its opening).
const CASES_SQL = `
SELECT c.id, p.code AS patient_code, c.origin,
       CASE c.origin WHEN 'revocation' THEN r.received_at WHEN 'release_expiry' THEN rel.expires_at
                     WHEN 'release_narrowed' THEN rel.signed_at ELSE c.opened_at END AS started_at,
       c.opened_at, c.due_at, c.status, c.completed_at,
       count(t.id)::int AS tasks,
       count(t.id) FILTER (WHERE t.status = 'done')::int AS removed,
       count(t.id) FILTER (WHERE t.status = 'not_removable')::int AS not_removable
  FROM removal_cases c
  JOIN patients p ON p.id = c.patient_id
  LEFT JOIN revocations r ON r.id = c.revocation_id
  LEFT JOIN releases rel ON rel.id = c.release_id
  LEFT JOIN removal_tasks t ON t.case_id = c.id
 WHERE c.opened_at >= $1 AND c.opened_at < $2
 GROUP BY c.id, p.code, r.received_at, rel.expires_at, rel.signed_at`;

/** How well the clinic keeps its removal promise (issue: reports), for the privacy officer. */
@Injectable()
export class RemovalReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async summary(period: { from?: string; to?: string }): Promise<RemovalReportDto> {
    const { from, to, now } = this.period(period);
    const [row] = await this.dataSource.query<
      {
        opened: number;
        open: number;
        overdue: number;
        closed: number;
        within: number;
        median: number | null;
        p95: number | null;
      }[]
    >(
      `WITH cases AS (${CASES_SQL}),
            closed AS (SELECT extract(epoch FROM completed_at - started_at) / ${DAY_SECONDS} AS days
                         FROM cases WHERE status = 'completed')
       SELECT count(*)::int AS opened,
              count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'open' AND due_at <= $3)::int AS overdue,
              count(*) FILTER (WHERE status = 'completed')::int AS closed,
              count(*) FILTER (WHERE status = 'completed' AND completed_at <= due_at)::int AS within,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FROM closed)::float8 AS median,
              (SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY days) FROM closed)::float8 AS p95
         FROM cases`,
      [from, to, now],
    );
    return {
      generatedAt: now,
      from,
      to,
      opened: row.opened,
      open: row.open,
      overdue: row.overdue,
      closed: row.closed,
      closedWithinDeadline: row.within,
      shareClosedWithinDeadline: row.closed > 0 ? row.within / row.closed : null,
      daysToClose: { median: rounded(row.median), p95: rounded(row.p95) },
    };
  }

  /**
   * Cases opened and closed in each week of the period, on the clinic's calendar (weeks start on
   * Monday where the clinic is), and the share of the week's closings made by their deadline.
   */
  async weekly(period: { from?: string; to?: string }): Promise<RemovalWeeklyReportDto> {
    const { from, to, now } = this.period(period);
    if (to.getTime() - from.getTime() > MAX_REPORT_WEEKS * 7 * DAY_SECONDS * 1000) {
      throw new ValidationFailedError([
        { field: 'from', messages: [`the weekly report covers at most ${MAX_REPORT_WEEKS} weeks`] },
      ]);
    }
    const timeZone = this.config.clinicTimeZone;
    // date_trunc on the local wall time gives the local Monday; generate_series lists the weeks
    // without cases too, so a chart shows quiet weeks as zero rather than skipping them.
    const weeks = await this.dataSource.query<{ week_start: string; opened: number; closed: number; within: number }[]>(
      `WITH weeks AS (
         SELECT generate_series(date_trunc('week', $1::timestamptz AT TIME ZONE $3),
                                date_trunc('week', ($2::timestamptz - interval '1 microsecond') AT TIME ZONE $3),
                                interval '1 week') AS week_start),
       opened AS (
         SELECT date_trunc('week', opened_at AT TIME ZONE $3) AS week_start, count(*)::int AS opened
           FROM removal_cases WHERE opened_at >= $1 AND opened_at < $2 GROUP BY 1),
       closed AS (
         SELECT date_trunc('week', completed_at AT TIME ZONE $3) AS week_start, count(*)::int AS closed,
                count(*) FILTER (WHERE completed_at <= due_at)::int AS within
           FROM removal_cases
          WHERE status = 'completed' AND completed_at >= $1 AND completed_at < $2 GROUP BY 1)
       SELECT to_char(w.week_start, 'YYYY-MM-DD') AS week_start, coalesce(o.opened, 0) AS opened,
              coalesce(c.closed, 0) AS closed, coalesce(c.within, 0) AS within
         FROM weeks w LEFT JOIN opened o USING (week_start) LEFT JOIN closed c USING (week_start)
        ORDER BY w.week_start`,
      [from, to, timeZone],
    );
    return {
      generatedAt: now,
      from,
      to,
      timeZone,
      weeks: weeks.map((week) => ({
        weekStart: week.week_start,
        opened: week.opened,
        closed: week.closed,
        closedWithinDeadline: week.within,
        shareClosedWithinDeadline: week.closed > 0 ? week.within / week.closed : null,
      })),
    };
  }

  /** Every case of the period, oldest first, for the CSV export. */
  async rows(period: { from?: string; to?: string }): Promise<{ from: Date; to: Date; rows: RemovalReportRow[] }> {
    const { from, to } = this.period(period);
    const cases = await this.dataSource.query<
      {
        id: string;
        patient_code: string;
        origin: string;
        started_at: Date;
        opened_at: Date;
        due_at: Date;
        status: string;
        completed_at: Date | null;
        tasks: number;
        removed: number;
        not_removable: number;
      }[]
    >(`${CASES_SQL} ORDER BY c.opened_at, c.id`, [from, to]);
    return {
      from,
      to,
      rows: cases.map((row) => ({
        caseId: row.id,
        patientCode: row.patient_code,
        origin: row.origin,
        startedAt: row.started_at,
        openedAt: row.opened_at,
        dueAt: row.due_at,
        status: row.status,
        completedAt: row.completed_at,
        daysToClose: row.completed_at
          ? rounded((row.completed_at.getTime() - row.started_at.getTime()) / (DAY_SECONDS * 1000))
          : null,
        withinDeadline: row.completed_at ? row.completed_at.getTime() <= row.due_at.getTime() : null,
        tasks: row.tasks,
        removed: row.removed,
        notRemovable: row.not_removable,
      })),
    };
  }

  private period(period: { from?: string; to?: string }): { from: Date; to: Date; now: Date } {
    const now = this.clock.now();
    const to = period.to ? new Date(period.to) : now;
    const from = period.from ? new Date(period.from) : new Date(to.getTime() - YEAR_MS);
    if (from.getTime() >= to.getTime()) {
      throw new ValidationFailedError([{ field: 'from', messages: ['from must be before to'] }]);
    }
    return { from, to, now };
  }
}

/** Days to one decimal. */
function rounded(days: number | null): number | null {
  return days === null ? null : Math.round(days * 10) / 10;
}
