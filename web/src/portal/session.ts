import { createApiClient } from '../api/client';
import { ApiError } from '../shared/api';

// The patient's session is a bearer token (pcs_p_…) from POST /api/v1/portal/session. It stays in
// sessionStorage, as on the page this one replaced: it survives a reload but ends with the tab, and
// never goes in the address bar, in localStorage or in a cookie.
const SESSION_KEY = 'photo-consent-portal-session';

export const patientSession = {
  get: (): string | undefined => sessionStorage.getItem(SESSION_KEY) ?? undefined,
  keep: (token: string) => sessionStorage.setItem(SESSION_KEY, token),
  forget: () => sessionStorage.removeItem(SESSION_KEY),
};

/** Told when the service refuses the session (it expired or was ended): the page asks for a new link. */
let onSessionEnded: () => void = () => undefined;
export function whenSessionEnds(listener: () => void): void {
  onSessionEnded = listener;
}

/**
 * The typed client of the portal routes: the patient's bearer token on each request and no cookies
 * (a staff member signed in to the console in the same browser stays out of the patient's requests).
 */
export const portalApi = createApiClient({ baseUrl: '', token: patientSession.get, credentials: 'omit' });

portalApi.use({
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('authorization')) {
      patientSession.forget();
      onSessionEnded();
    }
    return undefined;
  },
});

/** A failure, in words a patient can act on. */
export function patientSentence(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please reload the page.';
  const { status, problem } = error;
  if (status === 0) return 'We cannot reach the clinic’s service. Check your connection and try again.';
  if (status === 401) return 'Your session has ended. Ask for a new sign-in link below.';
  if (status === 429) return 'Too many attempts. Please wait a while and try again.';
  if (status >= 500) return 'The clinic’s service could not do this just now. Please try again in a moment.';
  return problem?.detail ?? 'Your request could not be completed.';
}
