import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { PasswordHasher } from '../src/auth/password-hasher.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'auth', 'user-cli.js');

function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin?: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
    child.stdin.end(stdin ?? '');
  });
}

describe('npm run user:create', () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    database = await createTestDatabase();
    env = { PATH: process.env.PATH, DATABASE_URL: database.url, LOG_LEVEL: 'silent' };
  });
  afterAll(async () => database.drop());

  it('creates a user with a generated password, printed once, and audits it', async () => {
    const { code, output } = await runCli(
      ['--email', 'Desk@Clinic.test', '--name', 'Front Desk', '--role', 'front_desk'],
      env,
    );
    assert.equal(code, 0, output);
    const password = /password: (\S+)/.exec(output)?.[1];
    assert.ok(password, output);
    const [user] = await database.query<{ id: string; role: string; password_hash: string }>(
      `SELECT id, role, password_hash FROM users WHERE email = 'desk@clinic.test'`,
    );
    assert.equal(user?.role, 'front_desk');
    assert.equal(
      await new PasswordHasher({ memoryKib: 19_456, iterations: 2 }).verify(user.password_hash, password),
      true,
    );
    const events = await database.query(
      `SELECT actor_type FROM audit_events WHERE action = 'user.create' AND entity_id = $1`,
      [user.id],
    );
    assert.deepEqual(events, [{ actor_type: 'system' }]);
  });

  it('reads the password from stdin, refuses a weak one and a taken email, and explains usage', async () => {
    const weak = await runCli(
      ['--email', 'mk@clinic.test', '--name', 'M', '--role', 'marketing', '--password-stdin'],
      env,
      'Password123!\n',
    );
    assert.equal(weak.code, 65);
    assert.match(weak.output, /too easy to guess/);
    const good = await runCli(
      ['--email', 'mk@clinic.test', '--name', 'M', '--role', 'marketing', '--password-stdin'],
      env,
      'velvet otter compass drizzle\n',
    );
    assert.equal(good.code, 0, good.output);
    assert.doesNotMatch(good.output, /password:/);
    const taken = await runCli(['--email', 'MK@clinic.test', '--name', 'M', '--role', 'marketing'], env);
    assert.equal(taken.code, 65);
    assert.match(taken.output, /already exists/);
    const usage = await runCli(['--role', 'boss'], env);
    assert.equal(usage.code, 64);
    assert.match(usage.output, /usage: npm run user:create/);
  });
});
