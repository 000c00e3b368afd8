/** How far from the end a reader looks for `%%EOF`: Acrobat's tolerance, which other readers follow. */
const TRAILER_WINDOW = 1024;
const START_XREF = /^startxref\s+(\d{1,12})\s*%%EOF/;

/**
 * Whether a PDF ends as a complete file does: in its last kilobyte, `startxref` and the offset of
 * its cross-reference section, inside the file and past the header, then `%%EOF`. A file cut off
 * on the way (the commonest damage to an uploaded scan) or a bare header has none. This is not a
 * full parse: it tells a whole file from a broken one, not a good form from a bad one.
 */
export function hasPdfTrailer(bytes: Buffer): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - TRAILER_WINDOW)).toString('latin1');
  const at = tail.lastIndexOf('startxref');
  if (at < 0) return false;
  const match = START_XREF.exec(tail.slice(at));
  if (!match) return false;
  const offset = Number(match[1]);
  return offset >= '%PDF-1.0'.length && offset < bytes.length - tail.length + at;
}
