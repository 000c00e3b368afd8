import 'reflect-metadata';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { arch, availableParallelism, platform } from 'node:os';
import path from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { benchConfig } from './config.js';
import { lookUpAll, scene, stopLookups, type Answer, type Indexed } from './lookup-client.js';
import { closeAll, seedConsentedPhoto, signInStaff, startApp, type Staff, type Started } from './service.js';
import {
  ADMIN_DATABASE_URL,
  median,
  percentile,
  positiveInteger,
  reachablePostgresVersion,
  redact,
  Scratch,
  table,
} from './support.js';

// Reverse-lookup benchmark: real photographs (scikit-image's sample images and matplotlib's Grace
// Hopper, when Debian's python3-skimage and python3-matplotlib are installed) and generated scenes
// are uploaded through the API, a million more photos are seeded with random fingerprints, and
// copies of the uploaded photos (resized, recompressed, colour-adjusted, converted, cropped by up to
// 10% per side) and distinct images that are not indexed are looked up over HTTP. Reports recall,
// false matches and latency, against the bare decode of the same files that any lookup must do.
// Build first (npx tsc -p tsconfig.json), then: node dist/bench/lookup.js. See bench/README.md.

/** Photos in the index besides the uploaded ones, with random fingerprints. */
const SEEDED_PHOTOS = positiveInteger(process.env.BENCH_LOOKUP_PHOTOS, 1_000_000);
/** Distinct images looked up that are not in the index: any match among them is a false one. */
const DISTINCT_QUERIES = positiveInteger(process.env.BENCH_LOOKUP_DISTINCT, 10_000);
/** Generated scenes uploaded besides the photographs. */
const GENERATED_PHOTOS = positiveInteger(process.env.BENCH_LOOKUP_GENERATED, 20);
/** Random crops looked up per uploaded photo. */
const CROPS_PER_PHOTO = positiveInteger(process.env.BENCH_LOOKUP_CROPS, 10);
const SEED_BATCH = 100_000;

const GOALS = { copyRecall: 1, cropRecall: 0.95, falseMatches: 0, p99Ms: 50 };

const PHOTOGRAPH_DIRS = ['/usr/lib/python3/dist-packages/skimage/data'];
const PHOTOGRAPHS = [
  'astronaut.png',
  'brick.png',
  'camera.png',
  'chelsea.png',
  'coffee.png',
  'coins.png',
  'grass.png',
  'gravel.png',
  'hubble_deep_field.jpg',
  'ihc.png',
  'moon.png',
  'motorcycle_left.png',
  'page.png',
  'retina.jpg',
  'rocket.jpg',
  'text.png',
  'cell.png',
  'color.png',
  'microaneurysms.png',
];
const GRACE_HOPPER = '/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg';

const scratch = new Scratch();

/** A garbage collection pause of the service's thread, in milliseconds since the epoch. */
interface Pause {
  start: number;
  end: number;
}

async function main(): Promise<void> {
  const serverVersion = await reachablePostgresVersion();
  if (serverVersion === undefined) return;
  console.log(
    `Lookup benchmark: node ${process.version}, ${platform()}-${arch()}, ${availableParallelism()} CPUs, ` +
      `PostgreSQL ${serverVersion} at ${redact(ADMIN_DATABASE_URL)}.\n`,
  );
  process.once('SIGINT', () => void interrupted('SIGINT'));
  try {
    const databaseUrl = await scratch.database();
    const dataDir = await scratch.tempDir('pcs-bench-lookup-');
    const started = await startApp(benchConfig(dataDir, databaseUrl), databaseUrl, []);
    const staff = await signInStaff(started);
    const indexed = await uploadAll(started, staff);
    await seedFingerprints(started, indexed[0].photoId);
    const seqScansBefore = await sequentialScans(started);
    // The service runs on this thread (the lookups come from a worker's): its garbage collection is
    // seen here, to tell whether the slowest lookups waited for it.
    const pauses: Pause[] = [];
    const collections = new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        pauses.push({
          start: performance.timeOrigin + entry.startTime,
          end: performance.timeOrigin + entry.startTime + entry.duration,
        });
    });
    collections.observe({ entryTypes: ['gc'] });
    const answers = await lookUpAll({
      port: started.port,
      token: staff.marketing,
      indexed,
      cropsPerPhoto: CROPS_PER_PHOTO,
      distinctQueries: DISTINCT_QUERIES,
      dataDir,
      databaseUrl,
    });
    collections.disconnect();
    const seqScans = (await sequentialScans(started)) - seqScansBefore;
    report(indexed, answers, seqScans, pauses);
  } finally {
    await closeAll();
    await scratch.removeAll();
  }
}

