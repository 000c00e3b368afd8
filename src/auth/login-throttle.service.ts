import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';

type Scope = 'account' | 'ip';

/**
 * Counts failed sign-ins (wrong password, unknown account, wrong second factor) per email address
 * and per client IP in a fixed window, in PostgreSQL so that all instances share the counts. An
 * unknown email address is counted exactly like a known one, so the answers do not tell them apart.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Seconds until the caller may try again, or 0 when it may try now. */
  async retryAfterSeconds(email: string, clientIp: string | null): Promise<number> {
    const { windowMs, maxFailuresPerAccount, maxFailuresPerIp } = this.config.auth.loginThrottle;
    const now = this.clock.now();
    const rows = await this.dataSource.query<{ scope: Scope; window_started_at: Date; failures: number }[]>(
      `SELECT scope, window_started_at, failures FROM login_throttle
        WHERE (scope = 'account' AND key = $1) OR (scope = 'ip' AND key = $2)`,
      [email, clientIp ?? ''],
    );
    let wait = 0;
    for (const row of rows) {
      const limit = row.scope === 'account' ? maxFailuresPerAccount : maxFailuresPerIp;
      const windowEnds = row.window_started_at.getTime() + windowMs;
      if (row.failures >= limit && windowEnds > now.getTime()) {
        wait = Math.max(wait, Math.ceil((windowEnds - now.getTime()) / 1000));
      }
    }
    return wait;
  }

  async recordFailure(email: string, clientIp: string | null): Promise<void> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - this.config.auth.loginThrottle.windowMs);
    // A window that has run out starts again at one failure.
    await this.dataSource.query(
      `INSERT INTO login_throttle AS t (scope, key, window_started_at, failures)
       VALUES ('account', $1, $3, 1), ('ip', $2, $3, 1)
       ON CONFLICT (scope, key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at <= $4 THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= $4 THEN $3 ELSE t.window_started_at END`,
      [email, clientIp ?? '', now, windowStart],
    );
  }

  /** A successful sign-in clears the account's count (not the IP's: one good password proves nothing about the rest). */
  async clearAccount(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE scope = 'account' AND key = $1`, [email]);
  }
}
