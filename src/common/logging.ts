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
/**
 * Readable lines (pino-pretty, a development dependency) for a person at a terminal in development;
 * JSON lines everywhere else, for machines.
 */
export function logTransport(env: string): { target: string; options: Record<string, unknown> } | undefined {
  if (env !== 'development' || !process.stdout.isTTY || !installed('pino-pretty')) return undefined;
  return {
    target: 'pino-pretty',
    options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,context', singleLine: true },
  };
}

/** Whether a package can be loaded: development dependencies are absent from a production install. */
function installed(name: string): boolean {
  try {
    import.meta.resolve(name);
    return true;
  } catch {
    return false;
  }
}

export function loggerParams(level: string, env: string): Params {
  return {
    pinoHttp: {
      level,
      transport: logTransport(env),
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
