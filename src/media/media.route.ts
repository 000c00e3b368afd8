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
  const cacheControl = `public, max-age=${config.media.maxAgeSeconds}`;
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
          .header('cache-control', cacheControl)
          .header('cross-origin-resource-policy', 'cross-origin');
        if (request.headers['if-none-match'] === image.etag) return await reply.code(304).send();
        return await reply
          .header('content-type', 'image/jpeg')
          .header('content-length', image.bytes.length)
          .send(image.bytes);
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
        '304': { description: 'Not modified (If-None-Match).' },
        '404': problem('No hosted photo has this URL.'),
        '410': problem('Consent no longer clears this use; the URL never serves again.'),
        '429': problem('Too many requests from this address (Retry-After).'),
      },
    },
  };
}
