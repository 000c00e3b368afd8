import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import { actingUserId, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError } from '../common/domain-error.js';
import type { UploadedFile } from '../common/multipart.js';
import { ImageService } from '../images/image.service.js';
import { putAllOrNone, transactionOwningObjects } from '../storage/object-batch.js';
import { settleRemoval } from '../publications/publication-status.js';
import { ObjectOwners, type ObjectOwner } from '../storage/object-owners.js';
import { ObjectStore, type GetResult } from '../storage/object-store.js';
import type { CompleteTaskDto, NotRemovableDto, TaskEvidenceDto } from './dto/removal-task.dto.js';
import { RemovalNotifier } from './removal-notifier.js';
import { removalWorker } from './removal-task-owners.service.js';
import { RemovalTaskEntity, type RemovalTaskStatus } from './removal-task.entity.js';
import { UrlCheckService } from './url-check.service.js';

export const SCREENSHOT_FIELD = 'screenshot';

interface ScreenshotEvidence {
  screenshotId: string;
  contentType: string;
  sha256: string;
}

/**
 * Each upload gets its own key: an attempt that fails (say, on a task already done) deletes what
 * it stored without touching the screenshot that completed the task.
 */
/**
 * The screenshots of removal tasks. A task keeps only the screenshot its evidence names: one stored
 * by an attempt that never committed (the process died before its row was updated) is an orphan
 * under a task that exists. Tasks completed with a screenshot before each had an id of its own kept
 * it at <task>/screenshot.
 */
export const SCREENSHOT_OBJECTS: ObjectOwner = {
  prefix: 'removal-tasks/',
  referencedSql: `SELECT id::text || '/screenshots/' || (evidence->>'screenshotId') AS ref
                    FROM removal_tasks WHERE id = ANY($1::uuid[]) AND evidence->>'screenshotId' IS NOT NULL
                  UNION ALL
                  SELECT id::text || '/screenshot' FROM removal_tasks
                   WHERE id = ANY($1::uuid[]) AND evidence_kind = 'screenshot' AND evidence->>'screenshotId' IS NULL`,
  wholeRow: false,
};

function screenshotKey(taskId: string, screenshotId: string): string {
  return `${SCREENSHOT_OBJECTS.prefix}${taskId}/screenshots/${screenshotId}`;
}

/**
 * The work on one removal task (docs/architecture.md §3). A task completes only with evidence: a written
 * attestation, an uploaded screenshot, or the service's own URL check (hosted takedowns record
 * theirs when the case opens). A publication that cannot come down needs a reason and a privacy officer's approval. When
 * the last task of a case is done or approved as not removable, the case completes, in the same
 * transaction.
 */
@Injectable()
export class RemovalTasksService implements OnModuleInit {
  private readonly logger = new Logger(RemovalTasksService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly images: ImageService,
    private readonly store: ObjectStore,
    private readonly audit: AuditService,
    private readonly notifier: RemovalNotifier,
    private readonly urlCheck: UrlCheckService,
    private readonly clock: Clock,
    private readonly objectOwners: ObjectOwners,
  ) {}

  onModuleInit(): void {
    this.objectOwners.register(SCREENSHOT_OBJECTS);
  }

  async complete(
    taskId: string,
    input: CompleteTaskDto,
    screenshot: UploadedFile | undefined,
    caller: Caller,
  ): Promise<string> {
    const evidence =
      input.evidence.kind === 'url_check'
        ? await this.checkedUrl(taskId, input.evidence, screenshot, caller)
        : await this.evidenceOf(input, screenshot);
    const key = typeof evidence.screenshotId === 'string' ? screenshotKey(taskId, evidence.screenshotId) : null;
    // Nothing is stored for a task that does not exist or is closed (checked again under the lock).
    assertStatus(await this.find(this.dataSource.manager, taskId), ['open', 'not_removable_requested'], 'completed');
    if (screenshot && key) await putAllOrNone(this.store, [[key, screenshot.bytes]], this.logger);
    return transactionOwningObjects(this.dataSource, this.store, key ? [key] : [], this.logger, async (manager) => {
      const task = await this.find(manager, taskId, { lock: true });
      assertStatus(task, ['open', 'not_removable_requested'], 'completed');
      await manager.query(
        `UPDATE removal_tasks SET status = 'done', evidence_kind = $2, evidence = $3, completed_at = $5,
                  completed_by_user_id = $4, updated_at = now()
            WHERE id = $1`,
        [taskId, input.evidence.kind, JSON.stringify(evidence), actingUserId(caller), this.clock.now()],
      );
      await settleRemoval(manager, task.publicationId, 'removed');
      await this.closeCaseIfDone(manager, task, caller, {
        action: 'removal_task.complete',
        entityType: 'removal_task',
        entityId: taskId,
        details: { caseId: task.caseId, publicationId: task.publicationId, evidenceKind: input.evidence.kind },
      });
      return task.caseId;
    });
  }

