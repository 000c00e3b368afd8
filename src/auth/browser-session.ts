import { createHash, timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { AppConfig } from '../config/app-config.js';

// A browser's staff session (the web console) lives in a cookie scripts cannot read (HttpOnly) and
// other sites' pages cannot make the browser send (SameSite=Strict). A request that changes
// something must also carry the session's CSRF token in a header: a value derived from the session
// token, which only the console's own page learns (at sign-in, and from a cookie it may read).

export const SESSION_COOKIE = 'pcs_session';
export const CSRF_COOKIE = 'pcs_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token of the session: a one-way function of its token, so knowing it reveals nothing. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`pcs-csrf:${sessionToken}`).digest('base64url');
}

/** Whether a request authenticated by the session cookie may go on: reads may, changes need the header. */
export function passesCsrfCheck(
  method: string,
  sessionToken: string,
  presented: string | string[] | undefined,
): boolean {
  if (SAFE_METHODS.has(method)) return true;
  if (typeof presented !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Both cookies: Secure in production (served over HTTPS behind its proxy), session cookies otherwise. */
export function cookieOptions(config: AppConfig, readableByScripts: boolean): CookieSerializeOptions {
  return { path: '/', httpOnly: !readableByScripts, sameSite: 'strict', secure: config.env === 'production' };
}
