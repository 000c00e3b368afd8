import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { checkIn } from '../database/check-in.js';

export const ACTOR_TYPES = ['user', 'api_key', 'patient', 'system', 'anonymous'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];
export const AUDIT_OUTCOMES = ['done', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * One thing that happened: a change, a read of identified patient data, or a denied attempt.
 * Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. The hash chain lives in audit_seals.
 */
@Entity('audit_events')
@Check('audit_events_actor_type_check', checkIn('actor_type', ACTOR_TYPES))
@Check('audit_events_outcome_check', checkIn('outcome', AUDIT_OUTCOMES))
// Partial: most events concern no patient, and system events have no actor id; such rows cost no
// index entry on the write path.
@Index('audit_events_patient_idx', ['patientId', 'id'], { where: 'patient_id IS NOT NULL' })
@Index('audit_events_actor_idx', ['actorId', 'id'], { where: 'actor_id IS NOT NULL' })
@Index('audit_events_entity_idx', ['entityType', 'entityId', 'id'])
@Index('audit_events_recorded_at_idx', ['recordedAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** The database's clock, when the row was written. */
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  recordedAt!: Date;

  @Column({ name: 'actor_type', type: 'text' })
  actorType!: ActorType;

  /** The user's, API key's or patient's id; null for the system and for anonymous callers. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** Who that was at the time (staff email, key name, patient code): never a patient's name. */
  @Column({ name: 'actor_label', type: 'text', nullable: true })
  actorLabel!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text', nullable: true })
  entityType!: string | null;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId!: string | null;

  /** The patient whose data this concerns, for an accounting of access to one patient's data. */
  @Column({ name: 'patient_id', type: 'uuid', nullable: true })
  patientId!: string | null;

  @Column({ type: 'text' })
  outcome!: AuditOutcome;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ name: 'client_ip', type: 'text', nullable: true })
  clientIp!: string | null;

  /** Identifiers, codes and reasons only: never a patient's name, birth date, contact or photo. */
  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
