import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { postgresCpuBetween, postgresCpuTicks } from './support.js';
import { request, text } from './http-client.js';

// Closed-loop HTTP load from a worker thread. The load client has its own event loop and heap, as a
// load generator in its own process would, so the service under test (in the main thread) does not
// also run the client's JavaScript between its own requests: in one event loop the two queued
// behind each other and the client's work showed in the service's latency. They still share the
// machine's cores, with PostgreSQL.

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
}

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
    };

/**
 * Runs `spec`'s load from a new worker thread and measures it: requests served per second, latency
 * percentiles as the client saw them, and CPU per request of the service, the client and
 * PostgreSQL over the timed window. Throws, naming the target, if no request was served.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadRun> {
  return measure(spec).catch((error: unknown) => {
    throw new Error(`${spec.name}: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** The progress line's note of a run's failed requests, if any. */
export function failureNote(run: LoadRun): string {
  return run.failed ? ` (${run.failed} failed, first: ${run.firstFailure})` : '';
}

async function measure(spec: LoadSpec): Promise<LoadRun> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { loadSpec: spec } });
  try {
    const messages = workerMessages(worker);
    await messages.next('ready');
    const postgresCpuAtStart = await postgresCpuTicks();
    const cpuAtStart = process.cpuUsage();
    worker.postMessage('go');
    const done = await messages.next('done');
    const cpu = process.cpuUsage(cpuAtStart);
    const postgresCpu = postgresCpuBetween(postgresCpuAtStart, await postgresCpuTicks());
    if (done.served === 0) throw new Error(`no request succeeded; first failure: ${done.firstFailure}`);
    const latencies = Array.from(done.latenciesMs).sort((a, b) => a - b);
    return {
      requestsPerSecond: done.served / done.seconds,
      p50Ms: sortedPercentile(latencies, 0.5),
      p99Ms: sortedPercentile(latencies, 0.99),
      serviceCpuMicrosPerRequest: (cpu.user + cpu.system - done.clientCpuMicros) / done.served,
      clientCpuMicrosPerRequest: done.clientCpuMicros / done.served,
      postgresCpuMicrosPerRequest: postgresCpu === null ? null : postgresCpu / done.served,
      failed: done.failed,
      firstFailure: done.firstFailure,
    };
  } finally {
    await worker.terminate();
  }
}

/** The worker's messages in order; an error or an early exit of the worker rejects the wait. */
function workerMessages(worker: Worker) {
  const queue: FromWorker[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on('message', (message: FromWorker) => {
    queue.push(message);
    wake?.();
  });
  worker.once('error', (error: Error) => {
    failure = error;
    wake?.();
  });
  worker.once('exit', (code) => {
    failure ??= new Error(`the load client's thread exited with code ${code}`);
    wake?.();
  });
  return {
    async next<K extends FromWorker['kind']>(kind: K): Promise<Extract<FromWorker, { kind: K }>> {
      for (;;) {
        const message = queue.shift();
        if (message) {
          if (message.kind !== kind) throw new Error(`the load client sent '${message.kind}', not '${kind}'`);
          return message as Extract<FromWorker, { kind: K }>;
        }
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

function sortedPercentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN;
}

// ---------------------------------------------------------------------------------------------
// The worker: waits for 'go', runs the connections until the time is up, and reports.

async function drive(spec: LoadSpec, port: NonNullable<typeof parentPort>): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const method = spec.method ?? 'GET';
  const expectedStatus = spec.expectedStatus ?? 200;
  const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
  const headers = body ? { ...spec.headers, 'content-length': body.length } : spec.headers;
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  await new Promise<void>((resolve) => {
    port.once('message', () => resolve());
    port.postMessage({ kind: 'ready' } satisfies FromWorker);
  });
  const cpuAtStart = process.threadCpuUsage();
  const started = performance.now();
  const deadline = started + spec.durationMs;
  const connection = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const reply = await request(spec.port, method, spec.path, headers, body, agent, expectedStatus);
        if (
          reply.status === expectedStatus &&
          (spec.expectedBytes === undefined || reply.bytes === spec.expectedBytes)
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
  await Promise.all(Array.from({ length: spec.concurrency }, connection));
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
    } satisfies FromWorker,
    [latenciesMs.buffer],
  );
}

const spec = (workerData as { loadSpec?: LoadSpec } | null)?.loadSpec;
if (!isMainThread && parentPort && spec) await drive(spec, parentPort);
