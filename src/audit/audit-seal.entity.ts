import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity.js';

/**
 * The hash chain over audit events, in the order the sealer saw them committed:
 * hash = sha256(prevHash ‖ seq as 8 bytes big-endian ‖ audit_event_digest(event)).
 * Append-only like the events.
 */
@Entity('audit_seals')
export class AuditSealEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ name: 'event_id', type: 'bigint', unique: true })
  eventId!: string;

  @ManyToOne(() => AuditEventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  event?: AuditEventEntity;

  @Column({ name: 'prev_hash', type: 'bytea' })
  prevHash!: Buffer;

  @Column({ type: 'bytea' })
  hash!: Buffer;

  @Column({ name: 'sealed_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  sealedAt!: Date;
}

/** Committed events waiting for the sealer; filled by a trigger on audit_events. */
@Entity('audit_unsealed')
export class AuditUnsealedEntity {
  @PrimaryColumn({ name: 'event_id', type: 'bigint' })
  eventId!: string;
}
