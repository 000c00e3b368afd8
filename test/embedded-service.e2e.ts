import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

// The service as an operator runs it: `node dist/src/main.js` in its own process, with no
// DATABASE_URL, so it starts its embedded PostgreSQL under DATA_DIR.

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main.js');

interface RunningService {
  child: ChildProcess;
  url: string;
  databasePort: number;
  output: () => string;
}

function baseEnv(dataDir: string): NodeJS.ProcessEnv {
  // Only what a fresh machine has: no DATABASE_URL, no storage settings.
  return { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' };
}

async function startService(env: NodeJS.ProcessEnv): Promise<RunningService> {
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const listening = /"url":"(http:\/\/[^"]+)".*"msg":"service listening"/.exec(output);
    const database = /embedded PostgreSQL ready on 127\.0\.0\.1:(\d+)/.exec(output);
    if (listening?.[1] && database?.[1]) {
      return { child, url: listening[1], databasePort: Number(database[1]), output: () => output };
    }
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`service did not start:\n${output}`);
    }
    await sleep(50);
  }
}

async function stopService(service: RunningService, signal: NodeJS.Signals): Promise<number | null> {
  if (service.child.exitCode !== null) return service.child.exitCode;
  const exited = new Promise<number | null>((resolve) => service.child.once('exit', (code) => resolve(code)));
  service.child.kill(signal);
  return exited;
}

async function databaseClient(dataDir: string, port: number): Promise<pg.Client> {
  const credentials = JSON.parse(await readFile(path.join(dataDir, 'pg-credentials.json'), 'utf8')) as {
    user: string;
    password: string;
  };
  const client = new pg.Client({ host: '127.0.0.1', port, database: 'photo_consent', ...credentials });
  await client.connect();
  return client;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the service on a fresh machine (embedded PostgreSQL)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pcs-embedded-'));
    await chmod(dataDir, 0o755);
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('starts with no DATABASE_URL, becomes ready, and keeps its data across a restart', async () => {
    const first = await startService(baseEnv(dataDir));
    try {
      const ready = await fetch(`${first.url}/health/ready`);
      assert.equal(ready.status, 200);
      // Parsed by the test's own JSON: Jest runs it in a vm context, where fetch (Node's, of the outer
      // realm) would make objects whose prototype deepStrictEqual does not take for this realm's.
      assert.deepEqual(JSON.parse(await ready.text()), { status: 'ok', checks: { database: 'up', objectStore: 'up' } });
      assert.equal((await fetch(`${first.url}/docs/json`)).status, 200);

      // Demo mode: the first admin's generated password is printed once, and it signs in.
      const password = /email: +admin@localhost\n +password: +(\S+)/.exec(first.output())?.[1];
      assert.ok(password, first.output());
      const login = await fetch(`${first.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@localhost', password }),
      });
      assert.equal(login.status, 200);
      assert.equal(((await login.json()) as { totpEnrolmentRequired: boolean }).totpEnrolmentRequired, true);

      const client = await databaseClient(dataDir, first.databasePort);
      await client.query('CREATE TABLE restart_probe (note text)');
      await client.query("INSERT INTO restart_probe VALUES ('kept')");
      await client.end();
    } finally {
      assert.equal(await stopService(first, 'SIGTERM'), 0, first.output());
    }
    assert.match(first.output(), /"msg":"stopped"/);
    // It ends because nothing it opened is left open, not through the fallback exit.
    assert.doesNotMatch(first.output(), /still open after shutdown/);

    const second = await startService(baseEnv(dataDir));
    try {
      assert.doesNotMatch(second.output(), /created embedded PostgreSQL cluster/);
      assert.doesNotMatch(second.output(), /password:/, 'the admin password is printed only once');
      const client = await databaseClient(dataDir, second.databasePort);
      const { rows } = await client.query<{ note: string }>('SELECT note FROM restart_probe');
      await client.end();
      assert.deepEqual(rows, [{ note: 'kept' }]);
    } finally {
      assert.equal(await stopService(second, 'SIGINT'), 0, second.output());
    }
  });

  it('recovers after being killed with SIGKILL, stopping the PostgreSQL it left running', async () => {
    const killed = await startService(baseEnv(dataDir));
    const orphanPid = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n', 1)[0]);
    await stopService(killed, 'SIGKILL');
    assert.ok(isRunning(orphanPid), 'PostgreSQL outlives a killed service');

    const next = await startService(baseEnv(dataDir));
    try {
      assert.match(next.output(), new RegExp(`stopping embedded PostgreSQL \\(pid ${orphanPid}\\)`));
      assert.equal(isRunning(orphanPid), false);
      assert.equal((await fetch(`${next.url}/health/ready`)).status, 200);
      const client = await databaseClient(dataDir, next.databasePort);
      const { rows } = await client.query<{ note: string }>('SELECT note FROM restart_probe');
      await client.end();
      assert.deepEqual(rows, [{ note: 'kept' }]);
    } finally {
      assert.equal(await stopService(next, 'SIGTERM'), 0, next.output());
    }
  });

  it('ends with status 1 when its port is taken, stopping the PostgreSQL it started', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    try {
      const port = (holder.address() as AddressInfo).port;
      const child = spawn(process.execPath, [MAIN], {
        env: { ...baseEnv(dataDir), PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      assert.equal(code, 1, output);
      assert.match(output, /The service failed to start: Error: listen EADDRINUSE/);
      assert.doesNotMatch(output, /Still open after the failed start/);
      assert.equal(existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), false, 'PostgreSQL was stopped');
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });

  it('refuses to start on a bad setting, naming the variable', async () => {
    for (const [name, value] of [
      ['PORT', 'eighty'],
      ['DATABASE_URL', 'mysql://localhost/db'],
      ['STORAGE_DRIVER', 'ftp'],
    ] as const) {
      const child = spawn(process.execPath, [MAIN], {
        env: { ...baseEnv(dataDir), [name]: value },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      assert.equal(code, 78, stderr);
      assert.match(stderr, new RegExp(`^Invalid configuration:\\n  - ${name} `), stderr);
    }
  });
});
