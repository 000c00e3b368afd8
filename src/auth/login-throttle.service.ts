import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { countAttempts } from './attempt-window.js';

/**
 * Counts sign-in attempts (password, second factor) per email address and per client address in a
 * fixed window, in PostgreSQL so that all instances share the counts. An attempt is counted before
 * it is checked, atomically, so concurrent attempts cannot all slip under the limit; a success takes
 * its count back. An unknown email address is counted exactly like a known one, so the answers do not
 * tell them apart. Keys are SHA-256 digests: people type passwords into the email field.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Counts an attempt; returns the seconds to wait when it is over a limit, else 0 (go ahead). */
  async reserveAttempt(email: string, clientIp: string | null): Promise<number> {
    const { windowMs, maxFailuresPerAccount, maxFailuresPerIp } = this.config.auth.loginThrottle;
    return countAttempts(
      this.dataSource,
      [
        { scope: 'account', key: accountKey(email), limit: maxFailuresPerAccount },
        { scope: 'ip', key: addressKey(clientIp), limit: maxFailuresPerIp },
      ],
      this.clock.now(),
      windowMs,
    );
  }

  /** Gives back an attempt that was neither a success nor a failure (a password awaiting its code). */
  async releaseAttempt(email: string, clientIp: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE login_throttle SET failures = greatest(failures - 1, 0)
        WHERE (scope = 'account' AND key = $1) OR (scope = 'ip' AND key = $2)`,
      [accountKey(email), addressKey(clientIp)],
    );
  }

  /**
   * The attempt succeeded: the account's count is cleared, and the address's count no longer holds
   * this attempt (one good password proves nothing about the others tried from there).
   */
  async attemptSucceeded(email: string, clientIp: string | null): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE scope = 'account' AND key = $1`, [accountKey(email)]);
    await this.dataSource.query(
      `UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE scope = 'ip' AND key = $1`,
      [addressKey(clientIp)],
    );
  }
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
