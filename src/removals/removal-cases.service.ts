import { Injectable } from '@nestjs/common';
import { API_PREFIX } from '../common/api-prefix.js';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { NotFoundError } from '../common/domain-error.js';
import { pageCursor, readPageCursor } from '../common/page-cursor.js';
import {
  AssignedRemovalTaskDto,
  RemovalCaseDto,
  RemovalCaseSummaryDto,
  RemovalProgressDto,
  RemovalTaskDto,
  type RemovalCasePageDto,
  type RemovalCaseQueryDto,
} from './dto/removal-case.dto.js';
import type { RemovalCaseOrigin, RemovalCaseStatus } from './removal-case.entity.js';
import type { RemovalEvidenceKind, RemovalTaskStatus } from './removal-task.entity.js';
import type { PublicationStatus } from '../publications/publication.entity.js';

const DEFAULT_PAGE_SIZE = 50;
const OPEN_TASK_STATUSES: readonly RemovalTaskStatus[] = ['open', 'not_removable_requested'];

interface CaseRow {
  id: string;
  patient_id: string;
  patient_code: string;
  origin: RemovalCaseOrigin;
  revocation_id: string | null;
  release_id: string | null;
  status: RemovalCaseStatus;
  opened_at: Date;
  due_at: Date;
  completed_at: Date | null;
  tasks: number;
  open_tasks: number;
  done_tasks: number;
  not_removable_tasks: number;
}

interface TaskRow {
  id: string;
  case_id: string;
  publication_id: string;
  photo_id: string;
  channel: string;
  url: string | null;
  post_id: string | null;
  campaign: string | null;
  print_run: string | null;
  hosted: boolean;
  publication_status: PublicationStatus;
  status: RemovalTaskStatus;
  assignee_user_id: string | null;
  evidence_kind: RemovalEvidenceKind | null;
  evidence: Record<string, unknown> | null;
  completed_at: Date | null;
  completed_by_user_id: string | null;
  not_removable_reason: string | null;
  approved_by_user_id: string | null;
  approved_at: Date | null;
}

// Each case with its patient's pseudonymous code and how far its tasks have come.
const CASE_SQL = `
SELECT c.id, c.patient_id, p.code AS patient_code, c.origin, c.revocation_id, c.release_id, c.status,
       c.opened_at, c.due_at, c.completed_at,
       count(t.id)::int AS tasks,
       count(t.id) FILTER (WHERE t.status IN ('open', 'not_removable_requested'))::int AS open_tasks,
       count(t.id) FILTER (WHERE t.status = 'done')::int AS done_tasks,
       count(t.id) FILTER (WHERE t.status = 'not_removable')::int AS not_removable_tasks
  FROM removal_cases c
  JOIN patients p ON p.id = c.patient_id
  LEFT JOIN removal_tasks t ON t.case_id = c.id`;

