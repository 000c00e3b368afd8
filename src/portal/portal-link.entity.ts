import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { checkIn } from '../database/check-in.js';
import { PatientEntity } from '../patients/patient.entity.js';

export const PORTAL_HOLDERS = ['patient', 'guardian'] as const;
export type PortalHolder = (typeof PORTAL_HOLDERS)[number];

/**
 * A one-time sign-in link mailed to a patient (or their guardian) at the address on file. Only the
 * token's SHA-256 is stored; it works once, until `expires_at`.
 */
@Entity('portal_links')
@Check('portal_links_holder_check', checkIn('holder', PORTAL_HOLDERS))
export class PortalLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('portal_links_patient_id_idx')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId!: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id' })
  patient?: PatientEntity;

  /** Who the link was mailed to, and so who acts in the session: the patient, or a minor's guardian. */
  @Column({ type: 'text' })
  holder!: PortalHolder;

  @Column({ name: 'token_hash', type: 'bytea', unique: true })
  tokenHash!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** When it was exchanged for a session; a used link never works again. */
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
