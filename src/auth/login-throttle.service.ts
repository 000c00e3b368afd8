import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { countAttempts, countAttemptsEach } from './attempt-window.js';

/** What the counts say of an attempt, before it is checked. */
export interface AttemptVerdict {
  /** Seconds to wait when this address, or this address for this account, tried too often; else 0. */
  retryAfter: number;
  /**
   * Seconds the account's own count stays over its limit: someone, from wherever, has been guessing
   * its password. 0 otherwise. While it lasts, only an attempt that proves more than a password gets
   * in (AuthService.login), so the guesses cannot keep the account's owner out.
   */
  accountGuessedFor: number;
}

/**
 * Counts sign-in attempts (password, second factor) in fixed windows, in PostgreSQL so that all
 * instances share the counts: per client address, per account and address together, and per
 * account. The first two are hard limits; the account's count marks an account whose password is
 * being guessed, which AuthService answers without letting the guesser lock its owner out. An
 * attempt is counted before it is checked, atomically, so concurrent attempts cannot all slip under
 * the limit. An unknown email address is counted exactly like a known one, so the answers do not
 * tell them apart. Keys are SHA-256 digests: people type passwords into the email field.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async reserveAttempt(email: string, clientIp: string | null): Promise<AttemptVerdict> {
    const { windowMs, maxFailuresPerAccount, maxFailuresPerIp } = this.config.auth.loginThrottle;
    const waits = await countAttemptsEach(
      this.dataSource,
      [
        { scope: 'account', key: accountKey(email), limit: maxFailuresPerAccount },
        { scope: 'account_ip', key: accountAddressKey(email, clientIp), limit: maxFailuresPerAccount },
        { scope: 'ip', key: addressKey(clientIp), limit: maxFailuresPerIp },
      ],
      this.clock.now(),
      windowMs,
    );
    return {
      retryAfter: Math.max(waits.get('account_ip') ?? 0, waits.get('ip') ?? 0),
      accountGuessedFor: waits.get('account') ?? 0,
    };
  }

  /**
   * Counts a second-factor code sent with the right password while the account's password is being
   * guessed: a hard limit per account, from any address, so that whoever has the password cannot
   * try codes from many addresses. It runs out with its window, not with a success. Returns the
   * seconds to wait when over the limit, else 0.
   */
  async reserveCodeAttempt(email: string): Promise<number> {
    const { windowMs, maxFailuresPerAccount } = this.config.auth.loginThrottle;
    return countAttempts(
      this.dataSource,
      [{ scope: 'account_code', key: accountKey(email), limit: maxFailuresPerAccount }],
      this.clock.now(),
      windowMs,
    );
  }

  /**
   * The attempt succeeded: the address's own count no longer holds this account's attempts from
   * there (the owner's typos, the first step of a two-step sign-in; one good sign-in proves nothing
   * about other accounts tried from there), and this address's count for the account is cleared.
   * The account's count is cleared too, unless its password is being guessed: the owner getting in
   * must not hand the guesser a fresh allowance.
   */
  async attemptSucceeded(email: string, clientIp: string | null): Promise<void> {
    const { maxFailuresPerAccount } = this.config.auth.loginThrottle;
    await this.dataSource.query(
      `UPDATE login_throttle SET failures = greatest(failures - coalesce(
         (SELECT failures FROM login_throttle WHERE scope = 'account_ip' AND key = $2), 1), 0)
        WHERE scope = 'ip' AND key = $1`,
      [addressKey(clientIp), accountAddressKey(email, clientIp)],
    );
    await this.dataSource.query(
      `DELETE FROM login_throttle
        WHERE (scope = 'account_ip' AND key = $2) OR (scope = 'account' AND key = $1 AND failures <= $3)`,
      [accountKey(email), accountAddressKey(email, clientIp), maxFailuresPerAccount],
    );
  }
}

function accountAddressKey(email: string, clientIp: string | null): string {
  return createHash('sha256')
    .update(`${email}\n${addressKey(clientIp)}`, 'utf8')
    .digest('hex');
}

function accountKey(email: string): string {
  return createHash('sha256').update(email, 'utf8').digest('hex');
}

/** IPv6 clients usually hold a whole /64, so they are counted per /64; IPv4 per address. */
export function addressKey(clientIp: string | null): string {
  if (!clientIp) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(clientIp);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(clientIp)) return clientIp;
  const withoutZone = clientIp.toLowerCase().split('%', 1)[0] ?? '';
  const [head = '', tail = ''] = withoutZone.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = withoutZone.includes('::')
    ? [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
