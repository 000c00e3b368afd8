import { argon2, randomBytes, timingSafeEqual, type Argon2Parameters } from 'node:crypto';

export interface PasswordHashCost {
  memoryKib: number;
  iterations: number;
}

const SALT_BYTES = 16;
const HASH_BYTES = 32;
const PHC_PATTERN = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * argon2id password hashes in the PHC string format (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), so
 * the cost can be raised later and old hashes still verify. Node's own argon2 (OpenSSL) runs on the
 * libuv thread pool: no native add-on to install and the event loop stays free while it works.
 */
export class PasswordHasher {
  constructor(private readonly cost: PasswordHashCost) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const parameters = { memory: this.cost.memoryKib, passes: this.cost.iterations, parallelism: 1 };
    const digest = await derive(password, salt, parameters, HASH_BYTES);
    return `$argon2id$v=19$m=${parameters.memory},t=${parameters.passes},p=${parameters.parallelism}$${b64(salt)}$${b64(digest)}`;
  }

  /** True when `password` matches; false for a mismatch or a hash this class cannot read. */
  async verify(encoded: string, password: string): Promise<boolean> {
    const parsed = parsePhc(encoded);
    if (!parsed) return false;
    const expectedBytes = parsed.hash;
    const digest = await derive(password, parsed.salt, parsed.cost, expectedBytes.length);
    return digest.length === expectedBytes.length && timingSafeEqual(digest, expectedBytes);
  }

  /** Whether a stored hash was made with less than today's cost and should be redone at next login. */
  needsRehash(encoded: string): boolean {
    const parsed = parsePhc(encoded);
    return !parsed || parsed.cost.memory < this.cost.memoryKib || parsed.cost.passes < this.cost.iterations;
  }
}

type Argon2Cost = Pick<Argon2Parameters, 'memory' | 'passes' | 'parallelism'>;

function parsePhc(encoded: string): { cost: Argon2Cost; salt: Buffer; hash: Buffer } | undefined {
  const match = PHC_PATTERN.exec(encoded);
  if (!match) return undefined;
  const [memory, passes, parallelism, salt, hash] = match.slice(1) as [string, string, string, string, string];
  return {
    cost: { memory: Number(memory), passes: Number(passes), parallelism: Number(parallelism) },
    salt: Buffer.from(salt, 'base64'),
    hash: Buffer.from(hash, 'base64'),
  };
}

function derive(password: string, salt: Buffer, cost: Argon2Cost, tagLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    argon2('argon2id', { message: Buffer.from(password, 'utf8'), nonce: salt, tagLength, ...cost }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** PHC strings use unpadded standard base64. */
function b64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
