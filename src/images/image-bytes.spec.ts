import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import sharp from 'sharp';
import { isobmffLength, jpegLength, pngLength, riffLength, tiffLength, withoutTrailingData } from './image-bytes.js';

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
    for (const progressive of [false, true]) {
      const jpeg = await sharp(pixels(), { raw: { width: 96, height: 64, channels: 3 } })
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

  it('ends an AVIF after its last box: appended text does not read as one', async () => {
    const avif = await sharp(pixels(), { raw: { width: 96, height: 64, channels: 3 } })
      .avif()
      .toBuffer();
    assert.equal(isobmffLength(avif), avif.length);
    assert.ok(withoutTrailingData(Buffer.concat([avif, SCRIPT]), 'image/avif').equals(avif));
    // A box whose size is 0 runs to the end of the file, whatever is in it.
    const open = Buffer.concat([avif, Buffer.from([0, 0, 0, 0]), Buffer.from('free'), SCRIPT]);
    assert.equal(isobmffLength(open), open.length);
    assert.equal(isobmffLength(SCRIPT), null, 'not a box at all');
  });

  it('ends a TIFF after the last byte its IFDs, values, strips and tiles reference', async () => {
    const image = () => sharp(pixels(), { raw: { width: 96, height: 64, channels: 3 } });
    const variants = {
      strips: await image().tiff({ compression: 'none' }).toBuffer(),
      tiles: await image().tiff({ tile: true, tileWidth: 16, tileHeight: 16, compression: 'deflate' }).toBuffer(),
      exif: await image()
        .withExif({ IFD0: { Copyright: 'Clinic' }, IFD3: { GPSLatitudeRef: 'N' } })
        .tiff({ compression: 'lzw' })
        .toBuffer(),
      pyramid: await image().tiff({ pyramid: true, tile: true, tileWidth: 16, tileHeight: 16 }).toBuffer(),
    };
    for (const [name, tiff] of Object.entries(variants)) {
      assert.equal(tiffLength(tiff), tiff.length, name);
      const cut = withoutTrailingData(Buffer.concat([tiff, SCRIPT]), 'image/tiff');
      assert.ok(cut.equals(tiff), `${name}: the script is cut off`);
      await sharp(cut, { failOn: 'error' }).raw().toBuffer();
    }
  });

  it('reads big-endian TIFFs and gives up on damaged ones and BigTIFF rather than guessing', () => {
    const tiff = oneStripTiff(4);
    assert.equal(tiffLength(Buffer.concat([tiff, SCRIPT])), tiff.length);
    assert.equal(tiffLength(oneStripTiff(400, tiff.length)), null, 'a strip past the end of the file');
    assert.equal(tiffLength(oneStripTiff(0)), null, 'a strip whose length is left to the reader');
    const noByteCounts = bigEndianTiff([[273, 4, 1, ifdEnd(1)]], ifdEnd(1) + 4);
    assert.equal(tiffLength(noByteCounts), null, 'strips without byte counts');
    const looping = Buffer.from(tiff);
    looping.writeUInt32BE(8, ifdEnd(3) - 4);
    assert.equal(tiffLength(looping), tiff.length, 'an IFD chain that loops back is followed once');
    const bigTiff = Buffer.concat([tiff, SCRIPT]);
    bigTiff.writeUInt16BE(43, 2);
    assert.equal(tiffLength(bigTiff), null);
    assert.equal(withoutTrailingData(bigTiff, 'image/tiff'), bigTiff);
  });

  it('reads no more of a crafted TIFF than a real one needs', () => {
    // 2 000 entries of unknown tags, each 100 000 LONGs over the same bytes: skipped unread.
    const length = 8 + 400_000;
    const unknown = bigEndianTiff(
      Array.from({ length: 2000 }, (_, index) => [50_000 + index, 4, 100_000, 8] as [number, number, number, number]),
      length,
    );
    assert.equal(tiffLength(unknown), length);
    // Sub-IFD pointers by the hundred thousand, and strips by the million: refused, not read.
    assert.equal(tiffLength(bigEndianTiff([[330, 4, 300_000, 8]], 8 + 1_200_000)), null);
    const strips = bigEndianTiff(
      [
        [273, 3, 1_200_000, 8],
        [279, 3, 1_200_000, 8],
      ],
      8 + 2_400_000,
    );
    assert.equal(tiffLength(strips), null);
    assert.equal(withoutTrailingData(strips, 'image/tiff'), strips);
  });

  it('keeps an AVIF whole past a box of an unusual type', async () => {
    const avif = await sharp(pixels(), { raw: { width: 96, height: 64, channels: 3 } })
      .avif()
      .toBuffer();
    const odd = Buffer.concat([Buffer.from([0, 0, 0, 12]), Buffer.from([1, 2, 3, 4]), Buffer.from('data')]);
    const withOddBox = Buffer.concat([avif, odd]);
    assert.equal(isobmffLength(withOddBox), withOddBox.length);
  });
});

const SCRIPT = Buffer.from('<script>alert(1)</script>');

/** A 96×64 image of varied pixels, for real files of each format. */
function pixels(): Buffer {
  const bytes = Buffer.alloc(96 * 64 * 3, 0);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
  return bytes;
}

/** Where a classic TIFF's first IFD, at offset 8, ends with `entries` entries. */
const ifdEnd = (entries: number) => 8 + 2 + entries * 12 + 4;

/**
 * A big-endian TIFF of `length` bytes whose one IFD holds `entries` (tag, type, count, value or
 * offset); SHORT values are left-justified in the entry, as the format has them.
 */
function bigEndianTiff(entries: [tag: number, type: number, count: number, value: number][], length: number): Buffer {
  const tiff = Buffer.alloc(Math.max(length, ifdEnd(entries.length)));
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(entries.length, 8);
  for (const [index, [tag, type, count, value]] of entries.entries()) {
    const at = 10 + index * 12;
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    if (type === 3 && count === 1) tiff.writeUInt16BE(value, at + 8);
    else tiff.writeUInt32BE(value, at + 8);
  }
  return tiff;
}

/** One strip of `stripBytes` after an 8-byte ImageDescription stored after the IFD. */
function oneStripTiff(stripBytes: number, length = ifdEnd(3) + 8 + stripBytes): Buffer {
  const stripAt = ifdEnd(3) + 8;
  return bigEndianTiff(
    [
      [270, 2, 8, ifdEnd(3)], // ImageDescription, ASCII
      [273, 4, 1, stripAt], // StripOffsets, LONG
      [279, 3, 1, stripBytes], // StripByteCounts, SHORT
    ],
    length,
  );
}
