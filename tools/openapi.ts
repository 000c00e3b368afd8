import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp } from '../src/app.js';
import { runCommand } from '../src/common/command.js';
import { loadConfig } from '../src/config/app-config.js';
import { EmbeddedPostgres } from '../src/database/embedded-postgres.js';

// The API contract: the OpenAPI document the service serves, linted, and the typed client generated
// from it for the web console.
//   document FILE: writes the served document to FILE.
//   write: regenerates the committed client (web/src/api/schema.ts) from the served document.
//   check: lints the served document with Redocly's recommended rules and fails when the committed
//          client is not what the served document generates (run by .ci/run, as the migration check).
// The service is built but not listening, on DATABASE_URL or the embedded database under DATA_DIR.

const CLIENT_SCHEMA = path.resolve('web/src/api/schema.ts');
const CLIENT_HEADER =
  '// Generated from the OpenAPI document the service serves by `npm run openapi`; do not edit.\n' +
  '// `npm run openapi:check` (in .ci/run) fails when this file and the document drift apart.\n\n';

const run = promisify(execFile);

async function servedDocument(): Promise<string> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...process.env });
  let embedded: EmbeddedPostgres | undefined;
  let urls = { url: config.database.url, migrationUrl: config.database.migrationUrl };
  if (!urls.url) {
    embedded = new EmbeddedPostgres({ dataDir: config.dataDir, log: () => undefined });
    urls = await embedded.start();
  }
  try {
    const app = await createApp(config, urls.url as string, urls.migrationUrl);
    try {
      await app.init();
      const fastify = app.getHttpAdapter().getInstance();
      await fastify.ready();
      const response = await fastify.inject({ method: 'GET', url: '/docs/json' });
      if (response.statusCode !== 200) throw new Error(`GET /docs/json answered ${response.statusCode}`);
      return `${JSON.stringify(JSON.parse(response.body), null, 2)}\n`;
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.stop();
  }
}

async function clientSchema(document: string): Promise<string> {
  const source = astToString(await openapiTS(document, { alphabetize: true }));
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
    await writeFile(CLIENT_SCHEMA, generated);
    process.stdout.write(`wrote ${path.relative(process.cwd(), CLIENT_SCHEMA)}\n`);
    return 0;
  }

  const directory = await mkdtemp(path.join(tmpdir(), 'pcs-openapi-'));
  let failed = false;
  try {
    const linted = path.join(directory, 'openapi.json');
    await writeFile(linted, document);
    try {
      const { stdout, stderr } = await run('npx', ['--no-install', 'redocly', 'lint', '--format=stylish', linted]);
      process.stdout.write(stdout + stderr);
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      process.stdout.write(stdout + stderr);
      failed = true;
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  const committed = await readFile(CLIENT_SCHEMA, 'utf8').catch(() => '');
  if (committed !== generated) {
    process.stderr.write(
      `${path.relative(process.cwd(), CLIENT_SCHEMA)} is not what the served document generates: run \`npm run openapi\`.\n`,
    );
    failed = true;
  }
  return failed ? 1 : 0;
}

runCommand(() => main(process.argv[2]));
