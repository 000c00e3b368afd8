import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };

/** The RFC 9457 problem every error answer carries; `code` is what to branch on. */
export type Problem = components['schemas']['Problem'];

/**
 * A client of the service's API typed from its OpenAPI document: paths, parameters, bodies and
 * answers (problems included) are checked by the compiler. `token` gives a bearer credential, if
 * any, for each request; `csrfToken` gives a browser session's CSRF token, sent with each request
 * that changes something (the session itself rides in its HttpOnly cookie).
 */
export function createApiClient(
  options: ClientOptions & { token?: () => string | undefined; csrfToken?: () => string | undefined } = {},
): Client<paths> {
  const { token, csrfToken, ...clientOptions } = options;
  const client = createClient<paths>(clientOptions);
  client.use({
    onRequest({ request }) {
      const credential = token?.();
      if (credential) request.headers.set('authorization', `Bearer ${credential}`);
      const csrf = csrfToken?.();
      if (csrf && !SAFE_METHODS.has(request.method)) request.headers.set('x-csrf-token', csrf);
      return request;
    },
  });
  return client;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The `bodySerializer` for multipart operations (a signed form, a photo, a letter): each file as its
 * own part, and `metadata` (the operation's fields) as one JSON part.
 *
 *     await api.POST('/api/v1/patients/{id}/releases', {
 *       params: { path: { id } },
 *       body: { document: pdf, metadata: { ... } },
 *       bodySerializer: multipartBody,
 *     });
 */
export function multipartBody(body: object): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body) as [string, unknown][]) {
    if (value === undefined) continue;
    if (value instanceof Blob) form.append(name, value);
    else form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return form;
}
