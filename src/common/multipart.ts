import { createHash } from 'node:crypto';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { DomainError, ValidationFailedError } from './domain-error.js';
import { sanitizeFileName } from './file-name.js';
import { checkParsedShape, parseJsonText } from './json-body.js';
import { checkListSizes, checkText, toFieldErrors } from './validation.js';

/** The multipart part that carries a request's fields, as one JSON document. */
export const METADATA_FIELD = 'metadata';
const MAX_METADATA_BYTES = 64 * 1024;

export interface UploadedFile {
  bytes: Buffer;
  /** The client's name for the file, sanitised; shown only, never used as a storage key. */
  fileName: string | null;
  /** What the client said the type was; the service decides by the bytes instead. */
  declaredType: string;
}

export interface MultipartUpload {
  file?: UploadedFile;
  metadata?: unknown;
}

const CLOSE = { connection: 'close' };

/** A multipart form read whole: its parts in order, files as bytes. */
export interface BufferedForm {
  parts: (
    | { type: 'file'; name: string; bytes: Buffer; fileName: string | undefined; declaredType: string }
    | { type: 'field'; name: string; value: unknown; truncated: boolean }
  )[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The form, when something read it before the handler (the idempotency check hashes it). */
    bufferedForm?: BufferedForm;
  }
}

/**
 * Reads a whole multipart form of at most one file (at most `maxFileBytes`, checked while it
 * streams in) and one field, keeping it on the request for the handler's readMultipart.
 */
export async function bufferForm(request: FastifyRequest, maxFileBytes: number): Promise<BufferedForm> {
  const form: BufferedForm = { parts: [] };
  try {
    const parts = request.parts({
      limits: { fileSize: maxFileBytes, files: 1, fields: 1, parts: 2, fieldSize: MAX_METADATA_BYTES },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw new FileTooLargeProblem(maxFileBytes);
        form.parts.push({
          type: 'file',
          name: part.fieldname,
          bytes,
          fileName: part.filename,
          declaredType: part.mimetype,
        });
      } else {
        form.parts.push({ type: 'field', name: part.fieldname, value: part.value, truncated: part.valueTruncated });
      }
    }
  } catch (error) {
    throw asProblem(error, maxFileBytes);
  }
  request.bufferedForm = form;
  return form;
}

/** What a form says, independent of its boundary and part headers: each field's value and each file's SHA-256. */
export function formContent(form: BufferedForm): Record<string, unknown> {
  return Object.fromEntries(
    form.parts.map((part) => [
      `${part.type}:${part.name}`,
      part.type === 'file' ? createHash('sha256').update(part.bytes).digest('hex') : part.value,
    ]),
  );
}

/**
 * Reads a multipart request of one file (at most `maxFileBytes`, checked while it streams in; the
 * request is not read further than that) and one `metadata` part holding the fields as JSON.
 * Anything else in the form is refused rather than ignored.
 */
export async function readMultipart(
  request: FastifyRequest,
  options: { fileField: string; maxFileBytes: number },
): Promise<MultipartUpload> {
  if (!request.isMultipart()) {
    throw new DomainError(
      'multipart_required',
      415,
      `Send this request as multipart/form-data with the file in \`${options.fileField}\` and the fields as JSON in \`${METADATA_FIELD}\`.`,
    );
  }
  return uploadOf(request.bufferedForm ?? (await bufferForm(request, options.maxFileBytes)), options);
}

/** The file and the metadata of a form, checked: only those two parts, the file within its route's limit. */
function uploadOf(form: BufferedForm, options: { fileField: string; maxFileBytes: number }): MultipartUpload {
  const upload: MultipartUpload = {};
  for (const part of form.parts) {
    if (part.type === 'file') {
      if (part.name !== options.fileField) throw unexpectedPart(part.name, options.fileField);
      if (part.bytes.length > options.maxFileBytes) throw new FileTooLargeProblem(options.maxFileBytes);
      upload.file = { bytes: part.bytes, fileName: sanitizeFileName(part.fileName), declaredType: part.declaredType };
    } else {
      upload.metadata = readMetadata(part.name, part.value, part.truncated, options.fileField);
    }
  }
  return upload;
}

