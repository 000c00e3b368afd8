import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { GetResult } from '../storage/object-store.js';

/** The types a stored document (signed form, written request, screenshot) is accepted in. */
const EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * A stored document sent as an attachment that nothing may cache, its SHA-256 as the ETag, named
 * `<baseName>.<extension>` by the server (never by the uploader's file name).
 */
export function documentDownload(
  reply: FastifyReply,
  object: GetResult,
  document: { contentType: string; sha256: string; baseName: string },
): StreamableFile {
  void reply
    .header('cache-control', 'private, no-store')
    .header('etag', `"${document.sha256}"`)
    .header('content-length', String(object.contentLength));
  return new StreamableFile(object.body, {
    type: document.contentType,
    disposition: `attachment; filename="${document.baseName}.${EXTENSION[document.contentType] ?? 'bin'}"`,
  });
}
