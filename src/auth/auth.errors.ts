import { DomainError } from '../common/domain-error.js';

export type UnauthenticatedCode =
  | 'unauthenticated'
  | 'invalid_token'
  | 'session_expired'
  | 'invalid_credentials'
  | 'totp_required'
  | 'totp_invalid'
  | 'portal_link_invalid';

const DETAILS: Record<UnauthenticatedCode, string> = {
  unauthenticated: 'This route needs a bearer token: sign in at POST /api/v1/auth/login.',
  invalid_token: 'The bearer token is not valid (unknown, ended, or its account is disabled). Sign in again.',
  session_expired: 'The session has expired. Sign in again.',
  invalid_credentials: 'The email address or password is not correct.',
  totp_required: 'This account uses a second factor: send the current code from the authenticator app as totpCode.',
  totp_invalid: 'The authenticator code is not correct, or it has already been used.',
  portal_link_invalid:
    'This sign-in link is not valid: it was already used, it has expired, or it was copied incompletely. ' +
    'Ask for a new one at POST /api/v1/portal/access.',
};

/** 401: the caller has not proved who they are. */
export class UnauthenticatedError extends DomainError {
  constructor(code: UnauthenticatedCode) {
    const error =
      code === 'session_expired' || code === 'invalid_token' || code === 'portal_link_invalid'
        ? ', error="invalid_token"'
        : '';
    super(code, 401, DETAILS[code], {}, { 'www-authenticate': `Bearer realm="photo-consent"${error}` });
  }
}

/** 403: the caller is known but may not do this. */
export class ForbiddenError extends DomainError {
  constructor(code: string, detail: string) {
    super(code, 403, detail);
  }
}

/** 429 with Retry-After, in whole seconds. */
export class TooManyAttemptsError extends DomainError {
  /** `guessed`: the account's own count is over its limit, which a second-factor code gets past. */
  constructor(retryAfterSeconds: number, guessed = false) {
    super(
      'too_many_attempts',
      429,
      guessed
        ? `Too many failed sign-in attempts for this account. Sign in with your password and your ` +
            `authenticator code together, or from where you signed in lately, or try again in ${retryAfterSeconds} seconds.`
        : `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
      { 'retry-after': String(retryAfterSeconds) },
    );
  }
}
