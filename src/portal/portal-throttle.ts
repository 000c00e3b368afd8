import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { countAttempts, type AttemptCounter } from '../auth/attempt-window.js';
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
      { scope: 'portal_email', key: createHash('sha256').update(email, 'utf8').digest('hex'), limit: ACCESS_PER_EMAIL },
      { scope: 'portal_ip', key: addressKey(clientIp), limit: ACCESS_PER_ADDRESS },
    ]);
  }

  async countSessionAttempt(clientIp: string | null): Promise<void> {
    await this.count([{ scope: 'portal_session_ip', key: addressKey(clientIp), limit: SESSIONS_PER_ADDRESS }]);
  }

  private async count(counters: AttemptCounter[]): Promise<void> {
    const wait = await countAttempts(this.dataSource, counters, this.clock.now(), HOUR_MS);
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
