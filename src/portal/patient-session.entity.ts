import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PatientEntity } from '../patients/patient.entity.js';
import { PortalLinkEntity } from './portal-link.entity.js';

/** A patient's short session in the portal, started from a one-time link. Only the token's SHA-256 is stored. */
@Entity('patient_sessions')
export class PatientSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('patient_sessions_patient_id_idx')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId!: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id' })
  patient?: PatientEntity;

  @Column({ name: 'link_id', type: 'uuid', unique: true })
  linkId!: string;

  @ManyToOne(() => PortalLinkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'link_id' })
  link?: PortalLinkEntity;

  @Column({ name: 'token_hash', type: 'bytea', unique: true })
  tokenHash!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'client_ip', type: 'text', nullable: true })
  clientIp!: string | null;
}
