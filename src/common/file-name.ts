// Characters that change how a name displays or could be read as a path: C0 and C1 controls,
// bidirectional embeddings, overrides and isolates (a right-to-left override can make
// "photo\u202Egpj.exe" show as "photoexe.jpg"), zero-width marks, and path separators.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff/\\]/gu;
const MAX_FILE_NAME_LENGTH = 255;

/**
 * A client's file name made safe to show and to put in a Content-Disposition header: the last path
 * segment, without control or direction characters, at most 255 characters. Null when nothing is
 * left. It is only ever shown; objects are stored under keys the server makes.
 */
export function sanitizeFileName(name: string | undefined | null): string | null {
  if (!name) return null;
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment.normalize('NFC').replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  const limited = [...cleaned].slice(0, MAX_FILE_NAME_LENGTH).join('');
  return limited === '' || limited === '.' || limited === '..' ? null : limited;
}