async function uploadAll(started: Started, staff: Staff): Promise<Indexed[]> {
  const files: { name: string; bytes: Buffer }[] = [];
  const dir = PHOTOGRAPH_DIRS.find((candidate) => existsSync(candidate));
  if (dir) {
    const present = new Set(readdirSync(dir));
    for (const name of PHOTOGRAPHS.filter((each) => present.has(each))) {
      files.push({
        name,
        bytes: await sharp(readFileSync(path.join(dir, name)))
          .jpeg({ quality: 95 })
          .toBuffer(),
      });
    }
  }
  if (existsSync(GRACE_HOPPER))
    files.push({ name: 'grace_hopper.jpg', bytes: await sharp(readFileSync(GRACE_HOPPER)).jpeg().toBuffer() });
  if (files.length === 0) console.log('No photographs found (apt-get install python3-skimage): generated scenes only.');
  for (let seed = 1; seed <= GENERATED_PHOTOS; seed += 1) {
    files.push({ name: `scene ${seed}`, bytes: await scene(seed, 1600, 1200, 92) });
  }
  console.log(`Uploading ${files.length} photos (${files.length - GENERATED_PHOTOS} photographs) through the API…`);
  const indexed: Indexed[] = [];
  for (const file of files) {
    const { photoId } = await seedConsentedPhoto(started, staff, file.bytes);
    indexed.push({ name: file.name, jpeg: file.bytes, photoId });
  }
  return indexed;
}

/**
 * SEEDED_PHOTOS photo rows copied from an uploaded one (new ids and hashes), each with a random
 * centre hash and a distinct descriptor, then VACUUM ANALYZE so the chunk indexes answer alone.
 */
