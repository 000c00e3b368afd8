import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actingUserId, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError } from '../common/domain-error.js';
import type { LiftHoldDto, PlaceHoldDto } from './dto/hold.dto.js';
import { assertPatientExists, assertPatientPhotos } from '../patients/patient-checks.js';
import { withdrawHosted } from '../publications/publication-status.js';
import { ConsentChanges } from '../rights/consent-changes.js';
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
    private readonly consent: ConsentChanges,
    private readonly clock: Clock,
  ) {}

  async place(patientId: string, dto: PlaceHoldDto, caller: Caller): Promise<HoldEntity> {
    const photoIds = dto.photoIds ?? null;
    return this.consent.run(
      patientId,
      {
        // Under the lock the publish path takes (share) on the release governing a use: a
        // publication recorded concurrently either commits first, and is taken down here, or waits
        // and is refused.
        write: async (manager) => {
          await assertPatientExists(manager, patientId);
          if (photoIds) await assertPatientPhotos(manager, patientId, photoIds);
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
          return { hold, withdrawn: await withdrawHosted(manager, patientId, photoIds) };
        },
        record: async ({ hold, withdrawn }) => ({
          result: hold,
          auditEntries: [
            { action: 'hold.place', entityType: 'hold', entityId: hold.id, patientId, details: { photoIds } },
            ...withdrawn.map((id) => ({
              action: 'publication.media_withdrawn',
              entityType: 'publication',
              entityId: id,
              patientId,
              details: { reasons: ['photo_on_hold'], holdId: hold.id },
            })),
          ],
        }),
      },
      { caller },
    );
  }

  async lift(holdId: string, dto: LiftHoldDto, caller: Caller): Promise<HoldEntity> {
    const found = await this.dataSource.manager.findOne(HoldEntity, {
      where: { id: holdId },
      select: { id: true, patientId: true },
    });
    if (!found) throw new NotFoundError('The hold');
    return this.consent.run(
      found.patientId,
      {
        write: async (manager) => {
          const hold = await manager.findOne(HoldEntity, {
            where: { id: holdId },
            lock: { mode: 'pessimistic_write' },
          });
          if (!hold) throw new NotFoundError('The hold');
          if (hold.liftedAt) {
            throw new DomainError(
              'hold_already_lifted',
              409,
              `The hold was lifted on ${hold.liftedAt.toISOString()}.`,
              { liftedAt: hold.liftedAt.toISOString() },
            );
          }
          hold.liftedAt = this.clock.now();
          hold.liftedByUserId = actingUserId(caller);
          hold.liftReason = dto.reason?.trim() ?? null;
          await manager.update(
            HoldEntity,
            { id: hold.id },
            { liftedAt: hold.liftedAt, liftedByUserId: hold.liftedByUserId, liftReason: hold.liftReason },
          );
          return hold;
        },
        record: async (hold) => ({
          result: hold,
          auditEntries: [
            { action: 'hold.lift', entityType: 'hold', entityId: hold.id, patientId: hold.patientId, details: {} },
          ],
        }),
      },
      { caller },
    );
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
