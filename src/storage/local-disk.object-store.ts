import { createReadStream, createWriteStream } from 'node:fs';
import { access, constants, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Clock } from '../common/clock.js';
import {
  DigestingStream,
  InvalidObjectKeyError,
  ObjectNotFoundError,
  ObjectStore,
  assertValidKey,
  assertValidPrefix,
  resolveRange,
  type ByteRange,
  type GetResult,
  type ObjectInfo,
  type PresignOptions,
  type PresignedUrl,
  type PutResult,
} from './object-store.js';
import type { PresignedTokenSigner } from './presigned-token.js';

const TEMP_DIR = '.tmp';

/**
 * Objects as files under one root directory. A write goes to a temporary file that is renamed into
 * place, so readers see the old object or the whole new one, never a part. Presigned URLs point at
 * this service's own `/storage/{token}` route.
 */
export class LocalDiskObjectStore extends ObjectStore {
  constructor(
    private readonly rootDir: string,
    private readonly signer: PresignedTokenSigner,
    private readonly publicBaseUrl: string,
    private readonly defaultTtlSeconds: number,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** Hashes what it writes even when given the hash: the file is the bytes the hash must match. */
  async put(key: string, body: Readable | Buffer): Promise<PutResult> {
    const target = this.pathOf(key);
    const tempDir = path.join(this.rootDir, TEMP_DIR);
    const tempFile = path.join(tempDir, randomUUID());
    await mkdir(tempDir, { recursive: true });
    await mkdir(path.dirname(target), { recursive: true });
    const digest = new DigestingStream();
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, digest, createWriteStream(tempFile));
      await fsync(tempFile);
      await rename(tempFile, target);
      await fsync(path.dirname(target));
    } catch (error) {
      await rm(tempFile, { force: true });
      throw error;
    }
    return { key, size: digest.byteCount, sha256: digest.sha256() };
  }

  async get(key: string, options: { range?: ByteRange } = {}): Promise<GetResult> {
    const file = this.pathOf(key);
    const info = await this.statFile(file);
    if (!info) throw new ObjectNotFoundError(key);
    if (!options.range) {
      return { body: createReadStream(file), contentLength: info.size, totalSize: info.size };
    }
    const range = resolveRange(options.range, info.size);
    return {
      body: createReadStream(file, { start: range.start, end: range.end }),
      contentLength: range.end - range.start + 1,
      totalSize: info.size,
      range,
    };
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const info = await this.statFile(this.pathOf(key));
    return info ? { key, size: info.size, lastModified: info.mtime } : null;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    assertValidPrefix(prefix);
    yield* this.walk('', prefix);
  }

  private async *walk(dirKey: string, prefix: string): AsyncIterable<ObjectInfo> {
    let entries;
    try {
      entries = await readdir(path.join(this.rootDir, ...dirKey.split('/').filter(Boolean)), { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const key = dirKey ? `${dirKey}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        // Only descend where keys below could still match the prefix.
        if (prefix.startsWith(`${key}/`) || `${key}/`.startsWith(prefix)) yield* this.walk(key, prefix);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        const info = await this.head(key);
        if (info) yield info;
      }
    }
  }

  async presignGet(key: string, options: PresignOptions = {}): Promise<PresignedUrl> {
    assertValidKey(key);
    const ttlSeconds = options.ttlSeconds ?? this.defaultTtlSeconds;
    const expiresAt = new Date(this.clock.now().getTime() + ttlSeconds * 1000);
    const token = this.signer.sign({
      key,
      expiresAt,
      contentType: options.contentType,
      contentDisposition: options.contentDisposition,
    });
    return { url: `${this.publicBaseUrl}/storage/${token}`, expiresAt };
  }

  async checkReady(): Promise<void> {
    await mkdir(this.rootDir, { recursive: true });
    await access(this.rootDir, constants.R_OK | constants.W_OK);
  }

  /** Temporary files of puts that never finished: a put renames its file into place or removes it. */
  override async removeAbandonedUploads(before: Date): Promise<number> {
    const tempDir = path.join(this.rootDir, TEMP_DIR);
    let names: string[];
    try {
      names = await readdir(tempDir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const info = await this.statFile(path.join(tempDir, name));
      if (!info || info.mtime >= before) continue;
      await rm(path.join(tempDir, name), { force: true });
      removed += 1;
    }
    return removed;
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    const resolved = path.resolve(this.rootDir, ...key.split('/'));
    // The key rule already forbids escaping; this guards the rule itself.
    if (!resolved.startsWith(path.resolve(this.rootDir) + path.sep)) throw new InvalidObjectKeyError(key);
    return resolved;
  }

  private async statFile(file: string) {
    try {
      const info = await stat(file);
      return info.isFile() ? info : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }
}

async function fsync(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
