// Log lines must never carry identified patient data or credentials. Rather than listing every path
// where such a field might appear (pino's `redact` only matches fixed depths), every log object is
// walked and values under sensitive keys are replaced, at any depth.

export const REDACTED = '[Redacted]';

const SENSITIVE_KEYS = new Set(
  [
    // credentials
    'password',
    'newPassword',
    'currentPassword',
    'passwordHash',
    'token',
    'accessToken',
    'refreshToken',
    'sessionToken',
    'apiKey',
    'secret',
    'secretAccessKey',
    'authorization',
    'cookie',
    'setCookie',
    'totp',
    'totpCode',
    'otp',
    // identity and contact
    'name',
    'firstName',
    'lastName',
    'middleName',
    'givenName',
    'familyName',
    'fullName',
    'displayName',
    'patientName',
    'guardianName',
    'dateOfBirth',
    'dob',
    'birthDate',
    'email',
    'phone',
    'phoneNumber',
    'mobile',
    'address',
    'street',
    'postalCode',
    'zip',
    'contact',
    'mrn',
    'medicalRecordNumber',
    'ssn',
    // values that drivers copy from queries into errors
    'parameters',
    'detail',
  ].map(normalizeKey),
);

function normalizeKey(key: string): string {
  return key.replace(/[-_]/g, '').toLowerCase();
}

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(normalizeKey(key));
}

const MAX_DEPTH = 8;

/** A copy of `value` with every sensitive key's value replaced; cycles and depth are bounded. */
export function redactDeep(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1, seen));
  if (value instanceof Date || Buffer.isBuffer(value)) return value;

  const source = value instanceof Error ? errorFields(value) : (value as Record<string, unknown>);
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(source)) {
    copy[key] = isSensitiveKey(key) ? REDACTED : redactDeep(field, depth + 1, seen);
  }
  return copy;
}

function errorFields(error: Error): Record<string, unknown> {
  return { ...error, type: error.name, message: error.message, stack: error.stack };
}

/**
 * The path and query of a URL as it may be logged: query values are dropped (a search such as
 * `?q=Jane` names a patient) and capability tokens in public media paths are hidden.
 */
export function loggableUrl(rawUrl: string | undefined): string {
  if (!rawUrl) return '';
  const [pathname = '', query] = rawUrl.split('?', 2);
  const safePath = pathname.replace(/^\/(m|storage)\/[^/]+/, `/$1/${REDACTED}`);
  if (!query) return safePath;
  const keys = [...new URLSearchParams(query).keys()];
  return `${safePath}?${keys.map((key) => `${encodeURIComponent(key)}=${REDACTED}`).join('&')}`;
}
