import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../common/caller.js';
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

const COLUMNS = 11;
/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_ROWS_PER_INSERT = Math.floor(65_535 / COLUMNS);

interface Waiting {
  rows: unknown[][];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes audit events. A change passes the manager of its own transaction, so the event commits or
 * rolls back with it. Reads and denials are written on their own, and those of concurrent requests
 * share one INSERT: while one is being committed the next ones gather, so a busy service commits
 * (and flushes the log) once per batch instead of once per event. Each caller still waits until its
 * events are committed. Events are sealed into the hash chain shortly after they commit
 * (AuditSealer), so writing one never waits on another request's seal.
 */
@Injectable()
export class AuditService {
  private gathering: Waiting[] = [];
  private committing = false;

  constructor(private readonly dataSource: DataSource) {}

  async record(caller: Caller, entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await this.recordEach(caller, [entry], manager);
  }

  /** Several events of one caller, e.g. one per patient a search showed. */
  async recordEach(caller: Caller, entries: AuditEntry[], manager?: EntityManager): Promise<void> {
    if (entries.length === 0) return;
    const actor = actorOf(caller);
    const rows = entries.map((entry) => [
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
    ]);
    if (manager?.queryRunner) {
      await insertRows(manager, rows);
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.gathering.push({ rows, resolve, reject });
      if (!this.committing) void this.commitGathered();
    });
  }

  private async commitGathered(): Promise<void> {
    this.committing = true;
    while (this.gathering.length > 0) {
      const batch = takeBatch(this.gathering);
      try {
        await insertRows(
          this.dataSource.manager,
          batch.flatMap((waiting) => waiting.rows),
        );
        for (const waiting of batch) waiting.resolve();
      } catch (error) {
        if (batch.length === 1) batch[0]?.reject(error);
        // One caller's bad row must not fail the others: each is written alone.
        else await Promise.all(batch.map((waiting) => this.commitAlone(waiting)));
      }
    }
    this.committing = false;
  }

  private async commitAlone(waiting: Waiting): Promise<void> {
    try {
      await insertRows(this.dataSource.manager, waiting.rows);
      waiting.resolve();
    } catch (error) {
      waiting.reject(error);
    }
  }
}

/** The waiting callers whose rows fit one statement (at least one), removed from the queue. */
function takeBatch(queue: Waiting[]): Waiting[] {
  let rows = 0;
  let count = 0;
  while (count < queue.length && (count === 0 || rows + (queue[count]?.rows.length ?? 0) <= MAX_ROWS_PER_INSERT)) {
    rows += queue[count]?.rows.length ?? 0;
    count += 1;
  }
  return queue.splice(0, count);
}

async function insertRows(manager: EntityManager, rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += MAX_ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + MAX_ROWS_PER_INSERT);
    const placeholders = chunk.map(
      (_, index) =>
        `(${Array.from({ length: COLUMNS }, (_column, column) => `$${index * COLUMNS + column + 1}`).join(', ')})`,
    );
    await manager.query(
      `INSERT INTO audit_events
         (actor_type, actor_id, actor_label, action, entity_type, entity_id, patient_id, outcome, request_id, client_ip, details)
       VALUES ${placeholders.join(', ')}`,
      chunk.flat(),
    );
  }
}

function actorOf(caller: Caller): Actor {
  const principal = caller.principal;
  if (principal?.kind === 'user') return { type: 'user', id: principal.userId, label: principal.email };
  if (principal?.kind === 'api_key') return { type: 'api_key', id: principal.apiKeyId, label: principal.name };
  if (principal?.kind === 'patient') return { type: 'patient', id: principal.patientId, label: 'portal' };
  if (caller.system) return { type: 'system', id: null, label: null };
  return { type: 'anonymous', id: null, label: null };
}
