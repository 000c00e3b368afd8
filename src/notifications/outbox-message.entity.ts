import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { checkIn } from '../database/check-in.js';
import type { PatientEntity } from '../patients/patient.entity.js';
import type { RemovalCaseEntity } from '../removals/removal-case.entity.js';

export const MESSAGE_KINDS = [
  'portal_access_link',
  'signing_request_link',
  'signed_release_copy',
  'revocation_receipt',
  'removal_case_opened',
  'removal_task_assigned',
  'removal_reminder',
  'removal_escalation',
  'removal_overdue',
  'removal_case_closed',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * `outbox`: kept here for an admin to read (no SMTP server is configured); `pending`: waiting for
 * the SMTP delivery job; `sent`; `undeliverable`: there is no address on file (a letter must go by
 * post).
 */
export const MESSAGE_DELIVERIES = ['outbox', 'pending', 'sent', 'undeliverable'] as const;
export type MessageDelivery = (typeof MESSAGE_DELIVERIES)[number];

/**
 * Every message the service sends, written in the transaction of the change it reports: the record
 * that a reminder, an escalation or a closing letter went out. `dedupeKey` makes a job that runs
 * twice write it once.
 */
@Entity('outbox_messages')
@Check('outbox_messages_kind_check', checkIn('kind', MESSAGE_KINDS))
@Check('outbox_messages_delivery_check', checkIn('delivery', MESSAGE_DELIVERIES))
@Check('outbox_messages_address_known', `(delivery = 'undeliverable') = (recipient_address IS NULL)`)
@Check('outbox_messages_sent_recorded', `(delivery = 'sent') = (sent_at IS NOT NULL)`)
@Check(
  'outbox_messages_attachment_complete',
  '(attachment_key IS NULL) = (attachment_name IS NULL) AND (attachment_key IS NULL) = (attachment_type IS NULL)',
)
@Index('outbox_messages_created_idx', ['createdAt', 'id'])
@Index('outbox_messages_case_idx', ['removalCaseId'])
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  // Milliseconds, as the paging cursor carries them.
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'text' })
  kind!: MessageKind;

  @Column({ name: 'dedupe_key', type: 'text', unique: true })
  dedupeKey!: string;

  @Column({ name: 'recipient_address', type: 'text', nullable: true })
  recipientAddress!: string | null;

  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recipient_user_id' })
  recipientUser?: UserEntity;

  @Column({ name: 'recipient_patient_id', type: 'uuid', nullable: true })
  recipientPatientId!: string | null;

  @ManyToOne('PatientEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recipient_patient_id' })
  recipientPatient?: Relation<PatientEntity>;

  @Column({ name: 'removal_case_id', type: 'uuid', nullable: true })
  removalCaseId!: string | null;

  @ManyToOne('RemovalCaseEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'removal_case_id' })
  removalCase?: Relation<RemovalCaseEntity>;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  /** The stored document mailed with it; the object belongs to the record it was made for. */
  @Column({ name: 'attachment_key', type: 'text', nullable: true })
  attachmentKey!: string | null;

  @Column({ name: 'attachment_name', type: 'text', nullable: true })
  attachmentName!: string | null;

  @Column({ name: 'attachment_type', type: 'text', nullable: true })
  attachmentType!: string | null;

  @Column({ type: 'text' })
  delivery!: MessageDelivery;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
