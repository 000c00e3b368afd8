import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import sharp from 'sharp';
import { rightsXmpPacket, withXmp } from './xmp.js';

describe('rights XMP in a JPEG', () => {
  const rights = {
    usageTerms: 'Channels: website. The face must not be shown <&> "quoted"\u0001.',
    modelReleaseStatus: 'MR-LMR' as const,
    modelReleaseId: '5c1b7a9e-2f0d-4c55-9a43-1f7f5e0c2d11/v2',
    licenseEndDate: new Date('2031-03-01T00:00:00Z'),
  };

  it('splices an APP1 segment in without re-encoding, and a decoder reads the packet back', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    const tagged = withXmp(jpeg, rightsXmpPacket(rights));
    assert.ok(
      tagged.subarray(tagged.length - jpeg.length + 20).equals(jpeg.subarray(20)),
      'the scan data is untouched',
    );
    const metadata = await sharp(tagged).metadata();
    assert.equal(metadata.width, 64);
    const xmp = metadata.xmp?.toString('utf8') ?? '';
    assert.match(
      xmp,
      /<plus:ModelReleaseStatus>http:\/\/ns\.useplus\.org\/ldf\/vocab\/MR-LMR<\/plus:ModelReleaseStatus>/,
    );
    assert.match(xmp, /<rdf:li>5c1b7a9e-2f0d-4c55-9a43-1f7f5e0c2d11\/v2<\/rdf:li>/);
    assert.match(xmp, /<plus:LicenseEndDate>2031-03-01T00:00:00.000Z<\/plus:LicenseEndDate>/);
    assert.match(xmp, /The face must not be shown &#60;&#38;&#62; &#34;quoted&#34;\./);
    assert.ok(!xmp.includes('\u0001'), 'no control characters XML cannot carry');
    const pixels = await sharp(jpeg).raw().toBuffer();
    assert.ok((await sharp(tagged).raw().toBuffer()).equals(pixels));
  });

  it('leaves out what is not known', () => {
    const packet = rightsXmpPacket({
      ...rights,
      modelReleaseStatus: 'MR-NON',
      modelReleaseId: null,
      licenseEndDate: null,
    });
    assert.match(packet, /MR-NON/);
    assert.ok(!packet.includes('ModelReleaseID') && !packet.includes('LicenseEndDate'));
  });

  it('refuses what is not a JPEG', () => {
    assert.throws(() => withXmp(Buffer.from('GIF89a'), rightsXmpPacket(rights)), /not a JPEG/);
  });
});
