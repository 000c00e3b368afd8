import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { AuditService } from '../audit/audit.service.js';
import { SystemClock } from '../common/clock.js';
import { DomainError, ValidationFailedError } from '../common/domain-error.js';
import { runCommand } from '../config/command.js';
import { loadConfig } from '../config/app-config.js';
import { openCliDatabase } from '../database/cli-database.js';
import { migrate } from '../database/data-source.js';
import { SYSTEM_CALLER } from '../common/caller.js';
import { PasswordHasher } from './password-hasher.js';
import { ROLES, type Role } from '../common/roles.js';
import { StaffSessionChanges } from './staff-session-changes.js';
import { UsersService } from './users.service.js';

// npm run user:create -- --email a@clinic.example --name "A. Person" --role front_desk [--password-stdin]
// Uses DATABASE_URL, or the embedded server under DATA_DIR when it is unset, like the service.
// Without --password-stdin a password is generated and printed once.

const USAGE = `usage: npm run user:create -- --email <address> --name <display name> --role <${ROLES.join('|')}> [--password-stdin]
  --password-stdin   read the password from standard input (e.g. from a password manager's CLI)`;

async function main(): Promise<number> {
  let values: { email?: string; name?: string; role?: string; 'password-stdin'?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 64;
  }
  const { email, name, role } = values;
  if (!email || !name || !role || !(ROLES as readonly string[]).includes(role)) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const generated = !values['password-stdin'];
  const password = generated
    ? randomBytes(18).toString('base64url')
    : (await text(process.stdin)).replace(/\r?\n$/, '');

  const config = loadConfig();
  const { dataSource, close } = await openCliDatabase(config);
  try {
    await dataSource.initialize();
    await migrate(dataSource);
    const users = new UsersService(
      dataSource,
      new PasswordHasher(config.auth.passwordHash),
      new AuditService(dataSource),
      new SystemClock(),
      // Not listening: the CLI only creates users, whose sessions nothing has kept yet.
      new StaffSessionChanges(dataSource),
    );
    const user = await users.create({ email, displayName: name, role: role as Role, password }, SYSTEM_CALLER, {
      passwordGenerated: generated,
    });
    process.stdout.write(`created ${user.role} ${user.email} (${user.id})\n`);
    if (generated) process.stdout.write(`password: ${password}\nIt is shown only now.\n`);
    return 0;
  } catch (error) {
    if (error instanceof ValidationFailedError) {
      process.stderr.write(`${error.errors.flatMap((e) => e.messages).join('\n')}\n`);
      return 65;
    }
    if (error instanceof DomainError) {
      process.stderr.write(`${error.detail}\n`);
      return 65;
    }
    throw error;
  } finally {
    await close();
  }
}

runCommand(main);
