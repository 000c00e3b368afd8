import { createHash } from 'node:crypto';

/** The chain's starting point: the "previous hash" of the first sealed event. */
export const GENESIS_HASH = Buffer.alloc(32);

/**
 * One link: sha256(prevHash ‖ seq as 8 bytes big-endian ‖ digest), where digest is
 * audit_event_digest() of the event, computed by PostgreSQL over the event's canonical encoding.
 * The verify query recomputes the same thing in SQL (`sha256(prev_hash || int8send(seq) || …)`).
 */
export function chainHash(prevHash: Buffer, seq: bigint, eventDigest: Buffer): Buffer {
  const seqBytes = Buffer.alloc(8);
  seqBytes.writeBigInt64BE(seq);
  return createHash('sha256').update(prevHash).update(seqBytes).update(eventDigest).digest();
}
