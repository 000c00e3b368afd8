/** Buffers by key, least recently used dropped first, bounded by their total size in bytes. */
export class ByteCache {
  private readonly entries = new Map<string, Buffer>();
  private totalBytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Buffer | undefined {
    const bytes = this.entries.get(key);
    if (bytes) {
      // Re-inserted: the Map's order is the order of use.
      this.entries.delete(key);
      this.entries.set(key, bytes);
    }
    return bytes;
  }

  /** Keeps `bytes` unless they alone exceed the bound. */
  set(key: string, bytes: Buffer): void {
    if (bytes.length > this.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.totalBytes -= previous.length;
      this.entries.delete(key);
    }
    while (this.totalBytes + bytes.length > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Buffer];
      this.entries.delete(oldestKey);
      this.totalBytes -= oldest.length;
    }
    this.entries.set(key, bytes);
    this.totalBytes += bytes.length;
  }

  get size(): number {
    return this.totalBytes;
  }
}
