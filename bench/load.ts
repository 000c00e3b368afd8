import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { percentile, postgresCpuBetween, postgresCpuTicks } from './support.js';
import { request, text } from './http-client.js';

// Closed-loop HTTP load from a worker thread. The load client has its own event loop and heap, as a
// load generator in its own process would, so the service under test (in the main thread) does not
// also run the client's JavaScript between its own requests: in one event loop the two queued
// behind each other and the client's work showed in the service's latency. They still share the
// machine's cores, with PostgreSQL. One worker serves every run, so that its code is as warm as the
// service's after the warm-up runs; stopLoads() ends it.

/** What a load run asks for, and what counts as served. */
export interface LoadTarget {
  /** Names the target in the report and in errors. */
  name: string;
  /** For the per-round progress line. */
  label: string;
  port: number;
  /** GET unless said. */
  method?: 'GET' | 'POST';
  path: string;
  headers: http.OutgoingHttpHeaders;
  body?: string;
  /** Only answers with this status (200 unless said) count as served. */
  expectedStatus?: number;
  /** When set, an answer with another body length counts as a failure. */
  expectedBytes?: number;
  /** When set, an answer whose body does not contain this text counts as a failure (every body is then read). */
  expectedText?: string;
  /**
   * When set, one more connection of its own sends `GET path` every `intervalMs` (the next request
   * when the answer is in and the interval since the last one sent has passed) for the whole run:
   * the latency a health check would see beside the load. Its answers must be `200`.
   */
  probe?: { path: string; intervalMs: number };
}

export interface LoadSpec extends LoadTarget {
  /** Connections, each sending its next request when the previous answer is in. */
  concurrency: number;
  durationMs: number;
}

export interface LoadRun {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of this process outside the load client's thread (the apps) per request served. */
  serviceCpuMicrosPerRequest: number;
  /** CPU time of the load client's thread per request served. */
  clientCpuMicrosPerRequest: number;
  /** CPU time of the PostgreSQL server's processes per request served, when they run on this host. */
  postgresCpuMicrosPerRequest: number | null;
  failed: number;
  firstFailure?: string;
  /** The probe's answers, when the target has one. */
  probe?: ProbeRun;
}

export interface ProbeRun {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  failed: number;
  firstFailure?: string;
}

/** Called on the main thread as the run's timed window opens (right after 'go') and as it closes. */
export interface LoadWindow {
  opened(): void;
  closed(): void;
}

type ToWorker = { kind: 'prepare'; spec: LoadSpec } | { kind: 'go' };

type FromWorker =
  | { kind: 'ready' }
  | {
      kind: 'done';
      served: number;
      failed: number;
      firstFailure?: string;
      seconds: number;
      latenciesMs: Float64Array;
      clientCpuMicros: number;
      probe?: { latenciesMs: Float64Array; failed: number; firstFailure?: string };
    };

/**
 * Runs `spec`'s load from the load client's worker thread and measures it: requests served per
 * second, latency percentiles as the client saw them, and CPU per request of the service, the
 * client and PostgreSQL over the timed window. Throws, naming the target, if no request was served.
 * `window`, when given, is told when the timed window opens and closes, before the main thread
 * does any work of its own on the run's results.
 */
