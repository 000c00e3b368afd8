import { setFlagsFromString } from 'node:v8';

/**
 * Counts Buffer memory against V8's global heap limit, which grows with the heap, instead of
 * starting a full collection of the whole heap each time 64 MB of it has been allocated since the
 * last one. A 24 MP upload allocates tens of MB of Buffers (the request's chunks, the form, the
 * renditions), so under the old rule every upload paid one or two mark-compacts of the app's 60 MB
 * heap (about 40 ms of its main thread each; bench/README.md, ingest). Newer V8 does this by default
 * and has removed the flag (V8 change 513bb22991); Node 24's V8 13.6 still needs it. V8 reads it at
 * each allocation-limit decision, so setting it at start-up takes effect.
 */
export function countBufferMemoryInHeapLimit(): void {
  setFlagsFromString('--external-memory-accounted-in-global-limit');
}
