import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';

type Scope = 'account' | 'ip';

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
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - windowMs);
    // Rows of windows that have run out are no use to anyone: clear them as we go.
    await this.dataSource.query(
      "DELETE FROM login_throttle WHERE scope IN ('account', 'ip') AND window_started_at <= $1",
      [windowStart],
    );
    const rows = await this.dataSource.query<{ scope: Scope; window_started_at: Date; failures: number }[]>(
      `INSERT INTO login_throttle AS t (scope, key, window_started_at, failures)
       VALUES ('account', $1, $3, 1), ('ip', $2, $3, 1)
       ON CONFLICT (scope, key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at <= $4 THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= $4 THEN $3 ELSE t.window_started_at END
       RETURNING scope, window_started_at, failures`,
      [accountKey(email), addressKey(clientIp), now, windowStart],
    );
    let wait = 0;
    for (const row of rows) {
      const limit = row.scope === 'account' ? maxFailuresPerAccount : maxFailuresPerIp;
      if (row.failures > limit) {
        const windowEnds = row.window_started_at.getTime() + windowMs;
        wait = Math.max(wait, Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)));
      }
    }
    return wait;
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