async function seedFingerprints(started: Started, templateId: string): Promise<void> {
  const dataSource = started.app.get(DataSource);
  const columns = (
    await dataSource.query<{ column_name: string }[]>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'photos' ORDER BY ordinal_position`,
    )
  ).map((row) => row.column_name);
  const fresh: Record<string, string> = {
    id: 'gen_random_uuid()',
    original_sha256: 'md5(random()::text) || md5(random()::text)',
    paired_photo_id: 'NULL',
  };
  const select = columns.map((column) => fresh[column] ?? column).join(', ');
  const started_at = performance.now();
  for (let done = 0; done < SEEDED_PHOTOS; done += SEED_BATCH) {
    const count = Math.min(SEED_BATCH, SEEDED_PHOTOS - done);
    await dataSource.query(
      `WITH added AS (
         INSERT INTO photos (${columns.join(', ')})
         SELECT ${select} FROM photos, generate_series(1, $2) WHERE photos.id = $1
         RETURNING id)
       INSERT INTO photo_fingerprints (photo_id, centre_hash, descriptor)
       SELECT id, (floor(random() * 4294967296)::bigint << 32) | floor(random() * 4294967296)::bigint,
              decode(repeat(md5(id::text), 256), 'hex')
       FROM added`,
      [templateId, count],
    );
    process.stdout.write(`\rSeeding fingerprints: ${done + count} of ${SEEDED_PHOTOS}`);
  }
  await dataSource.query('VACUUM ANALYZE photos');
  await dataSource.query('VACUUM ANALYZE photo_fingerprints');
  console.log(` (${((performance.now() - started_at) / 1000).toFixed(0)} s)\n`);
}

async function sequentialScans(started: Started): Promise<number> {
  const [row] = await started.app
    .get(DataSource)
    .query<{ seq_scan: string }[]>(`SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'photo_fingerprints'`);
  return Number(row?.seq_scan ?? 0);
}

function report(indexed: Indexed[], answers: Answer[], sequentialScanCount: number, pauses: Pause[]): void {
  const variants = [...new Set(answers.map((answer) => answer.variant))];
  const rows = [
    [
      'variant',
      'lookups',
      'found',
      'recall',
      'too small',
      'false matches',
      'similarity (min)',
      'p50 ms',
      'p99 ms',
      'bare decode p50 ms',
    ],
  ];
  // A copy refused as too small is reported as such, outside recall and latency: the service says
  // it cannot compare it instead of answering that nothing matches.
  const compared = answers.filter((answer) => !answer.tooSmall);
  for (const variant of variants) {
    const all = answers.filter((answer) => answer.variant === variant);
    const group = all.filter((answer) => !answer.tooSmall);
    const copies = group.filter((answer) => answer.sourceName);
    const similarities = group.flatMap((answer) => (answer.similarity === undefined ? [] : [answer.similarity]));
    rows.push([
      variant,
      String(all.length),
      copies.length ? String(copies.filter((answer) => answer.found).length) : '–',
      copies.length ? percent(copies.filter((answer) => answer.found).length / copies.length) : '–',
      String(all.length - group.length),
      String(group.reduce((sum, answer) => sum + answer.wrong.length, 0)),
      similarities.length ? Math.min(...similarities).toFixed(3) : '–',
      median(group.map((answer) => answer.ms)).toFixed(1),
      percentile(
        group.map((answer) => answer.ms),
        0.99,
      ).toFixed(1),
      median(group.map((answer) => answer.bareMs)).toFixed(1),
    ]);
  }
  console.log(table(rows));

  const missed = compared.filter((answer) => answer.sourceName && !answer.found);
  if (missed.length) {
    const byPhoto = new Map<string, number>();
    for (const answer of missed) byPhoto.set(answer.sourceName ?? '', (byPhoto.get(answer.sourceName ?? '') ?? 0) + 1);
    console.log(`\nMissed: ${[...byPhoto].map(([name, count]) => `${name} ${count}`).join(', ')}`);
  }
  const refused = answers.filter((answer) => answer.tooSmall);
  if (refused.length) {
    const named = refused.map((answer) => `${answer.sourceName ?? 'a distinct image'} ${answer.variant}`);
    console.log(`\nRefused as too small to compare (under 32 px on a side): ${named.join(', ')}`);
  }
  const copies = compared.filter((answer) => answer.sourceName);
  const crops = copies.filter((answer) => answer.variant.startsWith('cropped'));
  const whole = copies.filter((answer) => !answer.variant.startsWith('cropped'));
  const falseMatches = answers.reduce((sum, answer) => sum + answer.wrong.length, 0);
  const all = compared.map((answer) => answer.ms);
  const ratio = median(all) / median(compared.map((answer) => answer.bareMs));
  const goal = (met: boolean) => (met ? 'met' : 'NOT met');
  console.log(
    [
      '',
      `${indexed.length} photos uploaded, ${SEEDED_PHOTOS.toLocaleString('en')} seeded; sequential scans of photo_fingerprints during the lookups: ${sequentialScanCount}.`,
      `Recall, resized/recompressed/colour/WebP: ${percent(whole.filter((a) => a.found).length / whole.length)} of ${whole.length} compared, ${refused.length} refused as too small (goal 100%: ${goal(whole.filter((a) => a.found).length >= GOALS.copyRecall * whole.length)}).`,
      `Recall, crops ≤ 10% per side: ${percent(crops.filter((a) => a.found).length / crops.length)} (goal ≥ 95%: ${goal(crops.filter((a) => a.found).length >= GOALS.cropRecall * crops.length)}).`,
      `False matches: ${falseMatches} over ${answers.length} lookups, ${DISTINCT_QUERIES} of them distinct images (goal 0: ${goal(falseMatches === GOALS.falseMatches)}).`,
      `Latency over HTTP, all lookups: p50 ${median(all).toFixed(1)} ms, p99 ${percentile(all, 0.99).toFixed(1)} ms (goal p99 ≤ ${GOALS.p99Ms} ms: ${goal(percentile(all, 0.99) <= GOALS.p99Ms)}); ` +
        `p50 ÷ bare decode p50 = ${ratio.toFixed(2)}×.`,
      collectionsDuring(compared, pauses),
    ].join('\n'),
  );
}

/** How much garbage collection there was, and how much of it fell within the slowest lookups. */
function collectionsDuring(answers: Answer[], pauses: Pause[]): string {
  const within = (answer: Answer) =>
    pauses.reduce(
      (sum, pause) =>
        sum + Math.max(0, Math.min(pause.end, answer.startedAt + answer.ms) - Math.max(pause.start, answer.startedAt)),
      0,
    );
  const p99 = percentile(
    answers.map((answer) => answer.ms),
    0.99,
  );
  const slowest = answers.filter((answer) => answer.ms >= p99);
  const collected = slowest.map(within);
  const durations = pauses.map((pause) => pause.end - pause.start);
  return (
    `Garbage collection during the lookups: ${pauses.length} pauses, ${(durations.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s in all, ` +
    `the longest ${Math.max(0, ...durations).toFixed(1)} ms. In the ${slowest.length} slowest lookups (p99 and over, ` +
    `median ${median(slowest.map((answer) => answer.ms)).toFixed(1)} ms) it took ${median(collected).toFixed(1)} ms at the median, ` +
    `${Math.max(0, ...collected).toFixed(1)} ms at most.`
  );
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

async function interrupted(signal: NodeJS.Signals): Promise<void> {
  console.error(`\n${signal}: closing the app and dropping the scratch database`);
  await stopLookups();
  await closeAll();
  await scratch.removeAll();
  process.exit(130);
}

main().catch(async (error: unknown) => {
  process.stderr.write(
    `The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  await closeAll();
  await scratch.removeAll();
  process.exit(1);
});
