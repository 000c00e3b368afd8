import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { arch, availableParallelism, platform } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import sharp from 'sharp';
import { configureApp, createHttpAdapter } from '../src/app.js';
import { AppModule } from '../src/app.module.js';
import { SYSTEM_CALLER } from '../src/common/caller.js';
import { UsersService } from '../src/auth/users.service.js';
import { freeLoopbackPort } from '../src/common/free-port.js';
import { AppConfig, loadConfig } from '../src/config/app-config.js';
import { knownVariables } from '../src/config/config.schema.js';
import { isSrgbProfile } from '../src/images/icc.js';
import { ImageService, THUMB_LONG_EDGE, WEB_LONG_EDGE, type RenderedPhoto } from '../src/images/image.service.js';
import { ObjectStore } from '../src/storage/object-store.js';
import { s3TestEnv } from '../test/support/app.js';
import { photoPixels } from '../test/support/images.js';
import { startS3Server, type S3TestServer } from '../test/support/s3-server.js';
import { S3_ENDPOINT } from '../test/support/test-env.js';
import {
  ADMIN_DATABASE_URL,
  median,
  positiveInteger,
  reachablePostgresVersion,
  redact,
  Scratch,
  table,
  processCpu,
  withGrain,
} from './support.js';

// Photo ingest benchmark: 24 MP and 12 MP JPEGs (no ICC profile, sRGB, Display P3) uploaded over
// HTTP through the whole pipeline (multipart, type check, duplicate check, one decode into the
// renditions and the hash, three objects on the S3 test server, the row and its audit event),
// against the bare sharp pipeline (ImageService.original() + render(), in process) producing the
// same outputs from the same files, in the same run; then 2 parallel uploads against one at a time
// and the service's peak RSS meanwhile, on the built service in a process of its own. Real
// PostgreSQL (a scratch database), s3rver.
// Build first (npx tsc -p tsconfig.json), then: node dist/bench/ingest.js. See bench/README.md.

const RUNS = positiveInteger(process.env.BENCH_RUNS, 5);
/** Uploads per batch in the parallel measurement, one at a time or two at a time. Even. */
const BATCH = Math.max(2, positiveInteger(process.env.BENCH_BATCH, 6) & ~1);
const JPEG_QUALITY = 90;
/**
 * Sensor-like grain added to photoPixels (± half of this on every channel): without it the
 * gradient compresses to 0.2 MB at 24 MP; with it a 24 MP JPEG at quality 90 is about 9 MB, as a
 * camera's is.
 */
const GRAIN = 48;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
/** USER_HZ, the unit of the CPU times in /proc: 100 on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

/** The goals; "2 parallel uploads ≈1.8× one at a time" is read as at least 1.7×. */
const GOALS = { endToEndRatio: 1.25, parallelSpeedup: 1.8, minParallelSpeedup: 1.7, peakRssMiB: 600 };

const SERVICE_MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/main.js');
const PASSWORD = 'velvet otter compass 7 drizzle';
const EMAIL = 'front-desk@bench.test';
const METADATA = JSON.stringify({ kind: 'before', faceVisible: true });
const BOUNDARY = `----pcs-bench-${randomBytes(8).toString('hex')}`;

const SIZES = [
  { label: '24 MP', width: 6000, height: 4000, seed: 3 },
  { label: '12 MP', width: 4000, height: 3000, seed: 5 },
] as const;
const PROFILES = [
  { label: 'no ICC', icc: undefined },
  { label: 'sRGB ICC', icc: 'srgb' },
  { label: 'P3 ICC', icc: 'p3' },
] as const;

interface Fixture {
  name: string;
  size: string;
  /** The JPEG: a view into `body`, so that each file is held once. */
  bytes: Buffer;
  /** The multipart form of an upload of `bytes`: the metadata part, then the file part. */
  body: Buffer;
  /** Whether the service converts its colours to sRGB (it skips sRGB to sRGB). */
  converts: boolean;
}

// The single-upload scenarios, each timed on every fixture in every run.
const SERVICE = 'bare';
const NAIVE = 'naive';
const PUTS = 'puts';
const END_TO_END = 'e2e';
const SCENARIOS = [SERVICE, NAIVE, PUTS, END_TO_END] as const;
type Scenario = (typeof SCENARIOS)[number];

/**
 * Where an end-to-end upload's time went, measured inside the in-process app. The original's put
 * runs while the image is rendered, so the two add up to less than their own durations.
 */
interface Trace {
  /** Time with ImageService.original() or render() running. */
  imageMs: number;
  /** Time with a put in flight and no image work: what storage adds to the upload. */
  putsAloneMs: number;
}

