import 'reflect-metadata';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { arch, availableParallelism, platform } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { fastify, type FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { AuditSealer } from '../src/audit/audit-sealer.js';
import { Public } from '../src/common/access.decorator.js';
import { NotFoundError } from '../src/common/domain-error.js';
import type { AppConfig } from '../src/config/app-config.js';
import { WEB_LONG_EDGE } from '../src/images/image.service.js';
import { jpegPhoto, photoPixels, signedFormPdf } from '../test/support/images.js';
import { SCOPE } from '../test/support/records.js';
import {
  ADMIN_DATABASE_URL,
  median,
  positiveInteger,
  reachablePostgresVersion,
  redact,
  Scratch,
  table,
  withGrain,
} from './support.js';
import { type Reply, call, form, request, text } from './http-client.js';
import { benchConfig } from './config.js';
import {
  closeAll,
  closeApp,
  dropAgent,
  keepAlive,
  seedConsentedPhoto,
  signInStaff,
  startApp,
  type Staff,
  type Started,
} from './service.js';
import { failureNote, runLoad, stopLoads, type LoadRun, type LoadTarget } from './load.js';

// Marketing-path benchmark: (1) the authenticated, audited clearance check against a NestJS route
// doing one primary-key SELECT and the same route without the database, (2) a hosted website
// publication's public URL (GET /m/{token}, a ~300 KB web rendition) against a bare Fastify server
// answering the same bytes from memory, and (3) how long a second instance of the service keeps
// serving that URL after consent narrows through the first. Real PostgreSQL (a scratch database),
// the local disk store, the apps and the load in this process over real HTTP.
// Build first (npx tsc -p tsconfig.json), then: node dist/bench/marketing.js. See bench/README.md.

const ROUNDS = positiveInteger(process.env.BENCH_ROUNDS, 5);
const ROUND_SECONDS = positiveInteger(process.env.BENCH_ROUND_SECONDS, 5);
const CONCURRENCY = positiveInteger(process.env.BENCH_CONCURRENCY, 50);
const WARM_UP_MS = positiveInteger(process.env.BENCH_WARM_UP_SECONDS, 3) * 1000;
/** Publications taken down across instances, each with its own patient, photo and release. */
const GONE_RUNS = positiveInteger(process.env.BENCH_GONE_RUNS, 5);
/** How often the second instance is asked for the URL once the amendment has answered. */
const POLL_MS = positiveInteger(process.env.BENCH_POLL_MS, 5);
/** The web rendition's size to aim for, in KB (1000 bytes). */
const WEB_TARGET_KB = positiveInteger(process.env.BENCH_WEB_KB, 300);
/** Past this, a URL still served after the amendment counts as never gone (and fails the goal). */
const GONE_TIMEOUT_MS = 5000;
/** Between load runs: the audit sealer catches up (untimed) and the machine gets a breath. */
const ROUND_PAUSE_MS = 250;
/** The large photo: 6 MP, so that the service resizes it to its 2048 px web rendition as it would a camera's. */
const LARGE_PHOTO = { width: 3072, height: 2048, seed: 11, quality: 92 };
/** What ImageService encodes the web rendition at (WEB_JPEG_QUALITY, not exported). */
const WEB_JPEG_QUALITY = 85;

const LOAD = `${plural(CONCURRENCY, 'concurrent keep-alive connection')}, ${plural(ROUNDS, 'round')} of ${ROUND_SECONDS} s`;

const GOALS = { clearanceRatio: 0.6, clearanceP99Ms: 25, mediaRatio: 0.8, revalidationRatio: 0.9, goneMs: 1000 };

interface GoneRun {
  amendMs: number;
  /** From the amendment's answer to the second instance's first 410 (its answer received). */
  goneMs: number;
  /** Answers 200 from the second instance after the amendment had answered. */
  servedAfter: number;
}

// Everything to undo when the benchmark ends, fails or is interrupted.
const liveServers = new Set<FastifyInstance>();
const scratch = new Scratch();

// ---------------------------------------------------------------------------------------------
// The baselines inside the service: the same Nest app, pipeline and guard, one SELECT or none.

interface ProbeRow {
  id: string;
  case_id: string;
  patient_id: string;
  kind: string;
  face_visible: boolean;
  web_width: number;
  web_height: number;
}

/** A photo row's shape, for the route that answers without the database. */
const STATIC_ROW: Omit<ProbeRow, 'id'> = {
  case_id: '00000000-0000-4000-8000-000000000001',
  patient_id: '00000000-0000-4000-8000-000000000002',
  kind: 'before',
  face_visible: false,
  web_width: 2048,
  web_height: 1536,
};

/** Added to the testing module as test/access.e2e.ts adds its probe: public, so no session is looked up. */
@Controller('bench-probe')
class ProbeController {
  constructor(private readonly dataSource: DataSource) {}

  @Public()
  @Get('photos/:id')
  async photo(@Param('id', ParseUUIDPipe) id: string): Promise<ProbeRow> {
    const [row] = await this.dataSource.query<ProbeRow[]>(
      `SELECT id, case_id, patient_id, kind, face_visible, web_width, web_height FROM photos WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('The photo');
    return row;
  }

  @Public()
  @Get('static/:id')
  staticPhoto(@Param('id', ParseUUIDPipe) id: string): ProbeRow {
    return { id, ...STATIC_ROW };
  }
}

async function main(): Promise<void> {
  process.once('SIGINT', () => void interrupted('SIGINT'));
  process.once('SIGTERM', () => void interrupted('SIGTERM'));
  const serverVersion = await reachablePostgresVersion();
  if (serverVersion === undefined) return;
  console.log(
    `Marketing benchmark: node ${process.version}, ${platform()}-${arch()}, ${availableParallelism()} CPUs, ` +
      `PostgreSQL ${serverVersion} at ${redact(ADMIN_DATABASE_URL)}.\n`,
  );
  try {
    const databaseUrl = await scratch.database();
    // One data directory for both instances: the local store's objects are shared, as a volume would be.
    const config = benchConfig(await scratch.tempDir('pcs-bench-marketing-'), databaseUrl);
    const first = await startApp(config, databaseUrl, [ProbeController]);
    const staff = await signInStaff(first);
    const clearance = await measureClearance(first, staff);
    const media = await measureMedia(first, staff);
    const gone = await measureGone(config, databaseUrl, first, staff);
    report(clearance, media, gone);
  } finally {
    await cleanUp();
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Clearance check

const CLEARANCE = 'GET /photos/{id}/clearance (marketing, audited)';
const ONE_SELECT = 'one-select Nest route (public)';
const NO_DATABASE = 'no-database Nest route (public)';

interface Clearance {
  runs: Map<string, LoadRun[]>;
}

async function measureClearance(first: Started, staff: Staff): Promise<Clearance> {
  console.log(
    `1. Clearance check: GET /api/v1/photos/{id}/clearance?channel=website as a marketing user, ` +
      `${LOAD} per scenario, ` +
      `scenarios rotated each round.`,
  );
  const seeded = await seedConsentedPhoto(first, staff, await jpegPhoto({ seed: 1 }));
  const checkPath = `/api/v1/photos/${seeded.photoId}/clearance?channel=website`;
  const check = await call(first.port, 'GET', checkPath, staff.marketing);
  if (check.status !== 200 || (check.json as { allowed?: boolean }).allowed !== true) {
    throw new Error(`the clearance check answered ${check.status}, not allowed: ${check.body.toString('utf8')}`);
  }
  for (const probe of ['photos', 'static']) {
    const reply = await call(first.port, 'GET', `/api/v1/bench-probe/${probe}/${seeded.photoId}`);
    if (reply.status !== 200) throw new Error(`the ${probe} probe answered ${reply.status}`);
  }

  const targets: LoadTarget[] = [
    {
      name: CLEARANCE,
      label: 'clearance',
      port: first.port,
      path: checkPath,
      headers: { authorization: `Bearer ${staff.marketing}` },
    },
    {
      name: ONE_SELECT,
      label: 'one-select',
      port: first.port,
      path: `/api/v1/bench-probe/photos/${seeded.photoId}`,
      headers: {},
    },
    {
      name: NO_DATABASE,
      label: 'no-db',
      port: first.port,
      path: `/api/v1/bench-probe/static/${seeded.photoId}`,
      headers: {},
    },
  ];
  const runs = await rounds(targets, first.app.get(AuditSealer));
  return { runs };
}

// ---------------------------------------------------------------------------------------------
// 2. Public media URL

const MEDIA = 'GET /m/{token} (hosted website publication)';
const BARE_FASTIFY = 'bare Fastify, same bytes from memory';
const MEDIA_304 = 'GET /m/{token} revalidated (If-None-Match: 304)';
const BARE_FASTIFY_304 = 'bare Fastify, If-None-Match: 304';

interface Media {
  runs: Map<string, LoadRun[]>;
  uploadBytes: number;
  webBytes: number;
  webSize: string;
}

async function measureMedia(first: Started, staff: Staff): Promise<Media> {
  console.log(
    `\n2. Public media URL: GET /m/{token} of a hosted website publication, no session, ` + `${LOAD} per scenario.`,
  );
  const large = await largePhoto();
  const seeded = await seedConsentedPhoto(first, staff, large.jpeg);
  const hosted = await host(first, staff, seeded.photoId);
  const served = await call(first.port, 'GET', hosted.path);
  if (served.status !== 200) throw new Error(`${hosted.path} answered ${served.status}`);
  if (served.body.length !== seeded.webBytes) {
    throw new Error(
      `${hosted.path} served ${served.body.length} bytes; the photo's web rendition is ${seeded.webBytes}`,
    );
  }
  const { width, height } = await sharp(served.body).metadata();
  const webSize = `${width}x${height}`;
  console.log(
    `  uploaded a ${LARGE_PHOTO.width}x${LARGE_PHOTO.height} JPEG of ${kb(large.jpeg.length)} KB (grain ${large.grain}); ` +
      `its web rendition is ${webSize}, ${kb(served.body.length)} KB (${served.body.length} bytes; ` +
      `aimed at ${WEB_TARGET_KB} KB, estimated ${kb(large.estimatedWebBytes)} KB)`,
  );
  // The service's ETag is the rendition's SHA-256; checked by asking with it once.
  const etag = `"${createHash('sha256').update(served.body).digest('hex')}"`;
  const notModified = await get(first.port, hosted.path, { 'if-none-match': etag }, new http.Agent(), 304);
  if (notModified.status !== 304) throw new Error(`${hosted.path} with If-None-Match answered ${notModified.status}`);
  const bare = await startBareFastify(served.body, etag);
  const revalidate = { 'if-none-match': etag };

  const targets: LoadTarget[] = [
    {
      name: MEDIA,
      label: 'media',
      port: first.port,
      path: hosted.path,
      headers: {},
      expectedBytes: served.body.length,
    },
    {
      name: BARE_FASTIFY,
      label: 'bare',
      port: bare,
      path: hosted.path,
      headers: {},
      expectedBytes: served.body.length,
    },
    {
      name: MEDIA_304,
      label: 'media 304',
      port: first.port,
      path: hosted.path,
      headers: revalidate,
      expectedStatus: 304,
      expectedBytes: 0,
    },
    {
      name: BARE_FASTIFY_304,
      label: 'bare 304',
      port: bare,
      path: hosted.path,
      headers: revalidate,
      expectedStatus: 304,
      expectedBytes: 0,
    },
  ];
  const runs = await rounds(targets, first.app.get(AuditSealer));
  await stopServers();
  return { runs, uploadBytes: large.jpeg.length, webBytes: served.body.length, webSize };
}

/**
 * A photo-like JPEG with deterministic grain, as much of it as makes the service's web rendition
 * (2048 px, quality 85) about WEB_TARGET_KB: found by bisection, each step rendered as the service
 * renders it. The service's own rendition size is printed once uploaded.
 */
async function largePhoto(): Promise<{ jpeg: Buffer; grain: number; estimatedWebBytes: number }> {
  const { width, height, seed, quality } = LARGE_PHOTO;
  const base = photoPixels(width, height, seed);
  const encode = async (grain: number) => {
    const jpeg = await sharp(withGrain(Buffer.from(base), grain, seed), { raw: { width, height, channels: 3 } })
      .jpeg({ quality })
      .toBuffer();
    const web = await sharp(jpeg)
      .resize(WEB_LONG_EDGE, WEB_LONG_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: WEB_JPEG_QUALITY })
      .toBuffer();
    return { jpeg, grain, estimatedWebBytes: web.length };
  };
  const target = WEB_TARGET_KB * 1000;
  let low = 0;
  let high = 128;
  let best = await encode(high);
  if (best.estimatedWebBytes < target) return best;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    const candidate = await encode(middle);
    if (Math.abs(candidate.estimatedWebBytes - target) < Math.abs(best.estimatedWebBytes - target)) best = candidate;
    if (candidate.estimatedWebBytes < target) low = middle;
    else high = middle;
  }
  return best;
}

