import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, null);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('gives a working service with nothing set: embedded database, local storage under ./data', () => {
    const config = loadConfig({}, null);
    assert.equal(config.database.url, undefined);
    assert.equal(config.http.host, '127.0.0.1');
    assert.equal(config.http.port, 3000);
    assert.equal(config.dataDir, path.resolve('data'));
    assert.deepEqual(config.storage, {
      driver: 'local',
      rootDir: path.resolve('data', 'objects'),
      signingSecret: undefined,
    });
  });

  it('names each bad variable and what is wrong with it', () => {
    assert.deepEqual(problemsOf({ PORT: 'eighty' }), ['PORT must be a whole number (got "eighty")']);
    assert.deepEqual(problemsOf({ PORT: '70000', LOG_LEVEL: 'loud' }).length, 2);
    assert.match(
      problemsOf({ DATABASE_URL: 'mysql://x/y' })[0] ?? '',
      /^DATABASE_URL must be a URL starting with postgres:\/\//,
    );
    assert.deepEqual(problemsOf({ STORAGE_DRIVER: 's3' }), ['S3_BUCKET is required when STORAGE_DRIVER=s3']);
  });

  it('takes the clinic time zone by its IANA name, UTC unless set', () => {
    assert.equal(loadConfig({}, null).clinicTimeZone, 'UTC');
    assert.equal(loadConfig({ CLINIC_TIME_ZONE: 'America/New_York' }, null).clinicTimeZone, 'America/New_York');
    assert.match(
      problemsOf({ CLINIC_TIME_ZONE: 'Mars/Olympus' })[0] ?? '',
      /^CLINIC_TIME_ZONE must be an IANA time zone/,
    );
  });

  it('never echoes a secret value', () => {
    const [problem] = problemsOf({ STORAGE_SIGNING_SECRET: 'short-secret' });
    assert.equal(problem, 'STORAGE_SIGNING_SECRET must be at least 32 characters (value hidden)');
  });

  it('refuses half a credential pair', () => {
    assert.match(problemsOf({ S3_ACCESS_KEY_ID: 'AKIA' })[0] ?? '', /^S3_SECRET_ACCESS_KEY must be set together/);
  });

  it('reads .env, lets the real environment win, and treats empty values as unset', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pcs-config-'));
    try {
      const envFile = path.join(dir, '.env');
      await writeFile(envFile, 'PORT=4000\nLOG_LEVEL=debug\nS3_REGION=\n');
      const config = loadConfig({ LOG_LEVEL: 'warn' }, envFile);
      assert.equal(config.http.port, 4000);
      assert.equal(config.log.level, 'warn');
      assert.equal(config.http.publicBaseUrl, 'http://localhost:4000');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('builds the S3 settings', () => {
    const config = loadConfig(
      {
        STORAGE_DRIVER: 's3',
        S3_BUCKET: 'clinic-photos',
        S3_SSE: 'aws:kms',
        S3_SSE_KMS_KEY_ID: 'key-1',
        TRUST_PROXY: '1',
      },
      null,
    );
    assert.equal(config.storage.driver, 's3');
    assert.equal(config.http.trustProxy, 1);
    if (config.storage.driver === 's3') {
      assert.equal(config.storage.serverSideEncryption, 'aws:kms');
      assert.equal(config.storage.credentials, undefined, 'no keys: the default AWS credential chain');
    }
  });
});
