import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { checkIn } from '../database/check-in.js';
import { PatientEntity } from '../patients/patient.entity.js';
import { PORTAL_HOLDERS, PortalLinkEntity, type PortalHolder } from './portal-link.entity.js';

/** A patient's short session in the portal, started from a one-time link. Only the token's SHA-256 is stored. */
@Entity('patient_sessions')
@Check('patient_sessions_holder_check', checkIn('holder', PORTAL_HOLDERS))
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

  /** Who the link was mailed to, and so who acts in the session: the patient, or a minor's guardian. */
  @Column({ type: 'text' })
  holder!: PortalHolder;

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
