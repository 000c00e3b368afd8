import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiResponse, getSchemaPath, type HeaderObject } from '@nestjs/swagger';
import type { ProblemCode } from './problem-codes.js';

export const API_PROBLEMS = 'pcs:openapi-problems';

/** Problem codes by HTTP status. */
export type ProblemsByStatus = Partial<Record<number, readonly ProblemCode[]>>;

/**
 * The problems a route can answer beyond those every route of its kind answers, which the document
 * adds by itself (src/openapi/openapi-document.ts): 400 `validation_failed` for a query or a body
 * and the body's parse errors, 401/403 for guarded routes, 400 `bad_request` and 404 `not_found`
 * for an `{id}` in the path, the `Idempotency-Key` problems and the upload limits of multipart
 * routes.
 */
export const ApiProblems =
  (problems: ProblemsByStatus): MethodDecorator =>
  (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const existing = (Reflect.getMetadata(API_PROBLEMS, handler) as ProblemsByStatus | undefined) ?? {};
    const merged: ProblemsByStatus = { ...existing };
    for (const [status, codes] of Object.entries(problems)) {
      merged[Number(status)] = [...new Set([...(merged[Number(status)] ?? []), ...(codes ?? [])])];
    }
    Reflect.defineMetadata(API_PROBLEMS, merged, handler);
    return descriptor;
  };

export const ETAG_HEADER: HeaderObject = {
  description: 'The SHA-256 of the bytes, quoted: send it back as `If-None-Match` to revalidate.',
  schema: { type: 'string' },
};

export const CONTENT_DISPOSITION_HEADER: HeaderObject = {
  description: 'Always `attachment`, named by the service (never by the uploader’s file name).',
  schema: { type: 'string' },
};

/** A file the route answers with, in one of `mediaTypes`. */
export function ApiFileResponse(options: {
  status?: number;
  mediaTypes: readonly string[];
  description: string;
  headers?: Record<string, HeaderObject>;
}): MethodDecorator & ClassDecorator {
  return ApiResponse({
    status: options.status ?? 200,
    description: options.description,
    headers: options.headers,
    content: Object.fromEntries(
      options.mediaTypes.map((mediaType) => [mediaType, { schema: { type: 'string', format: 'binary' } }]),
    ),
  });
}

/**
 * A multipart/form-data body of one file and, optionally, a `metadata` part holding `metadata` as
 * JSON (the document gives that part `contentType: application/json`).
 */
export function ApiMultipartBody(options: {
  file: { field: string; description: string; required?: boolean };
  metadata?: { field: string; type: Type; required?: boolean };
}): MethodDecorator {
  const required = [
    ...(options.file.required === false ? [] : [options.file.field]),
    ...(options.metadata && options.metadata.required !== false ? [options.metadata.field] : []),
  ];
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ...(options.metadata ? [ApiExtraModels(options.metadata.type)] : []),
    ApiBody({
      required: true,
      schema: {
        type: 'object',
        required,
        properties: {
          [options.file.field]: { type: 'string', format: 'binary', description: options.file.description },
          ...(options.metadata
            ? {
                [options.metadata.field]: {
                  allOf: [{ $ref: getSchemaPath(options.metadata.type) }],
                  description: 'The fields, as one JSON part.',
                },
              }
            : {}),
        },
      },
      ...(options.metadata ? { encoding: { [options.metadata.field]: { contentType: 'application/json' } } } : {}),
    }),
  );
}
