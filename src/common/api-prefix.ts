/** Every JSON route lives under this prefix; a module of its own so views import it without the app. */
export const API_PREFIX = 'api/v1';
