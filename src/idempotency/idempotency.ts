import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../common/caller.js';
import { DomainError } from '../common/domain-error.js';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
// Printable ASCII without spaces, as in the IETF draft's examples (UUIDs, random tokens).
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** What identifies one idempotent request: whose key, which key, which operation, what was asked. */
export interface IdempotentRequest {
  owner: string;
  key: string;
  operation: string;
  requestSha256: string;
}

export interface IdempotentResponse<T> {
  status: number;
  body: T;
  /** True when this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

/**
 * The request's `Idempotency-Key`, if it sent one, with the caller and what it asked for (hashed),
 * or undefined. A malformed key is refused rather than ignored: the client relies on it.
 */
export function idempotentRequest(
  request: FastifyRequest,
  caller: Caller,
  operation: string,
  asked: unknown,
): IdempotentRequest | undefined {
  const header = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
    throw new DomainError(
      'idempotency_key_invalid',
      400,
      'The Idempotency-Key header must be 1 to 255 printable ASCII characters without spaces.',
    );
  }
  return {
    owner: ownerOf(caller),
    key: header,
    operation,
    requestSha256: createHash('sha256').update(canonicalJson(asked)).digest('hex'),
  };
}

function ownerOf(caller: Caller): string {
  const principal = caller.principal;
  if (principal?.kind === 'user') return `user:${principal.userId}`;
  if (principal?.kind === 'api_key') return `api_key:${principal.apiKeyId}`;
  if (principal?.kind === 'patient') return `patient:${principal.patientId}`;
  throw new Error('An idempotent request needs an authenticated caller');
}

/**
 * Runs `work` at most once per key, inside the caller's transaction: the key is claimed first (a
 * concurrent request with the same key waits for this transaction and then finds the stored
 * answer), and the answer is stored with the change, so both commit or roll back together. The same
 * key with a different request is refused with 422.
 */
export async function runOnce<T>(
  manager: EntityManager,
  request: IdempotentRequest | undefined,
  work: () => Promise<{ status: number; body: T }>,
): Promise<IdempotentResponse<T>> {
  if (!request) return { ...(await work()), replayed: false };
  const claimed = await manager.query<{ key: string }[]>(
    `INSERT INTO idempotent_requests (owner, key, operation, request_sha256)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
    [request.owner, request.key, request.operation, request.requestSha256],
  );
  if (claimed.length === 0) {
    const [earlier] = await manager.query<
      { operation: string; request_sha256: string; response_status: number; response_body: T }[]
    >(
      'SELECT operation, request_sha256, response_status, response_body FROM idempotent_requests WHERE owner = $1 AND key = $2',
      [request.owner, request.key],
    );
    if (earlier.operation !== request.operation || earlier.request_sha256 !== request.requestSha256) {
      throw new DomainError(
        'idempotency_key_reused',
        422,
        'This Idempotency-Key was used for a different request; use a new key for a new request.',
      );
    }
    return { status: earlier.response_status, body: earlier.response_body, replayed: true };
  }
  const response = await work();
  await manager.query(
    'UPDATE idempotent_requests SET response_status = $3, response_body = $4 WHERE owner = $1 AND key = $2',
    [request.owner, request.key, response.status, JSON.stringify(response.body)],
  );
  return { ...response, replayed: false };
}

/** JSON with object keys sorted at every level, so equal requests hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
