import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import { actingUserId, type Caller } from '../auth/caller.js';
import { ClearanceChanges } from '../clearance/clearance-changes.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError } from '../common/domain-error.js';
import type { LiftHoldDto, PlaceHoldDto } from './dto/hold.dto.js';
import { assertPatientExists, assertPatientPhotos } from '../patients/patient-checks.js';
import { lockCurrentReleases } from '../releases/release-locks.js';
import { HoldEntity } from './hold.entity.js';

/**
 * Holds on a patient's photos (docs/architecture.md §3): while one stands, clearance denies every use of the
 * held photos; lifting it gives back what the release allows. Hosted publications of held photos
 * are taken down when the hold is placed, as the first request would find them refused anyway, and
 * like every withdrawn hosted URL they answer 410 for good: lifting a hold does not bring them back.
 */
@Injectable()
export class HoldsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly changes: ClearanceChanges,
    private readonly clock: Clock,
  ) {}

  async place(patientId: string, dto: PlaceHoldDto, caller: Caller): Promise<HoldEntity> {
    const photoIds = dto.photoIds ?? null;
    const placed = await this.dataSource.transaction(async (manager) => {
      await assertPatientExists(manager, patientId);
      if (photoIds) await assertPatientPhotos(manager, patientId, photoIds);
      // The lock the publish path takes (share) on the release governing a use, on every current
      // version even if an amendment commits meanwhile: a publication recorded concurrently either
      // commits first, and is taken down below, or waits and is refused.
      await lockCurrentReleases(manager, patientId);
      const hold = manager.create(HoldEntity, {
        patientId,
        photoIds,
        reason: dto.reason.trim(),
        placedAt: this.clock.now(),
        placedByUserId: actingUserId(caller),
        liftedAt: null,
        liftedByUserId: null,
        liftReason: null,
      });
      await manager.insert(HoldEntity, hold);
      // TypeORM answers an UPDATE … RETURNING with the rows and the count.
      const [withdrawn] = await manager.query<[{ id: string }[], number]>(
        `UPDATE publications SET status = 'removed', status_changed_at = now(), updated_at = now()
          WHERE patient_id = $1 AND hosted AND status = 'live' AND ($2::uuid[] IS NULL OR photo_id = ANY($2::uuid[]))
          RETURNING id`,
        [patientId, photoIds],
      );
      const entries: AuditEntry[] = [
        {
          action: 'hold.place',
          entityType: 'hold',
          entityId: hold.id,
          patientId,
          details: { photoIds },
        },
        ...withdrawn.map(({ id }) => ({
          action: 'publication.media_withdrawn',
          entityType: 'publication',
          entityId: id,
          patientId,
          details: { reasons: ['photo_on_hold'], holdId: hold.id },
        })),
      ];
      await this.audit.recordEach(caller, entries, manager);
      return hold;
    });
    this.changes.committed(patientId);
    return placed;
  }

  async lift(holdId: string, dto: LiftHoldDto, caller: Caller): Promise<HoldEntity> {
    const lifted = await this.dataSource.transaction(async (manager) => {
      const hold = await manager.findOne(HoldEntity, { where: { id: holdId }, lock: { mode: 'pessimistic_write' } });
      if (!hold) throw new NotFoundError('The hold');
      if (hold.liftedAt) {
        throw new DomainError('hold_already_lifted', 409, `The hold was lifted on ${hold.liftedAt.toISOString()}.`, {
          liftedAt: hold.liftedAt.toISOString(),
        });
      }
      hold.liftedAt = this.clock.now();
      hold.liftedByUserId = actingUserId(caller);
      hold.liftReason = dto.reason?.trim() ?? null;
      await manager.update(
        HoldEntity,
        { id: hold.id },
        { liftedAt: hold.liftedAt, liftedByUserId: hold.liftedByUserId, liftReason: hold.liftReason },
      );
      await this.audit.record(
        caller,
        {
          action: 'hold.lift',
          entityType: 'hold',
          entityId: hold.id,
          patientId: hold.patientId,
          details: {},
        },
        manager,
      );
      return hold;
    });
    this.changes.committed(lifted.patientId);
    return lifted;
  }

  /** The patient's holds, standing and lifted, newest first. */
  async list(patientId: string): Promise<HoldEntity[]> {
    await assertPatientExists(this.dataSource.manager, patientId);
    return this.dataSource.manager.find(HoldEntity, {
      where: { patientId },
      order: { placedAt: 'DESC', id: 'DESC' },
    });
  }
}
