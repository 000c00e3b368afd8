import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { PublicationEntity } from '../publications/publication.entity.js';
import { RemovalCaseEntity } from './removal-case.entity.js';
import { checkIn } from '../database/check-in.js';

/**
 * open → done (with evidence) · open → not_removable_requested (with a reason) → not_removable once
 * a privacy officer approves it. done and not_removable are terminal.
 */
export const REMOVAL_TASK_STATUSES = ['open', 'done', 'not_removable_requested', 'not_removable'] as const;
export type RemovalTaskStatus = (typeof REMOVAL_TASK_STATUSES)[number];
/** What proves a takedown: the service's own (hosted media, a URL it checked) or a person's. */
export const REMOVAL_EVIDENCE_KINDS = ['service_hosted', 'url_check', 'screenshot', 'attestation'] as const;
export type RemovalEvidenceKind = (typeof REMOVAL_EVIDENCE_KINDS)[number];

/** Taking one publication down, within its case's deadline. */
@Entity('removal_tasks')
@Unique('removal_tasks_case_publication_unique', ['caseId', 'publicationId'])
@Check('removal_tasks_status_check', checkIn('status', REMOVAL_TASK_STATUSES))
@Check('removal_tasks_evidence_kind_check', checkIn('evidence_kind', REMOVAL_EVIDENCE_KINDS))
@Check(
  'removal_tasks_done_has_evidence',
  `status <> 'done' OR (evidence_kind IS NOT NULL AND completed_at IS NOT NULL)`,
)
@Check(
  'removal_tasks_not_removable_justified',
  `status NOT IN ('not_removable_requested', 'not_removable') OR (not_removable_reason IS NOT NULL AND not_removable_requested_at IS NOT NULL)`,
)
@Check(
  'removal_tasks_not_removable_approved',
  `status <> 'not_removable' OR (approved_by_user_id IS NOT NULL AND approved_at IS NOT NULL)`,
)
@Index('removal_tasks_publication_idx', ['publicationId'])
@Index('removal_tasks_assignee_idx', ['assigneeUserId', 'status'])
export class RemovalTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => RemovalCaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  removalCase?: RemovalCaseEntity;

  @Column({ name: 'publication_id', type: 'uuid' })
  publicationId!: string;

  @ManyToOne(() => PublicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'publication_id' })
  publication?: PublicationEntity;

  @Column({ type: 'text', default: 'open' })
  status!: RemovalTaskStatus;

  @Column({ name: 'assignee_user_id', type: 'uuid', nullable: true })
  assigneeUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_user_id' })
  assignee?: UserEntity;

  @Column({ name: 'evidence_kind', type: 'text', nullable: true })
  evidenceKind!: RemovalEvidenceKind | null;

  /** What the evidence says: the URL checked and its answer, the screenshot's hash, the attestation. */
  @Column({ type: 'jsonb', nullable: true })
  evidence!: Record<string, unknown> | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** Null when the service completed it itself. */
  @Column({ name: 'completed_by_user_id', type: 'uuid', nullable: true })
  completedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'completed_by_user_id' })
  completedBy?: UserEntity;

  /** Why the publication cannot come down (e.g. brochures already handed out). */
  @Column({ name: 'not_removable_reason', type: 'text', nullable: true })
  notRemovableReason!: string | null;

  @Column({ name: 'not_removable_requested_at', type: 'timestamptz', nullable: true })
  notRemovableRequestedAt!: Date | null;

  @Column({ name: 'not_removable_requested_by_user_id', type: 'uuid', nullable: true })
  notRemovableRequestedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'not_removable_requested_by_user_id' })
  notRemovableRequestedBy?: UserEntity;

  /** The privacy officer who approved leaving it up. */
  @Column({ name: 'approved_by_user_id', type: 'uuid', nullable: true })
  approvedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approved_by_user_id' })
  approvedBy?: UserEntity;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