interface Single {
  times: Map<Scenario, number[]>;
  traces: Trace[];
}

interface Batch {
  wallMs: number;
  /** CPU seconds over the batch, by process. */
  cpu: { bench: number; service: number; s3: number; postgres: number };
  /** Busy CPUs of the whole machine over the batch (every process, from /proc/stat). */
  machineCores: number;
  /** The service process's RSS at the start and its peak during the batch, MiB; NaN for bare batches. */
  startRssMiB: number;
  peakRssMiB: number;
}

interface ParallelResult {
  fixture: Fixture;
  batches: Map<string, Batch[]>;
}

interface ServiceMemory {
  idleMiB: number;
  warmMiB: number;
}

interface Target {
  port: number;
  token: string;
}

interface Reply {
  status: number;
  text: string;
}

interface PhotoReply {
  original: { sha256: string; width: number; height: number };
  web: { bytes: number; width: number; height: number };
  thumb: { bytes: number; width: number; height: number };
  perceptualHash: string;
}

// Everything to undo when the benchmark ends, fails or is interrupted.
const liveApps = new Set<NestFastifyApplication>();
let serviceChild: ChildProcess | undefined;
let s3: S3TestServer | undefined;
const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
const scratch = new Scratch();

async function main(): Promise<void> {
  process.once('SIGINT', () => void interrupted('SIGINT'));
  process.once('SIGTERM', () => void interrupted('SIGTERM'));
  const serverVersion = await reachablePostgresVersion();
  if (serverVersion === undefined) return;
  console.log(
    `Ingest benchmark: node ${process.version}, ${platform()}-${arch()}, ${availableParallelism()} CPUs, ` +
      `sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}, ${sharp.concurrency()} libvips thread(s) per ` +
      `image), UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}, PostgreSQL ${serverVersion} ` +
      `at ${redact(ADMIN_DATABASE_URL)}, s3rver; ${RUNS} runs.\n`,
  );
  try {
    const fixtures = await makeFixtures();
    s3 = await startS3Server();
    process.env[S3_ENDPOINT] = s3.endpoint;
    const databaseUrl = await scratch.database();
    const dataDir = await scratch.tempDir('pcs-bench-ingest-');
    const config = benchConfig(dataDir, databaseUrl, s3.bucket);

    // 1. The app in this process (it applies the migrations), as the tests run it.
    const app = await startApp(config, databaseUrl);
    const port = (app.getHttpServer().address() as AddressInfo).port;
    await app
      .get(UsersService)
      .create({ email: EMAIL, displayName: 'Bench front desk', role: 'front_desk', password: PASSWORD }, SYSTEM_CALLER);
    const inProcess = new Bench(app.get(ImageService), { port, token: await signIn(port) });
    const traced = traceUploads(app);
    const rendered = await inProcess.warmUpAndCompare(fixtures);
    const single = await inProcess.measureSingle(fixtures, rendered, app.get(ObjectStore), traced);
    const benchRssMiB = await statusMiB('self', 'VmRSS');
    liveApps.delete(app);
    await app.close();

    // 2. The built service in a process of its own, on the same database and bucket.
    const child = await startService(dataDir, databaseUrl, s3.bucket);
    const servicePid = child.pid as number;
    const idleMiB = await statusMiB(servicePid, 'VmRSS');
    const service = new Bench(new ImageService(config), { port: child.port, token: await signIn(child.port) });
    const parallelFixtures = fixtures.filter((each) => each.name.endsWith(PROFILES[0].label));
    for (const fixture of parallelFixtures) await service.upload(fixture, await service.newCase());
    const warmMiB = await statusMiB(servicePid, 'VmRSS');
    const parallel: ParallelResult[] = [];
    for (const fixture of parallelFixtures) parallel.push(await service.measureParallel(fixture, servicePid));
    report(fixtures, single, parallel, { idleMiB, warmMiB }, benchRssMiB);
  } finally {
    await cleanUp();
  }
}

// ---------------------------------------------------------------------------------------------
// Fixtures

