import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { rememberRecent } from '../common/recent-map.js';
import { AppConfig } from '../config/app-config.js';
import { driverPool } from '../database/driver-pool.js';
import { TooManyAttemptsError, UnauthenticatedError } from './auth.errors.js';
import { SYSTEM_CALLER, type Caller, type StaffPrincipal } from '../common/caller.js';
import { addressKey, LoginThrottleService, type AttemptVerdict } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { ROLE_PERMISSIONS, type Role } from '../common/roles.js';
import { generateToken, hashToken } from './secret-token.js';
import { SessionEntity } from './session.entity.js';
import { StaffSessionChanges } from './staff-session-changes.js';
import { generateTotpSecret, matchTotp, totpUri } from './totp.js';
import { UserEntity } from './user.entity.js';
import { normalizeEmail, UsersService } from './users.service.js';

export interface LoginInput {
  email: string;
  password: string;
  totpCode?: string;
}

export interface LoginResult {
  token: string;
  session: SessionEntity;
  user: UserEntity;
  totpEnrolmentRequired: boolean;
}

/** What every authenticated request needs of its session and user, read in one statement. */
interface SessionRow {
  id: string;
  last_seen_at: Date;
  expires_at: Date;
  ended_at: Date | null;
  totp_verified: boolean;
  user_id: string;
  email: string;
  display_name: string;
  role: Role;
  active: boolean;
}

/** Valid sessions kept in memory, each about 1 KB: more than the staff of a large clinic group. */
const MAX_KEPT_SESSIONS = 10_000;
/** An address the account signed in from this recently is its owner's while its password is guessed. */
const KNOWN_ADDRESS_DAYS = 30;
/** The most recent addresses read for that: more than one person signs in from in a month. */
const KNOWN_ADDRESSES_READ = 50;

interface KeptSession {
  row: SessionRow;
  /** StaffSessionChanges.version of the session's user when it was read. */
  version: string;
}

/**
 * Staff sign-in: passwords, the second factor, and sessions. Sessions are checked against the
 * application clock (injectable, so tests can move time); a session's last activity is written at
 * most once per LAST_SEEN_RESOLUTION so that reads do not turn into writes.
 */
