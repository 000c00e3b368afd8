import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller (a load balancer, the clinic website) may send its own id so logs join up across systems;
// anything that is not a short plain token is replaced so it cannot inject into logs.
const ACCEPTABLE_INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

const assigned = new WeakMap<IncomingMessage, string>();

/** Fastify's id generator: the one place a request's id is decided. */
export function assignRequestId(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && ACCEPTABLE_INCOMING_ID.test(incoming) ? incoming : randomUUID();
  assigned.set(req, id);
  return id;
}

/** The id Fastify assigned to this raw request, for the request logger. */
export function requestIdOf(req: IncomingMessage): string {
  return assigned.get(req) ?? assignRequestId(req);
}
