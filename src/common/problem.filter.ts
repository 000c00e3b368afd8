import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** RFC 9457 problem details, with this service's stable `code` and the request's id. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  [extension: string]: unknown;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  410: 'gone',
  411: 'length_required',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  500: 'internal_error',
  503: 'unavailable',
};

export function problemType(code: string): string {
  return `urn:photo-consent:problem:${code}`;
}

export function buildProblem(
  request: Pick<FastifyRequest, 'id' | 'url'>,
  status: number,
  code: string,
  detail: string,
  extensions: Record<string, unknown> = {},
): Problem {
  return {
    ...extensions,
    type: problemType(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    // The path only: a query string may carry search terms that identify a patient.
    instance: request.url.split('?', 1)[0] ?? '',
    code,
    requestId: request.id,
  };
}

// Fastify's own client errors (bad JSON, body too large, wrong media type) reach the filter as the
// `cause` of the HttpException Nest wraps them in.
function frameworkErrorCode(error: HttpException): string | undefined {
  const cause = error.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' && cause.code.startsWith('FST_') ? cause.code : undefined;
}

const CODE_BY_FRAMEWORK_CODE: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_body',
};

/**
 * Turns every error into `application/problem+json`. Expected errors keep their status and code;
 * anything unknown is logged in full and answered with a bare 500 that carries no internals.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    void sendProblem(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}

/** Answers an error as a problem: for the filter, and for the routes served outside Nest (src/media). */
export function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Pick<Logger, 'error'>,
): FastifyReply {
  const cause = unwrapped(error);
  const problem = toProblem(cause, request);
  if (problem.status >= 500) logger.error({ err: error, requestId: request.id }, 'Request failed');
  if (cause instanceof DomainError) void reply.headers(cause.headers);
  return reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

/** A body parser's refusal reaches the filter as the cause of the HttpException Nest wraps it in. */
function unwrapped(error: unknown): unknown {
  return error instanceof HttpException && error.cause instanceof DomainError ? error.cause : error;
}

function toProblem(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof DomainError) {
    return buildProblem(request, error.status, error.code, error.detail, error.extensions);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code =
      CODE_BY_FRAMEWORK_CODE[frameworkErrorCode(error) ?? ''] ??
      CODE_BY_STATUS[status] ??
      (status >= 500 ? 'internal_error' : 'bad_request');
    if (status >= 500) return buildProblem(request, status, code, 'The service could not complete the request.');
    const detail =
      status === 404 && error.message.startsWith('Cannot ')
        ? `No route matches ${request.method} ${request.url.split('?', 1)[0]}.`
        : error.message;
    return buildProblem(request, status, code, detail);
  }
  return buildProblem(request, 500, 'internal_error', 'The service could not complete the request.');
}
