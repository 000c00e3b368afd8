import { SetMetadata } from '@nestjs/common';

export const IDEMPOTENCY_HANDLING = 'pcs:idempotency';

/**
 * How a mutating route treats `Idempotency-Key`: by default the IdempotencyInterceptor answers a
 * repeated request with the first answer. `in_transaction`: the route stores its answer in the
 * transaction of the change itself (revocations). `refused`: its requests or answers carry secrets
 * (passwords, codes, tokens), which an idempotency record would keep, so a key is refused.
 */
export type IdempotencyHandling = { kind: 'in_transaction' } | { kind: 'refused'; reason: string };

export const IdempotentInTransaction = (): MethodDecorator & ClassDecorator =>
  SetMetadata(IDEMPOTENCY_HANDLING, { kind: 'in_transaction' } satisfies IdempotencyHandling);

export const IdempotencyKeyRefused = (reason: string): MethodDecorator & ClassDecorator =>
  SetMetadata(IDEMPOTENCY_HANDLING, { kind: 'refused', reason } satisfies IdempotencyHandling);

/** Why account routes take no key: what they carry must not be kept anywhere else. */
export const ACCOUNT_SECRETS =
  'account routes carry passwords, second-factor codes, session tokens or API keys, which are never stored.';