/** Removal cases and their tasks, as the privacy officer and the task owners follow them. */
@Injectable()
export class RemovalCasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Cases matching the filter, soonest deadline first. */
  async list(filter: RemovalCaseQueryDto): Promise<RemovalCasePageDto> {
    const now = this.clock.now();
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const parameter = (value: unknown) => `$${parameters.push(value)}`;
    if (filter.status) conditions.push(`c.status = ${parameter(filter.status)}`);
    if (filter.patientId) conditions.push(`c.patient_id = ${parameter(filter.patientId)}`);
    if (filter.dueBefore) conditions.push(`c.due_at < ${parameter(new Date(filter.dueBefore))}`);
    if (filter.overdue !== undefined) {
      const overdue = `(c.status = 'open' AND c.due_at <= ${parameter(now)})`;
      conditions.push(filter.overdue ? overdue : `NOT ${overdue}`);
    }
    if (filter.before) {
      const before = readPageCursor(filter.before);
      conditions.push(`(c.due_at, c.id) > (${parameter(before.at)}, ${parameter(before.id)})`);
    }
    const limit = filter.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.dataSource.query<CaseRow[]>(
      `${CASE_SQL} ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
       GROUP BY c.id, p.code ORDER BY c.due_at, c.id LIMIT ${parameter(limit + 1)}`,
      parameters,
    );
    const items = rows.slice(0, limit).map((row) => summaryOf(row, now));
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > limit && last ? pageCursor(last.dueAt, last.id) : null,
    };
  }

  async get(id: string): Promise<RemovalCaseDto> {
    const [row] = await this.dataSource.query<CaseRow[]>(`${CASE_SQL} WHERE c.id = $1 GROUP BY c.id, p.code`, [id]);
    if (!row) throw new NotFoundError('The removal case');
    const tasks = await this.dataSource.query<TaskRow[]>(
      `SELECT t.id, t.case_id, t.publication_id, pub.photo_id, pub.channel, pub.url, pub.post_id, pub.campaign,
              pub.print_run, pub.hosted, pub.status AS publication_status, t.status, t.assignee_user_id,
              t.evidence_kind, t.evidence, t.completed_at, t.completed_by_user_id, t.not_removable_reason,
              t.approved_by_user_id, t.approved_at
         FROM removal_tasks t JOIN publications pub ON pub.id = t.publication_id
        WHERE t.case_id = $1 ORDER BY t.created_at, t.id`,
      [id],
    );
    return Object.assign(new RemovalCaseDto(), summaryOf(row, this.clock.now()), { tasks: tasks.map(taskView) });
  }

  /** The tasks assigned to a staff member, soonest case deadline first. */
  async assignedTo(userId: string, status: RemovalTaskStatus | undefined): Promise<AssignedRemovalTaskDto[]> {
    const now = this.clock.now();
    const rows = await this.dataSource.query<AssignedTaskRow[]>(
      `SELECT t.id, t.case_id, t.publication_id, pub.photo_id, pub.channel, pub.url, pub.post_id, pub.campaign,
              pub.print_run, pub.hosted, pub.status AS publication_status, t.status, t.assignee_user_id,
              t.evidence_kind, t.evidence, t.completed_at, t.completed_by_user_id, t.not_removable_reason,
              t.approved_by_user_id, t.approved_at, c.due_at, p.code AS patient_code
         FROM removal_tasks t
         JOIN publications pub ON pub.id = t.publication_id
         JOIN removal_cases c ON c.id = t.case_id
         JOIN patients p ON p.id = c.patient_id
        WHERE t.assignee_user_id = $1 AND ($2::text IS NULL OR t.status = $2)
        ORDER BY c.due_at, t.created_at, t.id`,
      [userId, status ?? null],
    );
    return rows.map((row) =>
      Object.assign(new AssignedRemovalTaskDto(), taskView(row), {
        dueAt: row.due_at,
        overdue: OPEN_TASK_STATUSES.includes(row.status) && row.due_at.getTime() <= now.getTime(),
        patientCode: row.patient_code,
      }),
    );
  }
}

/** A task row with its case's deadline and patient's code. */
interface AssignedTaskRow extends TaskRow {
  due_at: Date;
  patient_code: string;
}

function summaryOf(row: CaseRow, now: Date): RemovalCaseSummaryDto {
  return Object.assign(new RemovalCaseSummaryDto(), {
    id: row.id,
    patientId: row.patient_id,
    patientCode: row.patient_code,
    origin: row.origin,
    revocationId: row.revocation_id,
    releaseId: row.release_id,
    status: row.status,
    openedAt: row.opened_at,
    dueAt: row.due_at,
    overdue: row.status === 'open' && row.due_at.getTime() <= now.getTime(),
    completedAt: row.completed_at,
    progress: Object.assign(new RemovalProgressDto(), {
      tasks: row.tasks,
      open: row.open_tasks,
      done: row.done_tasks,
      notRemovable: row.not_removable_tasks,
    }),
  });
}

function taskView(row: TaskRow): RemovalTaskDto {
  return Object.assign(new RemovalTaskDto(), {
    id: row.id,
    caseId: row.case_id,
    publicationId: row.publication_id,
    photoId: row.photo_id,
    channel: row.channel,
    url: row.url,
    postId: row.post_id,
    campaign: row.campaign,
    printRun: row.print_run,
    hosted: row.hosted,
    publicationStatus: row.publication_status,
    status: row.status,
    assigneeUserId: row.assignee_user_id,
    evidenceKind: row.evidence_kind,
    evidence: row.evidence,
    completedAt: row.completed_at,
    completedByUserId: row.completed_by_user_id,
    notRemovableReason: row.not_removable_reason,
    approvedByUserId: row.approved_by_user_id,
    approvedAt: row.approved_at,
    screenshotUrl: row.evidence_kind === 'screenshot' ? `/${API_PREFIX}/removal-tasks/${row.id}/screenshot` : null,
  });
}