  /** Gives the task to another staff member who works removal tasks, and tells them. */
  async assign(taskId: string, userId: string, caller: Caller): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.find(manager, taskId, { lock: true });
      assertStatus(task, ['open', 'not_removable_requested'], 'reassigned');
      const owner = await removalWorker(manager, userId);
      await manager.update(RemovalTaskEntity, { id: taskId }, { assigneeUserId: owner.userId });
      await this.audit.record(
        caller,
        {
          action: 'removal_task.assign',
          entityType: 'removal_task',
          entityId: taskId,
          patientId: await patientOf(manager, task.caseId),
          details: { caseId: task.caseId, from: task.assigneeUserId, to: owner.userId },
        },
        manager,
      );
      await this.notifier.taskAssigned(manager, taskId, owner);
      return task.caseId;
    });
  }

  async requestNotRemovable(taskId: string, input: NotRemovableDto, caller: Caller): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.find(manager, taskId, { lock: true });
      assertStatus(task, ['open'], 'marked not removable');
      await manager.update(
        RemovalTaskEntity,
        { id: taskId },
        {
          status: 'not_removable_requested',
          notRemovableReason: input.reason.trim(),
          notRemovableRequestedAt: this.clock.now(),
          notRemovableRequestedByUserId: actingUserId(caller),
        },
      );
      await this.audit.record(
        caller,
        {
          action: 'removal_task.not_removable_request',
          entityType: 'removal_task',
          entityId: taskId,
          patientId: await patientOf(manager, task.caseId),
          details: { caseId: task.caseId, publicationId: task.publicationId },
        },
        manager,
      );
      return task.caseId;
    });
  }

  /** The privacy officer's approval: the publication stays where it is, and is not distributed further. */
  async approveNotRemovable(taskId: string, caller: Caller): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.find(manager, taskId, { lock: true });
      assertStatus(task, ['not_removable_requested'], 'approved as not removable');
      await manager.update(
        RemovalTaskEntity,
        { id: taskId },
        { status: 'not_removable', approvedByUserId: actingUserId(caller), approvedAt: this.clock.now() },
      );
      await settleRemoval(manager, task.publicationId, 'not_removable');
      await this.closeCaseIfDone(manager, task, caller, {
        action: 'removal_task.not_removable_approve',
        entityType: 'removal_task',
        entityId: taskId,
        details: { caseId: task.caseId, publicationId: task.publicationId },
      });
      return task.caseId;
    });
  }

  async openScreenshot(taskId: string): Promise<{ contentType: string; sha256: string; object: GetResult }> {
    const task = await this.find(this.dataSource.manager, taskId);
    if (task.evidenceKind !== 'screenshot' || !task.evidence) throw new NotFoundError('A screenshot of this task');
    // Written by evidenceOf for every screenshot completion.
    const { contentType, sha256, screenshotId } = task.evidence as unknown as ScreenshotEvidence;
    return { contentType, sha256, object: await this.store.get(screenshotKey(taskId, screenshotId)) };
  }

  /**
   * The service's own check of the publication's URL on record. A check that does not
   * confirm the removal is refused with its findings, and recorded: it shows the task was worked.
   */
  private async checkedUrl(
    taskId: string,
    evidence: TaskEvidenceDto,
    screenshot: UploadedFile | undefined,
    caller: Caller,
  ): Promise<Record<string, unknown>> {
    if (screenshot) throw evidenceError('a URL check takes no file; send the screenshot as kind "screenshot"');
    // Nothing is fetched for a task that does not exist or is closed.
    const task = await this.find(this.dataSource.manager, taskId);
    assertStatus(task, ['open', 'not_removable_requested'], 'completed');
    const [publication] = await this.dataSource.query<{ url: string | null; photo_id: string }[]>(
      'SELECT url, photo_id FROM publications WHERE id = $1',
      [task.publicationId],
    );
    // Always the URL on record: a moved post is recorded first (PATCH /publications/{id}, audited), so
    // a check cannot be pointed at some other page that happens to be gone.
    if (publication.url === null) {
      throw evidenceError(
        'this publication has no URL on record; record it with PATCH /publications/{id}, or send a screenshot or an attestation',
      );
    }
    const result = await this.urlCheck.check(publication.photo_id, publication.url, evidence.imageUrl ?? null);
    if (!result.passed) {
      await this.audit.record(caller, {
        action: 'removal_task.url_check_failed',
        entityType: 'removal_task',
        entityId: taskId,
        patientId: await patientOf(this.dataSource.manager, task.caseId),
        details: { caseId: task.caseId, publicationId: task.publicationId, check: result },
      });
      throw new DomainError(
        'removal_not_confirmed',
        422,
        `The URL check does not confirm the removal: ${result.finding} The task stays open.`,
        { check: result },
      );
    }
    return { ...result };
  }

  /** What proves the takedown; 422 when the request brings none. */
  private async evidenceOf(
    input: CompleteTaskDto,
    screenshot: UploadedFile | undefined,
  ): Promise<Record<string, unknown>> {
    const { evidence } = input;
    if (evidence.kind === 'attestation') {
      if (screenshot) throw evidenceError('an attestation takes no file; send the screenshot as kind "screenshot"');
      if (!evidence.statement?.trim()) throw evidenceError('an attestation needs its statement');
      return {
        statement: evidence.statement.trim(),
        ...(evidence.observedAt ? { observedAt: evidence.observedAt } : {}),
      };
    }
    if (!screenshot) throw evidenceError(`a screenshot must be sent as the \`${SCREENSHOT_FIELD}\` file`);
    const checked = await this.images.checkDocument(screenshot.bytes, SCREENSHOT_FIELD);
    return {
      screenshotId: randomUUID(),
      contentType: checked.contentType,
      bytes: screenshot.bytes.length,
      sha256: checked.sha256,
      ...(evidence.observedAt ? { observedAt: evidence.observedAt } : {}),
      ...(evidence.statement?.trim() ? { statement: evidence.statement.trim() } : {}),
    };
  }

  private async find(manager: EntityManager, taskId: string, options: { lock?: boolean } = {}) {
    const task = await manager.findOne(RemovalTaskEntity, {
      where: { id: taskId },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!task) throw new NotFoundError('The removal task');
    return task;
  }

  /**
   * Records the task's event and, when no task of its case is left open, completes the case (the
   * case row is locked first, so two last tasks completing together close it once).
   */
  private async closeCaseIfDone(
    manager: EntityManager,
    task: RemovalTaskEntity,
    caller: Caller,
    entry: Omit<AuditEntry, 'patientId'>,
  ): Promise<void> {
    const [removalCase] = await manager.query<{ patient_id: string; status: string }[]>(
      'SELECT patient_id, status FROM removal_cases WHERE id = $1 FOR UPDATE',
      [task.caseId],
    );
    const [{ open }] = await manager.query<{ open: number }[]>(
      "SELECT count(*)::int AS open FROM removal_tasks WHERE case_id = $1 AND status NOT IN ('done', 'not_removable')",
      [task.caseId],
    );
    const entries: AuditEntry[] = [{ ...entry, patientId: removalCase.patient_id }];
    if (open === 0 && removalCase.status === 'open') {
      await manager.query(
        "UPDATE removal_cases SET status = 'completed', completed_at = $2, updated_at = now() WHERE id = $1",
        [task.caseId, this.clock.now()],
      );
      await this.notifier.caseClosed(manager, task.caseId);
      entries.push({
        action: 'removal_case.complete',
        entityType: 'removal_case',
        entityId: task.caseId,
        patientId: removalCase.patient_id,
      });
    }
    await this.audit.recordEach(caller, entries, manager);
  }
}

function assertStatus(task: RemovalTaskEntity, allowed: RemovalTaskStatus[], what: string): void {
  if (!allowed.includes(task.status)) {
    throw new DomainError(
      'removal_task_state',
      409,
      `A task that is ${task.status.replace(/_/g, ' ')} cannot be ${what}.`,
      {
        taskStatus: task.status,
      },
    );
  }
}

function evidenceError(detail: string): DomainError {
  return new DomainError('evidence_required', 422, `A task completes only with evidence: ${detail}.`);
}

async function patientOf(manager: EntityManager, caseId: string): Promise<string> {
  const [row] = await manager.query<{ patient_id: string }[]>('SELECT patient_id FROM removal_cases WHERE id = $1', [
    caseId,
  ]);
  return row.patient_id;
}
