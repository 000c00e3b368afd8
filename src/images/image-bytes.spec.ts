import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { jpegLength, pngLength, riffLength, withoutTrailingData } from './image-bytes.js';

const segment = (marker: number, payload: Buffer) =>
  Buffer.concat([
    Buffer.from([0xff, marker]),
    Buffer.from([(payload.length + 2) >> 8, (payload.length + 2) & 0xff]),
    payload,
  ]);

// SOI, an APP1 holding a thumbnail JPEG (with its own end marker), a scan whose data holds a
// stuffed FF00 and a restart marker, then EOI.
const thumbnail = Buffer.from([0xff, 0xd8, 0x01, 0x02, 0xff, 0xd9]);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0'), thumbnail])),
  segment(0xda, Buffer.from([1, 2, 3])),
  Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]),
  Buffer.from([0xff, 0xd9]),
]);

describe('where an image ends', () => {
  it('follows JPEG segments past an embedded thumbnail and through stuffed bytes to the real end', () => {
    assert.equal(jpegLength(JPEG), JPEG.length);
    const withScript = Buffer.concat([JPEG, Buffer.from('<script>alert(1)</script>')]);
    assert.ok(withoutTrailingData(withScript, 'image/jpeg').equals(JPEG));
  });

  it('finds the end of real baseline and progressive JPEGs (several scans)', async () => {
    const pixels = Buffer.alloc(96 * 64 * 3, 0);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919) % 251;
    for (const progressive of [false, true]) {
      const jpeg = await sharp(pixels, { raw: { width: 96, height: 64, channels: 3 } })
        .jpeg({ progressive, quality: 95 })
        .toBuffer();
      assert.equal(jpegLength(Buffer.concat([jpeg, Buffer.from([0xff, 0xd9, 0xff, 0xd8])])), jpeg.length);
    }
  });

  it('gives up on a JPEG without an end marker rather than guessing', () => {
    assert.equal(jpegLength(JPEG.subarray(0, JPEG.length - 2)), null);
    assert.equal(jpegLength(Buffer.from('not a jpeg')), null);
  });

  it('ends a PNG after IEND and a WebP at its RIFF length', () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('IEND'),
      Buffer.from([0xae, 0x42, 0x60, 0x82]),
    ]);
    assert.equal(pngLength(Buffer.concat([png, Buffer.from('trailer')])), png.length);
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WEBP')]);
    assert.equal(riffLength(Buffer.concat([webp, Buffer.from('x')])), 12);
  });

  it('leaves formats it cannot delimit as they are', () => {
    const tiff = Buffer.from('II*\0 and more');
    assert.equal(withoutTrailingData(tiff, 'image/tiff'), tiff);
  });
});
