import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { API_PREFIX } from '../common/api-prefix.js';
import { AppConfig } from '../config/app-config.js';
import { calendarDay } from '../common/calendar.js';
import { NotificationsService, type Message, type StaffRecipient } from '../notifications/notifications.service.js';
import type { RemovalCaseOrigin } from './removal-case.entity.js';
import type { RemovalTimerNotice } from './removal-timer-notices.js';

interface CaseFacts {
  id: string;
  patient_id: string;
  patient_code: string;
  origin: RemovalCaseOrigin;
  due_at: Date;
  opened_at: Date;
  completed_at: Date | null;
  received_at: Date | null;
  /** When the version that narrowed consent was signed, for a case it opened. */
  narrowed_at: Date | null;
}

interface TaskFacts {
  id: string;
  status: string;
  channel: string;
  location: string;
  hosted: boolean;
  completed_at: Date | null;
  evidence_kind: string | null;
  not_removable_reason: string | null;
  assignee_user_id: string | null;
  assignee_email: string | null;
  assignee_name: string | null;
}

interface PatientContact {
  full_name: string;
  address: string | null;
}

const OPEN_TASK = new Set(['open', 'not_removable_requested']);

/**
 * Who hears about a removal case, and what they are told. Staff messages name the case, the
 * patient's pseudonymous code and the places to take down, never the patient; the closing letter
 * and the receipt go to the patient (or, without an address of theirs, their guardian's).
 */
@Injectable()
export class RemovalNotifier {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  /** To each owner of an open task (privacy officers for unassigned ones): what to take down, by when. */
  async caseOpened(manager: EntityManager, caseId: string): Promise<void> {
    const { removalCase, tasks } = await this.load(manager, caseId);
    const open = tasks.filter((task) => OPEN_TASK.has(task.status));
    const messages = await this.toOwners(manager, open, (owner, owned) => ({
      kind: 'removal_case_opened',
      dedupeKey: `removal_case:${caseId}:opened:${owner.userId}`,
      subject: `Removal case for patient ${removalCase.patient_code}: ${owned.length} to take down by ${this.day(removalCase.due_at)}`,
      body: [
        `Hello ${owner.displayName},`,
        '',
        `Consent for these publications of patient ${removalCase.patient_code} has ended. Take them down and record the evidence by ${this.day(removalCase.due_at)}:`,
        '',
        ...owned.map(taskLine),
        '',
        this.caseLink(caseId),
      ].join('\n'),
    }));
    await this.send(manager, caseId, messages);
  }

  /** A task added to a case with no owner for its channel: every privacy officer hears of it. */
  async taskWithoutOwner(manager: EntityManager, taskId: string): Promise<void> {
    const [task] = await manager.query<{ case_id: string }[]>('SELECT case_id FROM removal_tasks WHERE id = $1', [
      taskId,
    ]);
    const { removalCase, tasks } = await this.load(manager, task.case_id);
    const added = tasks.filter((candidate) => candidate.id === taskId);
    const officers = await this.notifications.privacyOfficers(manager);
    await this.send(
      manager,
      removalCase.id,
      officers.map((officer) => ({
        kind: 'removal_task_assigned' as const,
        dedupeKey: `removal_task:${taskId}:unowned:${officer.userId}`,
        address: officer.email,
        userId: officer.userId,
        subject: `Removal task without an owner for patient ${removalCase.patient_code}, due ${this.day(removalCase.due_at)}`,
        body: [
          `Hello ${officer.displayName},`,
          '',
          `A publication found later was added to this removal case, and its channel has no default owner. Assign it, or take it down and record the evidence by ${this.day(removalCase.due_at)}:`,
          '',
          ...added.map(taskLine),
          '',
          this.caseLink(removalCase.id),
        ].join('\n'),
      })),
    );
  }

