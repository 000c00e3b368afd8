import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { createToolApp } from '../src/app.js';
import { runCommand } from '../src/config/command.js';
import { loadConfig } from '../src/config/app-config.js';

// The API contract: the OpenAPI document the service serves, committed as docs/openapi.json for
// integrators, and the typed client generated from it for the web console (web/src/api/schema.ts).
//   write: regenerates both from the served document.
//   check: fails when either is not what the served document makes, or when the document fails
//          Redocly's lint (redocly.yaml); run by .ci/run, as the migration drift check is.
//   document FILE: writes the served document to FILE.
// The service is built but not listening, on DATABASE_URL or the embedded database under DATA_DIR.

const DOCUMENT = path.resolve('docs/openapi.json');
const CLIENT_SCHEMA = path.resolve('web/src/api/schema.ts');
const CLIENT_HEADER =
  '// Generated from the OpenAPI document the service serves by `npm run openapi`; do not edit.\n' +
  '// `npm run openapi:check` (in .ci/run) fails when this file and the document drift apart.\n\n';

const run = promisify(execFile);

async function servedDocument(): Promise<string> {
  // Only the database comes from the environment (and .env): every other setting keeps its default,
  // so the document does not depend on who makes it (the storage link route, for one, exists only
  // with the default local-disk store).
  const { database, dataDir } = loadConfig();
  const config = loadConfig(
    {
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      ...(database.migrationUrl ? { DATABASE_MIGRATION_URL: database.migrationUrl } : {}),
    },
    null,
  );
  const { app, close } = await createToolApp(config);
  try {
    await app.init();
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    const response = await fastify.inject({ method: 'GET', url: '/docs/json' });
    if (response.statusCode !== 200) throw new Error(`GET /docs/json answered ${response.statusCode}`);
    return `${JSON.stringify(JSON.parse(response.body), null, 2)}\n`;
  } finally {
    await close();
  }
}

const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier('Blob'));
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

async function clientSchema(document: string): Promise<string> {
  const source = astToString(
    await openapiTS(document, {
      alphabetize: true,
      // Files, sent in a multipart body or answered, are Blobs to fetch (openapi-typescript's own recipe).
      transform: (schema) =>
        schema.format === 'binary'
          ? schema.nullable
            ? ts.factory.createUnionTypeNode([BLOB, NULL])
            : BLOB
          : undefined,
    }),
  );
  return CLIENT_HEADER + source;
}

async function main(mode: string | undefined): Promise<number> {
  const documentFile = process.argv[3];
  if (!(mode === 'write' || mode === 'check' || (mode === 'document' && documentFile))) {
    process.stderr.write('usage: openapi write | check | document FILE\n');
    return 64;
  }
  const document = await servedDocument();
  if (mode === 'document') {
    await writeFile(documentFile, document);
    return 0;
  }
  const generated = await clientSchema(document);
  if (mode === 'write') {
    await writeFile(DOCUMENT, document);
    await writeFile(CLIENT_SCHEMA, generated);
    process.stdout.write(`wrote ${relative(DOCUMENT)} and ${relative(CLIENT_SCHEMA)}\n`);
    return 0;
  }

  const drifted: string[] = [];
  for (const [file, expected] of [
    [DOCUMENT, document],
    [CLIENT_SCHEMA, generated],
  ] as const) {
    if ((await readFile(file, 'utf8').catch(() => '')) !== expected) drifted.push(relative(file));
  }
  if (drifted.length > 0) {
    process.stderr.write(`${drifted.join(' and ')}: not what the served document makes; run \`npm run openapi\`.\n`);
    return 1;
  }
  // The committed document is the served one: lint it where it lives, so that the entries of
  // .redocly.lint-ignore.yaml apply.
  try {
    const { stdout, stderr } = await run('npx', ['--no-install', 'redocly', 'lint', relative(DOCUMENT)], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    process.stdout.write(stdout + stderr);
    return 0;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    process.stdout.write(stdout + stderr);
    return 1;
  }
}

function relative(file: string): string {
  return path.relative(process.cwd(), file);
}

runCommand(() => main(process.argv[2]));
