import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { isSensitiveKey, loggableUrl, redactDeep, REDACTED } from './log-redaction.js';
import { requestIdOf } from './request-id.js';

// `req` and `res` have serializers of their own that keep only safe fields; everything else a log
// call passes is walked for sensitive keys.
const SERIALIZED_KEYS = new Set(['req', 'res']);

export function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (SERIALIZED_KEYS.has(key)) safe[key] = value;
    else safe[key] = isSensitiveKey(key) ? REDACTED : redactDeep(value);
  }
  return safe;
}

interface SerializedRequest {
  id: string;
  method: string;
  url: string;
  remoteAddress?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Structured JSON request logs: one line per request, with its id, and nothing that identifies a patient. */
export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      level,
      genReqId: (req: IncomingMessage) => requestIdOf(req),
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health/') ?? false },
      serializers: {
        req: (req: SerializedRequest) => ({
          id: req.id,
          method: req.method,
          url: loggableUrl(req.url),
          remoteAddress: req.remoteAddress,
          userAgent: req.headers['user-agent'],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      formatters: { log: redactLogObject },
    },
  };
}
