import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { chainHash, GENESIS_HASH } from './audit-chain.js';

// Events chained per transaction. The chain is computed on the event loop, and 5 000 at a time held
// it for 10-25 ms once a second under load, which showed in the p99 of the requests served meanwhile
// (bench:marketing); 500 keep each stall to a few milliseconds.
const BATCH_SIZE = 500;
// Any fixed 64-bit number, the same in every instance: one sealer extends the chain at a time.
const SEALER_LOCK_KEY = 7_420_113_562;

/**
 * Chains committed audit events into audit_seals, in the order it finds them committed, every
 * AUDIT_SEAL_INTERVAL_MS. Requests only insert events (no lock, no read of the chain head), so
 * auditing never serializes them; the price is that an event stays unsealed for up to one interval
 * after its transaction commits.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  private timer: NodeJS.Timeout | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sealPending().catch((error: unknown) => this.logger.error({ err: error }, 'sealing audit events failed'));
    }, this.config.audit.sealIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // Seal what this instance wrote last, while the database is still open. Events that requests
    // still in flight write after this wait in audit_unsealed for the next sealer, of any instance.
    await this.sealPending().catch((error: unknown) =>
      this.logger.error({ err: error }, 'sealing audit events at shutdown failed'),
    );
  }

  /** Seals every event committed so far; returns how many this call sealed. */
  sealPending(): Promise<number> {
    const run = this.tail.then(async () => {
      let total = 0;
      for (;;) {
        const sealed = await this.sealBatch();
        total += sealed;
        if (sealed < BATCH_SIZE) return total;
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async sealBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEALER_LOCK_KEY]);
      const pending = await manager.query<{ event_id: string; digest: Buffer }[]>(
        // The batch's ids as an array, so the events are read by their primary key whatever the
        // statistics say: a join to the batch was planned as a hash join over the whole audit table
        // when the queue's statistics were stale (bench:timers, 41 ms at 100 000 events to seal 10).
        `SELECT e.id AS event_id, audit_event_digest(e) AS digest
           FROM audit_events e
          WHERE e.id = ANY (ARRAY(SELECT event_id FROM audit_unsealed ORDER BY event_id LIMIT $1))
          ORDER BY e.id`,
        [BATCH_SIZE],
      );
      if (pending.length === 0) return 0;
      const [head] = await manager.query<{ seq: string; hash: Buffer }[]>(
        'SELECT seq, hash FROM audit_seals ORDER BY seq DESC LIMIT 1',
      );
      let seq = head ? BigInt(head.seq) : 0n;
      let prevHash = head?.hash ?? GENESIS_HASH;
      const seqs: string[] = [];
      const eventIds: string[] = [];
      const prevHashes: Buffer[] = [];
      const hashes: Buffer[] = [];
      for (const event of pending) {
        seq += 1n;
        const hash = chainHash(prevHash, seq, event.digest);
        seqs.push(seq.toString());
        eventIds.push(event.event_id);
        prevHashes.push(prevHash);
        hashes.push(hash);
        prevHash = hash;
      }
      await manager.query(
        `INSERT INTO audit_seals (seq, event_id, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[], $4::bytea[])`,
        [seqs, eventIds, prevHashes, hashes],
      );
      await manager.query('DELETE FROM audit_unsealed WHERE event_id = ANY($1::bigint[])', [eventIds]);
      return pending.length;
    });
  }
}
