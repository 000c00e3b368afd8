import { createHash, randomBytes } from 'node:crypto';

// Bearer credentials: 256 random bits behind a prefix that says what kind of credential it is
// (and lets secret scanners recognise a leaked one). Only the SHA-256 of a token is stored; the
// token has far too much entropy for the fast hash to be a weakness.

/**
 * Staff session, API key, a patient's portal session, the one-time link that starts one, a mailed
 * link to sign a release form, and the proof of identity that signing through it takes.
 */
export type TokenKind = 'session' | 'api_key' | 'patient_session' | 'portal_link' | 'signing_link' | 'signing_proof';

const PREFIX: Record<TokenKind, string> = {
  session: 'pcs_s_',
  api_key: 'pcs_k_',
  patient_session: 'pcs_p_',
  portal_link: 'pcs_l_',
  signing_link: 'pcs_g_',
  signing_proof: 'pcs_v_',
};
const KIND_OF_LETTER: Record<string, TokenKind> = {
  s: 'session',
  k: 'api_key',
  p: 'patient_session',
  l: 'portal_link',
  g: 'signing_link',
  v: 'signing_proof',
};
const TOKEN_PATTERN = /^pcs_([skplgv])_[A-Za-z0-9_-]{43}$/;

export function generateToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

/** The kind of a well-formed token, or undefined for anything else. */
export function tokenKind(token: string): TokenKind | undefined {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return undefined;
  return KIND_OF_LETTER[match[1]];
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
