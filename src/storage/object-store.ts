import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { DomainError } from '../common/domain-error.js';

export interface PutResult {
  key: string;
  size: number;
  /** Hex sha256 of the bytes as stored. */
  sha256: string;
}

export interface PutOptions {
  /**
   * Hex SHA-256 of a Buffer body, when the caller has already computed it: the store does not hash
   * the bytes again (S3 receives it as the signed x-amz-content-sha256, which AWS checks against the bytes).
   */
  sha256?: string;
}

export interface ObjectInfo {
  key: string;
  size: number;
  lastModified: Date;
}

/** An inclusive byte range, as in HTTP `Range: bytes=start-end`; `end` omitted means to the last byte. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface GetResult {
  body: Readable;
  /** Bytes in `body`. */
  contentLength: number;
  /** Size of the whole object. */
  totalSize: number;
  /** The inclusive range served, when a range was asked for. */
  range?: { start: number; end: number };
}

export interface PresignOptions {
  ttlSeconds?: number;
  /** Served as the response's Content-Type. */
  contentType?: string;
  /** Served as the response's Content-Disposition, e.g. `attachment; filename="release.pdf"`. */
  contentDisposition?: string;
}

export interface PresignedUrl {
  url: string;
  expiresAt: Date;
}

/**
 * Where photos and signed documents live. Keys are made by the server (`photos/<uuid>/original`),
 * never taken from a user's file name. Content type and other metadata belong to the database row
 * that references the object, not to the store.
 */
export abstract class ObjectStore {
  /** Streams `body` to `key`, replacing any object there; the object appears whole or not at all. */
  abstract put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<PutResult>;
  /** Throws ObjectNotFoundError when there is no object, RangeNotSatisfiableError for a bad range. */
  abstract get(key: string, options?: { range?: ByteRange }): Promise<GetResult>;
  /** Null when there is no object. */
  abstract head(key: string): Promise<ObjectInfo | null>;
  /** Removes the object and every stored version of it; succeeds when there is none. */
  abstract delete(key: string): Promise<void>;
  /** Objects whose keys start with `prefix`, in key order. */
  abstract list(prefix: string): AsyncIterable<ObjectInfo>;
  /** A URL that serves the object without a session until it expires. */
  abstract presignGet(key: string, options?: PresignOptions): Promise<PresignedUrl>;
  /** Throws when the store cannot be used (readiness check). */
  abstract checkReady(): Promise<void>;

  /**
   * Removes what uploads interrupted before `before` left behind outside any key (a process that
   * died while writing); returns how many. Nothing by default: an S3 bucket's lifecycle rule
   * (AbortIncompleteMultipartUpload) is the place for its unfinished multipart uploads.
   */
  async removeAbandonedUploads(_before: Date): Promise<number> {
    return 0;
  }
}

export class ObjectNotFoundError extends DomainError {
  constructor(key: string) {
    super('object_not_found', 404, 'The stored file was not found.');
    this.message = `No object at ${key}`;
  }
}

export class RangeNotSatisfiableError extends DomainError {
  constructor(totalSize: number) {
    super('range_not_satisfiable', 416, `The requested range is outside the file (${totalSize} bytes).`, {
      size: totalSize,
    });
  }
}

export class InvalidObjectKeyError extends Error {
  constructor(key: string) {
    super(`Invalid object key ${JSON.stringify(key).slice(0, 80)}`);
    this.name = 'InvalidObjectKeyError';
  }
}

// Segments of letters, digits, '.', '_' and '-' that do not start with a dot, joined by single
// slashes: no '..', no absolute paths, no backslashes, nothing that could leave the store.
const KEY_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
const MAX_KEY_LENGTH = 512;

export function assertValidKey(key: string): void {
  if (typeof key !== 'string' || key.length > MAX_KEY_LENGTH || !KEY_PATTERN.test(key)) {
    throw new InvalidObjectKeyError(key);
  }
}

/** Prefixes follow the key rule but may end with '/' or be empty (everything). */
export function assertValidPrefix(prefix: string): void {
  if (prefix === '') return;
  assertValidKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
}

/** Resolves a requested range against the object's size; throws when nothing of it is inside. */
export function resolveRange(range: ByteRange, totalSize: number): { start: number; end: number } {
  const end = Math.min(range.end ?? totalSize - 1, totalSize - 1);
  if (!Number.isSafeInteger(range.start) || range.start < 0 || range.start >= totalSize || end < range.start) {
    throw new RangeNotSatisfiableError(totalSize);
  }
  return { start: range.start, end };
}

/** A pass-through that counts bytes and hashes them, for stores that stream to their backend. */
export class DigestingStream extends Transform {
  private readonly hash = createHash('sha256');
  // Not called `size`: the AWS SDK reads a body's `size` as its total length.
  byteCount = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.hash.update(chunk);
    this.byteCount += chunk.length;
    this.push(chunk);
    callback();
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}
