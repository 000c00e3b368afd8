import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GENESIS_HASH } from './audit-chain.js';
import { AuditSealer } from './audit-sealer.js';
import type { AuditOutcome } from './audit-event.entity.js';
import type { AuditEventDto, ChainVerificationDto } from './dto/audit.dto.js';

export interface AuditFilter {
  patientId?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
}

export type BrokenLinkProblem = 'event_missing' | 'event_altered' | 'link_broken' | 'sequence_gap';

const PROBLEM_MESSAGES: Record<BrokenLinkProblem, string> = {
  event_missing: 'The sealed event is no longer in the audit trail (deleted).',
  event_altered: 'The event or its seal was changed after sealing: its hash does not match its contents.',
  link_broken: 'This seal does not follow the one before it (rows reordered, replaced or inserted).',
  sequence_gap: 'A seal is missing before this one (deleted).',
};

// Aliased to the answer's field names, so a row is the view as it is.
const EVENT_COLUMNS = `e.id, e.recorded_at AS "recordedAt", e.actor_type AS "actorType", e.actor_id AS "actorId",
  e.actor_label AS "actorLabel", e.action, e.entity_type AS "entityType", e.entity_id AS "entityId",
  e.patient_id AS "patientId", e.outcome, e.request_id AS "requestId", e.client_ip AS "clientIp", e.details, s.seq`;

/** Reading the audit trail: filtered pages, the full export, and verification of the hash chain. */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: AuditSealer,
  ) {}

  /** Newest first; `before` is the id of the last event of the previous page. */
  async page(filter: AuditFilter, limit: number, before?: string): Promise<AuditEventDto[]> {
    const { where, params } = whereClause(filter, before);
    const rows = await this.dataSource.query<AuditEventDto[]>(
      `SELECT ${EVENT_COLUMNS} FROM audit_events e LEFT JOIN audit_seals s ON s.event_id = e.id
        ${where} ORDER BY e.id DESC LIMIT $${params.length + 1}`,
      [...params, limit],
    );
    return rows;
  }

  async latestEventId(): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string | null }[]>('SELECT max(id) AS id FROM audit_events');
    return row?.id ?? '0';
  }

  /**
   * Every matching event up to `upTo`, oldest first, in batches so the export never holds the whole
   * trail in memory.
   */
  async *all(filter: AuditFilter, upTo: string, batchSize = 1000): AsyncGenerator<AuditEventDto> {
    let after = '0';
    for (;;) {
      const { where, params } = whereClause(filter, String(BigInt(upTo) + 1n), after);
      const rows = await this.dataSource.query<AuditEventDto[]>(
        `SELECT ${EVENT_COLUMNS} FROM audit_events e LEFT JOIN audit_seals s ON s.event_id = e.id
          ${where} ORDER BY e.id ASC LIMIT $${params.length + 1}`,
        [...params, batchSize],
      );
      yield* rows;
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1].id;
    }
  }

  /**
   * Seals what has committed, then checks every link of the chain in one pass inside PostgreSQL:
   * each seal's hash against its event's current contents, its previous hash against the seal
   * before it, and the sequence for gaps. Names the first broken link.
   */
  async verify(): Promise<ChainVerificationDto> {
    const started = performance.now();
    await this.sealer.sealPending();
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // Each link is checked against its own event and the seal before it. An aggregate over a
      // self-join on seq - 1 (rather than a window function, or ORDER BY … LIMIT 1, which walks the
      // index one row at a time) lets PostgreSQL spread the hashing over parallel workers.
      const brokenLinkCondition = `e.id IS NULL
             OR (p.seq IS NULL AND s.seq <> 1)
             OR s.prev_hash <> coalesce(p.hash, $1::bytea)
             OR s.hash IS DISTINCT FROM sha256(s.prev_hash || int8send(s.seq) || audit_event_digest(e))`;
      const links = `audit_seals s
           LEFT JOIN audit_events e ON e.id = s.event_id
           LEFT JOIN audit_seals p ON p.seq = s.seq - 1`;
      const [first] = await manager.query<{ seq: string | null }[]>(
        `SELECT min(s.seq) AS seq FROM ${links} WHERE ${brokenLinkCondition}`,
        [GENESIS_HASH],
      );
      const [broken] = first?.seq
        ? await manager.query<{ seq: string; event_id: string; problem: BrokenLinkProblem }[]>(
            `SELECT s.seq, s.event_id,
                    CASE WHEN e.id IS NULL THEN 'event_missing'
                         WHEN p.seq IS NULL AND s.seq <> 1 THEN 'sequence_gap'
                         WHEN s.prev_hash <> coalesce(p.hash, $1::bytea) THEN 'link_broken'
                         ELSE 'event_altered' END AS problem
               FROM ${links} WHERE s.seq = $2`,
            [GENESIS_HASH, first.seq],
          )
        : [];
      const [counts] = await manager.query<
        { sealed: string; head_seq: string | null; head_hash: Buffer | null; pending: string; unchained: string }[]
      >(
        `SELECT (SELECT count(*) FROM audit_seals) AS sealed,
                h.seq AS head_seq, h.hash AS head_hash,
                (SELECT count(*) FROM audit_unsealed) AS pending,
                (SELECT count(*) FROM audit_events e
                  WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.event_id = e.id)
                    AND NOT EXISTS (SELECT 1 FROM audit_unsealed u WHERE u.event_id = e.id)) AS unchained
           FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT seq, hash FROM audit_seals ORDER BY seq DESC LIMIT 1) h ON true`,
      );
      const unchained = Number(counts?.unchained ?? 0);
      return {
        intact: !broken && unchained === 0,
        sealedEvents: Number(counts?.sealed ?? 0),
        head: counts?.head_seq ? { seq: counts.head_seq, hash: (counts.head_hash as Buffer).toString('hex') } : null,
        pendingEvents: Number(counts?.pending ?? 0),
        unchainedEvents: unchained,
        firstBrokenLink: broken
          ? {
              seq: broken.seq,
              eventId: broken.event_id,
              problem: broken.problem,
              message: PROBLEM_MESSAGES[broken.problem],
            }
          : null,
        durationMs: Math.round(performance.now() - started),
      };
    });
  }
}

function whereClause(filter: AuditFilter, before?: string, after?: string): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.patientId) add('e.patient_id = ?', filter.patientId);
  if (filter.actorId) add('e.actor_id = ?', filter.actorId);
  if (filter.entityType) add('e.entity_type = ?', filter.entityType);
  if (filter.entityId) add('e.entity_id = ?', filter.entityId);
  if (filter.action) add('e.action = ?', filter.action);
  if (filter.outcome) add('e.outcome = ?', filter.outcome);
  if (filter.from) add('e.recorded_at >= ?', filter.from);
  if (filter.to) add('e.recorded_at < ?', filter.to);
  if (before) add('e.id < ?', before);
  if (after) add('e.id > ?', after);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
