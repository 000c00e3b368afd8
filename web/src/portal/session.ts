import { createApiClient } from '../api/client';
import { ApiError } from '../shared/api';
import { patientI18n } from './i18n';

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

/** A failure, in words a patient can act on, in the language of the patient pages. */
export function patientSentence(error: unknown): string {
  const t = (key: string) => patientI18n.t(key);
  if (!(error instanceof ApiError)) return t('somethingWrong');
  const { status, problem } = error;
  if (status === 0) return t('unreachable');
  if (status === 401) return t('sessionOver');
  if (status === 429) return t('tooMany');
  if (status >= 500) return t('serviceBusy');
  // The service's own sentence is English; in Spanish a general one says the request failed.
  return patientI18n.language === 'en' ? (problem?.detail ?? t('notCompleted')) : t('notCompleted');
}
