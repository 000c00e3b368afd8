import { createHash, randomBytes } from 'node:crypto';

// Bearer credentials: 256 random bits behind a prefix that says what kind of credential it is
// (and lets secret scanners recognise a leaked one). Only the SHA-256 of a token is stored; the
// token has far too much entropy for the fast hash to be a weakness.

export type TokenKind = 'session' | 'api_key';

const PREFIX: Record<TokenKind, string> = { session: 'pcs_s_', api_key: 'pcs_k_' };
const TOKEN_PATTERN = /^pcs_([sk])_[A-Za-z0-9_-]{43}$/;

export function generateToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

/** The kind of a well-formed token, or undefined for anything else. */
export function tokenKind(token: string): TokenKind | undefined {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return undefined;
  return match[1] === 's' ? 'session' : 'api_key';
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
