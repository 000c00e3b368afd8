import helmet from 'helmet';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { API_PREFIX } from './common/api-prefix.js';
import { AppConfig } from './config/app-config.js';
import { EmbeddedPostgres } from './database/embedded-postgres.js';
import { countBufferMemoryInHeapLimit } from './common/gc-policy.js';
import { ProblemFilter } from './common/problem.filter.js';
import { documentMediaRoute, registerMediaRoute } from './media/media.route.js';
import { MediaService } from './media/media.service.js';
import { assignRequestId, REQUEST_ID_HEADER } from './common/request-id.js';
import { registerUploadAdmission, UploadWorkInterceptor } from './common/upload-admission.js';
import { createValidationPipe } from './common/validation.js';
import { parseJsonBody } from './common/json-body.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { registerConsolePages } from './console/console-pages.js';

export { API_PREFIX };
/** GET routes outside the prefix: probes and the local store's presigned links. */
export const UNPREFIXED_ROUTES = ['health/live', 'health/ready', 'storage/:token'];

// A request's whole body must arrive within this (Fastify sets no limit): a client that stalls
// would otherwise keep its connection, and an upload's place, for ever. A 40 MB photo needs about
// 1.1 Mbit/s to arrive in time.
const REQUEST_TIMEOUT_MS = 5 * 60_000;

// Capability tokens (presigned storage links, later public media) are longer than Fastify's
// default limit of 100 characters for one path parameter.
const MAX_PATH_PARAM_LENGTH = 2048;

/** Builds the HTTP application with every cross-cutting behaviour; the caller decides when to listen. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  migrationUrl?: string,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl, migrationUrl),
    createHttpAdapter(config),
    { bufferLogs: true },
  );
  await configureApp(app);
  return app;
}

/**
 * The application for a command-line tool, not listening unless the tool makes it: on DATABASE_URL,
 * or on the embedded server under DATA_DIR, which `close` stops after the application.
 */
export async function createToolApp(
  config: AppConfig,
): Promise<{ app: NestFastifyApplication; close: () => Promise<void> }> {
  const embedded = config.database.url
    ? undefined
    : new EmbeddedPostgres({ dataDir: config.dataDir, log: () => undefined });
  const urls = embedded
    ? await embedded.start()
    : { url: config.database.url as string, migrationUrl: config.database.migrationUrl };
  const app = await createApp(config, urls.url, urls.migrationUrl).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  return {
    app,
    close: async () => {
      await app.close().finally(() => embedded?.stop());
    },
  };
}

export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    logger: false,
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: fastifyTrustProxy(config.http.trustProxy),
    genReqId: assignRequestId,
    forceCloseConnections: 'idle',
    requestTimeout: REQUEST_TIMEOUT_MS,
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
  });
}

/** Fastify takes a hop count as a function: trust the nearest `hops` proxies. */
function fastifyTrustProxy(setting: AppConfig['http']['trustProxy']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/** Everything that is set on the application rather than in a module; tests build through this too. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  countBufferMemoryInHeapLimit();
  app.useLogger(app.get(Logger));
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  // Answers carry patient data: no shared or browser cache keeps them unless a route says otherwise.
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
  // Security headers. Helmet's middleware is built once: @fastify/helmet rebuilt it on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The OpenAPI viewer at /docs styles itself inline and shows data: images.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The patient pages show the patient's thumbnails from blob: URLs (fetched with their session).
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });

  registerMediaRoute(fastify, app.get(MediaService), app.get(AppConfig));
  await registerConsolePages(fastify);
  registerUploadAdmission(fastify, app.get(AppConfig).http.uploads);

  app.useBodyParser('application/json', {}, parseJsonBody);
  // Upload routes read their parts themselves, with limits of their own (src/common/multipart.ts).
  await app.register(multipart);
  // The web console's session cookie (src/auth/browser-session.ts).
  await app.register(cookie);

  app.setGlobalPrefix(API_PREFIX, {
    exclude: UNPREFIXED_ROUTES.map((path) => ({ path, method: RequestMethod.GET })),
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new UploadWorkInterceptor());
  app.useGlobalFilters(new ProblemFilter());

  const document = buildOpenApiDocument(app, documentMediaRoute);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}
