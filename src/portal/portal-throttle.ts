import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addressKey } from '../auth/login-throttle.service.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';

const HOUR_MS = 60 * 60 * 1000;
/** Links asked for one email address per hour: enough for a patient who lost one, too few to flood them. */
const ACCESS_PER_EMAIL = 5;
/** Requests for links, and link exchanges, from one client address per hour. */
const ACCESS_PER_ADDRESS = 30;
const SESSIONS_PER_ADDRESS = 30;

/**
 * Fixed-window counts for the portal's public routes, in the login_throttle table (shared by every
 * instance). A request is counted before it is handled, matched or not, so the limits tell nobody
 * whether an address is on file.
 */
@Injectable()
export class PortalThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async countAccessRequest(email: string, clientIp: string | null): Promise<void> {
    await this.count([
      ['portal_email', createHash('sha256').update(email, 'utf8').digest('hex'), ACCESS_PER_EMAIL],
      ['portal_ip', addressKey(clientIp), ACCESS_PER_ADDRESS],
    ]);
  }

  async countSessionAttempt(clientIp: string | null): Promise<void> {
    await this.count([['portal_session_ip', addressKey(clientIp), SESSIONS_PER_ADDRESS]]);
  }

  private async count(counters: [scope: string, key: string, limit: number][]): Promise<void> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - HOUR_MS);
    // Rows of windows that have run out are no use to anyone: clear them as we go.
    await this.dataSource.query(
      'DELETE FROM login_throttle WHERE scope = ANY($1::text[]) AND window_started_at <= $2',
      [counters.map(([scope]) => scope), windowStart],
    );
    const rows = await this.dataSource.query<{ scope: string; window_started_at: Date; failures: number }[]>(
      `INSERT INTO login_throttle AS t (scope, key, window_started_at, failures)
       SELECT scope, key, $3, 1 FROM unnest($1::text[], $2::text[]) AS c(scope, key)
       ON CONFLICT (scope, key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at <= $4 THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= $4 THEN $3 ELSE t.window_started_at END
       RETURNING scope, window_started_at, failures`,
      [counters.map(([scope]) => scope), counters.map(([, key]) => key), now, windowStart],
    );
    let wait = 0;
    for (const row of rows) {
      const limit = counters.find(([scope]) => scope === row.scope)?.[2] ?? 0;
      if (row.failures > limit) {
        const windowEnds = row.window_started_at.getTime() + HOUR_MS;
        wait = Math.max(wait, Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)));
      }
    }
    if (wait > 0) {
      throw new DomainError(
        'too_many_requests',
        429,
        `Too many requests. Try again in ${wait} seconds.`,
        { retryAfterSeconds: wait },
        { 'retry-after': String(wait) },
      );
    }
  }
}