@Injectable()
export class AuthService implements OnModuleInit {
  /** Verified when the email is unknown, so that answer takes as long as a wrong password. */
  private decoyHash!: Promise<string>;
  /** By the token's hash, most recently read first to stay. */
  private readonly keptSessions = new Map<string, KeptSession>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly sessionChanges: StaffSessionChanges,
  ) {}

  onModuleInit(): void {
    // Made at start-up, so not even the first sign-in with an unknown email takes longer than others.
    this.decoyHash = this.hasher.hash(randomBytes(16).toString('hex'));
  }

  /**
   * Signs in with a password (and the second factor once enrolled). While the account's password is
   * being guessed (its own count over the limit, from any number of addresses), an attempt gets in
   * only if it proves more than a password: the right code with it, or an address the account has
   * signed in from lately. Every other attempt then answers the same 429, right password or wrong,
   * so guessing learns nothing more than before and cannot keep the owner out.
   */
  async login(input: LoginInput, caller: Caller): Promise<LoginResult> {
    const email = normalizeEmail(input.email);
    const verdict = await this.reserveAttempt(email, caller, { action: 'auth.login', outcome: 'denied' });
    const guessed = verdict.accountGuessedFor > 0;
    const user = await this.users.findByEmail(email);
    const trusted = guessed && user !== null && (await this.signedInFromLately(user.id, caller.clientIp));
    const locked = guessed && !trusted;
    // Only a code could get this attempt in, and it has none: refused before the password is hashed.
    if (locked && !input.totpCode) await this.refuseGuessed(caller, user, verdict.accountGuessedFor);

    const passwordMatches = await this.hasher.verify(user?.passwordHash ?? (await this.decoyHash), input.password);
    if (!user || !passwordMatches || !user.active) {
      const reason = !user ? 'unknown_account' : !passwordMatches ? 'wrong_password' : 'account_disabled';
      if (locked) await this.refuseGuessed(caller, user, verdict.accountGuessedFor, reason);
      await this.refuse(caller, reason, user, 'invalid_credentials');
    }
    const account = user as UserEntity;

    let totpVerified = false;
    if (account.totpSecret) {
      if (!input.totpCode) {
        // The first step of a two-step sign-in. It stays counted: otherwise this answer, given only
        // to the right password, would be a password oracle that costs nothing.
        await this.audit.record(caller, loginDenied(account, 'totp_required'));
        throw new UnauthenticatedError('totp_required');
      }
      // While the password is being guessed, whoever has it too gets only so many codes to try,
      // from however many addresses; counted before the code is checked, answered as any guess.
      if (locked) {
        const codesWait = await this.throttle.reserveCodeAttempt(email);
        if (codesWait > 0)
          await this.refuseGuessed(caller, account, Math.max(codesWait, verdict.accountGuessedFor), 'totp_attempts');
      }
      if (!(await this.consumeTotp(account, account.totpSecret, input.totpCode))) {
        if (locked) await this.refuseGuessed(caller, account, verdict.accountGuessedFor, 'totp_invalid');
        await this.refuse(caller, 'totp_invalid', account, 'totp_invalid');
      }
      totpVerified = true;
    } else if (locked) {
      // Nothing but the password tells the owner from the guesser.
      await this.refuseGuessed(caller, account, verdict.accountGuessedFor, 'no_second_factor');
    }

    await this.throttle.attemptSucceeded(email, caller.clientIp);
    const rehashed = this.hasher.needsRehash(account.passwordHash) ? await this.hasher.hash(input.password) : undefined;
    const now = this.clock.now();
    const token = generateToken('session');
    const session = await this.dataSource.transaction(async (manager) => {
      if (rehashed) {
        // The cost settings went up since this hash was made: upgrade it while the password is at hand.
        await manager.update(UserEntity, { id: account.id }, { passwordHash: rehashed });
        await this.audit.record(
          SYSTEM_CALLER,
          { action: 'user.password_rehash', entityType: 'user', entityId: account.id, details: {} },
          manager,
        );
      }
      const created = await manager.save(
        manager.create(SessionEntity, {
          userId: account.id,
          tokenHash: hashToken(token),
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + this.config.auth.sessionMaxLifetimeMs),
          totpVerified,
          endedAt: null,
          endReason: null,
          clientIp: caller.clientIp,
          userAgent: caller.userAgent,
        }),
      );
      const principal = this.principalOf(account, created);
      await this.audit.record(
        { ...caller, principal },
        { action: 'auth.login', entityType: 'session', entityId: created.id, details: { secondFactor: totpVerified } },
        manager,
      );
      return created;
    });
    return { token, session, user: account, totpEnrolmentRequired: this.totpEnrolmentRequired(account, session) };
  }

  /**
   * The staff member a session token belongs to, or a 401 naming why not. A session found valid is
   * kept in memory (with its user) until a change to the user's sessions or account is heard
   * (StaffSessionChanges), since reading it was a third of a clearance check's work in PostgreSQL;
   * every request still checks it against the clock, and only a fresh read refuses one.
   */
  async authenticate(token: string): Promise<StaffPrincipal> {
    const tokenHash = hashToken(token);
    const key = tokenHash.toString('base64');
    const kept = this.keptSessions.get(key);
    const keptRow = kept && this.sessionChanges.isCurrent(kept.row.user_id, kept.version) ? kept.row : undefined;
    const now = this.clock.now().getTime();
    if (keptRow && this.refusal(keptRow, now) === undefined) return this.admit(keptRow, now);
    this.keptSessions.delete(key);

    const changesBefore = this.sessionChanges.changeCount;
    const row = await this.readSession(tokenHash);
    if (!row) throw new UnauthenticatedError('invalid_token');
    const refusal = this.refusal(row, now);
    if (refusal) throw new UnauthenticatedError(refusal);
    const version = this.sessionChanges.versionToKeep(row.user_id, changesBefore);
    if (version) rememberRecent(this.keptSessions, key, { row, version }, MAX_KEPT_SESSIONS);
    return this.admit(row, now);
  }

  private async readSession(tokenHash: Buffer): Promise<SessionRow | undefined> {
    // Plain SQL, as a named statement: building it with the query builder and turning the rows
    // into entities cost about a sixth of the CPU of a clearance check; planning it afresh each
    // time cost PostgreSQL twice what running it does.
    const {
      rows: [row],
    } = await driverPool(this.dataSource).query<SessionRow>({
      name: 'session_of_token',
      text: `SELECT s.id, s.last_seen_at, s.expires_at, s.ended_at, s.totp_verified,
                    u.id AS user_id, u.email, u.display_name, u.role, u.active
               FROM sessions s JOIN users u ON u.id = s.user_id
              WHERE s.token_hash = $1`,
      values: [tokenHash],
    });
    return row;
  }

  /** Why the session may not be used at `now`, or undefined when it may. */
  private refusal(row: SessionRow, now: number): 'invalid_token' | 'session_expired' | undefined {
    if (row.ended_at || !row.active) return 'invalid_token';
    const idleTimeout = this.config.auth.sessionIdleTimeoutMs;
    if (now >= row.expires_at.getTime() || now >= row.last_seen_at.getTime() + idleTimeout) return 'session_expired';
    return undefined;
  }

  /** The principal of a valid session, its activity recorded first when due. */
  private async admit(row: SessionRow, now: number): Promise<StaffPrincipal> {
    // Activity is recorded in steps of a fifteenth of the idle timeout (at most a minute): the
    // session may end up to one step early, never late. The write moves the user's version, so a
    // kept row is read again with its new activity.
    const resolution = Math.min(60_000, this.config.auth.sessionIdleTimeoutMs / 15);
    if (now - row.last_seen_at.getTime() >= resolution) {
      await this.dataSource.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [row.id, new Date(now)]);
      this.sessionChanges.committed(row.user_id);
    }
    return this.principalOf(
      { id: row.user_id, email: row.email, displayName: row.display_name, role: row.role },
      { id: row.id, totpVerified: row.totp_verified },
    );
  }

  async describe(principal: StaffPrincipal): Promise<{ user: UserEntity; session: SessionEntity }> {
    const session = await this.dataSource.manager.findOneOrFail(SessionEntity, {
      where: { id: principal.sessionId },
      relations: { user: true },
    });
    return { user: session.user as UserEntity, session };
  }

  async logout(principal: StaffPrincipal, caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE sessions SET ended_at = clock_timestamp(), end_reason = 'logout' WHERE id = $1 AND ended_at IS NULL`,
        [principal.sessionId],
      );
      await this.audit.record(
        caller,
        { action: 'auth.logout', entityType: 'session', entityId: principal.sessionId },
        manager,
      );
    });
    this.sessionChanges.committed(principal.userId);
  }

  /** Starts (or restarts) enrolment: a new secret that becomes active once a code from it is verified. */
  async enrolTotp(principal: StaffPrincipal, caller: Caller): Promise<{ secret: string; otpauthUri: string }> {
    const secret = generateTotpSecret();
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, {
        where: { id: principal.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (user?.totpSecret) {
        throw new DomainError(
          'totp_already_enrolled',
          409,
          'A second factor is already set up for this account. An admin can reset it if the device is lost.',
        );
      }
      await manager.update(UserEntity, { id: principal.userId }, { totpPendingSecret: secret });
      await this.audit.record(
        caller,
        { action: 'auth.totp_enrol', entityType: 'user', entityId: principal.userId },
        manager,
      );
    });
    return { secret, otpauthUri: totpUri(secret, this.config.auth.totpIssuer, principal.email) };
  }

  /**
   * Checks a code: confirms a pending enrolment, and marks this session as having passed the second
   * factor. Wrong codes count as failed sign-ins for the throttle.
   */
  async verifyTotp(principal: StaffPrincipal, code: string, caller: Caller): Promise<{ enrolledAt: Date }> {
    await this.reserveSignedInAttempt(principal.email, caller, totpDenied(principal));
    const user = await this.users.get(principal.userId);
    const secret = user.totpPendingSecret ?? user.totpSecret;
    if (!secret) {
      throw new DomainError(
        'totp_not_enrolled',
        409,
        'No second factor is being set up: call POST /api/v1/auth/totp/enrol first.',
      );
    }
    if (!(await this.consumeTotp(user, secret, code))) {
      await this.audit.record(caller, { ...totpDenied(principal), details: { reason: 'totp_invalid' } });
      throw new UnauthenticatedError('totp_invalid');
    }
    await this.throttle.attemptSucceeded(principal.email, caller.clientIp);
    const enrolledAt = user.totpEnabledAt ?? this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      if (user.totpPendingSecret) {
        await manager.update(
          UserEntity,
          { id: user.id },
          { totpSecret: secret, totpPendingSecret: null, totpEnabledAt: enrolledAt },
        );
      }
      await manager.update(SessionEntity, { id: principal.sessionId }, { totpVerified: true });
      await this.audit.record(
        caller,
        {
          action: 'auth.totp_verify',
          entityType: 'user',
          entityId: user.id,
          details: { confirmedEnrolment: Boolean(user.totpPendingSecret) },
        },
        manager,
      );
    });
    this.sessionChanges.committed(user.id);
    return { enrolledAt };
  }

  async changeOwnPassword(principal: StaffPrincipal, currentPassword: string, newPassword: string, caller: Caller) {
    const denied: AuditEntry = {
      action: 'user.password_change',
      outcome: 'denied',
      entityType: 'user',
      entityId: principal.userId,
    };
    await this.reserveSignedInAttempt(principal.email, caller, denied);
    const user = await this.users.get(principal.userId);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.audit.record(caller, { ...denied, details: { reason: 'wrong_password' } });
      throw new DomainError('wrong_current_password', 403, 'The current password is not correct.');
    }
    await this.throttle.attemptSucceeded(principal.email, caller.clientIp);
    await this.users.changeOwnPassword(user, newPassword, caller);
  }

  private principalOf(
    user: Pick<UserEntity, 'id' | 'email' | 'displayName' | 'role'>,
    session: Pick<SessionEntity, 'id' | 'totpVerified'>,
  ): StaffPrincipal {
    return {
      kind: 'user',
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      sessionId: session.id,
      permissions: ROLE_PERMISSIONS[user.role],
      totpEnrolmentRequired: this.totpEnrolmentRequired(user, session),
    };
  }

  private totpEnrolmentRequired(user: Pick<UserEntity, 'role'>, session: Pick<SessionEntity, 'totpVerified'>): boolean {
    return this.config.auth.totpRequiredRoles.has(user.role) && !session.totpVerified;
  }

  /** Accepts a code once: the step it belongs to must be later than the last step accepted. */
  private async consumeTotp(user: UserEntity, secret: string, code: string): Promise<boolean> {
    const step = matchTotp(secret, code, this.clock.now());
    if (step === undefined) return false;
    const result = await this.dataSource.query<[unknown[], number]>(
      `UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
      [user.id, step],
    );
    return result[1] === 1;
  }

  /**
   * Counts the attempt before anything is checked; past this address's limits it is refused (429)
   * and audited. The account's own count is the caller's to weigh.
   */
  private async reserveAttempt(email: string, caller: Caller, denied: AuditEntry): Promise<AttemptVerdict> {
    const verdict = await this.throttle.reserveAttempt(email, caller.clientIp);
    if (verdict.retryAfter > 0) {
      await this.audit.record(caller, { ...denied, details: { reason: 'throttled' } });
      throw new TooManyAttemptsError(verdict.retryAfter);
    }
    return verdict;
  }

  /**
   * For a caller that holds a session (a second-factor code, the current password): the account's
   * own count is a hard limit too. Its owner is already in, so it keeps no one out, and a stolen
   * session must not guess from many addresses.
   */
  private async reserveSignedInAttempt(email: string, caller: Caller, denied: AuditEntry): Promise<void> {
    const verdict = await this.reserveAttempt(email, caller, denied);
    if (verdict.accountGuessedFor > 0) {
      await this.audit.record(caller, { ...denied, details: { reason: 'throttled' } });
      throw new TooManyAttemptsError(verdict.accountGuessedFor);
    }
  }

  /** An attempt on an account whose password is being guessed that proved no more than a password. */
  private async refuseGuessed(
    caller: Caller,
    user: UserEntity | null,
    retryAfter: number,
    failure?: string,
  ): Promise<never> {
    const entry = loginDenied(user, 'throttled');
    await this.audit.record(caller, { ...entry, details: failure ? { reason: 'throttled', failure } : entry.details });
    throw new TooManyAttemptsError(retryAfter, true);
  }

  /** Whether the account signed in from this client address (IPv6: its /64) in the last KNOWN_ADDRESS_DAYS. */
  private async signedInFromLately(userId: string, clientIp: string | null): Promise<boolean> {
    if (!clientIp) return false;
    const since = new Date(this.clock.now().getTime() - KNOWN_ADDRESS_DAYS * 24 * 60 * 60_000);
    const rows = await this.dataSource.query<{ client_ip: string }[]>(
      `SELECT client_ip FROM sessions WHERE user_id = $1 AND created_at >= $2 AND client_ip IS NOT NULL
        GROUP BY client_ip ORDER BY max(created_at) DESC LIMIT ${KNOWN_ADDRESSES_READ}`,
      [userId, since],
    );
    const address = addressKey(clientIp);
    return rows.some((row) => addressKey(row.client_ip) === address);
  }

  /** A failed sign-in: its reserved attempt stays counted. */
  private async refuse(
    caller: Caller,
    reason: string,
    user: UserEntity | null,
    code: 'invalid_credentials' | 'totp_invalid',
  ): Promise<never> {
    await this.audit.record(caller, loginDenied(user, reason));
    throw new UnauthenticatedError(code);
  }
}

function loginDenied(user: UserEntity | null, reason: string): AuditEntry {
  // The attempted email is not recorded for unknown accounts: people type passwords into that field.
  return {
    action: 'auth.login',
    outcome: 'denied',
    entityType: user ? 'user' : undefined,
    entityId: user?.id,
    details: { reason },
  };
}

function totpDenied(principal: StaffPrincipal): AuditEntry {
  return { action: 'auth.totp_verify', outcome: 'denied', entityType: 'user', entityId: principal.userId };
}
