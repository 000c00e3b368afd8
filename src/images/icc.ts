/**
 * The description an ICC profile gives itself ('desc' tag, ICC v2 text or v4 multi-localized),
 * or null when the profile cannot be read.
 */
export function iccDescription(profile: Buffer): string | null {
  if (profile.length < 132) return null;
  const tagCount = profile.readUInt32BE(128);
  for (let index = 0; index < tagCount; index += 1) {
    const entry = 132 + index * 12;
    if (entry + 12 > profile.length) return null;
    if (profile.toString('latin1', entry, entry + 4) !== 'desc') continue;
    const offset = profile.readUInt32BE(entry + 4);
    const size = profile.readUInt32BE(entry + 8);
    if (offset + size > profile.length || size < 12) return null;
    const type = profile.toString('latin1', offset, offset + 4);
    if (type === 'desc') {
      const length = profile.readUInt32BE(offset + 8);
      return profile.toString('latin1', offset + 12, Math.min(offset + 12 + length, offset + size)).replace(/\0+$/, '');
    }
    if (type === 'mluc' && size >= 28) {
      const recordLength = profile.readUInt32BE(offset + 20);
      const recordOffset = profile.readUInt32BE(offset + 24);
      const start = offset + recordOffset;
      const text = profile.subarray(start, Math.min(start + recordLength, offset + size));
      // UTF-16BE: swap to little-endian for Node's decoder.
      return Buffer.from(text).swap16().toString('utf16le').replace(/\0+$/, '');
    }
    return null;
  }
  return null;
}

/**
 * Whether pixels tagged with this profile are already sRGB, so converting them to sRGB would change
 * nothing and can be skipped (it roughly doubles the cost of a large photo). Display P3, Adobe RGB
 * and the rest are converted.
 */
export function isSrgbProfile(profile: Buffer | undefined): boolean {
  if (!profile) return true;
  if (profile.length < 20 || profile.toString('latin1', 16, 20) !== 'RGB ') return false;
  const description = iccDescription(profile);
  return description !== null && /\bsRGB\b/i.test(description) && !/linear/i.test(description);
}
