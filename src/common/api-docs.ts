import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiResponse,
  getSchemaPath,
  type HeaderObject,
  type RequestBodyObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { METADATA_FIELD } from './multipart.js';
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

/**
 * The body of a route that takes its fields as JSON, or as multipart with a file beside them (the
 * fields as JSON in `metadata`). ApiMultipartBody describes the multipart form alone, and
 * @nestjs/swagger gives every media type of one @ApiBody the same schema, so both are written here.
 */
export function jsonOrMultipartBody(options: {
  fields: Type;
  file: { field: string; description: string; required: boolean };
  example: object;
}): RequestBodyObject {
  const fields = { $ref: getSchemaPath(options.fields) };
  const multipart: SchemaObject = {
    type: 'object',
    required: [...(options.file.required ? [options.file.field] : []), METADATA_FIELD],
    properties: {
      [options.file.field]: { type: 'string', format: 'binary', description: options.file.description },
      [METADATA_FIELD]: { allOf: [fields], description: 'The fields, as one JSON part.' },
    },
  };
  return {
    required: true,
    content: {
      'application/json': { schema: fields, example: options.example },
      'multipart/form-data': { schema: multipart, encoding: { [METADATA_FIELD]: { contentType: 'application/json' } } },
    },
  };
}

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/** The headers of a stored document's download (src/common/document-download.ts). */
export const DOCUMENT_HEADERS = {
  ETag: { description: 'The SHA-256 of the file, quoted.', schema: { type: 'string' } },
  'Content-Disposition': CONTENT_DISPOSITION_HEADER,
  'Cache-Control': { description: '`private, no-store`: not to be cached.', schema: { type: 'string' } },
};

/** What checking an uploaded document (PDF, JPEG or PNG) can refuse (ImageService.checkDocument). */
export const DOCUMENT_PROBLEMS = {
  400: ['empty_file'],
  415: ['unsupported_file_type', 'heic_not_supported'],
  422: ['document_incomplete', 'image_unreadable', 'image_too_many_pixels'],
} as const;
