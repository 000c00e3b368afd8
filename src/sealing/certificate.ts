import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** A PKCS#12 bundle (key and certificate chain) and the passphrase that opens it. */
export interface SealingCertificate {
  p12: Buffer;
  passphrase: string;
  /** The certificate's subject as a reader shows it, for the log and the signature page. */
  subject: string;
}

/**
 * A self-signed certificate for development: documents sealed with it verify as unaltered, but no
 * reader trusts who sealed them. The key pair comes from Node's crypto (forge's own is far slower).
 */
export function selfSignedCertificate(commonName: string, now: Date): SealingCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`;
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  certificate.validity.notAfter = new Date(now.getTime() + 5 * 365 * 24 * 3_600_000);
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Photo Consent Service (development, not trusted)' },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  certificate.sign(key, forge.md.sha256.create());
  const passphrase = randomBytes(24).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [certificate], passphrase, { algorithm: '3des' });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), passphrase, subject: commonName };
}

/** Opens a PKCS#12 bundle from configuration; throws a message naming what is wrong with it. */
export function readCertificate(p12: Buffer, passphrase: string, now: Date): SealingCertificate {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), passphrase);
  } catch (error) {
    throw new Error(
      `cannot be opened as PKCS#12 with SIGNING_CERTIFICATE_PASSPHRASE (${error instanceof Error ? error.message : 'unknown error'})`,
      { cause: error },
    );
  }
  const keys = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const certificates = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined);
  if (keys.length === 0 || certificates.length === 0) throw new Error('holds no private key or no certificate');
  const key = keys[0].key;
  const own = certificates.find((cert) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    return key !== undefined && publicKey.n?.equals(key.n) === true;
  });
  if (!own) throw new Error('holds no certificate for its private key (an RSA key is required)');
  if (own.validity.notAfter < now)
    throw new Error(`holds a certificate that expired on ${own.validity.notAfter.toISOString()}`);
  if (own.validity.notBefore > now) throw new Error('holds a certificate that is not valid yet');
  const commonName = own.subject.getField('CN') as { value: string } | null;
  return { p12, passphrase, subject: commonName?.value ?? own.subject.attributes.map((a) => a.value).join(', ') };
}
