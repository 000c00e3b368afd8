import { randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { SYSTEM_CALLER } from '../common/caller.js';
import { UsersService } from './users.service.js';

export const DEMO_ADMIN_EMAIL = 'admin@localhost';
// Any fixed 64-bit number: instances starting together create the first admin once.
const BOOTSTRAP_LOCK_KEY = 7_420_113_563;

/**
 * On a start that finds no users, creates the first admin from BOOTSTRAP_ADMIN_EMAIL and
 * BOOTSTRAP_ADMIN_PASSWORD; in embedded demo mode without them, generates a password and prints it
 * once. The admin must set up a second factor at first sign-in (TOTP_REQUIRED_ROLES).
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [BOOTSTRAP_LOCK_KEY]);
      const [{ count }] = (await runner.query('SELECT count(*)::int AS count FROM users')) as [{ count: number }];
      if (count > 0) return;
      await this.createFirstAdmin();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK_KEY]).catch(() => undefined);
      await runner.release();
    }
  }

  private async createFirstAdmin(): Promise<void> {
    const configured = this.config.auth.bootstrapAdmin;
    if (configured) {
      await this.users.create({ ...configured, displayName: 'Administrator', role: 'admin' }, SYSTEM_CALLER);
      this.logger.log(`created the first admin, ${configured.email}, from BOOTSTRAP_ADMIN_EMAIL`);
      return;
    }
    if (this.config.database.url) {
      this.logger.warn(
        'There are no users. Set BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD and restart, ' +
          'or run `npm run user:create`.',
      );
      return;
    }
    const password = randomBytes(18).toString('base64url');
    await this.users.create(
      { email: DEMO_ADMIN_EMAIL, password, displayName: 'Administrator', role: 'admin' },
      SYSTEM_CALLER,
      { passwordGenerated: true },
    );
    // Printed once, to the terminal rather than the log (it is a credential), set apart so that it
    // cannot be missed among the start-up lines.
    const rule = '='.repeat(72);
    process.stdout.write(
      `\n${rule}\n  Demo mode: created the first admin. Write this down: it is shown only now.\n\n` +
        `    email:     ${DEMO_ADMIN_EMAIL}\n    password:  ${password}\n\n` +
        '  Sign in at POST /api/v1/auth/login; you will be asked to set up a second factor.\n' +
        `${rule}\n\n`,
    );
  }
}
