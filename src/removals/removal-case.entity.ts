import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { PatientEntity } from '../patients/patient.entity.js';
import type { ReleaseEntity } from '../releases/release.entity.js';
import type { RevocationEntity } from '../revocations/revocation.entity.js';
import { checkIn } from '../database/check-in.js';

export const REMOVAL_CASE_ORIGINS = [
  'revocation',
  'release_expiry',
  'release_narrowed',
  'date_of_birth_corrected',
] as const;
export type RemovalCaseOrigin = (typeof REMOVAL_CASE_ORIGINS)[number];
export const REMOVAL_CASE_STATUSES = ['open', 'completed'] as const;
export type RemovalCaseStatus = (typeof REMOVAL_CASE_STATUSES)[number];

/**
 * The work of taking a patient's photos down after a revocation, a release that expired under live
 * publications, a release version that no longer clears them (an amendment that narrows the
 * scope, or a newer release that governs them with less), or a correction of the patient's date of
 * birth that shows their release was signed without authority (a minor alone): one task per
 * publication, due by `dueAt`, which the database computes from the moment the request was
 * received, the release expired, the new version was signed or the correction was made. Completed
 * when every task is terminal.
 */
@Entity('removal_cases')
@Check('removal_cases_origin_check', checkIn('origin', REMOVAL_CASE_ORIGINS))
@Check('removal_cases_status_check', checkIn('status', REMOVAL_CASE_STATUSES))
@Check(
  'removal_cases_origin_reference',
  `(origin = 'revocation') = (revocation_id IS NOT NULL)
   AND (origin IN ('release_expiry', 'release_narrowed')) = (release_id IS NOT NULL)`,
)
@Check('removal_cases_completion_recorded', `(status = 'completed') = (completed_at IS NOT NULL)`)
@Index('removal_cases_status_due_idx', ['status', 'dueAt'])
@Index('removal_cases_patient_idx', ['patientId', 'openedAt'])
@Index('removal_cases_revocation_unique', ['revocationId'], { unique: true, where: 'revocation_id IS NOT NULL' })
export class RemovalCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'patient_id', type: 'uuid' })
  patientId!: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id' })
  patient?: PatientEntity;

  @Column({ type: 'text' })
  origin!: RemovalCaseOrigin;

  @Column({ name: 'revocation_id', type: 'uuid', nullable: true })
  revocationId!: string | null;

  @ManyToOne('RevocationEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revocation_id' })
  revocation?: Relation<RevocationEntity>;

  /** The release whose expiry opened the case, or the version that narrowed consent. */
  @Column({ name: 'release_id', type: 'uuid', nullable: true })
  releaseId!: string | null;

  @ManyToOne('ReleaseEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'release_id' })
  release?: Relation<ReleaseEntity>;

  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' })
  openedAt!: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text', default: 'open' })
  status!: RemovalCaseStatus;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
