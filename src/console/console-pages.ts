import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DomainError } from '../common/domain-error.js';
import { sendProblem } from '../common/problem.filter.js';
import { Logger } from '@nestjs/common';

/** Where `vite build` puts the web console (web/vite.config.mjs): dist/public, beside dist/src (tsc compiles web/src/api into dist/web for the tests). */
export const WEB_BUILD_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/**
 * Paths the service answers itself: a request under one of them that no route took is the
 * service's 404 problem, never the console's page.
 */
const SERVICE_PATHS = /^\/(api|m|health|storage|docs|assets)(\/|$)/;

/** A page of the web build, read once at start; undefined when the console was not built. */
async function readPage(name: string): Promise<string | undefined> {
  return readFile(new URL(name, `file://${WEB_BUILD_DIR}`), 'utf8').catch(() => undefined);
}

/**
 * The web console at `/`: its hashed assets under /assets (cached for good, their names change
 * with their content), the patient pages at /portal (what a mailed sign-in link opens), and the
 * staff console's page for every other path a browser opens (its router draws the screen). Plain
 * Fastify routes like the media route: they serve files and need none of Nest's guards; the
 * security headers and the request log apply.
 */
export async function registerConsolePages(fastify: FastifyInstance): Promise<void> {
  const logger = new Logger('ConsolePages');
  const consolePage = await readPage('index.html');
  const portalPage = await readPage('portal.html');
  if (!consolePage) {
    logger.warn(`The web console is not built (no ${WEB_BUILD_DIR}index.html): run npm run build`);
  }
  await fastify.register(fastifyStatic, {
    root: `${WEB_BUILD_DIR}assets`,
    prefix: '/assets/',
    // The folder may not exist before the first build; the pages say how to build it.
    allowedPath: () => consolePage !== undefined,
    // Each script and style sheet has gzip and Brotli copies made at build (tools/build-web.mjs).
    preCompressed: true,
    immutable: true,
    maxAge: '365d',
    index: false,
    wildcard: true,
    decorateReply: false,
  });

  const sendPage = (page: string | undefined, reply: FastifyReply) => {
    if (page === undefined) {
      return sendProblem(
        new DomainError('console_not_built', 503, 'The web console is not built: run npm run build.'),
        reply.request,
        reply,
        logger,
      );
    }
    // The page names its assets by hash: it must be fetched again after every deployment.
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  };
  fastify.get('/portal', (_request, reply) => sendPage(portalPage, reply));
  fastify.get('/*', (request, reply) => {
    if (SERVICE_PATHS.test(request.url)) return reply.callNotFound();
    // A patient's link with a trailing slash (or a path under it) still opens the patient pages.
    if (request.url.startsWith('/portal/')) return sendPage(portalPage, reply);
    return sendPage(consolePage, reply);
  });
}
