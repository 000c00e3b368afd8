// Where an image file's own data ends. Anything after it (a script, a phone's motion-photo video,
// a second file) is not part of the image and is not stored.

const JPEG_EOI = 0xd9;
const JPEG_SOS = 0xda;

/**
 * The length of a JPEG up to and including its end-of-image marker, or null when the structure
 * cannot be followed. Segments are skipped by their lengths, so a thumbnail inside EXIF (with its
 * own end marker) does not end the image early; in entropy-coded data FF is followed by 00 (a
 * stuffed byte) or a restart marker, so the first other marker there ends the scan.
 */
export function jpegLength(bytes: Buffer): number | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 1 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    let marker = bytes[offset + 1];
    // Fill bytes before a marker.
    while (marker === 0xff && offset + 2 < bytes.length) {
      offset += 1;
      marker = bytes[offset + 1];
    }
    if (marker === JPEG_EOI) return offset + 2;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    if (offset + 3 >= bytes.length) return null;
    const segmentLength = bytes.readUInt16BE(offset + 2);
    offset += 2 + segmentLength;
    if (marker === JPEG_SOS) {
      // Entropy-coded data runs to the next marker that is not a stuffed byte or a restart. The
      // search for FF is indexOf's (memchr): a byte loop in JS took 35 ms over a 9 MB photo.
      for (;;) {
        offset = bytes.indexOf(0xff, offset);
        if (offset === -1 || offset + 1 >= bytes.length) return null;
        const next = bytes[offset + 1];
        if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break;
        offset += 2;
      }
    }
  }
  return null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The length of a PNG up to the end of its IEND chunk, or null when the chunks cannot be followed. */
export function pngLength(bytes: Buffer): number | null {
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const dataLength = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    offset += 12 + dataLength;
    if (type === 'IEND') return offset <= bytes.length ? offset : null;
  }
  return null;
}

/** The length a RIFF container (WebP) declares for itself, or null. */
export function riffLength(bytes: Buffer): number | null {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'RIFF') return null;
  const length = 8 + bytes.readUInt32LE(4);
  return length <= bytes.length ? length : null;
}

/**
 * The image without anything appended after its end, for the formats whose end can be found from
 * their structure (JPEG, PNG, WebP). TIFF and AVIF are stored as received.
 */
export function withoutTrailingData(bytes: Buffer, contentType: string): Buffer {
  const length =
    contentType === 'image/jpeg'
      ? jpegLength(bytes)
      : contentType === 'image/png'
        ? pngLength(bytes)
        : contentType === 'image/webp'
          ? riffLength(bytes)
          : null;
  return length !== null && length < bytes.length ? bytes.subarray(0, length) : bytes;
}
