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
 * first box cannot be read. What follows the boxes and does not read as one, a size that fits in
 * what is left of the file, is not part of the image: appended text reads as a size of hundreds of
 * megabytes, past the end of any file the size cap lets through. Box types are not checked, so a
 * valid file with an unusual one is not cut short.
 */
export function isobmffLength(bytes: Buffer): number | null {
  let offset = 0;
  while (offset + 8 <= bytes.length) {
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

/**
 * Bytes per value of each TIFF field type, by type number: BYTE, ASCII, SHORT, LONG, RATIONAL,
 * SBYTE, UNDEFINED, SSHORT, SLONG, SRATIONAL, FLOAT, DOUBLE (6.0) and IFD (TIFF/EP). Other types
 * are skipped, as readers do.
 */
const TIFF_TYPE_BYTES = [undefined, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
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
const TIFF_DATA_TAG_SET = new Set(TIFF_DATA_TAGS.flat());
/** More IFDs than any real file has: a chain that long is damaged or built to make us loop. */
const TIFF_MAX_IFDS = 1000;
/**
 * The most offsets and byte counts read from one file (a 100 MP image in 256-pixel tiles has
 * some 1 500 of each): every value is read on the event loop, and a crafted file can point
 * thousands of entries of millions of values each at the same bytes.
 */
const TIFF_MAX_VALUES = 1_000_000;

/** Where a SHORT or LONG field's values are, read one at a time rather than into arrays. */
interface TiffNumbers {
  type: number;
  count: number;
  at: number;
}

/**
 * The length of a classic TIFF up to the furthest byte its structure references: every IFD, every
 * value stored outside its entry, every strip or tile, followed through the IFD chain and the
 * Exif, GPS and sub-IFDs. Null, so that the file is stored as received, when the structure cannot
 * be followed, runs past the end of the file (damaged: the decoder will say so), leaves a strip's
 * length for the reader to guess, or is larger than any real file's; and for BigTIFF.
 */
export function tiffLength(bytes: Buffer): number | null {
  if (bytes.length < 8) return null;
  const order = bytes.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const valueOf = ({ type, at }: TiffNumbers, index: number) =>
    type === TIFF_SHORT ? u16(at + 2 * index) : u32(at + 4 * index);
  if (u16(2) !== 42) return null;
  let end = 8;
  const reach = (to: number) => {
    if (to > bytes.length) return false;
    end = Math.max(end, to);
    return true;
  };
  let valuesRead = 0;
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
    const data = new Map<number, TiffNumbers>();
    for (let entry = ifd + 2; entry < next; entry += 12) {
      const tag = u16(entry);
      const type = u16(entry + 2);
      const count = u32(entry + 4);
      const size = TIFF_TYPE_BYTES[type];
      if (size === undefined) continue;
      const at = size * count <= 4 ? entry + 8 : u32(entry + 8);
      if (!reach(at + size * count)) return null;
      const pointsToIfds = TIFF_SUB_IFD_TAGS.has(tag) || type === TIFF_IFD;
      if (!pointsToIfds && !TIFF_DATA_TAG_SET.has(tag)) continue;
      if (type !== TIFF_SHORT && type !== TIFF_LONG && type !== TIFF_IFD) continue;
      valuesRead += count;
      if (valuesRead > TIFF_MAX_VALUES) return null;
      const numbers = { type, count, at };
      if (!pointsToIfds) {
        data.set(tag, numbers);
        continue;
      }
      for (let index = 0; index < count; index += 1) pending.push(valueOf(numbers, index));
      if (pending.length > TIFF_MAX_IFDS) return null;
    }
    for (const [offsetsTag, byteCountsTag] of TIFF_DATA_TAGS) {
      const offsets = data.get(offsetsTag);
      if (!offsets) continue;
      // Without every length, libtiff estimates one; a guess is not where the image ends.
      const byteCounts = data.get(byteCountsTag);
      if (!byteCounts || byteCounts.count < offsets.count) return null;
      for (let index = 0; index < offsets.count; index += 1) {
        const byteCount = valueOf(byteCounts, index);
        if (byteCount === 0 || !reach(valueOf(offsets, index) + byteCount)) return null;
      }
    }
    pending.push(u32(next));
  }
  return end;
}

/**
 * The image without anything appended after its end, for every accepted type: JPEG, PNG and WebP
 * by their structure's end, AVIF after its last box, TIFF after the last byte its IFDs reference.
 * A file whose end cannot be found is kept whole; so is one that trips up a reader here, which
 * must never turn an upload the decoder would take into an error.
 */
export function withoutTrailingData(bytes: Buffer, contentType: string): Buffer {
  let length: number | null;
  try {
    length =
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
  } catch {
    length = null;
  }
  return length !== null && length < bytes.length ? bytes.subarray(0, length) : bytes;
}
