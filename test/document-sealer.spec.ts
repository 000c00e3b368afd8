import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { SystemClock } from '../src/common/clock.js';
import { loadConfig } from '../src/config/app-config.js';
import { selfSignedCertificate } from '../src/sealing/certificate.js';
import { DocumentSealer } from '../src/sealing/document-sealer.js';
import { signedFormPdf } from './support/images.js';

describe('DocumentSealer', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'pcs-sealer-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const sealerWith = (env: Record<string, string>) => new DocumentSealer(loadConfig(env, null), new SystemClock());

  it('seals with the configured certificate, whose subject the seal names', async () => {
    const certificate = selfSignedCertificate('Riverside Aesthetics', new Date());
    const file = path.join(folder, 'clinic.p12');
    await writeFile(file, certificate.p12);
    const sealer = sealerWith({
      SIGNING_CERTIFICATE_FILE: file,
      SIGNING_CERTIFICATE_PASSPHRASE: certificate.passphrase,
    });
    await sealer.onModuleInit();
    const sealed = await sealer.seal(signedFormPdf(), {
      reason: 'Signed release',
      location: 'Riverside Aesthetics',
      signingTime: new Date(),
    });
    const text = sealed.toString('latin1');
    assert.match(text, /\/SubFilter \/ETSI\.CAdES\.detached/);
    assert.match(text, /\/Name \(Riverside Aesthetics\)/);
    assert.match(text, /\/ByteRange \[0 \d+ \d+ \d+\]/);
  });

  it('refuses to start with a certificate it cannot open, naming the variable', async () => {
    const certificate = selfSignedCertificate('Riverside Aesthetics', new Date());
    const file = path.join(folder, 'wrong-passphrase.p12');
    await writeFile(file, certificate.p12);
    await assert.rejects(
      sealerWith({
        SIGNING_CERTIFICATE_FILE: file,
        SIGNING_CERTIFICATE_PASSPHRASE: 'not the passphrase',
      }).onModuleInit(),
      /SIGNING_CERTIFICATE_FILE .*wrong-passphrase\.p12 cannot be opened as PKCS#12/,
    );
    await assert.rejects(
      sealerWith({ SIGNING_CERTIFICATE_FILE: path.join(folder, 'missing.p12') }).onModuleInit(),
      /SIGNING_CERTIFICATE_FILE .*missing\.p12 cannot be read \(ENOENT\)/,
    );
    const expired = selfSignedCertificate('Expired', new Date('2015-01-01T00:00:00Z'));
    const expiredFile = path.join(folder, 'expired.p12');
    await writeFile(expiredFile, expired.p12);
    await assert.rejects(
      sealerWith({
        SIGNING_CERTIFICATE_FILE: expiredFile,
        SIGNING_CERTIFICATE_PASSPHRASE: expired.passphrase,
      }).onModuleInit(),
      /holds a certificate that expired on 2019/,
    );
  });

  it('is required in production', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production' }, null),
      /SIGNING_CERTIFICATE_FILE is required in production/,
    );
  });
});
