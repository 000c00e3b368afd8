import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller.js';
import type { ActorType, AuditOutcome } from './audit-event.entity.js';

export interface AuditEntry {
  /** 'resource.verb', e.g. 'user.create', 'auth.login', 'patient.read'. */
  action: string;
  outcome?: AuditOutcome;
  entityType?: string;
  entityId?: string;
  /** The patient whose data was read or changed, for their accounting of access. */
  patientId?: string;
  /** Identifiers, codes and reasons only; never a patient's name, birth date, contact or image. */
  details?: Record<string, unknown>;
}

interface Actor {
  type: ActorType;
  id: string | null;
  label: string | null;
}

/**
 * Writes audit events. A change passes the manager of its own transaction, so the event commits or
 * rolls back with it; reads and denials are written on their own. Events are sealed into the hash
 * chain shortly after they commit (AuditSealer), so writing one never waits on another request.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(caller: Caller, entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await this.recordEach(caller, [entry], manager);
  }

  /** Several events of one caller in one statement, e.g. one per patient a search showed. */
  async recordEach(
    caller: Caller,
    entries: AuditEntry[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (entries.length === 0) return;
    const actor = actorOf(caller);
    const columns = 11;
    const values: unknown[] = [];
    const rows = entries.map((entry, index) => {
      values.push(
        actor.type,
        actor.id,
        actor.label,
        entry.action,
        entry.entityType ?? null,
        entry.entityId ?? null,
        entry.patientId ?? null,
        entry.outcome ?? 'done',
        caller.requestId,
        caller.clientIp,
        entry.details ?? {},
      );
      const first = index * columns;
      return `(${Array.from({ length: columns }, (_, column) => `$${first + column + 1}`).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO audit_events
         (actor_type, actor_id, actor_label, action, entity_type, entity_id, patient_id, outcome, request_id, client_ip, details)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }
}

function actorOf(caller: Caller): Actor {
  const principal = caller.principal;
  if (principal?.kind === 'user') return { type: 'user', id: principal.userId, label: principal.email };
  if (principal?.kind === 'api_key') return { type: 'api_key', id: principal.apiKeyId, label: principal.name };
  if (caller.system) return { type: 'system', id: null, label: null };
  return { type: 'anonymous', id: null, label: null };
}
