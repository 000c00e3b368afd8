import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import sharp, { type Sharp } from 'sharp';
import { ImageService } from '../src/images/image.service.js';
import { scenePixels } from '../test/support/images.js';
import { benchConfig } from './config.js';
import { call, closeCallAgent, form, text } from './http-client.js';

// bench:lookup's client: makes the copies and the distinct images, decodes each the bare way and
// looks it up over HTTP, one at a time. It runs in a worker thread so that its own work (drawing
// images, the bare decode) and its garbage stay out of the event loop and heap of the service it
// measures, as a client in its own process would.

/** As copies found online come: at most 1080 px on the long edge. */
const ONLINE_LONG_EDGE = 1080;
const DISTINCT_BATCH = 500;

export interface Indexed {
  name: string;
  jpeg: Buffer;
  photoId: string;
}

export interface LookupPlan {
  port: number;
  /** A marketing user's session token. */
  token: string;
  indexed: Indexed[];
  cropsPerPhoto: number;
  distinctQueries: number;
  /** For the bare decode's ImageService, configured as the service is. */
  dataDir: string;
  databaseUrl: string;
}

export interface Answer {
  variant: string;
  /** The uploaded photo the file is a copy of; none for distinct images. */
  sourceName?: string;
  /** When the request went out (milliseconds since the epoch, as performance.timeOrigin counts) and how long its answer took. */
  startedAt: number;
  ms: number;
  bareMs: number;
  found: boolean;
  /** Refused as smaller than a lookup can compare (422 image_too_small_to_compare). */
  tooSmall: boolean;
  /** Photos matched that the file is not a copy of. */
  wrong: string[];
  similarity?: number;
}

const liveWorkers = new Set<Worker>();

/** Runs the plan's lookups from a worker thread; their answers, in the order asked. */
export function lookUpAll(plan: LookupPlan): Promise<Answer[]> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { lookupPlan: plan } });
  liveWorkers.add(worker);
  return new Promise<Answer[]>((resolve, reject) => {
    worker.once('message', (answers: Answer[]) => resolve(answers));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the lookup client's thread exited with code ${code}`)));
  }).finally(() => stopLookups());
}

/** Ends the lookups' thread, if it runs (on an interrupt). */
export async function stopLookups(): Promise<void> {
  const workers = [...liveWorkers];
  liveWorkers.clear();
  await Promise.all(workers.map((worker) => worker.terminate()));
}

/** A photo-like generated scene as a JPEG. */
export async function scene(seed: number, width: number, height: number, quality: number): Promise<Buffer> {
  return sharp(scenePixels(width, height, seed), { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

// ---------------------------------------------------------------------------------------------
// The worker

/** Every copy of every uploaded photo, then the distinct images, one lookup at a time. */
async function run(plan: LookupPlan): Promise<Answer[]> {
  const images = new ImageService(benchConfig(plan.dataDir, plan.databaseUrl));
  const answers: Answer[] = [];
  const ask = async (variant: string, bytes: Buffer, source?: Indexed) => {
    const bareStart = performance.now();
    await images.lookupFile(bytes, 'file');
    const bareMs = performance.now() - bareStart;
    const body = form({ channel: 'website' }, 'file', { bytes, fileName: 'copy', contentType: 'image/jpeg' });
    const callStart = performance.now();
    const reply = await call(plan.port, 'POST', '/api/v1/clearance/lookup', plan.token, body);
    const ms = performance.now() - callStart;
    const asked = { variant, sourceName: source?.name, startedAt: performance.timeOrigin + callStart, ms, bareMs };
    if (reply.status === 422 && (reply.json as { code?: string } | undefined)?.code === 'image_too_small_to_compare') {
      answers.push({ ...asked, found: false, tooSmall: true, wrong: [] });
      return;
    }
    if (reply.status !== 200) throw new Error(`lookup answered ${reply.status}: ${text(reply)}`);
    const matches = (reply.json as { matches: { photoId: string; similarity: number }[] }).matches;
    const own = matches.find((match) => match.photoId === source?.photoId);
    answers.push({
      ...asked,
      found: own !== undefined,
      tooSmall: false,
      wrong: matches.filter((match) => match !== own).map((match) => match.photoId),
      similarity: own?.similarity,
    });
  };
  let random = 17;
  const next = () => {
    random = (random * 1103515245 + 12345) % 2147483648;
    return random / 2147483648;
  };
  console.log(`Looking up ${plan.indexed.length * (5 + plan.cropsPerPhoto)} copies…`);
  for (const source of plan.indexed) {
    const { width = 0, height = 0 } = await sharp(source.jpeg).metadata();
    const online = (image: Sharp) =>
      image.resize(ONLINE_LONG_EDGE, ONLINE_LONG_EDGE, { fit: 'inside', withoutEnlargement: true });
    const copies: [string, Buffer][] = [
      [
        'resized to half',
        await sharp(source.jpeg)
          .resize(Math.round(width / 2))
          .jpeg({ quality: 80 })
          .toBuffer(),
      ],
      [
        'resized to a quarter',
        await sharp(source.jpeg)
          .resize(Math.round(width / 4))
          .jpeg({ quality: 75 })
          .toBuffer(),
      ],
      ['recompressed (quality 40)', await online(sharp(source.jpeg)).jpeg({ quality: 40 }).toBuffer()],
      [
        'colour-adjusted',
        await online(sharp(source.jpeg).modulate({ brightness: 1.12, saturation: 0.8 }).gamma(2.4, 2.0))
          .jpeg({ quality: 85 })
          .toBuffer(),
      ],
      [
        'WebP at 70%',
        await sharp(source.jpeg)
          .resize(Math.round(width * 0.7))
          .webp({ quality: 70 })
          .toBuffer(),
      ],
    ];
    for (let crop = 0; crop < plan.cropsPerPhoto; crop += 1) {
      const [left, right, top, bottom] = [next(), next(), next(), next()].map((value) => value * 0.1);
      const x = Math.floor(left * width);
      const y = Math.floor(top * height);
      const extract = {
        left: x,
        top: y,
        width: Math.floor(width * (1 - right)) - x,
        height: Math.floor(height * (1 - bottom)) - y,
      };
      copies.push([
        'cropped ≤ 10% per side',
        await online(sharp(source.jpeg).extract(extract)).jpeg({ quality: 85 }).toBuffer(),
      ]);
    }
    for (const [variant, bytes] of copies) await ask(variant, bytes, source);
  }
  console.log(`Looking up ${plan.distinctQueries} distinct images that are not indexed…`);
  // Drawn a batch at a time, off the timed lookups: drawing one takes about 35 ms.
  for (let start = 0; start < plan.distinctQueries; start += DISTINCT_BATCH) {
    const batch: Buffer[] = [];
    for (let index = start; index < Math.min(start + DISTINCT_BATCH, plan.distinctQueries); index += 1) {
      batch.push(await scene(1_000_000 + index, 640, 480, 85));
    }
    for (const bytes of batch) await ask('distinct, not indexed', bytes);
    process.stdout.write(`\r  ${start + batch.length} of ${plan.distinctQueries}`);
  }
  console.log('\n');
  closeCallAgent();
  return answers;
}

const plan = (workerData as { lookupPlan?: LookupPlan } | null)?.lookupPlan;
if (!isMainThread && parentPort && plan) {
  // Buffers arrive as plain Uint8Arrays.
  const indexed = plan.indexed.map((each) => ({ ...each, jpeg: Buffer.from(each.jpeg) }));
  parentPort.postMessage(await run({ ...plan, indexed }));
}
