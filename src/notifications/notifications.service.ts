import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { JobQueue } from '../jobs/job-queue.js';
import { ObjectStore } from '../storage/object-store.js';
import type { MessageDelivery, MessageKind } from './outbox-message.entity.js';

export const MAIL_DELIVERY_JOB = 'mail.deliver';
/** The token of a sign-in link in a message body, as a PostgreSQL (POSIX) pattern. */
export const SIGN_IN_TOKEN_PATTERN = '#token=[^[:space:]]+';
export const SIGN_IN_TOKEN_SENT = '#token=[sent to the patient; not kept]';

/** One message to write; `dedupeKey` names it so that work done twice writes it once. */
export interface Message {
  kind: MessageKind;
  dedupeKey: string;
  /** null: nobody has an address on file, so the message is kept as undeliverable (send it by post). */
  address: string | null;
  userId?: string;
  patientId?: string;
  removalCaseId?: string;
  subject: string;
  body: string;
  /** A stored document mailed with it (the patient's copy of what they signed). */
  attachment?: { key: string; fileName: string; contentType: string };
}

/** Someone on the staff a message goes to. */
export interface StaffRecipient {
  userId: string;
  email: string;
  displayName: string;
}

/**
 * The Mailer of docs/architecture.md §4. Messages are written to the outbox table in the transaction of the
 * change they report. With SMTP_URL set, a job (sent in the same transaction) delivers each one;
 * without it they stay in the outbox for an admin to read.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly transport?: Transporter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
    private readonly store: ObjectStore,
  ) {
    if (config.mail.smtpUrl) this.transport = createTransport(config.mail.smtpUrl);
  }

  onModuleInit(): void {
    this.jobs.register<{ messageId: string }>(MAIL_DELIVERY_JOB, (data) => this.deliver(data.messageId));
  }

  /** Writes the messages (those already written under the same key are skipped); returns how many are new. */
  async enqueue(manager: EntityManager, messages: Message[]): Promise<number> {
    if (messages.length === 0) return 0;
    const rows = messages.map((message) => ({
      kind: message.kind,
      dedupe_key: message.dedupeKey,
      recipient_address: message.address,
      recipient_user_id: message.userId ?? null,
      recipient_patient_id: message.patientId ?? null,
      removal_case_id: message.removalCaseId ?? null,
      subject: message.subject,
      body: message.body,
      attachment_key: message.attachment?.key ?? null,
      attachment_name: message.attachment?.fileName ?? null,
      attachment_type: message.attachment?.contentType ?? null,
      delivery: this.deliveryOf(message),
    }));
    const inserted = await manager.query<{ id: string; delivery: MessageDelivery }[]>(
      `INSERT INTO outbox_messages (kind, dedupe_key, recipient_address, recipient_user_id, recipient_patient_id,
                                    removal_case_id, subject, body, attachment_key, attachment_name,
                                    attachment_type, delivery)
       SELECT kind, dedupe_key, recipient_address, recipient_user_id, recipient_patient_id, removal_case_id,
              subject, body, attachment_key, attachment_name, attachment_type, delivery
         FROM jsonb_to_recordset($1::jsonb) AS m(kind text, dedupe_key text, recipient_address text,
              recipient_user_id uuid, recipient_patient_id uuid, removal_case_id uuid, subject text, body text,
              attachment_key text, attachment_name text, attachment_type text, delivery text)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id, delivery`,
      [JSON.stringify(rows)],
    );
    await this.jobs.send(
      manager,
      MAIL_DELIVERY_JOB,
      inserted
        .filter((message) => message.delivery === 'pending')
        .map((message) => ({ data: { messageId: message.id } })),
    );
    return inserted.length;
  }

  /** The active privacy officers: escalations and unassigned work go to them. */
  async privacyOfficers(manager: EntityManager): Promise<StaffRecipient[]> {
    return manager.query<StaffRecipient[]>(
      `SELECT id AS "userId", email, display_name AS "displayName"
         FROM users WHERE role = 'privacy_officer' AND active ORDER BY email`,
    );
  }

  /**
   * Sends one message over SMTP. Run again after a crash between sending and recording, the message
   * may go twice: SMTP offers no way to ask whether it arrived, and twice is better than never.
   */
  async deliver(messageId: string): Promise<void> {
    if (!this.transport) return;
    const [message] = await this.dataSource.query<
      {
        recipient_address: string;
        subject: string;
        body: string;
        attachment_key: string | null;
        attachment_name: string | null;
        attachment_type: string | null;
        delivery: MessageDelivery;
      }[]
    >(
      `SELECT recipient_address, subject, body, attachment_key, attachment_name, attachment_type, delivery
         FROM outbox_messages WHERE id = $1`,
      [messageId],
    );
    if (message?.delivery !== 'pending') return;
    try {
      await this.transport.sendMail({
        from: this.config.mail.from,
        to: message.recipient_address,
        subject: message.subject,
        text: message.body,
        messageId: `<${messageId}@photo-consent-service>`,
        attachments: message.attachment_key
          ? [
              {
                filename: message.attachment_name ?? 'document',
                contentType: message.attachment_type ?? 'application/octet-stream',
                content: (await this.store.get(message.attachment_key)).body,
              },
            ]
          : [],
      });
    } catch (error) {
      await this.dataSource.query('UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
        messageId,
        error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
      ]);
      throw error;
    }
    await this.dataSource.query(
      // Once a sign-in or signing link is on its way, its token is the patient's alone: the copy kept here loses it.
      `UPDATE outbox_messages SET delivery = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL,
              body = CASE WHEN kind IN ('portal_access_link', 'signing_request_link')
                          THEN regexp_replace(body, $2, $3, 'g') ELSE body END
        WHERE id = $1 AND delivery = 'pending'`,
      [messageId, SIGN_IN_TOKEN_PATTERN, SIGN_IN_TOKEN_SENT],
    );
    this.logger.log({ messageId }, 'Message sent');
  }

  private deliveryOf(message: Message): MessageDelivery {
    if (!message.address) return 'undeliverable';
    return this.transport ? 'pending' : 'outbox';
  }
}
