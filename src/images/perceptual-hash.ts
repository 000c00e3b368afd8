// The 64-bit hashes of src/images/fingerprint.ts as the database and the API keep them.

/** PostgreSQL's bigint is signed: the same 64 bits read as a signed number. */
export function hashToBigintColumn(hash: bigint): string {
  return BigInt.asIntN(64, hash).toString();
}

/** 16 hex digits, the form the API shows. */
export function hashToHex(column: string | bigint): string {
  return BigInt.asUintN(64, BigInt(column)).toString(16).padStart(16, '0');
}
