import { Logger } from '@nestjs/common';
import type { HeaderObject, OpenAPIObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../common/domain-error.js';
import { PROBLEM_CONTENT_TYPE, sendProblem } from '../common/problem.filter.js';
import type { AppConfig } from '../config/app-config.js';
import { ETAG_HEADER } from '../common/api-docs.js';
import { PROBLEM_CODES, type ProblemCode } from '../common/problem-codes.js';
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

/** A problem answer of the media route, in the shared Problem schema (added by src/openapi). */
function problemResponse(codes: ProblemCode[], extra?: SchemaObject): ResponseObject {
  return {
    description: codes.map((code) => `- \`${code}\`: ${PROBLEM_CODES[code]}`).join('\n'),
    content: {
      [PROBLEM_CONTENT_TYPE.split(';')[0]]: {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/Problem' },
            { type: 'object', properties: { code: { type: 'string', enum: codes } } },
            ...(extra ? [extra] : []),
          ],
        },
      },
    },
  };
}

/**
 * The route in the OpenAPI document, which Nest builds from its controllers only. Written here by
 * hand, so it must follow the handler above: the document's shared parts (X-Request-Id, Retry-After
 * on 429) are added to it like to every operation.
 */
export function documentMediaRoute(document: OpenAPIObject): void {
  const cacheControl: HeaderObject = {
    description:
      '`public, no-cache`: a browser or CDN may keep the image but must revalidate it (If-None-Match) before ' +
      'every use, so the photo stops showing as soon as consent ends.',
    schema: { type: 'string', example: CACHE_CONTROL },
  };
  document.paths['/m/{token}'] = {
    get: {
      operationId: 'MediaRoute_image',
      tags: ['media'],
      summary: 'Get a hosted website photo while consent clears it',
      description:
        'The public URL of a hosted `website` publication (its `mediaUrl`), for the clinic’s pages to embed: no ' +
        'credentials, and nothing in the URL or the answer identifies the patient. Each request is checked ' +
        'against consent as it is now; once consent no longer clears the use, the publication is taken down and ' +
        'the URL answers 410 for good, even if consent comes back. Requests are rate-limited per client address.',
      security: [],
      parameters: [
        {
          name: 'token',
          in: 'path',
          required: true,
          description: 'The random token of the hosted publication’s `mediaUrl`; any other value answers 404.',
          schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{32}$' },
        },
        {
          name: 'If-None-Match',
          in: 'header',
          required: false,
          description:
            'The `ETag` of a copy held (or `*`): while the use is still cleared and the image unchanged, the answer ' +
            'is 304 without the bytes.',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': {
          description: 'The web rendition (JPEG, at most 2048 px on the long edge, no metadata).',
          headers: {
            ETag: ETAG_HEADER,
            'Cache-Control': cacheControl,
            'Cross-Origin-Resource-Policy': {
              description: '`cross-origin`: the image may be embedded by the clinic’s site, another origin.',
              schema: { type: 'string' },
            },
          },
          content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } },
        },
        '304': {
          description: 'Not modified: `If-None-Match` matched and the use is still cleared; show the copy held.',
          headers: { ETag: ETAG_HEADER, 'Cache-Control': cacheControl },
        },
        '404': problemResponse(['not_found', 'object_not_found']),
        '410': problemResponse(['media_gone']),
        '429': problemResponse(['rate_limited'], {
          type: 'object',
          properties: {
            retryAfterSeconds: { type: 'integer', minimum: 1, description: 'The same as `Retry-After`.' },
          },
        }),
      },
    },
  };
}
