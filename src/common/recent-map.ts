/**
 * Sets `key` to `value` as the map's most recent entry, dropping the least recent one first when
 * the map already holds `capacity` entries (a Map iterates in insertion order).
 */
export function rememberRecent<V>(map: Map<string, V>, key: string, value: V, capacity: number): void {
  map.delete(key);
  if (map.size >= capacity) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(key, value);
}
