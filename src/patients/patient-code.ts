import { randomInt } from 'node:crypto';

// Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or copied by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 5;

/** A new pseudonymous patient code such as `P-7KQ2M` (about 33 million possible). */
export function newPatientCode(): string {
  let code = 'P-';
  for (let index = 0; index < LENGTH; index += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export const PATIENT_CODE_PATTERN = /^P-[0-9A-HJKMNP-TV-Z]{5}$/;

/** Lower case, without diacritics or repeated spaces: how names are stored for search. */
export function searchableName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