export async function runLoad(spec: LoadSpec, window?: LoadWindow): Promise<LoadRun> {
  try {
    return await measure(spec, window);
  } catch (error) {
    await stopLoads();
    throw new Error(`${spec.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Ends the load client's thread, if it runs; the next runLoad() starts another. */
export async function stopLoads(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.worker.terminate();
}

/** The progress line's note of a run's failed requests, if any. */
export function failureNote(run: LoadRun): string {
  return run.failed ? ` (${run.failed} failed, first: ${run.firstFailure})` : '';
}

let client: { worker: Worker; messages: Inbox<FromWorker> } | undefined;

function loadClient(): NonNullable<typeof client> {
  if (!client) {
    const worker = new Worker(new URL(import.meta.url), { workerData: { loadClient: true } });
    const messages = inbox<FromWorker>(worker);
    worker.once('error', (error: Error) => messages.fail(error));
    worker.once('exit', (code) => messages.fail(new Error(`the load client's thread exited with code ${code}`)));
    client = { worker, messages };
  }
  return client;
}

async function measure(spec: LoadSpec, window?: LoadWindow): Promise<LoadRun> {
  const { worker, messages } = loadClient();
  worker.postMessage({ kind: 'prepare', spec } satisfies ToWorker);
  await messages.next('ready');
  const postgresCpuAtStart = await postgresCpuTicks();
  const cpuAtStart = process.cpuUsage();
  worker.postMessage({ kind: 'go' } satisfies ToWorker);
  window?.opened();
  let done: Extract<FromWorker, { kind: 'done' }>;
  try {
    done = await messages.next('done');
  } finally {
    window?.closed();
  }
  const cpu = process.cpuUsage(cpuAtStart);
  const postgresCpu = postgresCpuBetween(postgresCpuAtStart, await postgresCpuTicks());
  if (done.served === 0) throw new Error(`no request succeeded; first failure: ${done.firstFailure}`);
  const latencies = Array.from(done.latenciesMs);
  return {
    requestsPerSecond: done.served / done.seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    serviceCpuMicrosPerRequest: (cpu.user + cpu.system - done.clientCpuMicros) / done.served,
    clientCpuMicrosPerRequest: done.clientCpuMicros / done.served,
    postgresCpuMicrosPerRequest: postgresCpu === null ? null : postgresCpu / done.served,
    failed: done.failed,
    firstFailure: done.firstFailure,
    probe: done.probe && probeRun(done.probe),
  };
}

function probeRun(probe: NonNullable<Extract<FromWorker, { kind: 'done' }>['probe']>): ProbeRun {
  const latencies = Array.from(probe.latenciesMs);
  return {
    count: latencies.length,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: latencies.length ? Math.max(...latencies) : NaN,
    failed: probe.failed,
    firstFailure: probe.firstFailure,
  };
}

interface Inbox<T extends { kind: string }> {
  /** The next message, which must be of this kind; rejects once the inbox has failed. */
  next<K extends T['kind']>(kind: K): Promise<Extract<T, { kind: K }>>;
  fail(error: Error): void;
}

/** A thread's messages, taken in order. */
function inbox<T extends { kind: string }>(source: Worker | MessagePort): Inbox<T> {
  const queue: T[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  source.on('message', (message: T) => {
    queue.push(message);
    wake?.();
  });
  return {
    async next(kind) {
      for (;;) {
        const message = queue.shift();
        if (message) {
          if (message.kind !== kind) throw new Error(`the other thread sent '${message.kind}', not '${kind}'`);
          return message as Extract<T, { kind: typeof kind }>;
        }
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    fail(error) {
      failure ??= error;
      wake?.();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The worker: for each run, prepares the connections' agent, says it is ready, waits for 'go', runs
// the connections until the time is up, and reports.

async function serve(port: MessagePort): Promise<void> {
  const messages = inbox<ToWorker>(port);
  for (;;) {
    const { spec } = await messages.next('prepare');
    await drive(spec, port, messages);
  }
}

async function drive(spec: LoadSpec, port: MessagePort, messages: Inbox<ToWorker>): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const method = spec.method ?? 'GET';
  const expectedStatus = spec.expectedStatus ?? 200;
  const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
  const headers = body ? { ...spec.headers, 'content-length': body.length } : spec.headers;
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  port.postMessage({ kind: 'ready' } satisfies FromWorker);
  await messages.next('go');
  const cpuAtStart = process.threadCpuUsage();
  const started = performance.now();
  const deadline = started + spec.durationMs;
  // With expectedText every body is kept (request() keeps those whose status is not the one given).
  const keepBodiesOf = spec.expectedText === undefined ? expectedStatus : undefined;
  const connection = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const reply = await request(spec.port, method, spec.path, headers, body, agent, keepBodiesOf);
        if (
          reply.status === expectedStatus &&
          (spec.expectedBytes === undefined || reply.bytes === spec.expectedBytes) &&
          (spec.expectedText === undefined || text(reply).includes(spec.expectedText))
        ) {
          latencies.push(performance.now() - sent);
        } else {
          failed++;
          firstFailure ??= `${reply.status} (${reply.bytes} bytes) ${text(reply).slice(0, 200)}`;
        }
      } catch (error) {
        failed++;
        firstFailure ??= (error as Error).message;
        await sleep(10);
      }
    }
  };
  const probing = spec.probe ? probe(spec.port, spec.probe, deadline) : undefined;
  await Promise.all(Array.from({ length: spec.concurrency }, connection));
  const probed = await probing;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.threadCpuUsage(cpuAtStart);
  agent.destroy();
  const latenciesMs = Float64Array.from(latencies);
  port.postMessage(
    {
      kind: 'done',
      served: latencies.length,
      failed,
      firstFailure,
      seconds,
      latenciesMs,
      clientCpuMicros: cpu.user + cpu.system,
      probe: probed,
    } satisfies FromWorker,
    [latenciesMs.buffer, ...(probed ? [probed.latenciesMs.buffer] : [])],
  );
}

/** The probe's connection: `GET path` every `intervalMs` until the deadline, each answer timed. */
async function probe(
  targetPort: number,
  spec: { path: string; intervalMs: number },
  deadline: number,
): Promise<{ latenciesMs: Float64Array<ArrayBuffer>; failed: number; firstFailure?: string }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  while (performance.now() < deadline) {
    const sent = performance.now();
    try {
      const reply = await request(targetPort, 'GET', spec.path, {}, undefined, agent, 200);
      if (reply.status === 200) latencies.push(performance.now() - sent);
      else {
        failed++;
        firstFailure ??= `${reply.status} ${text(reply).slice(0, 200)}`;
      }
    } catch (error) {
      failed++;
      firstFailure ??= (error as Error).message;
    }
    const wait = sent + spec.intervalMs - performance.now();
    if (wait > 0) await sleep(Math.min(wait, Math.max(0, deadline - performance.now())));
  }
  agent.destroy();
  return { latenciesMs: Float64Array.from(latencies), failed, firstFailure };
}

if (!isMainThread && parentPort && (workerData as { loadClient?: boolean } | null)?.loadClient) {
  await serve(parentPort);
}
