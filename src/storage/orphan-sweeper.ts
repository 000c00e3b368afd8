import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_CALLER } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { ObjectOwners, type ObjectOwner } from './object-owners.js';
import { ObjectStore } from './object-store.js';

/** Objects younger than this may belong to an upload whose row is still being written. */
export const ORPHAN_MIN_AGE_MS = 24 * 3600_000;
// Any fixed 64-bit number, the same in every instance: one instance sweeps at a time.
const SWEEP_LOCK_KEY = 7_420_113_565;
const BATCH = 500;

interface StoredObject {
  key: string;
  /** The owning row's id, or null when the key holds none (nothing can reference it). */
  ownerId: string | null;
  /** What a row must reference for the object to stay. */
  ref: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Removes stored objects that no row references and that are more than a day old: what is left
 * when a process dies between storing an upload's objects and committing its row (a failed
 * transaction deletes its own objects at once). Also what a put interrupted by such a death left
 * outside any key.
 */
@Injectable()
export class OrphanSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrphanSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly owners: ObjectOwners,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.error({ err: error }, 'Orphan sweep failed'));
    }, this.config.orphanSweepIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Sweeps once, unless another instance is sweeping; returns how many objects it removed. */
  async sweep(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [SWEEP_LOCK_KEY])) as [
        { locked: boolean },
      ];
      if (!locked) return 0;
      try {
        let removed = await this.store.removeAbandonedUploads(new Date(this.clock.now().getTime() - ORPHAN_MIN_AGE_MS));
        for (const owner of this.owners.all) removed += await this.sweepPrefix(owner);
        if (removed > 0) {
          await this.audit.record(SYSTEM_CALLER, { action: 'storage.orphans_removed', details: { count: removed } });
        }
        return removed;
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  private async sweepPrefix(owner: ObjectOwner): Promise<number> {
    const cutoff = this.clock.now().getTime() - ORPHAN_MIN_AGE_MS;
    let removed = 0;
    let batch: StoredObject[] = [];
    const flush = async () => {
      removed += await this.removeUnreferenced(batch, owner);
      batch = [];
    };
    for await (const object of this.store.list(owner.prefix)) {
      if (object.lastModified.getTime() > cutoff) continue;
      const path = object.key.slice(owner.prefix.length);
      const ownerId = path.split('/', 1)[0] ?? '';
      batch.push({
        key: object.key,
        ownerId: UUID.test(ownerId) ? ownerId : null,
        ref: owner.wholeRow ? ownerId : path,
      });
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    return removed;
  }

  private async removeUnreferenced(batch: StoredObject[], owner: ObjectOwner): Promise<number> {
    const ids = [...new Set(batch.flatMap((entry) => (entry.ownerId ? [entry.ownerId] : [])))];
    const rows = await this.dataSource.query<{ ref: string }[]>(owner.referencedSql, [ids]);
    const referenced = new Set(rows.map((row) => row.ref));
    const orphans = batch.filter((entry) => !entry.ownerId || !referenced.has(entry.ref));
    for (const orphan of orphans) {
      await this.store.delete(orphan.key);
      this.logger.log({ key: orphan.key }, 'Removed an object no row references');
    }
    return orphans.length;
  }
}
