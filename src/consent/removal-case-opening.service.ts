import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClearanceService, type PhotoClearanceFacts } from '../rights/clearance.service.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { decideClearance, presentOf } from '../rights/clearance.js';
import type {
  DecidedPublication,
  OpenedRemovalCase,
  RemovalCaseRequest,
  RemovalCaseSource,
} from '../rights/consent-changes.js';
import { takeDownSql } from '../publications/publication-status.js';
import { DEFAULT_TASK_OWNER_SQL } from '../removals/removal-task-owners.service.js';
import { RemovalNotifier } from '../removals/removal-notifier.js';
import { RemovalTimers } from '../removals/removal-timers.js';

/**
 * Opens a removal case (docs/architecture.md §3), in the caller's transaction: the publications no longer
 * cleared are taken down (hosted ones removed at once, their task done with the service's own
 * evidence) or marked removal_pending with a task for the channel's default owner; the deadline is
 * computed by the database; the timers are scheduled and the owners told.
 */
@Injectable()
export class RemovalCaseOpeningService {
  constructor(
    private readonly clearance: ClearanceService,
    private readonly timers: RemovalTimers,
    private readonly notifier: RemovalNotifier,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Every live publication of the patient that the current facts no longer clear now, for a caller
   * holding the consent locks (ConsentChanges): the clock is read here, after it, and each
   * publication decided at `presentOf` its photo's facts, so that a renewal stamped by an instance
   * whose clock runs a little ahead, which has committed, counts.
   */
  async uncleared(manager: EntityManager, patientId: string): Promise<DecidedPublication[]> {
    const live = await manager.query<
      (Omit<DecidedPublication, 'decision'> & {
        face_shown: boolean;
        marks_obscured: boolean;
        name_shown: boolean;
        paid: boolean;
      })[]
    >(
      `SELECT id, photo_id, channel, face_shown, marks_obscured, name_shown, paid, hosted
         FROM publications WHERE patient_id = $1 AND status = 'live' ORDER BY created_at, id`,
      [patientId],
    );
    const facts = await this.clearance.loadFacts(
      live.map((publication) => publication.photo_id),
      manager,
    );
    const now = this.clock.now();
    return live
      .map((publication) => {
        const photoFacts = facts.get(publication.photo_id) as PhotoClearanceFacts;
        return {
          id: publication.id,
          photo_id: publication.photo_id,
          channel: publication.channel,
          hosted: publication.hosted,
          decision: decideClearance(photoFacts, {
            channel: publication.channel,
            at: presentOf(photoFacts, now),
            faceShown: publication.face_shown,
            marksObscured: publication.marks_obscured,
            nameShown: publication.name_shown,
            paid: publication.paid,
          }),
        };
      })
      .filter((publication) => !publication.decision.allowed);
  }

  /**
   * Opens the case for `publications`, due REMOVAL_DEADLINE_DAYS after `startsAt` (when the request
   * was received, the release expired, the narrowing version was signed or the date of birth was
   * corrected). With nothing left to take down by hand it opens completed.
   */
  async open(
    manager: EntityManager,
    patientId: string,
    { source, startsAt, publications }: RemovalCaseRequest,
  ): Promise<OpenedRemovalCase> {
    const hostedIds = publications.filter((publication) => publication.hosted).map((publication) => publication.id);
    const pendingIds = publications.filter((publication) => !publication.hosted).map((publication) => publication.id);
    const open = pendingIds.length > 0;
    const now = this.clock.now();
    const [removalCase] = await manager.query<{ id: string; due_at: Date }[]>(
      `INSERT INTO removal_cases (patient_id, origin, revocation_id, release_id, due_at, status, opened_at,
                                  completed_at)
       VALUES ($1, $2, $3, $4, $5::timestamptz + make_interval(days => $6),
               CASE WHEN $7 THEN 'open' ELSE 'completed' END, $8, CASE WHEN $7 THEN NULL ELSE $8::timestamptz END)
       RETURNING id, due_at`,
      [
        patientId,
        source.origin,
        source.origin === 'revocation' ? source.revocationId : null,
        'releaseId' in source ? source.releaseId : null,
        startsAt,
        this.config.removalDeadlineDays,
        open,
        now,
      ],
    );
    // In one statement with the tasks: a hosted one's is done with the service's own evidence; each
    // other goes to its channel's default owner.
    await manager.query(
      `WITH taken_down AS (${takeDownSql('$2')})
       INSERT INTO removal_tasks (case_id, publication_id, status, evidence_kind, evidence, completed_at,
                                  assignee_user_id)
       SELECT $1, id,
              CASE WHEN hosted THEN 'done' ELSE 'open' END,
              CASE WHEN hosted THEN 'service_hosted' END,
              CASE WHEN hosted THEN jsonb_build_object('publicUrlAnswers', 410, 'mediaToken', media_token) END,
              CASE WHEN hosted THEN $3::timestamptz END,
              CASE WHEN NOT hosted THEN ${DEFAULT_TASK_OWNER_SQL('taken_down.channel')} END
         FROM taken_down`,
      [removalCase.id, [...hostedIds, ...pendingIds], now],
    );
    if (open) {
      await this.timers.schedule(manager, removalCase.id, removalCase.due_at);
      await this.notifier.caseOpened(manager, removalCase.id);
    } else if (publications.length > 0) {
      // Only hosted publications: all down already, so the patient hears what came down at once.
      await this.notifier.caseClosed(manager, removalCase.id);
    }
    const details = { ...sourceDetails(source), removalCaseId: removalCase.id };
    // Why each came down: the rule's reasons, as the public media URL records its own.
    const reasonsOf = new Map(
      publications.map((publication) => [publication.id, publication.decision.reasons.map((reason) => reason.code)]),
    );
    return {
      caseId: removalCase.id,
      open,
      auditEntries: [
        {
          action: 'removal_case.open',
          entityType: 'removal_case',
          entityId: removalCase.id,
          patientId,
          details: {
            ...sourceDetails(source),
            dueAt: removalCase.due_at.toISOString(),
            tasks: publications.length,
            removedByService: hostedIds.length,
          },
        },
        ...hostedIds.map((publicationId) => ({
          action: 'publication.media_withdrawn',
          entityType: 'publication',
          entityId: publicationId,
          patientId,
          details: { ...details, reasons: reasonsOf.get(publicationId) },
        })),
        ...pendingIds.map((publicationId) => ({
          action: 'publication.removal_pending',
          entityType: 'publication',
          entityId: publicationId,
          patientId,
          details: { ...details, reasons: reasonsOf.get(publicationId) },
        })),
      ],
    };
  }
}

function sourceDetails(source: RemovalCaseSource): Record<string, string> {
  const { origin, ...reference } = source;
  return origin === 'date_of_birth_corrected' ? { origin } : reference;
}