  /** A task given to someone: tell them. */
  async taskAssigned(manager: EntityManager, taskId: string, owner: StaffRecipient): Promise<void> {
    const [task] = await manager.query<{ case_id: string }[]>('SELECT case_id FROM removal_tasks WHERE id = $1', [
      taskId,
    ]);
    const { removalCase, tasks } = await this.load(manager, task.case_id);
    const assigned = tasks.filter((candidate) => candidate.id === taskId);
    await this.send(manager, removalCase.id, [
      {
        kind: 'removal_task_assigned',
        dedupeKey: `removal_task:${taskId}:assigned:${randomUUID()}`,
        address: owner.email,
        userId: owner.userId,
        subject: `Removal task for patient ${removalCase.patient_code}, due ${this.day(removalCase.due_at)}`,
        body: [
          `Hello ${owner.displayName},`,
          '',
          `This removal task is now yours; take it down and record the evidence by ${this.day(removalCase.due_at)}:`,
          '',
          ...assigned.map(taskLine),
          '',
          this.caseLink(removalCase.id),
        ].join('\n'),
      },
    ]);
  }

  /** A reminder, the escalation or the overdue alert of a case. */
  async timer(manager: EntityManager, caseId: string, notice: RemovalTimerNotice): Promise<void> {
    const { removalCase, tasks } = await this.load(manager, caseId);
    const open = tasks.filter((task) => OPEN_TASK.has(task.status));
    const due = this.day(removalCase.due_at);
    const messages: Message[] = [];
    if (notice.kind === 'reminder' || notice.kind === 'overdue') {
      messages.push(
        ...(await this.toOwners(manager, open, (owner, owned) => ({
          kind: notice.kind === 'reminder' ? 'removal_reminder' : 'removal_overdue',
          dedupeKey: `removal_case:${caseId}:${notice.key}:${owner.userId}`,
          subject:
            notice.kind === 'reminder'
              ? `Reminder: ${owned.length} removal task(s) for patient ${removalCase.patient_code} due ${due} (${notice.daysBefore} days)`
              : `Overdue: removal task(s) for patient ${removalCase.patient_code} were due ${due}`,
          body: [
            `Hello ${owner.displayName},`,
            '',
            notice.kind === 'reminder'
              ? `These publications of patient ${removalCase.patient_code} must be down, with evidence recorded, by ${due}:`
              : `The deadline of ${due} has passed and these publications of patient ${removalCase.patient_code} are still open:`,
            '',
            ...owned.map(taskLine),
            '',
            this.caseLink(caseId),
          ].join('\n'),
        }))),
      );
    }
    if (notice.kind === 'escalation' || notice.kind === 'overdue') {
      const officers = await this.notifications.privacyOfficers(manager);
      const alreadyTold = new Set(messages.map((message) => message.userId));
      for (const officer of officers.filter((candidate) => !alreadyTold.has(candidate.userId))) {
        messages.push({
          kind: notice.kind === 'escalation' ? 'removal_escalation' : 'removal_overdue',
          dedupeKey: `removal_case:${caseId}:${notice.key}:${officer.userId}`,
          address: officer.email,
          userId: officer.userId,
          subject:
            notice.kind === 'escalation'
              ? `Escalation: removal case for patient ${removalCase.patient_code} due ${due} has ${open.length} open task(s)`
              : `Overdue: removal case for patient ${removalCase.patient_code} was due ${due}`,
          body: [
            `Hello ${officer.displayName},`,
            '',
            notice.kind === 'escalation'
              ? `The removal case of patient ${removalCase.patient_code} is due ${due}, in ${notice.daysBefore} days, and these tasks are still open:`
              : `The removal case of patient ${removalCase.patient_code} is past its deadline of ${due} with these tasks open:`,
            '',
            ...open.map((task) => `${taskLine(task)} (owner: ${task.assignee_name ?? 'nobody'})`),
            '',
            this.caseLink(caseId),
          ].join('\n'),
        });
      }
    }
    await this.send(manager, caseId, messages);
  }

