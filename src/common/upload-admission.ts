import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { finalize, type Observable } from 'rxjs';
import { DomainError } from './domain-error.js';
import { sendProblem } from './problem.filter.js';

/** How long a refused upload is told to wait: an upload in progress takes about a second. */
const RETRY_AFTER_SECONDS = 2;

declare module 'fastify' {
  interface FastifyRequest {
    /** The admitted upload's place among those in progress. */
    uploadSlot?: UploadSlot;
  }
}

function isMultipart(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
}

/**
 * An admitted upload's place: free again once its connection has closed (the answer sent, or the
 * client gone) and the route's work on it has finished, which goes on after a client leaves.
 */
class UploadSlot {
  private working = 0;
  private closed = false;
  private freed = false;

  constructor(private readonly free: () => void) {}

  close(): void {
    this.closed = true;
    this.freeIfDone();
  }

  /** Work on the upload begins; the returned function ends it. */
  startWork(): () => void {
    this.working += 1;
    return () => {
      this.working -= 1;
      this.freeIfDone();
    };
  }

  private freeIfDone(): void {
    if (this.closed && this.working === 0 && !this.freed) {
      this.freed = true;
      this.free();
    }
  }
}

/**
 * Bounds the multipart uploads in progress. Each holds its file in memory (up to its size cap)
 * until it is answered, and its image work on top of that, so enough large uploads at once would
 * exhaust the process's memory and fail every request in it. Past the bound an upload waits its
 * turn before its body is read (what the client has sent stays in the connection's buffers), in
 * the order it came; past `maxQueued` waiting it is answered at once with 503 and Retry-After.
 * UploadWorkInterceptor keeps a place taken while the route works on the upload.
 */
export function registerUploadAdmission(
  fastify: FastifyInstance,
  limits: { maxInProgress: number; maxQueued: number },
): void {
  const logger = new Logger('UploadAdmission');
  // A refusal is load, not a failure: one line, no stack.
  const quietLogger = { error: () => logger.warn('An upload was refused: too many in progress and waiting') };
  let inProgress = 0;
  const queue: (() => void)[] = [];
  const free = () => {
    const next = queue.shift();
    if (next) next();
    else inProgress -= 1;
  };
  const admit = (request: FastifyRequest, connection: NodeJS.EventEmitter) => {
    const slot = new UploadSlot(free);
    request.uploadSlot = slot;
    connection.once('close', () => slot.close());
  };
  fastify.addHook('onRequest', async (request, reply) => {
    if (!isMultipart(request)) return;
    if (inProgress < limits.maxInProgress) {
      inProgress += 1;
      admit(request, reply.raw);
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
      return sendProblem(busy, request, reply, quietLogger);
    }
    // The place passes straight from the upload that ends to the first one waiting.
    await new Promise<void>((admitted) => {
      const turn = () => {
        reply.raw.off('close', leave);
        admit(request, reply.raw);
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

/** Keeps an upload's place taken while its route works on it, though its client has gone. */
@Injectable()
export class UploadWorkInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const slot = context.switchToHttp().getRequest<FastifyRequest>().uploadSlot;
    if (!slot) return next.handle();
    return next.handle().pipe(finalize(slot.startWork()));
  }
}
