import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { base32Decode, base32Encode, matchTotp, totpCode, totpStep, totpUri } from './totp.js';

// RFC 6238 appendix B, SHA-1 column: the secret is the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it('produces the RFC 6238 test vectors', () => {
    for (const [seconds, expected] of RFC_VECTORS) {
      assert.equal(totpCode(RFC_SECRET, totpStep(new Date(seconds * 1000)), 8), expected, `T=${seconds}`);
    }
  });

  it('encodes and decodes base32 as RFC 4648 does', () => {
    assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
    assert.equal(base32Decode('MZXW6YTBOI').toString(), 'foobar');
    assert.equal(base32Decode('mzxw 6ytb oi======').toString(), 'foobar');
    assert.throws(() => base32Decode('MZXW1'), /not base32/);
  });

  it('accepts the codes of the neighbouring steps and names the step matched', () => {
    const now = new Date('2026-03-02T09:00:10Z');
    const step = totpStep(now);
    assert.equal(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step), now), step);
    assert.equal(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), now), step - 1);
    assert.equal(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 1), now), step + 1);
    assert.equal(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 2), now), undefined);
    assert.equal(matchTotp(RFC_SECRET, 'abcdef', now), undefined);
    assert.equal(matchTotp(RFC_SECRET, '1234567', now), undefined);
  });

  it('builds the otpauth URI authenticator apps read', () => {
    const uri = new URL(totpUri('JBSWY3DPEHPK3PXP', 'Photo Consent Service', 'pat@clinic.test'));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.host, 'totp');
    assert.equal(decodeURIComponent(uri.pathname), '/Photo Consent Service:pat@clinic.test');
    assert.equal(uri.searchParams.get('secret'), 'JBSWY3DPEHPK3PXP');
    assert.equal(uri.searchParams.get('issuer'), 'Photo Consent Service');
    assert.equal(uri.searchParams.get('period'), '30');
  });
});