/** Each size drawn once (photoPixels plus grain) and encoded three times: no profile, sRGB, P3. */
async function makeFixtures(): Promise<Fixture[]> {
  const fixtures: Fixture[] = [];
  for (const size of SIZES) {
    const drawStarted = performance.now();
    const pixels = withGrain(photoPixels(size.width, size.height, size.seed), GRAIN, size.seed);
    const drawMs = performance.now() - drawStarted;
    for (const profile of PROFILES) {
      let image = sharp(pixels, { raw: { width: size.width, height: size.height, channels: 3 } }).jpeg({
        quality: JPEG_QUALITY,
      });
      if (profile.icc) image = image.withIccProfile(profile.icc);
      const jpeg = await image.toBuffer();
      const { icc } = await sharp(jpeg).metadata();
      const name = `${size.label} ${profile.label}`;
      const { body, fileOffset } = multipartBody(jpeg, `${name.replace(/\W+/g, '-')}.jpg`);
      fixtures.push({
        name,
        size: size.label,
        bytes: body.subarray(fileOffset, fileOffset + jpeg.length),
        body,
        converts: !isSrgbProfile(icc),
      });
    }
    console.log(
      `Fixtures ${size.label} (${size.width}x${size.height}, quality ${JPEG_QUALITY}, drawn in ` +
        `${seconds(drawMs)} s): ` +
        fixtures
          .slice(-PROFILES.length)
          .map((each) => `${each.name} ${mib(each.bytes.length)} MiB${each.converts ? ' (converted to sRGB)' : ''}`)
          .join(', '),
    );
  }
  return fixtures;
}

