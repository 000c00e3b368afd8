import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import type { Caller } from '../common/caller.js';
import { PasswordHasher } from './password-hasher.js';
import { passwordWeakness } from './password-policy.js';
import type { Role } from '../common/roles.js';
import { StaffSessionChanges } from './staff-session-changes.js';
import { UserEntity } from './user.entity.js';

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  active?: boolean;
  password?: string;
  /** Remove the second factor (a lost phone); the user enrols again at next sign-in. */
  resetTotp?: boolean;
}

export type SessionEndReason = 'logout' | 'user_disabled' | 'password_changed' | 'totp_reset';

// Any fixed 64-bit number, the same in every instance.
const ADMIN_ROSTER_LOCK_KEY = 7_420_113_564;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Staff accounts. Every change is audited in its own transaction. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly sessionChanges: StaffSessionChanges,
  ) {}

  /**
   * `passwordGenerated`: the service made the password from 144 random bits, so the dictionary check
   * (and the memory its dictionaries take) is skipped.
   */
  async create(input: NewUser, caller: Caller, options: { passwordGenerated?: boolean } = {}): Promise<UserEntity> {
    const email = normalizeEmail(input.email);
    if (!options.passwordGenerated) await this.assertStrongPassword(input.password, [email, input.displayName]);
    const passwordHash = await this.hasher.hash(input.password);
    const emailTaken = new DomainError('email_taken', 409, 'A user with this email address already exists.');
    return this.dataSource
      .transaction(async (manager) => {
        const existing = await manager.findOne(UserEntity, { where: { email }, select: { id: true } });
        if (existing) throw emailTaken;
        const user = await manager.save(
          manager.create(UserEntity, {
            email,
            displayName: input.displayName.trim(),
            role: input.role,
            active: true,
            passwordHash,
            passwordChangedAt: this.clock.now(),
          }),
        );
        await this.audit.record(
          caller,
          { action: 'user.create', entityType: 'user', entityId: user.id, details: { role: user.role } },
          manager,
        );
        return user;
      })
      .catch((error: unknown) => {
        // Two requests for the same new address at once: the unique constraint decides.
        if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') throw emailTaken;
        throw error;
      });
  }

  list(): Promise<UserEntity[]> {
    return this.dataSource.manager.find(UserEntity, { order: { createdAt: 'ASC' } });
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id });
    if (!user) throw new NotFoundError('The user');
    return user;
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOneBy(UserEntity, { email: normalizeEmail(email) });
  }

  async update(id: string, changes: UserChanges, caller: Caller): Promise<UserEntity> {
    if (
      caller.principal?.kind === 'user' &&
      caller.principal.userId === id &&
      (changes.role || changes.active !== undefined)
    ) {
      throw new DomainError(
        'own_account',
        409,
        'You cannot change your own role or disable your own account; another admin can.',
      );
    }
    const passwordHash =
      changes.password === undefined ? undefined : await this.hashNewPassword(await this.get(id), changes.password);
    const updated = await this.dataSource.transaction(async (manager) => {
      // Changes to who is an admin take turns, so two cannot both remove "another" last admin.
      if (changes.role !== undefined || changes.active !== undefined) {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_ROSTER_LOCK_KEY]);
      }
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('The user');
      const changed: string[] = [];
      const details: Record<string, unknown> = {};
      if (changes.displayName !== undefined && changes.displayName.trim() !== user.displayName) {
        user.displayName = changes.displayName.trim();
        changed.push('displayName');
      }
      if (changes.role !== undefined && changes.role !== user.role) {
        details.roleBefore = user.role;
        details.roleAfter = changes.role;
        user.role = changes.role;
        changed.push('role');
      }
      if (changes.active !== undefined && changes.active !== user.active) {
        user.active = changes.active;
        changed.push('active');
        details.active = changes.active;
      }
      if (passwordHash !== undefined) {
        user.passwordHash = passwordHash;
        user.passwordChangedAt = this.clock.now();
        changed.push('password');
      }
      if (changes.resetTotp && (user.totpSecret || user.totpPendingSecret)) {
        user.totpSecret = null;
        user.totpPendingSecret = null;
        user.totpEnabledAt = null;
        user.totpLastStep = null;
        changed.push('totp');
      }
      if (changed.length === 0) return user;
      if (changed.includes('role') || changed.includes('active')) await this.assertAdminRemains(manager, user);
      await manager.save(user);
      if (changed.includes('active') && !user.active) await endSessions(manager, user.id, 'user_disabled');
      if (changed.includes('password')) await endSessions(manager, user.id, 'password_changed');
      if (changed.includes('totp')) await endSessions(manager, user.id, 'totp_reset');
      await this.audit.record(
        caller,
        { action: 'user.update', entityType: 'user', entityId: user.id, details: { changed, ...details } },
        manager,
      );
      return user;
    });
    this.sessionChanges.committed(id);
    return updated;
  }

  /** The user's own change: the current password must be right; every session ends, this one too. */
  async changeOwnPassword(user: UserEntity, newPassword: string, caller: Caller): Promise<void> {
    const passwordHash = await this.hashNewPassword(user, newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { passwordHash, passwordChangedAt: this.clock.now() });
      await endSessions(manager, user.id, 'password_changed');
      await this.audit.record(
        caller,
        { action: 'user.password_change', entityType: 'user', entityId: user.id, details: { changed: ['password'] } },
        manager,
      );
    });
    this.sessionChanges.committed(user.id);
  }

  private async hashNewPassword(user: UserEntity, password: string): Promise<string> {
    await this.assertStrongPassword(password, [user.email, user.displayName]);
    return this.hasher.hash(password);
  }

  private async assertStrongPassword(password: string, accountWords: string[]): Promise<void> {
    const weakness = await passwordWeakness(password, [
      ...accountWords,
      ...accountWords.flatMap((w) => w.split(/[@.\s]+/)),
    ]);
    if (weakness) throw new ValidationFailedError([{ field: 'password', messages: [`password ${weakness}`] }]);
  }

  /** Disabling or demoting must leave at least one active admin, or nobody could manage accounts. */
  private async assertAdminRemains(manager: EntityManager, changed: UserEntity): Promise<void> {
    const admins = await manager.query<{ id: string }[]>(`SELECT id FROM users WHERE role = 'admin' AND active`);
    const remaining = admins.filter((admin) => admin.id !== changed.id).length;
    if (remaining === 0 && !(changed.role === 'admin' && changed.active)) {
      throw new DomainError('last_admin', 409, 'This is the last active admin: make another admin first.');
    }
  }
}

/** Ends every open session of a user at once, in the caller's transaction. */
export async function endSessions(manager: EntityManager, userId: string, reason: SessionEndReason): Promise<void> {
  await manager.query(
    `UPDATE sessions SET ended_at = clock_timestamp(), end_reason = $2 WHERE user_id = $1 AND ended_at IS NULL`,
    [userId, reason],
  );
}
