import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ROLE_PERMISSIONS, type Role } from '../common/roles.js';
import { actingUserId, type Caller } from '../common/caller.js';
import { DomainError, NotFoundError } from '../common/domain-error.js';
import type { StaffRecipient } from '../notifications/notifications.service.js';
import { CHANNEL_CODES } from '../rights/channels.js';
import type { TaskOwnerDto } from './dto/removal-task.dto.js';

/**
 * The default owner of a task on `channel` (an SQL expression): the active owner of the longest
 * channel prefix that covers it, or null.
 */
export const DEFAULT_TASK_OWNER_SQL = (channel: string): string => `
  (SELECT o.user_id FROM removal_task_owners o JOIN users u ON u.id = o.user_id AND u.active
    WHERE ${channel} = o.channel OR ${channel} LIKE o.channel || '.%'
    ORDER BY length(o.channel) DESC LIMIT 1)`;

/**
 * The staff member a removal task can go to: active, and allowed to work removal tasks. Anyone else
 * would never be able to act on it.
 */
export async function removalWorker(manager: EntityManager, userId: string): Promise<StaffRecipient> {
  const [user] = await manager.query<
    { id: string; email: string; display_name: string; role: Role; active: boolean }[]
  >('SELECT id, email, display_name, role, active FROM users WHERE id = $1', [userId]);
  if (!user?.active || !ROLE_PERMISSIONS[user.role].has('removals.work')) {
    throw new DomainError(
      'assignee_not_eligible',
      422,
      'Removal tasks go only to an active staff member who works removal tasks (marketing or privacy officer).',
      { userId },
    );
  }
  return { userId: user.id, email: user.email, displayName: user.display_name };
}

/** Default owners of removal tasks, per channel (docs/architecture.md §3); set by the privacy officer. */
@Injectable()
export class RemovalTaskOwnersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<TaskOwnerDto[]> {
    return this.dataSource.query<TaskOwnerDto[]>(
      `SELECT o.channel, o.user_id AS "userId", u.display_name AS "displayName", o.updated_at AS "updatedAt"
         FROM removal_task_owners o JOIN users u ON u.id = o.user_id ORDER BY o.channel`,
    );
  }

  /** Tasks opened from now on for this channel (and those under it without an owner of their own) go to the user. */
  async set(channel: string, userId: string, caller: Caller): Promise<TaskOwnerDto> {
    assertChannel(channel);
    return this.dataSource.transaction(async (manager) => {
      const owner = await removalWorker(manager, userId);
      const [row] = await manager.query<{ updatedAt: Date }[]>(
        `INSERT INTO removal_task_owners (channel, user_id, set_by_user_id) VALUES ($1, $2, $3)
         ON CONFLICT (channel) DO UPDATE SET user_id = $2, set_by_user_id = $3, updated_at = now()
         RETURNING updated_at AS "updatedAt"`,
        [channel, userId, actingUserId(caller)],
      );
      await this.audit.record(
        caller,
        { action: 'removal_task_owner.set', entityType: 'channel', details: { channel, userId } },
        manager,
      );
      return { channel, userId, displayName: owner.displayName, updatedAt: row.updatedAt };
    });
  }

  async remove(channel: string, caller: Caller): Promise<void> {
    assertChannel(channel);
    await this.dataSource.transaction(async (manager) => {
      // TypeORM answers a DELETE with [rows, count].
      const [, deleted] = await manager.query<[unknown[], number]>(
        'DELETE FROM removal_task_owners WHERE channel = $1',
        [channel],
      );
      if (deleted === 0) throw new NotFoundError(`An owner for channel ${channel}`);
      await this.audit.record(
        caller,
        { action: 'removal_task_owner.remove', entityType: 'channel', details: { channel } },
        manager,
      );
    });
  }
}

function assertChannel(channel: string): void {
  if (!CHANNEL_CODES.includes(channel)) {
    throw new DomainError('unknown_channel', 400, `${JSON.stringify(channel.slice(0, 100))} is not a channel code.`);
  }
}
