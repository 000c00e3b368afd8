import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'demo', 'demo-seed-cli.js');

function runSeed(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('npm run demo:seed', () => {
  let database: TestDatabase;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'pcs-test-seed-'));
    env = {
      PATH: process.env.PATH,
      DATABASE_URL: database.servingUrl,
      DATABASE_MIGRATION_URL: database.url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    };
  });
  afterAll(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is refused in production, before it touches anything', async () => {
    // A production configuration names the clinic's certificate; the seed stops before it is read.
    const { code, output } = await runSeed({
      ...env,
      NODE_ENV: 'production',
      SIGNING_CERTIFICATE_FILE: path.join(dataDir, 'clinic.p12'),
    });
    assert.equal(code, 78, output);
    assert.match(output, /refused in production/);
    const [{ patients }] = await database.query<{ patients: number }>('SELECT count(*)::int AS patients FROM patients');
    assert.equal(patients, 0);
  });

  it('fills an empty database with a believable clinic through the API, and only an empty one', async () => {
    const { code, output } = await runSeed(env);
    assert.equal(code, 0, output);
    for (const email of ['frontdesk', 'marketing', 'privacy', 'admin']) {
      assert.match(output, new RegExp(`${email}@clinic\\.example +\\S{20}`), `${email}'s password is printed`);
    }
    const count = async (sql: string) => (await database.query<{ n: number }>(sql))[0]?.n;
    assert.equal(await count(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%@clinic.example'`), 4);
    assert.equal(await count('SELECT count(*)::int AS n FROM patients'), 12);
    assert.equal(await count('SELECT count(*)::int AS n FROM patients WHERE guardian_full_name IS NOT NULL'), 1);
    assert.equal(await count('SELECT count(*)::int AS n FROM photos'), 24);
    assert.equal(await count('SELECT count(*)::int AS n FROM releases'), 12);
    assert.equal(
      await count('SELECT count(DISTINCT (channels, face_allowed, paid_advertising_allowed))::int AS n FROM releases'),
      3,
      'releases of varied scope',
    );
    assert.equal(await count('SELECT count(*)::int AS n FROM publications WHERE hosted'), 6);
    assert.equal(await count('SELECT count(*)::int AS n FROM publications WHERE NOT hosted'), 1);
    assert.equal(await count('SELECT count(*)::int AS n FROM revocations'), 1);
    assert.equal(await count(`SELECT count(*)::int AS n FROM removal_cases WHERE status = 'open'`), 1);

    const again = await runSeed(env);
    assert.equal(again.code, 1, again.output);
    assert.match(again.output, /already holds 12 patients/);
    assert.equal(await count('SELECT count(*)::int AS n FROM patients'), 12);
  });
});
