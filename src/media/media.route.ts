import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../common/domain-error.js';
import { PROBLEM_CONTENT_TYPE, sendProblem } from '../common/problem.filter.js';
import type { AppConfig } from '../config/app-config.js';
import type { MediaService } from './media.service.js';
import { FixedWindowRateLimiter } from './rate-limiter.js';

export const MEDIA_ROUTE = { method: 'GET', url: '/m/:token' } as const;

/**
 * Browsers and CDNs may keep the image but must ask again before every use: consent can end at any
 * moment, and the promise is that the website stops showing the photo then, not a max-age later.
 * Asking again costs a 304 (the ETag is the rendition's SHA-256), decided like a 200 but without
 * the bytes.
 */
export const CACHE_CONTROL = 'public, no-cache';

/**
 * The security headers every answer gets that a 304 need not repeat: a cache updates the response it
 * stored with the 304's fields and keeps the others (RFC 9111 §4.3.4), so the 200 it holds keeps
 * them. They were two thirds of a 304's bytes, and writing them most of its cost (bench/README.md).
 */
const NOT_REPEATED_IN_304 = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/** If-None-Match as RFC 9110 §13.1.2 reads it: `*`, or a list of tags compared weakly. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * Public URLs of hosted website publications, for the clinic's pages to embed: no session, no
 * patient identity anywhere in the URL or the headers, and 410 Gone once consent ends.
 *
 * A plain Fastify route, outside Nest's router: the guard, interceptors and pipes Nest runs per
 * request took a sixth of this route's throughput (bench/README.md, marketing), and it needs none
 * of them. It is public, takes no body, changes nothing a client asked for (so no idempotency) and
 * answers no patient data (nothing for the identified-data filter). Fastify's hooks still apply
 * (request id, security headers) and so does the request log; errors are problems as elsewhere.
 */
export function registerMediaRoute(fastify: FastifyInstance, media: MediaService, config: AppConfig): void {
  const limiter = new FixedWindowRateLimiter(config.media.rateLimitPerMinute);
  const logger = new Logger('MediaRoute');
  fastify.route<{ Params: { token: string } }>({
    ...MEDIA_ROUTE,
    handler: async (request, reply) => {
      try {
        const retryAfter = limiter.take(request.ip, Date.now());
        if (retryAfter !== null) {
          throw new DomainError(
            'rate_limited',
            429,
            `Too many image requests from this address. Try again in ${retryAfter} seconds.`,
            { retryAfterSeconds: retryAfter },
            { 'retry-after': String(retryAfter) },
          );
        }
        const image = await media.image(request.params.token);
        // Embedded by the clinic's own site, which is another origin.
        void reply
          .header('etag', image.etag)
          .header('cache-control', CACHE_CONTROL)
          .header('cross-origin-resource-policy', 'cross-origin');
        if (matchesEtag(request.headers['if-none-match'], image.etag)) {
          for (const name of NOT_REPEATED_IN_304) reply.raw.removeHeader(name);
          return await reply.code(304).send();
        }
        const bytes = await image.bytes();
        return await reply.header('content-type', 'image/jpeg').header('content-length', bytes.length).send(bytes);
      } catch (error) {
        return sendProblem(error, request, reply, logger);
      }
    },
  });
}

/** The route in the OpenAPI document, which Nest builds from its controllers only. */
export function documentMediaRoute(document: OpenAPIObject): void {
  const problem = (description: string) => ({
    description,
    content: { [PROBLEM_CONTENT_TYPE.split(';')[0]]: { schema: { type: 'object' } } },
  });
  document.paths['/m/{token}'] = {
    get: {
      tags: ['public media'],
      summary: 'A hosted website photo, served while consent clears its use',
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': {
          description: 'The web rendition (JPEG); 410 once consent no longer clears the use.',
          content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } },
        },
        '304': { description: 'Not modified (If-None-Match): still cleared, the cached copy may be shown.' },
        '404': problem('No hosted photo has this URL.'),
        '410': problem('Consent no longer clears this use; the URL never serves again.'),
        '429': problem('Too many requests from this address (Retry-After).'),
      },
    },
  };
}
