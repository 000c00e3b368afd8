import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../common/domain-error.js';

export interface PresignedGrant {
  key: string;
  expiresAt: Date;
  contentType?: string;
  contentDisposition?: string;
}

interface Payload {
  k: string;
  e: number;
  t?: string;
  d?: string;
}

export class PresignedUrlInvalidError extends DomainError {
  constructor() {
    // Expired, forged and malformed links answer alike: the caller learns nothing about which.
    super('link_invalid', 403, 'This download link is invalid or has expired.');
  }
}

/**
 * Signs and checks the tokens of the local store's presigned URLs: the grant itself, base64url
 * JSON, then an HMAC-SHA256 over it. Without a configured secret a random one is used, so links
 * last only as long as the process (the local store serves one instance).
 */
export class PresignedTokenSigner {
  private readonly secret: Buffer;

  constructor(secret: string | undefined) {
    this.secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  sign(grant: PresignedGrant): string {
    const payload: Payload = {
      k: grant.key,
      e: Math.floor(grant.expiresAt.getTime() / 1000),
      t: grant.contentType,
      d: grant.contentDisposition,
    };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  verify(token: string, now: Date): PresignedGrant {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined) throw new PresignedUrlInvalidError();
    const expected = this.mac(body);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new PresignedUrlInvalidError();
    let payload: Payload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
    } catch {
      throw new PresignedUrlInvalidError();
    }
    if (typeof payload.k !== 'string' || typeof payload.e !== 'number') throw new PresignedUrlInvalidError();
    if (payload.e * 1000 <= now.getTime()) throw new PresignedUrlInvalidError();
    return {
      key: payload.k,
      expiresAt: new Date(payload.e * 1000),
      contentType: payload.t,
      contentDisposition: payload.d,
    };
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.secret).update(body).digest();
  }
}
