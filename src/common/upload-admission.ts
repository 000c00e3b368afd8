import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error.js';
import { sendProblem } from './problem.filter.js';

/** How long a refused upload is told to wait: an upload in progress takes about a second. */
const RETRY_AFTER_SECONDS = 2;

function isMultipart(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
}

/**
 * Bounds the multipart uploads in progress. Each holds its file in memory (up to its size cap)
 * until it is answered, and its image work on top of that, so enough large uploads at once would
 * exhaust the process's memory and fail every request in it. Past the bound an upload waits its
 * turn before its body is read (what the client has sent stays in the connection's buffers), in
 * the order it came; past `maxQueued` waiting it is answered at once with 503 and Retry-After. A
 * slot is free again when its answer has been sent or its connection has closed.
 */
export function registerUploadAdmission(
  fastify: FastifyInstance,
  limits: { maxInProgress: number; maxQueued: number },
): void {
  const logger = new Logger('UploadAdmission');
  let inProgress = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else inProgress -= 1;
  };
  fastify.addHook('onRequest', async (request, reply) => {
    if (!isMultipart(request)) return;
    if (inProgress < limits.maxInProgress) {
      inProgress += 1;
      reply.raw.once('close', release);
      return;
    }
    if (queue.length >= limits.maxQueued) {
      const busy = new DomainError(
        'uploads_busy',
        503,
        `The service is handling ${inProgress} uploads and has ${queue.length} waiting. Send this one again in ` +
          `${RETRY_AFTER_SECONDS} seconds.`,
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
        // Its body is not read: the connection ends with the answer.
        { 'retry-after': String(RETRY_AFTER_SECONDS), connection: 'close' },
      );
      return sendProblem(busy, request, reply, logger);
    }
    // The slot passes straight from the upload that ends to the first one waiting.
    await new Promise<void>((admitted) => {
      const turn = () => {
        reply.raw.off('close', leave);
        reply.raw.once('close', release);
        admitted();
      };
      // A client that goes away while waiting leaves the queue; nothing answers it.
      const leave = () => {
        const place = queue.indexOf(turn);
        if (place >= 0) queue.splice(place, 1);
      };
      queue.push(turn);
      reply.raw.once('close', leave);
    });
  });
}
