/** A CHECK expression holding a text column to a fixed set of values: `status IN ('open', 'done')`. */
export function checkIn(column: string, values: readonly string[]): string {
  return `${column} IN (${values.map((value) => `'${value}'`).join(', ')})`;
}
