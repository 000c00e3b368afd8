import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PatientEntity } from './patient.entity.js';

/** One treatment episode of a patient (procedure, provider, date); photos belong to it. */
@Entity('treatment_cases')
export class TreatmentCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('treatment_cases_patient_id_idx')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId!: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id' })
  patient?: PatientEntity;

  @Column({ type: 'text' })
  procedure!: string;

  @Column({ type: 'text' })
  provider!: string;

  @Column({ name: 'treatment_date', type: 'date' })
  treatmentDate!: string;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
