import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { ClearanceService, type PhotoClearanceFacts } from '../rights/clearance.service.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { assertPatientPhotos } from '../patients/patient-checks.js';
import { recordPublication } from '../publications/publication-status.js';
import { locationColumns, publishedAtOf } from '../publications/publications.service.js';
import { decideClearance, presentOf, type ClearanceDecision, type IntendedUse } from '../rights/clearance.js';
import type { DiscoveredPublicationDto } from './dto/removal-task.dto.js';
import { RemovalNotifier } from './removal-notifier.js';
import { DEFAULT_TASK_OWNER_SQL, removalWorker } from './removal-task-owners.service.js';
import { RemovalTimers } from './removal-timers.js';

/**
 * A publication found after the case was opened (an old album, a printed flyer someone kept
 * handing out): recorded as `removal_pending` with a task in the case, reopening a completed case.
 * The deadline stays the one promised when the request came in; the timers run again from where
 * they stopped, so a case reopened after its deadline is flagged overdue at once.
 */
@Injectable()
export class DiscoveredPublicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clearance: ClearanceService,
    private readonly timers: RemovalTimers,
    private readonly notifier: RemovalNotifier,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async add(caseId: string, input: DiscoveredPublicationDto, caller: Caller): Promise<string> {
    const location = locationColumns(input.location);
    if (Object.values(location).every((value) => value === null)) {
      throw new ValidationFailedError([
        { field: 'location', messages: ['say where it was found: url, postId, campaign or printRun'] },
      ]);
    }
    const publishedAt = publishedAtOf(input.publishedAt, this.clock.now());
    return this.dataSource.transaction(async (manager) => {
      const [removalCase] = await manager.query<{ patient_id: string; status: string; due_at: Date }[]>(
        'SELECT patient_id, status, due_at FROM removal_cases WHERE id = $1 FOR UPDATE',
        [caseId],
      );
      if (!removalCase) throw new NotFoundError('The removal case');
      const patientId = removalCase.patient_id;
      const { facts, use, decision } = await this.decideFound(manager, patientId, input);
      const publicationId = await recordPublication(
        manager,
        {
          photoId: input.photoId,
          patientId,
          channel: input.channel,
          ...location,
          faceShown: use.faceShown,
          marksObscured: use.marksObscured,
          nameShown: use.nameShown,
          paid: use.paid,
          publishedAt,
          publishedByUserId: null,
          releaseId: decision.releaseId,
          hosted: false,
          mediaToken: null,
          howFound: input.howFound.trim(),
          clearedWhenPublished: decideClearance(facts, { ...use, at: publishedAt < use.at ? publishedAt : use.at })
            .allowed,
        },
        'removal_pending',
      );
      const [task] = await manager.query<{ id: string; assignee_user_id: string | null }[]>(
        `INSERT INTO removal_tasks (case_id, publication_id, status, assignee_user_id)
         SELECT $1, $2, 'open', ${DEFAULT_TASK_OWNER_SQL('$3')}
         RETURNING id, assignee_user_id`,
        [caseId, publicationId, input.channel],
      );
      const entries: AuditEntry[] = [
        {
          action: 'publication.discovered',
          entityType: 'publication',
          entityId: publicationId,
          patientId,
          details: {
            removalCaseId: caseId,
            taskId: task.id,
            photoId: input.photoId,
            channel: input.channel,
            reasons: decision.reasons.map((reason) => reason.code),
          },
        },
      ];
      if (removalCase.status === 'completed') {
        entries.push(await this.reopen(manager, caseId, patientId, removalCase.due_at, publicationId));
      }
      if (task.assignee_user_id) {
        await this.notifier.taskAssigned(manager, task.id, await removalWorker(manager, task.assignee_user_id));
      } else {
        await this.notifier.taskWithoutOwner(manager, task.id);
      }
      await this.audit.recordEach(caller, entries, manager);
      return caseId;
    });
  }

  /**
   * Decides the use found: it must be one consent no longer clears (409 otherwise), under a release
   * on record (422 otherwise), which is what ties it to the case.
   */
  private async decideFound(
    manager: EntityManager,
    patientId: string,
    input: DiscoveredPublicationDto,
  ): Promise<{ facts: PhotoClearanceFacts; use: IntendedUse; decision: ClearanceDecision & { releaseId: string } }> {
    await assertPatientPhotos(manager, patientId, [input.photoId]);
    const facts = (await this.clearance.loadFacts([input.photoId], manager)).get(input.photoId) as PhotoClearanceFacts;
    const use = {
      channel: input.channel,
      // Now, read after the case's lock, and at presentOf the facts: a renewal or hold that
      // committed while this waited counts, even when stamped by an instance a little ahead.
      at: presentOf(facts, this.clock.now()),
      faceShown: input.faceShown ?? facts.faceVisible,
      marksObscured: input.marksObscured ?? false,
      nameShown: input.nameShown ?? false,
      paid: input.paid ?? false,
    };
    const decision = decideClearance(facts, use);
    if (decision.allowed) {
      throw new DomainError(
        'publication_cleared',
        409,
        'Consent still clears this use, so it is not a removal: record it with POST /api/v1/publications.',
      );
    }
    if (!decision.releaseId) {
      throw new DomainError(
        'no_release_on_record',
        422,
        'No release of this patient covers the photo, so the publication cannot be tied to one. Take it down and ' +
          'record the evidence on the case with a task of its own once a release is on file.',
      );
    }
    return { facts, use, decision: { ...decision, releaseId: decision.releaseId } };
  }

  /** Opens a completed case again, with its original deadline and timers; returns the audit entry. */
  private async reopen(
    manager: EntityManager,
    caseId: string,
    patientId: string,
    dueAt: Date,
    publicationId: string,
  ): Promise<AuditEntry> {
    await manager.query(
      "UPDATE removal_cases SET status = 'open', completed_at = NULL, updated_at = now() WHERE id = $1",
      [caseId],
    );
    await this.timers.schedule(manager, caseId, dueAt);
    return {
      action: 'removal_case.reopen',
      entityType: 'removal_case',
      entityId: caseId,
      patientId,
      details: { publicationId, dueAt: dueAt.toISOString() },
    };
  }
}
