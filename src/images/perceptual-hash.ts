/**
 * The 64-bit difference hash of a 9×8 greyscale image (row by row, one bit per neighbouring pair:
 * 1 when the left pixel is brighter). Resizing and recompressing move only a few bits.
 */
export function differenceHash(pixels: Uint8Array): bigint {
  if (pixels.length !== 72) throw new Error(`a difference hash needs 9×8 pixels, got ${pixels.length}`);
  let hash = 0n;
  for (let row = 0; row < 8; row += 1) {
    for (let column = 0; column < 8; column += 1) {
      const left = pixels[row * 9 + column];
      const right = pixels[row * 9 + column + 1];
      hash = (hash << 1n) | (left > right ? 1n : 0n);
    }
  }
  return hash;
}

/** PostgreSQL's bigint is signed: the same 64 bits read as a signed number. */
export function hashToBigintColumn(hash: bigint): string {
  return BigInt.asIntN(64, hash).toString();
}

/** 16 hex digits, the form the API shows. */
export function hashToHex(column: string | bigint): string {
  return BigInt.asUintN(64, BigInt(column)).toString(16).padStart(16, '0');
}

export function hammingDistance(a: bigint, b: bigint): number {
  let difference = BigInt.asUintN(64, a ^ b);
  let count = 0;
  while (difference) {
    difference &= difference - 1n;
    count += 1;
  }
  return count;
}
