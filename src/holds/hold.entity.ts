import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { PatientEntity } from '../patients/patient.entity.js';

/**
 * A privacy officer's hold on a patient's photos (all of them, or those listed) while a request is
 * disputed or being verified: clearance denies every use of a held photo until the hold is lifted.
 * A hold is never deleted; lifting it records when, by whom and why.
 */
@Entity('holds')
@Check('holds_photo_ids_not_empty', 'photo_ids IS NULL OR cardinality(photo_ids) > 0')
@Check('holds_lift_recorded', 'lifted_at IS NOT NULL OR (lifted_by_user_id IS NULL AND lift_reason IS NULL)')
@Index('holds_patient_id_idx', ['patientId', 'placedAt'])
export class HoldEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'patient_id', type: 'uuid' })
  patientId!: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id' })
  patient?: PatientEntity;

  /** The held photos; null holds every photo of the patient, including those uploaded later. */
  @Column({ name: 'photo_ids', type: 'uuid', array: true, nullable: true })
  photoIds!: string[] | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'placed_at', type: 'timestamptz' })
  placedAt!: Date;

  @Column({ name: 'placed_by_user_id', type: 'uuid', nullable: true })
  placedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'placed_by_user_id' })
  placedBy?: UserEntity;

  @Column({ name: 'lifted_at', type: 'timestamptz', nullable: true })
  liftedAt!: Date | null;

  @Column({ name: 'lifted_by_user_id', type: 'uuid', nullable: true })
  liftedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lifted_by_user_id' })
  liftedBy?: UserEntity;

  @Column({ name: 'lift_reason', type: 'text', nullable: true })
  liftReason!: string | null;
}