  /** The closing letter: what came down and when, what could not and why. */
  async caseClosed(manager: EntityManager, caseId: string): Promise<void> {
    const { removalCase, tasks } = await this.load(manager, caseId);
    const patient = await this.contactOf(manager, removalCase.patient_id);
    const removed = tasks.filter((task) => task.status === 'done');
    const kept = tasks.filter((task) => task.status === 'not_removable');
    const request = removalCase.received_at
      ? `your request received on ${this.day(removalCase.received_at)}`
      : removalCase.narrowed_at
        ? `the photo release you signed on ${this.day(removalCase.narrowed_at)}, which allows less than before`
        : removalCase.origin === 'date_of_birth_corrected'
          ? `the correction of the date of birth on your record on ${this.day(removalCase.opened_at)}: with it, ` +
            'your photo release was not signed by someone who could sign it then'
          : `the end of your photo release`;
    const body = [
      `Dear ${patient.full_name},`,
      '',
      `We have finished acting on ${request}.`,
      '',
      removed.length > 0 ? 'Taken down:' : 'None of your photos was published where we had to take it down.',
      ...removed.map((task) => `- ${place(task)}, on ${this.day(task.completed_at ?? removalCase.opened_at)}`),
      ...(kept.length > 0
        ? [
            '',
            'Could not be taken back, and why (no further copies will be made or handed out):',
            ...kept.map((task) => `- ${place(task)}: ${task.not_removable_reason ?? ''}`),
          ]
        : []),
      '',
      removalCase.origin === 'revocation' || removalCase.origin === 'release_narrowed'
        ? 'No photo of yours will be used again in the ways you withdrew. You may ask us for a copy of your'
        : 'No photo of yours will be used again without a new signed release. You may ask us for a copy of your',
      'signed release and of this record at any time.',
    ].join('\n');
    await this.send(manager, caseId, [
      {
        kind: 'removal_case_closed',
        dedupeKey: `removal_case:${caseId}:closed:${removalCase.completed_at?.toISOString() ?? ''}`,
        address: patient.address,
        patientId: removalCase.patient_id,
        subject: 'Your photos: what we have taken down',
        body,
      },
    ]);
  }

  /** The receipt a patient is owed for a revocation: when it took effect, what it covers, the deadline. */
  async revocationReceipt(
    manager: EntityManager,
    revocation: {
      id: string;
      patientId: string;
      receivedAt: Date;
      scopeDescription: string;
      /** The sealed receipt the service made (a portal withdrawal), mailed with the message. */
      receiptKey: string | null;
    },
    caseId: string,
  ): Promise<void> {
    const [removalCase] = await manager.query<{ due_at: Date; status: string; tasks: number }[]>(
      `SELECT due_at, status, (SELECT count(*)::int FROM removal_tasks WHERE case_id = c.id) AS tasks
         FROM removal_cases c WHERE id = $1`,
      [caseId],
    );
    const patient = await this.contactOf(manager, revocation.patientId);
    await this.send(manager, caseId, [
      {
        kind: 'revocation_receipt',
        dedupeKey: `revocation:${revocation.id}:receipt`,
        address: patient.address,
        patientId: revocation.patientId,
        subject: 'We received your request about your photos',
        body: [
          `Dear ${patient.full_name},`,
          '',
          `We received your request on ${revocation.receivedAt.toISOString()} and it took effect at that moment: ${revocation.scopeDescription}.`,
          '',
          removalCase.status === 'open'
            ? `Where your photos were already published we will take them down by ${this.day(removalCase.due_at)} and write to you when it is done.`
            : removalCase.tasks > 0
              ? 'What had to come down is already down; a separate letter lists it.'
              : 'None of your photos was published where it had to be taken down.',
          '',
          `Reference: ${revocation.id}`,
        ].join('\n'),
        ...(revocation.receiptKey
          ? {
              attachment: {
                key: revocation.receiptKey,
                fileName: 'withdrawal-receipt.pdf',
                contentType: 'application/pdf',
              },
            }
          : {}),
      },
    ]);
  }