/** The least a server can do for the route: the same bytes from memory, and the same 304 for their ETag. */
async function startBareFastify(bytes: Buffer, etag: string): Promise<number> {
  const server = fastify({ logger: false });
  server.get('/m/:token', (request, reply) => {
    void reply.header('etag', etag).header('cache-control', 'public, no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.header('content-type', 'image/jpeg').send(bytes);
  });
  liveServers.add(server);
  await server.listen({ port: 0, host: '127.0.0.1' });
  return (server.server.address() as AddressInfo).port;
}

async function stopServers(): Promise<void> {
  for (const server of [...liveServers]) {
    liveServers.delete(server);
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Consent narrowed on one instance, the URL gone on the other

async function measureGone(config: AppConfig, databaseUrl: string, first: Started, staff: Staff): Promise<GoneRun[]> {
  console.log(
    `\n3. Cross-instance 410: a second instance on the same database and data directory; each run hosts a new ` +
      `publication through the first, has the second serve it, narrows the release to social only through the ` +
      `first (POST /releases/{id}/amendments) and polls the second every ${POLL_MS} ms for the first 410; ` +
      `${plural(GONE_RUNS, 'run')}.`,
  );
  const second = await startApp(config, databaseUrl, []);
  const agent = keepAlive(1);
  const runs: GoneRun[] = [];
  try {
    for (let run = 0; run < GONE_RUNS; run++) {
      const seeded = await seedConsentedPhoto(first, staff, await jpegPhoto({ seed: 100 + run }));
      const hosted = await host(first, staff, seeded.photoId);
      // The second instance serves it a few times first: whatever it keeps about the URL, it keeps now.
      for (let i = 0; i < 3; i++) {
        const reply = await get(second.port, hosted.path, {}, agent);
        if (reply.status !== 200) throw new Error(`the second instance answered ${reply.status} before the amendment`);
      }
      await sleep(ROUND_PAUSE_MS);

      const amendStarted = performance.now();
      const amended = await call(
        first.port,
        'POST',
        `/api/v1/releases/${seeded.releaseId}/amendments`,
        staff.frontDesk,
        form(
          {
            reason: 'No website use any more.',
            signedAt: new Date(Date.now() - 1000).toISOString(),
            scope: { ...SCOPE, channels: ['social'] },
          },
          'document',
          { bytes: signedFormPdf('Amended photo release'), fileName: 'amended.pdf', contentType: 'application/pdf' },
        ),
      );
      const answered = performance.now();
      if (amended.status !== 201) throw new Error(`the amendment answered ${amended.status}: ${text(amended)}`);

      let servedAfter = 0;
      let goneMs = Infinity;
      for (;;) {
        const pollStarted = performance.now();
        const reply = await get(second.port, hosted.path, {}, agent);
        const now = performance.now();
        if (reply.status === 410) {
          goneMs = now - answered;
          break;
        }
        if (reply.status !== 200) throw new Error(`the second instance answered ${reply.status}: ${text(reply)}`);
        servedAfter++;
        if (now - answered > GONE_TIMEOUT_MS) break;
        await sleep(Math.max(0, pollStarted + POLL_MS - now));
      }
      const publication = await call(first.port, 'GET', `/api/v1/publications/${hosted.id}`, staff.marketing);
      const status = (publication.json as { status?: string }).status;
      if (Number.isFinite(goneMs) && status !== 'removed') {
        throw new Error(`the publication is ${status} after the second instance answered 410`);
      }
      runs.push({ amendMs: answered - amendStarted, goneMs, servedAfter });
      console.log(
        `  run ${run + 1}: amendment ${ms(answered - amendStarted)} ms; 410 from the second instance ` +
          `${Number.isFinite(goneMs) ? `${ms(goneMs)} ms` : `not within ${GONE_TIMEOUT_MS} ms`} after it answered, ` +
          `${servedAfter} answers 200 in between; publication ${status}`,
      );
    }
  } finally {
    dropAgent(agent);
    await closeApp(second.app);
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Load

/** A warm-up per target, then ROUNDS rounds with the order of the targets rotated every round. */
async function rounds(targets: LoadTarget[], sealer: AuditSealer): Promise<Map<string, LoadRun[]>> {
  for (const each of targets) await drive(each, WARM_UP_MS);
  await sealer.sealPending();
  const runs = new Map<string, LoadRun[]>(targets.map((each) => [each.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length]);
    const line: string[] = [];
    for (const each of order) {
      const run = await drive(each, ROUND_SECONDS * 1000);
      runs.get(each.name)?.push(run);
      line.push(`${each.label} ${run.requestsPerSecond.toFixed(0)}/s p99 ${ms(run.p99Ms)} ms${failureNote(run)}`);
      // The sealer runs on its timer during a round (that cost counts); what is left is sealed here.
      await sealer.sealPending();
      await sleep(ROUND_PAUSE_MS);
    }
    console.log(`  round ${round + 1}: ${line.join(', ')}`);
  }
  return runs;
}

/** CONCURRENCY connections from the load client's thread, each sending the next request when its answer is in. */
function drive(target: LoadTarget, durationMs: number): Promise<LoadRun> {
  return runLoad({ ...target, concurrency: CONCURRENCY, durationMs });
}

/** One GET; the body is counted, and kept only when the status is not the one expected. */
function get(
  port: number,
  urlPath: string,
  headers: http.OutgoingHttpHeaders,
  agent: http.Agent,
  expectedStatus?: number,
): Promise<Reply> {
  return request(port, 'GET', urlPath, headers, undefined, agent, expectedStatus);
}

/** A hosted website publication of the photo, made by marketing; its media URL's path. */
async function host(started: Started, staff: Staff, photoId: string): Promise<{ id: string; path: string }> {
  const reply = await call(started.port, 'POST', '/api/v1/publications', staff.marketing, {
    json: { photoId, channel: 'website', hosted: true },
  });
  if (reply.status !== 201) throw new Error(`POST /api/v1/publications answered ${reply.status}: ${text(reply)}`);
  const publication = reply.json as { id: string; mediaUrl: string };
  return { id: publication.id, path: new URL(publication.mediaUrl).pathname };
}

async function cleanUp(): Promise<void> {
  await stopLoads();
  await stopServers().catch(() => undefined);
  await closeAll();
  await scratch.removeAll();
}

async function interrupted(signal: NodeJS.Signals): Promise<void> {
  console.error(`\n${signal}: closing the apps and dropping the scratch database`);
  await cleanUp();
  process.exit(130);
}

// ---------------------------------------------------------------------------------------------
// Report

function report(clearance: Clearance, media: Media, gone: GoneRun[]): void {
  console.log('\nResults');
  const clearanceRatio = ratio(clearance.runs, CLEARANCE, ONE_SELECT);
  const clearanceP99 = median((clearance.runs.get(CLEARANCE) ?? []).map((run) => run.p99Ms));
  console.log(`\n1. Clearance check (${LOAD})\n`);
  console.log(loadTable(clearance.runs, [CLEARANCE, ONE_SELECT, NO_DATABASE], ONE_SELECT, 'x one-select'));
  console.log(`\n  clearance / one-select: ${describeRatio(clearanceRatio)}`);
  const oneSelectVsStatic = ratio(clearance.runs, ONE_SELECT, NO_DATABASE);
  console.log(`  one-select / no-database: ${describeRatio(oneSelectVsStatic)}`);

  const mediaRatio = ratio(media.runs, MEDIA, BARE_FASTIFY);
  const revalidationRatio = ratio(media.runs, MEDIA_304, BARE_FASTIFY_304);
  console.log(
    `\n2. Public media URL: web rendition ${media.webSize}, ${kb(media.webBytes)} KB (from a ` +
      `${LARGE_PHOTO.width}x${LARGE_PHOTO.height} upload of ${kb(media.uploadBytes)} KB); ` +
      `${LOAD}\n`,
  );
  console.log(loadTable(media.runs, [MEDIA, BARE_FASTIFY], BARE_FASTIFY, 'x bare Fastify', media.webBytes));
  console.log(`\n  media / bare Fastify: ${describeRatio(mediaRatio)}`);
  console.log(loadTable(media.runs, [MEDIA_304, BARE_FASTIFY_304], BARE_FASTIFY_304, 'x bare Fastify 304'));
  console.log(`\n  media 304 / bare Fastify 304: ${describeRatio(revalidationRatio)}`);

  const goneTimes = gone.map((run) => run.goneMs);
  const slowestGone = Math.max(...goneTimes);
  console.log(`\n3. Cross-instance 410 (${plural(gone.length, 'run')}, polled every ${POLL_MS} ms)\n`);
  console.log(
    table([
      ['run', 'amendment ms', 'first 410 on the second instance, ms after', 'answers 200 after the amendment'],
      ...gone.map((run, i) => [
        String(i + 1),
        ms(run.amendMs),
        Number.isFinite(run.goneMs) ? ms(run.goneMs) : `> ${GONE_TIMEOUT_MS}`,
        String(run.servedAfter),
      ]),
      [
        'median',
        ms(median(gone.map((run) => run.amendMs))),
        ms(median(goneTimes)),
        String(median(gone.map((run) => run.servedAfter))),
      ],
    ]),
  );

  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log('\nGoals (medians over rounds)');
  console.log(
    `  clearance >= ${GOALS.clearanceRatio}x the one-select route: ${clearanceRatio.ofMedians.toFixed(2)}x - ` +
      met(clearanceRatio.ofMedians >= GOALS.clearanceRatio),
  );
  console.log(
    `  clearance p99 <= ${GOALS.clearanceP99Ms} ms: ${ms(clearanceP99)} ms - ${met(clearanceP99 <= GOALS.clearanceP99Ms)}`,
  );
  console.log(
    `  GET /m/{token} >= ${GOALS.mediaRatio}x bare Fastify: ${mediaRatio.ofMedians.toFixed(2)}x - ` +
      met(mediaRatio.ofMedians >= GOALS.mediaRatio),
  );
  console.log(
    `  GET /m/{token} 304 >= ${GOALS.revalidationRatio}x bare Fastify 304: ` +
      `${revalidationRatio.ofMedians.toFixed(2)}x - ${met(revalidationRatio.ofMedians >= GOALS.revalidationRatio)}`,
  );
  console.log(
    `  410 on the other instance <= ${GOALS.goneMs} ms after the amendment, every run: slowest ` +
      `${Number.isFinite(slowestGone) ? `${ms(slowestGone)} ms` : `> ${GOALS.goneMs} ms`} - ` +
      met(slowestGone <= GOALS.goneMs),
  );
}

function loadTable(
  runs: Map<string, LoadRun[]>,
  names: string[],
  baseline: string,
  ratioHeader: string,
  bodyBytes?: number,
): string {
  const baselineMedian = median((runs.get(baseline) ?? []).map((run) => run.requestsPerSecond));
  const header = [
    'scenario',
    'requests/s: median (min-max)',
    ...(bodyBytes ? ['MB/s'] : []),
    'p50 ms',
    'p99 ms: median (max)',
    ratioHeader,
    'CPU us/request: service, load client, PostgreSQL',
    'failed',
  ];
  const rows = names.map((name) => {
    const each = runs.get(name) ?? [];
    const rates = each.map((run) => run.requestsPerSecond);
    const postgresCpu = each.flatMap((run) =>
      run.postgresCpuMicrosPerRequest === null ? [] : [run.postgresCpuMicrosPerRequest],
    );
    const p99s = each.map((run) => run.p99Ms);
    return [
      name,
      `${median(rates).toFixed(0)} (${Math.min(...rates).toFixed(0)}-${Math.max(...rates).toFixed(0)})`,
      ...(bodyBytes ? [((median(rates) * bodyBytes) / 1e6).toFixed(0)] : []),
      ms(median(each.map((run) => run.p50Ms))),
      `${ms(median(p99s))} (${ms(Math.max(...p99s))})`,
      `${(median(rates) / baselineMedian).toFixed(2)}x`,
      `${median(each.map((run) => run.serviceCpuMicrosPerRequest)).toFixed(0)}, ${median(
        each.map((run) => run.clientCpuMicrosPerRequest),
      ).toFixed(0)}, ${postgresCpu.length ? median(postgresCpu).toFixed(0) : '-'}`,
      String(each.reduce((sum, run) => sum + run.failed, 0)),
    ];
  });
  return table([header, ...rows]);
}

interface Ratio {
  ofMedians: number;
  /** Within a round the two ran seconds apart: their ratio is less exposed to drift in the machine. */
  perRound: number[];
}

function ratio(runs: Map<string, LoadRun[]>, name: string, baseline: string): Ratio {
  const rates = (key: string) => (runs.get(key) ?? []).map((run) => run.requestsPerSecond);
  return {
    ofMedians: median(rates(name)) / median(rates(baseline)),
    perRound: rates(name).map((value, i) => value / (rates(baseline)[i] ?? NaN)),
  };
}

function describeRatio(value: Ratio): string {
  return (
    `${value.ofMedians.toFixed(2)}x (ratio of medians); per round ` +
    `${Math.min(...value.perRound).toFixed(2)}-${Math.max(...value.perRound).toFixed(2)}x`
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function ms(value: number): string {
  return value.toFixed(1);
}

function kb(bytes: number): string {
  return (bytes / 1000).toFixed(0);
}

main().catch(async (error: unknown) => {
  process.stderr.write(
    `The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  await cleanUp();
  process.exit(1);
});
