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
 * The length of an ISOBMFF file (AVIF) up to the end of its last top-level box, or null when its
 * first box cannot be read. What follows the boxes and does not read as one (a four-character type
 * and a size within the file) is not part of the image: appended text reads as a size of hundreds
 * of megabytes, past the end of any file the size cap lets through.
 */
export function isobmffLength(bytes: Buffer): number | null {
  let offset = 0;
  while (offset + 8 <= bytes.length) {
    if (!/^[\x20-\x7e]{4}$/.test(bytes.toString('latin1', offset + 4, offset + 8))) break;
    let size = bytes.readUInt32BE(offset);
    let headerLength = 8;
    if (size === 0) return bytes.length; // the last box, running to the end of the file
    if (size === 1) {
      if (offset + 16 > bytes.length) break;
      size = Number(bytes.readBigUInt64BE(offset + 8));
      headerLength = 16;
    }
    if (size < headerLength || offset + size > bytes.length) break;
    offset += size;
  }
  return offset > 0 ? offset : null;
}

/** Bytes per value of each TIFF field type (6.0 and the IFD type of TIFF/EP); other types are skipped. */
const TIFF_TYPE_BYTES = new Map([
  [1, 1],
  [2, 1],
  [3, 2],
  [4, 4],
  [5, 8],
  [6, 1],
  [7, 1],
  [8, 2],
  [9, 4],
  [10, 8],
  [11, 4],
  [12, 8],
  [13, 4],
]);
const TIFF_SHORT = 3;
const TIFF_LONG = 4;
const TIFF_IFD = 13;
/** Tags whose values are offsets of further IFDs: SubIFDs, Exif, GPS and interoperability. */
const TIFF_SUB_IFD_TAGS = new Set([330, 34665, 34853, 40965]);
/** Offsets and byte counts of data: strips, tiles and an old-style JPEG thumbnail. */
const TIFF_DATA_TAGS: [offsets: number, byteCounts: number][] = [
  [273, 279],
  [324, 325],
  [513, 514],
];
/** More IFDs than any real file has: a chain that long is damaged or built to make us loop. */
const TIFF_MAX_IFDS = 1000;

/**
 * The length of a classic TIFF up to the furthest byte its structure references: every IFD, every
 * value stored outside its entry, every strip or tile, followed through the IFD chain and the
 * Exif, GPS and sub-IFDs. Null when the structure cannot be followed or runs past the end of the
 * file (damaged: the decoder will say so), and for BigTIFF, which is stored as received.
 */
export function tiffLength(bytes: Buffer): number | null {
  if (bytes.length < 8) return null;
  const order = bytes.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  if (u16(2) !== 42) return null;
  let end = 8;
  const reach = (to: number) => {
    if (to > bytes.length) return false;
    end = Math.max(end, to);
    return true;
  };
  const pending = [u32(4)];
  const visited = new Set<number>();
  while (pending.length > 0) {
    const ifd = pending.pop() as number;
    if (ifd === 0 || visited.has(ifd)) continue;
    if (visited.size >= TIFF_MAX_IFDS || ifd + 2 > bytes.length) return null;
    visited.add(ifd);
    const entries = u16(ifd);
    const next = ifd + 2 + entries * 12;
    if (!reach(next + 4)) return null;
    const numbers = new Map<number, number[]>();
    for (let entry = ifd + 2; entry < next; entry += 12) {
      const tag = u16(entry);
      const type = u16(entry + 2);
      const count = u32(entry + 4);
      const size = TIFF_TYPE_BYTES.get(type);
      if (size === undefined) continue;
      const valueAt = size * count <= 4 ? entry + 8 : u32(entry + 8);
      if (!reach(valueAt + size * count)) return null;
      if (type !== TIFF_SHORT && type !== TIFF_LONG && type !== TIFF_IFD) continue;
      const values = Array.from({ length: count }, (_, index) =>
        type === TIFF_SHORT ? u16(valueAt + 2 * index) : u32(valueAt + 4 * index),
      );
      if (TIFF_SUB_IFD_TAGS.has(tag) || type === TIFF_IFD) pending.push(...values);
      numbers.set(tag, values);
    }
    for (const [offsetsTag, byteCountsTag] of TIFF_DATA_TAGS) {
      const offsets = numbers.get(offsetsTag) ?? [];
      const byteCounts = numbers.get(byteCountsTag) ?? [];
      for (const [index, offset] of offsets.entries()) {
        if (!reach(offset + (byteCounts[index] ?? 0))) return null;
      }
    }
    pending.push(u32(next));
  }
  return end;
}

/**
 * The image without anything appended after its end, for every accepted type: JPEG, PNG and WebP
 * by their structure's end, AVIF after its last box, TIFF after the last byte its IFDs reference.
 */
export function withoutTrailingData(bytes: Buffer, contentType: string): Buffer {
  const length =
    contentType === 'image/jpeg'
      ? jpegLength(bytes)
      : contentType === 'image/png'
        ? pngLength(bytes)
        : contentType === 'image/webp'
          ? riffLength(bytes)
          : contentType === 'image/avif'
            ? isobmffLength(bytes)
            : contentType === 'image/tiff'
              ? tiffLength(bytes)
              : null;
  return length !== null && length < bytes.length ? bytes.subarray(0, length) : bytes;
}
