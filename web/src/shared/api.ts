import { createApiClient, type Problem } from '../api/client';

export { multipartBody } from '../api/client';
export type { components, paths, Problem } from '../api/client';

/** The CSRF token of the browser session, from the readable cookie the service set beside the HttpOnly one. */
function csrfCookie(): string | undefined {
  const entry = document.cookie.split('; ').find((cookie) => cookie.startsWith('pcs_csrf='));
  return entry ? decodeURIComponent(entry.slice('pcs_csrf='.length)) : undefined;
}

/**
 * The typed client every screen calls the service with: same origin, the session in its HttpOnly
 * cookie, the CSRF token on every change.
 */
export const api = createApiClient({ baseUrl: '', csrfToken: csrfCookie, credentials: 'same-origin' });

/** An answer that was not a success: its status and, when the service sent one, its problem. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem> | undefined,
  ) {
    super(problem?.detail ?? `The service answered ${status}.`);
    this.name = 'ApiError';
  }

  get code(): string | undefined {
    return this.problem?.code;
  }
}

/**
 * The data of a typed client's answer, or an ApiError: what TanStack Query's query and mutation
 * functions return, so screens see failures as errors.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, undefined);
  }
  if (!result.response.ok) {
    const problem =
      typeof result.error === 'object' && result.error !== null ? (result.error as Partial<Problem>) : undefined;
    throw new ApiError(result.response.status, problem);
  }
  return result.data as NonNullable<T>;
}

/** Listeners told when the service says the session is over (expired, signed out elsewhere). */
const sessionEndListeners = new Set<(reason: string) => void>();

export function onSessionEnded(listener: (reason: string) => void): () => void {
  sessionEndListeners.add(listener);
  return () => sessionEndListeners.delete(listener);
}

/** When this page last sent the service a request: each one renews the session's idle time. */
export const activity = { lastRequestAt: Date.now() };

// Every answer passes here: a 401 on a signed-in request means the session ended.
api.use({
  onRequest({ request }) {
    activity.lastRequestAt = Date.now();
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.includes('/auth/browser-session')) {
      for (const listener of sessionEndListeners) listener('expired');
    }
    return undefined;
  },
});

/**
 * A sentence a person at a desk can act on, for any failure: never a stack, a status number alone
 * or a blank screen.
 */
export function problemSentence(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong in this screen. Reload the page and try again.';
  const { status, problem } = error;
  if (status === 0) return 'The service cannot be reached. Check the network connection and try again.';
  if (status === 403 && (problem?.code === 'forbidden' || !problem?.detail)) {
    return 'Your role does not allow this. Ask the privacy officer or an administrator if you need it.';
  }
  if (status === 404 && (problem?.code === 'not_found' || !problem?.detail)) {
    return 'This record does not exist, or it is not visible to you.';
  }
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (status >= 500) {
    const reference = problem?.requestId ? ` (reference ${problem.requestId})` : '';
    return `The service could not complete this. Try again in a moment${reference}.`;
  }
  return problem?.detail ?? `The request was refused (${status}).`;
}

/** The field-by-field reasons a 400 validation_failed problem lists, if any. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  return Object.fromEntries((error.problem?.errors ?? []).map((entry) => [entry.field, entry.messages.join(' ')]));
}