/** Validates the metadata part against a DTO class as the global pipe validates JSON bodies. */
export async function validateMetadata<T extends object>(dto: ClassConstructor<T>, metadata: unknown): Promise<T> {
  return validateFields(dto, metadata, METADATA_FIELD);
}

/**
 * Validates fields sent as a JSON object (a `metadata` part, or a whole body for a route that also
 * takes JSON) against a DTO class; `name` is what the errors call the object, '' for the body.
 */
export async function validateFields<T extends object>(
  dto: ClassConstructor<T>,
  fields: unknown,
  name: string,
): Promise<T> {
  const label = name || 'body';
  if (fields === undefined) {
    throw new ValidationFailedError([{ field: label, messages: [`${label} is required`] }]);
  }
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    throw new ValidationFailedError([{ field: label, messages: [`${label} must be a JSON object`] }]);
  }
  const within = (field: string) => (name ? `${name}.${field}` : field);
  checkText(fields, label, name);
  checkListSizes(dto, fields, name);
  const instance = plainToInstance(dto, fields);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    throw new ValidationFailedError(toFieldErrors(errors).map((error) => ({ ...error, field: within(error.field) })));
  }
  return instance;
}

function readMetadata(name: string, value: unknown, truncated: boolean, fileField: string): unknown {
  if (name !== METADATA_FIELD) throw unexpectedPart(name, fileField);
  if (truncated) {
    throw new DomainError(
      'metadata_too_large',
      413,
      `\`${METADATA_FIELD}\` is larger than ${MAX_METADATA_BYTES} bytes.`,
    );
  }
  const what = `\`${METADATA_FIELD}\``;
  // Sent with `Content-Type: application/json`, the plugin has parsed the part already (refusing
  // prototype keys as the service's own parser does); the bounds are checked here all the same.
  if (typeof value !== 'string') {
    checkParsedShape(value, what);
    return value;
  }
  return parseJsonText(value, what);
}

function unexpectedPart(name: string, fileField: string): DomainError {
  return new DomainError(
    'unexpected_form_field',
    400,
    `The form has a part named \`${name.slice(0, 64)}\`; expected only \`${fileField}\` (the file) and \`${METADATA_FIELD}\` (JSON).`,
  );
}

class FileTooLargeProblem extends DomainError {
  constructor(maxBytes: number) {
    super('file_too_large', 413, `The file is larger than the limit of ${maxBytes} bytes.`, { maxBytes }, CLOSE);
  }
}

/** Busboy's and the plugin's errors, as problems that say what was wrong with the form. */
function asProblem(error: unknown, maxFileBytes: number): DomainError {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new FileTooLargeProblem(maxFileBytes);
    case 'FST_FILES_LIMIT':
      return new DomainError('too_many_files', 400, 'Send exactly one file.', {}, CLOSE);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new DomainError(
        'unexpected_form_field',
        400,
        `The form may hold only the file and \`${METADATA_FIELD}\`.`,
        {},
        CLOSE,
      );
    case 'FST_PROTO_VIOLATION':
      return new DomainError('unexpected_form_field', 400, 'The form has a part with a reserved name.');
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new DomainError('malformed_body', 400, `\`${METADATA_FIELD}\` is not valid JSON.`);
  }
  // Anything else failed while parsing the client's form (a bad boundary, a truncated body).
  return new DomainError('malformed_multipart', 400, 'The multipart form could not be read.', {}, CLOSE);
}

/**
 * The fields of a route that takes JSON, or multipart/form-data with a file beside them (the
 * fields as JSON in `metadata`), validated against `dto`; `metadata` is what was sent, as sent.
 */
export async function readJsonOrMultipart<T extends object>(
  request: FastifyRequest,
  dto: ClassConstructor<T>,
  options: { fileField: string; maxFileBytes: number },
): Promise<{ input: T; metadata: unknown; file?: UploadedFile }> {
  const multipart = request.isMultipart();
  const form: MultipartUpload = multipart ? await readMultipart(request, options) : { metadata: request.body };
  const input = await validateFields(dto, form.metadata, multipart ? METADATA_FIELD : '');
  return { input, metadata: form.metadata, file: form.file };
}
