import {
  Injectable,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { callerOf } from '../common/caller.js';
import { DomainError } from '../common/domain-error.js';
import { bufferForm, formContent } from '../common/multipart.js';
import { AppConfig } from '../config/app-config.js';
import { IDEMPOTENCY_HANDLING, type IdempotencyHandling } from './idempotency.decorators.js';
import { IDEMPOTENCY_KEY_HEADER, idempotentRequest, type IdempotentRequest } from './idempotency.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const REPLAYED_HEADER = 'idempotent-replayed';

/**
 * `Idempotency-Key` on every mutating route: the first request with a key claims it
 * and its answer is stored; the same key with the same request gets that answer again and changes
 * nothing; with another request, 422; while the first is still running, 409. A request that fails
 * gives its key back (its transaction changed nothing), so it can be retried. Routes that store
 * the answer inside their own transaction, or whose requests carry secrets, say so with the
 * decorators of idempotency.decorators.ts.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly largestUpload: number;

  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.largestUpload = Math.max(config.photos.maxBytes, config.releases.documentMaxBytes);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!MUTATING.has(request.method) || request.headers[IDEMPOTENCY_KEY_HEADER] === undefined) return next.handle();
    const handling = this.reflector.getAllAndOverride<IdempotencyHandling | undefined>(IDEMPOTENCY_HANDLING, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (handling?.kind === 'in_transaction') return next.handle();
    return from(this.once(context, next, handling));
  }

  private async once(
    context: ExecutionContext,
    next: CallHandler,
    handling: IdempotencyHandling | undefined,
  ): Promise<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const caller = callerOf(request);
    if (handling?.kind === 'refused' || !caller.principal) {
      throw new DomainError(
        'idempotency_not_supported',
        400,
        handling?.kind === 'refused'
          ? `This route does not take an Idempotency-Key: ${handling.reason}`
          : 'Routes open without credentials do not take an Idempotency-Key.',
      );
    }
    const asked = {
      params: request.params,
      query: request.query,
      body: request.isMultipart() ? formContent(await bufferForm(request, this.largestUpload)) : request.body,
    };
    const key = idempotentRequest(request, caller, `${request.method} ${request.routeOptions.url ?? ''}`, asked);
    if (!key) return lastValueFrom(next.handle(), { defaultValue: undefined });

    const earlier = await this.claim(key);
    if (earlier) {
      // The stored answer is shown again, and it may carry identified fields: audited as a read.
      await this.audit.record(caller, {
        action: 'request.replay',
        patientId: patientNamedBy(key.operation, earlier.body),
        details: { operation: key.operation, status: earlier.status },
      });
      void reply.status(earlier.status).header(REPLAYED_HEADER, 'true');
      return earlier.body;
    }
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.dataSource.query('DELETE FROM idempotent_requests WHERE owner = $1 AND key = $2', [
        key.owner,
        key.key,
      ]);
      throw error;
    }
    if (body instanceof StreamableFile) {
      // Bytes are not kept: a repeat runs again (no mutating route answers with a file).
      await this.dataSource.query('DELETE FROM idempotent_requests WHERE owner = $1 AND key = $2', [
        key.owner,
        key.key,
      ]);
      return body;
    }
    await this.dataSource.query(
      'UPDATE idempotent_requests SET response_status = $3, response_body = $4 WHERE owner = $1 AND key = $2',
      [key.owner, key.key, this.statusOf(context, reply), JSON.stringify(body ?? null)],
    );
    return body;
  }

  /** Claims the key; or the earlier answer to the same request; or 422 / 409. */
  private async claim(key: IdempotentRequest): Promise<{ status: number; body: unknown } | null> {
    const claimed = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotent_requests (owner, key, operation, request_sha256)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
      [key.owner, key.key, key.operation, key.requestSha256],
    );
    if (claimed.length > 0) return null;
    const [earlier] = await this.dataSource.query<
      { operation: string; request_sha256: string; response_status: number | null; response_body: unknown }[]
    >(
      'SELECT operation, request_sha256, response_status, response_body FROM idempotent_requests WHERE owner = $1 AND key = $2',
      [key.owner, key.key],
    );
    // Given back meanwhile (the first request failed): this one goes ahead.
    if (!earlier) return this.claim(key);
    if (earlier.operation !== key.operation || earlier.request_sha256 !== key.requestSha256) {
      throw new DomainError(
        'idempotency_key_reused',
        422,
        'This Idempotency-Key was used for a different request; use a new key for a new request.',
      );
    }
    if (earlier.response_status === null) {
      throw new DomainError(
        'idempotency_in_progress',
        409,
        'A request with this Idempotency-Key is still being handled (or was interrupted); ask again shortly.',
        {},
        { 'retry-after': '1' },
      );
    }
    return { status: earlier.response_status, body: earlier.response_body };
  }

  /** The status the route answers with: one the handler set, its @HttpCode, or Nest's default. */
  private statusOf(context: ExecutionContext, reply: FastifyReply): number {
    if (reply.statusCode !== 200) return reply.statusCode;
    const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    return declared ?? (context.switchToHttp().getRequest<FastifyRequest>().method === 'POST' ? 201 : 200);
  }
}

const PATIENT_ROUTE = /^[A-Z]+ \/api\/v1\/patients(\/:id)?$/;

/** The patient a stored answer is about: its `patientId`, or its `id` on the patient routes. */
function patientNamedBy(operation: string, body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { id, patientId } = body as { id?: unknown; patientId?: unknown };
  if (typeof patientId === 'string') return patientId;
  return PATIENT_ROUTE.test(operation) && typeof id === 'string' ? id : undefined;
}
