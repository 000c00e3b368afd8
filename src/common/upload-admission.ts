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
 * exhaust the process's memory and fail every request in it. One past the bound is answered at
 * once with 503 and Retry-After, before its body is read; a slot is free again when its answer
 * has been sent or its connection has closed.
 */
export function registerUploadAdmission(fastify: FastifyInstance, maxInProgress: number): void {
  const logger = new Logger('UploadAdmission');
  let inProgress = 0;
  fastify.addHook('onRequest', async (request, reply) => {
    if (!isMultipart(request)) return;
    if (inProgress >= maxInProgress) {
      const busy = new DomainError(
        'uploads_busy',
        503,
        `The service is handling ${maxInProgress} uploads already. Send this one again in ${RETRY_AFTER_SECONDS} seconds.`,
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
        // Its body is not read: the connection ends with the answer.
        { 'retry-after': String(RETRY_AFTER_SECONDS), connection: 'close' },
      );
      return sendProblem(busy, request, reply, logger);
    }
    inProgress += 1;
    reply.raw.once('close', () => {
      inProgress -= 1;
    });
  });
}