  private async load(manager: EntityManager, caseId: string): Promise<{ removalCase: CaseFacts; tasks: TaskFacts[] }> {
    const [removalCase] = await manager.query<CaseFacts[]>(
      `SELECT c.id, c.patient_id, p.code AS patient_code, c.origin, c.due_at, c.opened_at, c.completed_at,
              r.received_at, CASE WHEN c.origin = 'release_narrowed' THEN rel.signed_at END AS narrowed_at
         FROM removal_cases c JOIN patients p ON p.id = c.patient_id
         LEFT JOIN revocations r ON r.id = c.revocation_id
         LEFT JOIN releases rel ON rel.id = c.release_id
        WHERE c.id = $1`,
      [caseId],
    );
    const tasks = await manager.query<TaskFacts[]>(
      `SELECT t.id, t.status, pub.channel, pub.hosted, t.completed_at, t.evidence_kind, t.not_removable_reason,
              COALESCE(pub.url, pub.post_id, pub.campaign, pub.print_run, 'hosted by the service') AS location,
              t.assignee_user_id, u.email AS assignee_email, u.display_name AS assignee_name
         FROM removal_tasks t JOIN publications pub ON pub.id = t.publication_id
         LEFT JOIN users u ON u.id = t.assignee_user_id AND u.active
        WHERE t.case_id = $1 ORDER BY pub.channel, t.created_at, t.id`,
      [caseId],
    );
    return { removalCase, tasks };
  }

  /** One message per owner with their tasks; tasks without an active owner go to every privacy officer. */
  private async toOwners(
    manager: EntityManager,
    tasks: TaskFacts[],
    compose: (owner: StaffRecipient, owned: TaskFacts[]) => Omit<Message, 'address' | 'userId' | 'removalCaseId'>,
  ): Promise<Message[]> {
    const byOwner = new Map<string, { owner: StaffRecipient; owned: TaskFacts[] }>();
    const unowned: TaskFacts[] = [];
    for (const task of tasks) {
      if (!task.assignee_user_id || !task.assignee_email || !task.assignee_name) {
        unowned.push(task);
        continue;
      }
      const owner = { userId: task.assignee_user_id, email: task.assignee_email, displayName: task.assignee_name };
      const entry = byOwner.get(owner.userId) ?? { owner, owned: [] };
      entry.owned.push(task);
      byOwner.set(owner.userId, entry);
    }
    if (unowned.length > 0) {
      for (const officer of await this.notifications.privacyOfficers(manager)) {
        const entry = byOwner.get(officer.userId) ?? { owner: officer, owned: [] };
        entry.owned.push(...unowned);
        byOwner.set(officer.userId, entry);
      }
    }
    return [...byOwner.values()].map(({ owner, owned }) => ({
      ...compose(owner, owned),
      address: owner.email,
      userId: owner.userId,
    }));
  }

  private async contactOf(manager: EntityManager, patientId: string): Promise<PatientContact> {
    const [patient] = await manager.query<PatientContact[]>(
      `SELECT full_name, COALESCE(contact_email, guardian_contact_email) AS address FROM patients WHERE id = $1`,
      [patientId],
    );
    return patient;
  }

  private async send(manager: EntityManager, caseId: string, messages: Message[]): Promise<void> {
    await this.notifications.enqueue(
      manager,
      messages.map((message) => ({ ...message, removalCaseId: caseId })),
    );
  }

  /** A date as the clinic's calendar has it: a deadline at 2 am UTC is still the day before in New York. */
  private day(date: Date): string {
    return calendarDay(date, this.config.clinicTimeZone);
  }

  private caseLink(caseId: string): string {
    return `The case: ${this.config.http.publicBaseUrl}/${API_PREFIX}/removal-cases/${caseId}`;
  }
}

function place(task: TaskFacts): string {
  return `${task.channel}: ${task.location}`;
}

function taskLine(task: TaskFacts): string {
  return `- ${place(task)}${task.status === 'not_removable_requested' ? ' (not removable: awaiting approval)' : ''}`;
}
