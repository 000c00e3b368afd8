import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RemovalCaseEntity } from './removal-case.entity.js';

/**
 * A timer of a removal case that has fired (`reminder:21`, `escalation`, `overdue`): its key is what
 * makes a job delivered twice, or a job and the sweep, fire it once. `superseded`: it came due
 * together with a later one (a worker was down), which was sent instead.
 */
@Entity('removal_case_notices')
export class RemovalCaseNoticeEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => RemovalCaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  removalCase?: RemovalCaseEntity;

  @PrimaryColumn({ type: 'text' })
  notice!: string;

  /** When it was due, from the case's deadline. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @CreateDateColumn({ name: 'fired_at', type: 'timestamptz' })
  firedAt!: Date;

  @Column({ type: 'boolean', default: false })
  superseded!: boolean;
}
