import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { knownVariables } from '../src/config/config.schema.js';

// Docker does not run where the tests run, so these files are kept honest by reading them.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface ComposeFile {
  services: Record<string, { environment?: Record<string, unknown> | string[]; build?: unknown; image?: string }>;
}

function variableNames(environment: Record<string, unknown> | string[] | undefined): string[] {
  if (!environment) return [];
  return Array.isArray(environment)
    ? environment.map((entry) => entry.split('=', 1)[0] ?? '')
    : Object.keys(environment);
}

describe('deployment files', () => {
  it('compose sets only variables the service knows, and wires the database and S3', async () => {
    const compose = parse(await readFile(path.join(ROOT, 'docker', 'compose.yaml'), 'utf8')) as ComposeFile;
    const app = compose.services.app;
    assert.ok(app?.build, 'the compose file builds the service');
    const names = variableNames(app.environment);
    const unknown = names.filter((name) => !knownVariables.includes(name));
    assert.deepEqual(unknown, [], `compose sets variables the config does not know: ${unknown.join(', ')}`);
    for (const required of [
      'DATABASE_URL',
      'STORAGE_DRIVER',
      'S3_ENDPOINT',
      'S3_BUCKET',
      'HOST',
      'SIGNING_CERTIFICATE_FILE',
    ]) {
      assert.ok(names.includes(required), `compose sets ${required}`);
    }
    assert.equal(compose.services.postgres?.image, 'postgres:17');
    assert.match(compose.services.minio?.image ?? '', /^minio\/minio/);
  });

  it('.env.example documents exactly the variables the service reads', async () => {
    const example = await readFile(path.join(ROOT, '.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
    assert.deepEqual([...documented].sort(), [...knownVariables].sort());
  });

  it('the Dockerfile builds on Node 24, runs as a non-root user with production dependencies only', async () => {
    const dockerfile = await readFile(path.join(ROOT, 'docker', 'Dockerfile'), 'utf8');
    const stages = dockerfile.match(/^FROM .+$/gm) ?? [];
    assert.ok(stages.length >= 2, 'multi-stage');
    for (const stage of stages) assert.match(stage, /^FROM node:24-slim/);
    assert.match(dockerfile, /npm ci --omit=dev/);
    assert.doesNotMatch(dockerfile, /--omit=optional/, 'sharp’s native binary is an optional dependency');
    assert.match(dockerfile, /^USER node$/m);
    assert.match(dockerfile, /HEALTHCHECK[\s\S]*\/health\/live/, 'the health check is liveness, not readiness');
  });
});