function multipartBody(file: Buffer, fileName: string): { body: Buffer; fileOffset: number } {
  const head = Buffer.from(
    `--${BOUNDARY}\r\ncontent-disposition: form-data; name="metadata"\r\n\r\n${METADATA}\r\n` +
      `--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'content-type: image/jpeg\r\n\r\n',
  );
  return {
    body: Buffer.concat([head, file, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    fileOffset: head.length,
  };
}

// ---------------------------------------------------------------------------------------------
// The measurements

class Bench {
  private patients = 0;

  constructor(
    private readonly images: ImageService,
    private readonly target: Target,
  ) {}

  /** The bare pipeline: what the upload does with the bytes, in process. */
  async bare(fixture: Fixture): Promise<RenderedPhoto> {
    return this.images.render(await this.images.original(fixture.bytes, 'file'));
  }

  /**
   * One uncounted round of every scenario on every fixture; the bare pipeline must give what the
   * service stored (sizes, rendition byte counts, hashes), or it is not the same work.
   */
  async warmUpAndCompare(fixtures: Fixture[]): Promise<Map<Fixture, RenderedPhoto>> {
    const rendered = new Map<Fixture, RenderedPhoto>();
    for (const fixture of fixtures) {
      const bare = await this.bare(fixture);
      rendered.set(fixture, bare);
      await this.naive(fixture);
      const photo = await this.upload(fixture, await this.newCase());
      const expected = {
        sha256: (await this.images.original(fixture.bytes, 'file')).sha256,
        size: `${bare.width}x${bare.height}`,
        web: `${bare.web.width}x${bare.web.height} ${bare.web.bytes.length} B`,
        thumb: `${bare.thumb.width}x${bare.thumb.height} ${bare.thumb.bytes.length} B`,
        hash: bare.fingerprint.frameHash.toString(16).padStart(16, '0'),
      };
      const actual: typeof expected = {
        sha256: photo.original.sha256,
        size: `${photo.original.width}x${photo.original.height}`,
        web: `${photo.web.width}x${photo.web.height} ${photo.web.bytes} B`,
        thumb: `${photo.thumb.width}x${photo.thumb.height} ${photo.thumb.bytes} B`,
        hash: photo.perceptualHash,
      };
      const differs = (Object.keys(expected) as (keyof typeof expected)[]).filter(
        (key) => expected[key] !== actual[key],
      );
      if (differs.length > 0) {
        throw new Error(
          `${fixture.name}: the upload's outputs differ from the bare pipeline's in ${differs.join(', ')}: ` +
            `${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`,
        );
      }
    }
    console.log('Warm-up done: every upload stored what the bare pipeline made (sizes, web, thumb, hash, sha256).\n');
    return rendered;
  }

  async measureSingle(
    fixtures: Fixture[],
    rendered: Map<Fixture, RenderedPhoto>,
    store: ObjectStore,
    traced: (upload: () => Promise<unknown>) => Promise<Trace>,
  ): Promise<Map<Fixture, Single>> {
    console.log(
      `1. One upload at a time, app in this process: each fixture bare, naive, S3 puts alone and end to end, ` +
        `${RUNS} runs, the order of fixtures and scenarios rotated every run.`,
    );
    const results = new Map<Fixture, Single>(
      fixtures.map((fixture) => [fixture, { times: new Map(SCENARIOS.map((name) => [name, []])), traces: [] }]),
    );
    for (let run = 0; run < RUNS; run++) {
      const line: string[] = [];
      for (let f = 0; f < fixtures.length; f++) {
        const fixture = fixtures[(f + run) % fixtures.length];
        const result = results.get(fixture) as Single;
        for (let s = 0; s < SCENARIOS.length; s++) {
          const scenario = SCENARIOS[(s + run + f) % SCENARIOS.length];
          const caseId = scenario === END_TO_END ? await this.newCase() : '';
          const keys = ['original', 'web', 'thumb'].map((name) => `bench/${randomUUID()}/${name}`);
          const started = performance.now();
          switch (scenario) {
            case SERVICE:
              await this.bare(fixture);
              break;
            case NAIVE:
              await this.naive(fixture);
              break;
            case PUTS: {
              const photo = rendered.get(fixture) as RenderedPhoto;
              const bytes = [fixture.bytes, photo.web.bytes, photo.thumb.bytes];
              await Promise.all(keys.map((key, i) => store.put(key, bytes[i])));
              break;
            }
            case END_TO_END:
              result.traces.push(await traced(() => this.upload(fixture, caseId)));
              break;
          }
          result.times.get(scenario)?.push(performance.now() - started);
          if (scenario === PUTS) await Promise.all(keys.map((key) => store.delete(key)));
        }
        const last = (scenario: Scenario) => ms(result.times.get(scenario)?.at(-1) ?? NaN);
        line.push(`${fixture.name} ${last(END_TO_END)}/${last(SERVICE)}`);
      }
      console.log(`  run ${run + 1} (end to end/bare ms): ${line.join(', ')}`);
    }
    return results;
  }

  /**
   * BATCH uploads of one file to the service process, one at a time and two at a time, and the
   * same on the bare pipeline in this process: each batch's wall time, the CPU it took by process
   * and the service's peak RSS.
   */
  async measureParallel(fixture: Fixture, servicePid: number): Promise<ParallelResult> {
    console.log(
      `\n2. Parallel, ${fixture.name}: ${BATCH} uploads to the service process one at a time (x1) and two at a ` +
        `time (x2), and the same bare in this process; ${RUNS} runs, order rotated.`,
    );
    const kinds: [string, number, (caseId: string) => Promise<unknown>][] = [
      ['end to end x1', 1, (caseId) => this.upload(fixture, caseId)],
      ['end to end x2', 2, (caseId) => this.upload(fixture, caseId)],
      ['bare x1', 1, () => this.bare(fixture)],
      ['bare x2', 2, () => this.bare(fixture)],
    ];
    const batches = new Map<string, Batch[]>(kinds.map(([name]) => [name, []]));
    for (let run = 0; run < RUNS; run++) {
      const line: string[] = [];
      for (let k = 0; k < kinds.length; k++) {
        const [name, concurrency, work] = kinds[(k + run) % kinds.length];
        const endToEnd = name.startsWith('end');
        const cases = endToEnd ? await Promise.all(Array.from({ length: BATCH }, () => this.newCase())) : [];
        let next = 0;
        const batch = await measureBatch(servicePid, endToEnd, async () => {
          const worker = async () => {
            while (next < BATCH) await work(cases[next++] ?? '');
          };
          await Promise.all(Array.from({ length: concurrency }, worker));
        });
        batches.get(name)?.push(batch);
        line.push(
          `${name} ${seconds(batch.wallMs)} s` + (endToEnd ? ` (peak ${batch.peakRssMiB.toFixed(0)} MiB)` : ''),
        );
      }
      console.log(`  run ${run + 1}: ${line.join(', ')}`);
    }
    return { fixture, batches };
  }

  /** What a pipeline without the shared decode would do: the same outputs from three decodes. */
  private async naive(fixture: Fixture): Promise<void> {
    const original = await this.images.original(fixture.bytes, 'file');
    const { icc } = await sharp(original.bytes).metadata();
    const input = () => sharp(original.bytes, { failOn: 'error', autoOrient: true, ignoreIcc: isSrgbProfile(icc) });
    await Promise.all([
      input()
        .resize(WEB_LONG_EDGE, WEB_LONG_EDGE, { fit: 'inside', withoutEnlargement: true })
        .toColourspace('srgb')
        .jpeg({ quality: 85 })
        .toBuffer(),
      input()
        .resize(THUMB_LONG_EDGE, THUMB_LONG_EDGE, { fit: 'inside', withoutEnlargement: true })
        .toColourspace('srgb')
        .webp({ quality: 80 })
        .toBuffer(),
      input().resize(9, 8, { fit: 'fill' }).greyscale().raw().toBuffer(),
    ]);
  }

  /** A new patient and case for each upload: the same file twice for one patient is refused (409). */
  async newCase(): Promise<string> {
    this.patients += 1;
    const patient = await this.json<{ id: string }>('/api/v1/patients', {
      fullName: `Bench Patient${this.patients}`,
      dateOfBirth: '1985-06-15',
    });
    const treatmentCase = await this.json<{ id: string }>(`/api/v1/patients/${patient.id}/cases`, {
      procedure: 'Rhinoplasty',
      provider: 'Dr. A. Smith',
      treatmentDate: '2026-02-01',
    });
    return treatmentCase.id;
  }

  async upload(fixture: Fixture, caseId: string): Promise<PhotoReply> {
    const reply = await send(this.target.port, 'POST', `/api/v1/cases/${caseId}/photos`, fixture.body, {
      authorization: `Bearer ${this.target.token}`,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    });
    if (reply.status !== 201) throw new Error(`upload of ${fixture.name} answered ${reply.status}: ${reply.text}`);
    return JSON.parse(reply.text) as PhotoReply;
  }

  private async json<T>(urlPath: string, body: unknown): Promise<T> {
    const reply = await send(this.target.port, 'POST', urlPath, JSON.stringify(body), {
      authorization: `Bearer ${this.target.token}`,
      'content-type': 'application/json',
    });
    if (reply.status !== 201) throw new Error(`POST ${urlPath} answered ${reply.status}: ${reply.text}`);
    return JSON.parse(reply.text) as T;
  }
}

/**
 * Wraps the app's ImageService.original()/render() and ObjectStore.put() with counters, so that an
 * end-to-end upload's time splits into image work, puts with no image work beside them, and the
 * rest (HTTP, multipart, the database). Only what runs inside `traced` counts, one upload at a time.
 */
function traceUploads(app: NestFastifyApplication): (upload: () => Promise<unknown>) => Promise<Trace> {
  const images = app.get(ImageService);
  const store = app.get(ObjectStore);
  let current: Trace | undefined;
  const inFlight = { image: 0, puts: 0 };
  let since = performance.now();
  // Books the time since the last change of what is in flight, then applies the change.
  const change = (kind: keyof typeof inFlight, by: 1 | -1) => {
    const now = performance.now();
    if (current && inFlight.image > 0) current.imageMs += now - since;
    else if (current && inFlight.puts > 0) current.putsAloneMs += now - since;
    since = now;
    inFlight[kind] += by;
  };
  const timed = <A extends unknown[], R>(kind: keyof typeof inFlight, method: (...args: A) => Promise<R>) => {
    return async (...args: A): Promise<R> => {
      change(kind, 1);
      try {
        return await method(...args);
      } finally {
        change(kind, -1);
      }
    };
  };
  images.original = timed('image', images.original.bind(images));
  images.render = timed('image', images.render.bind(images));
  store.put = timed('puts', store.put.bind(store));
  return async (upload) => {
    const trace = { imageMs: 0, putsAloneMs: 0 };
    current = trace;
    try {
      await upload();
    } finally {
      current = undefined;
    }
    return trace;
  };
}

/** Runs `work` and measures its wall time, the CPU it took and the service's peak RSS meanwhile. */
async function measureBatch(servicePid: number, endToEnd: boolean, work: () => Promise<void>): Promise<Batch> {
  const startRssMiB = endToEnd ? await statusMiB(servicePid, 'VmRSS') : NaN;
  const highWaterReset = endToEnd && (await resetPeakRss(servicePid));
  const ticksAtStart = await processTicks(servicePid);
  const machineAtStart = await machineTicks();
  const benchAtStart = process.cpuUsage();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  const bench = process.cpuUsage(benchAtStart);
  const machine = machineBusyCores(machineAtStart, await machineTicks());
  const others = ticksBetween(ticksAtStart, await processTicks(servicePid));
  return {
    wallMs,
    cpu: { bench: (bench.user + bench.system) / 1e6, ...others },
    machineCores: machine,
    startRssMiB,
    peakRssMiB: highWaterReset ? await statusMiB(servicePid, 'VmHWM') : NaN,
  };
}

// ---------------------------------------------------------------------------------------------
// Memory and CPU of the processes (Linux /proc)

/** Resets a process's VmHWM (peak RSS) to its current RSS: `5` to /proc/<pid>/clear_refs. */
async function resetPeakRss(pid: number): Promise<boolean> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** A `kB` line of /proc/<pid>/status (VmRSS, VmHWM), in MiB; NaN where there is none. */
async function statusMiB(pid: number | 'self', field: 'VmRSS' | 'VmHWM'): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

interface Ticks {
  service: Map<number, number>;
  /** This process's other children: s3rver. */
  s3: Map<number, number>;
  /** Every process named `postgres` on this host (server, backends, background workers). */
  postgres: Map<number, number>;
}

/** User and system CPU time of the processes of interest, in clock ticks, by pid. */
async function processTicks(servicePid: number): Promise<Ticks> {
  const ticks: Ticks = { service: new Map(), s3: new Map(), postgres: new Map() };
  for (const { pid, parentPid, name, ticks: used } of (await processCpu()) ?? []) {
    if (pid === servicePid) ticks.service.set(pid, used);
    else if (name === 'postgres') ticks.postgres.set(pid, used);
    else if (parentPid === process.pid) ticks.s3.set(pid, used);
  }
  return ticks;
}

/** CPU seconds between two readings, of the processes there at the end (all of it for new ones). */
function ticksBetween(start: Ticks, end: Ticks): { service: number; s3: number; postgres: number } {
  const sum = (before: Map<number, number>, after: Map<number, number>) => {
    let ticks = 0;
    for (const [pid, used] of after) ticks += Math.max(0, used - (before.get(pid) ?? 0));
    return ticks / CLOCK_TICKS_PER_SECOND;
  };
  return {
    service: sum(start.service, end.service),
    s3: sum(start.s3, end.s3),
    postgres: sum(start.postgres, end.postgres),
  };
}

/** The machine's busy and total ticks over all CPUs (/proc/stat); busy includes steal. */
async function machineTicks(): Promise<{ busy: number; total: number } | null> {
  try {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n', 1)[0] ?? '';
    const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = values.reduce((sum, value) => sum + value, 0);
    // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
    return { busy: total - (values[3] ?? 0) - (values[4] ?? 0), total };
  } catch {
    return null;
  }
}

function machineBusyCores(start: { busy: number; total: number } | null, end: typeof start): number {
  if (!start || !end || end.total === start.total) return NaN;
  return ((end.busy - start.busy) / (end.total - start.total)) * availableParallelism();
}

// ---------------------------------------------------------------------------------------------
// The service, HTTP and clean-up

/** The service's settings only from here: nothing from the shell's environment or a `.env` file. */
function serviceSettings(dataDir: string, databaseUrl: string, bucket: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    // The front-desk user signs in with a password alone.
    TOTP_REQUIRED_ROLES: 'none',
    // The S3 store on the test S3 server, as the tests configure it.
    ...s3TestEnv(bucket),
  };
}

function benchConfig(dataDir: string, databaseUrl: string, bucket: string): AppConfig {
  return loadConfig({ ...serviceSettings(dataDir, databaseUrl, bucket), LOG_LEVEL: 'silent' }, null);
}

/** The real AppModule, built the way the tests build it, listening on a free port; it migrates. */
async function startApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, databaseUrl)] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), { logger: false });
  liveApps.add(app);
  await configureApp(app);
  await app.init();
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

/** `node dist/src/main.js` as deployed, on a free port; resolves once /health/ready answers 200. */
async function startService(
  dataDir: string,
  databaseUrl: string,
  bucket: string,
): Promise<ChildProcess & { port: number }> {
  const port = await freeLoopbackPort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of knownVariables) delete env[name];
  const child = spawn(process.execPath, [SERVICE_MAIN], {
    cwd: dataDir,
    // Two malloc arenas, as `npm start` and the Dockerfile run the service.
    env: { ...env, ...serviceSettings(dataDir, databaseUrl, bucket), PORT: String(port), MALLOC_ARENA_MAX: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serviceChild = child;
  const output: string[] = [];
  const remember = (line: string) => {
    output.push(line);
    if (output.length > 30) output.shift();
  };
  createInterface({ input: child.stdout }).on('line', remember);
  createInterface({ input: child.stderr }).on('line', remember);
  const deadline = performance.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null || performance.now() > deadline) {
      throw new Error(`the service did not get ready\n--- last output ---\n${output.join('\n')}`);
    }
    const ready = await send(port, 'GET', '/health/ready', undefined, {}).catch(() => null);
    if (ready?.status === 200) return Object.assign(child, { port });
    await sleep(50);
  }
}

async function signIn(port: number): Promise<string> {
  const reply = await send(port, 'POST', '/api/v1/auth/login', JSON.stringify({ email: EMAIL, password: PASSWORD }), {
    'content-type': 'application/json',
  });
  if (reply.status !== 200) throw new Error(`sign-in answered ${reply.status}: ${reply.text}`);
  return (JSON.parse(reply.text) as { token: string }).token;
}

/** One request on the keep-alive agent; the whole answer is read. */
function send(
  port: number,
  method: string,
  urlPath: string,
  body: string | Buffer | undefined,
  headers: http.OutgoingHttpHeaders,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
        agent,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.once('error', reject);
      },
    );
    request.once('error', reject);
    request.end(body);
  });
}

async function stopService(): Promise<void> {
  const child = serviceChild;
  serviceChild = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  if (!(await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS, false, { ref: false })]))) {
    child.kill('SIGKILL');
    await exited;
  }
}

async function cleanUp(): Promise<void> {
  agent.destroy();
  for (const app of [...liveApps]) {
    liveApps.delete(app);
    await Promise.race([app.close(), sleep(STOP_TIMEOUT_MS, undefined, { ref: false })]).catch(() => undefined);
  }
  await stopService().catch(() => undefined);
  await s3?.stop().catch(() => undefined);
  s3 = undefined;
  await scratch.removeAll();
}

async function interrupted(signal: NodeJS.Signals): Promise<void> {
  console.error(`\n${signal}: stopping the service and s3rver, dropping the scratch database`);
  await cleanUp();
  process.exit(130);
}

// ---------------------------------------------------------------------------------------------
// Report

function report(
  fixtures: Fixture[],
  single: Map<Fixture, Single>,
  parallel: ParallelResult[],
  memory: ServiceMemory,
  benchRssMiB: number,
): void {
  const spread = (values: number[]) => `${ms(median(values))} (${ms(Math.min(...values))}-${ms(Math.max(...values))})`;
  const rows: string[][] = [
    [
      'file',
      'MiB',
      'bare ms: median (min-max)',
      'naive ms',
      'e2e ms: median (min-max)',
      'e2e / best bare',
      'in e2e: image, storage wait, rest ms',
      'S3 puts alone ms',
    ],
  ];
  const ratios = new Map<Fixture, number>();
  for (const fixture of fixtures) {
    const result = single.get(fixture) as Single;
    const times = (scenario: Scenario) => result.times.get(scenario) ?? [];
    const endToEnd = median(times(END_TO_END));
    const ratio = endToEnd / Math.min(median(times(SERVICE)), median(times(NAIVE)));
    ratios.set(fixture, ratio);
    const image = median(result.traces.map((trace) => trace.imageMs));
    const puts = median(result.traces.map((trace) => trace.putsAloneMs));
    const rest = median(
      times(END_TO_END).map(
        (total, i) => total - (result.traces[i]?.imageMs ?? NaN) - (result.traces[i]?.putsAloneMs ?? NaN),
      ),
    );
    rows.push([
      fixture.name + (fixture.converts ? ' (converted)' : ''),
      mib(fixture.bytes.length),
      spread(times(SERVICE)),
      ms(median(times(NAIVE))),
      spread(times(END_TO_END)),
      `${ratio.toFixed(2)}x`,
      `${ms(image)}, ${ms(puts)}, ${ms(rest)}`,
      ms(median(times(PUTS))),
    ]);
  }
  console.log(`\nResults\n\n1. One upload at a time (medians of ${RUNS})\n`);
  console.log(table(rows));
  const profileRows: string[][] = [
    ['size', 'bare: sRGB / no ICC', 'bare: P3 / no ICC', 'e2e: sRGB / no ICC', 'e2e: P3 / no ICC'],
  ];
  for (const size of SIZES) {
    const of = (profile: number, scenario: Scenario) => {
      const fixture = fixtures.find((each) => each.name === `${size.label} ${PROFILES[profile]?.label}`);
      return median((fixture && single.get(fixture)?.times.get(scenario)) || []);
    };
    const ratio = (profile: number, scenario: Scenario) => `${(of(profile, scenario) / of(0, scenario)).toFixed(2)}x`;
    profileRows.push([size.label, ratio(1, SERVICE), ratio(2, SERVICE), ratio(1, END_TO_END), ratio(2, END_TO_END)]);
  }
  console.log('\n  Embedded profiles (sRGB is not converted, Display P3 is):\n');
  console.log(indent(table(profileRows)));

  console.log(
    `\n2. Parallel: ${BATCH} uploads per batch, one at a time (x1) or two at a time (x2), to the service ` +
      `process; bare in this process; medians of ${RUNS}\n`,
  );
  const parallelRows: string[][] = [
    [
      'file, batch',
      'uploads/s',
      'x2 / x1',
      'CPU s/upload: service, bench, s3rver, PG',
      'cores busy: ours, machine',
      'service RSS MiB: start, peak (max)',
    ],
  ];
  const speedups = new Map<string, number>();
  /** By size: the cores one upload at a time keeps busy (all our processes), end to end. */
  const busyAlone = new Map<string, number>();
  let peaks24x2: number[] = [];
  let highestPeak = NaN;
  for (const { fixture, batches } of parallel) {
    for (const kind of ['end to end', 'bare']) {
      const one = batches.get(`${kind} x1`) ?? [];
      const two = batches.get(`${kind} x2`) ?? [];
      const speedup = median(one.map((b) => b.wallMs)) / median(two.map((b) => b.wallMs));
      speedups.set(`${fixture.size} ${kind}`, speedup);
      for (const [label, list] of [
        ['x1', one],
        ['x2', two],
      ] as const) {
        const wall = median(list.map((b) => b.wallMs));
        const cpu = (pick: (b: Batch) => number) => (median(list.map(pick)) / BATCH).toFixed(2);
        const ours = (b: Batch) => b.cpu.service + b.cpu.bench + b.cpu.s3 + b.cpu.postgres;
        const busy = median(list.map((b) => ours(b) / (b.wallMs / 1000)));
        const peaks = list.map((b) => b.peakRssMiB);
        if (kind === 'end to end') highestPeak = Math.max(...peaks, Number.isNaN(highestPeak) ? 0 : highestPeak);
        if (kind === 'end to end' && label === 'x1') busyAlone.set(fixture.size, busy);
        if (fixture.size === SIZES[0].label && kind === 'end to end' && label === 'x2') peaks24x2 = peaks;
        parallelRows.push([
          `${fixture.name}, ${kind} ${label}`,
          (BATCH / (wall / 1000)).toFixed(2),
          label === 'x2' ? `${speedup.toFixed(2)}x` : '',
          `${cpu((b) => b.cpu.service)}, ${cpu((b) => b.cpu.bench)}, ${cpu((b) => b.cpu.s3)}, ${cpu((b) => b.cpu.postgres)}`,
          `${busy.toFixed(2)}, ${median(list.map((b) => b.machineCores)).toFixed(2)}`,
          kind === 'bare'
            ? '-'
            : `${median(list.map((b) => b.startRssMiB)).toFixed(0)}, ${median(peaks).toFixed(0)} (${Math.max(...peaks).toFixed(0)})`,
        ]);
      }
    }
  }
  console.log(table(parallelRows));
  console.log(
    `\n  Service process RSS: ${memory.idleMiB.toFixed(0)} MiB idle after start, ${memory.warmMiB.toFixed(0)} MiB ` +
      `after one upload of each file, highest peak over the batches ${highestPeak.toFixed(0)} MiB. (This process, ` +
      `which drew the fixtures and ran the app for part 1: ${benchRssMiB.toFixed(0)} MiB after part 1.)`,
  );

  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const worst = Math.max(...ratios.values());
  const worstFixture = [...ratios].find(([, ratio]) => ratio === worst)?.[0].name ?? '?';
  const peak = Math.max(...peaks24x2);
  console.log('\nGoals (medians)');
  console.log(
    `  end to end <= ${GOALS.endToEndRatio}x the best bare pipeline: ` +
      [...ratios].map(([fixture, ratio]) => `${fixture.name} ${ratio.toFixed(2)}x`).join(', ') +
      ` - worst ${worst.toFixed(2)}x (${worstFixture}) - ${met(worst <= GOALS.endToEndRatio)}`,
  );
  for (const size of SIZES) {
    const value = speedups.get(`${size.label} end to end`) ?? NaN;
    const bare = speedups.get(`${size.label} bare`) ?? NaN;
    const alone = busyAlone.get(size.label) ?? NaN;
    console.log(
      `  2 parallel uploads ~${GOALS.parallelSpeedup}x (>= ${GOALS.minParallelSpeedup}x) one at a time, ${size.label}: ` +
        `${value.toFixed(2)}x (bare ${bare.toFixed(2)}x; one upload alone already keeps ${alone.toFixed(2)} of the ` +
        `${availableParallelism()} cores busy) - ${met(value >= GOALS.minParallelSpeedup)}`,
    );
  }
  console.log(
    `  service peak RSS <= ${GOALS.peakRssMiB} MiB with 2 parallel 24 MP uploads: ${median(peaks24x2).toFixed(0)} MiB ` +
      `median, ${peak.toFixed(0)} MiB max - ${met(peak <= GOALS.peakRssMiB)}`,
  );
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function ms(value: number): string {
  return value.toFixed(0);
}

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(1);
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}

main().catch(async (error: unknown) => {
  process.stderr.write(
    `The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  await cleanUp();
  process.exit(1);
});
