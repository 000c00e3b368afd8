import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  S3Client,
  S3ServiceException,
  PutObjectCommand,
  paginateListObjectsV2,
  type ServerSideEncryption,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { StorageConfig } from '../config/app-config.js';
import type { Clock } from '../common/clock.js';
import {
  DigestingStream,
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
  type PutOptions,
  type PutResult,
} from './object-store.js';

type S3StorageConfig = Extract<StorageConfig, { driver: 's3' }>;

const CONTENT_SHA256_HEADER = 'x-amz-content-sha256';
/** Buffers up to this size go up in one PutObject; AWS advises multipart uploads above it. */
const SINGLE_PUT_MAX_BYTES = 100 * 1024 * 1024;

/** Objects in one S3 bucket (AWS, MinIO, or any S3-compatible server). */
export class S3ObjectStore extends ObjectStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(
    private readonly config: S3StorageConfig,
    private readonly defaultTtlSeconds: number,
    private readonly clock: Clock,
    private readonly listPageSize = 1000,
  ) {
    super();
    // Some S3-compatible servers store the SDK's aws-chunked checksum framing inside the object
    // unless checksums are only sent when an operation requires them.
    const checksumMode = config.checksumMode === 'when_required' ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED';
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      requestChecksumCalculation: checksumMode,
      responseChecksumValidation: checksumMode,
    });
    this.bucket = config.bucket;
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions = {}): Promise<PutResult> {
    assertValidKey(key);
    if (Buffer.isBuffer(body) && body.length <= SINGLE_PUT_MAX_BYTES) {
      // Already in memory: one request with the buffer as it is. Through the streaming path a
      // 9 MB photo was copied twice and, over one part size, became a four-request multipart
      // upload. The SDK hashes a buffer body to sign it; given the hash, it hashes nothing.
      const sha256 = options.sha256 ?? createHash('sha256').update(body).digest('hex');
      const command = new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        ...this.encryptionParams(),
      });
      command.middlewareStack.add(
        (next) => async (args) => {
          const request = args.request as { headers?: Record<string, string> };
          if (request.headers) request.headers[CONTENT_SHA256_HEADER] = sha256;
          return next(args);
        },
        { step: 'build', name: 'knownPayloadSha256' },
      );
      await this.client.send(command);
      return { key, size: body.length, sha256 };
    }
    const digest = new DigestingStream();
    const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
    source.on('error', (error) => digest.destroy(error));
    source.pipe(digest);
    // Bodies larger than one part go up as a multipart upload; a failed one is aborted.
    const upload = new Upload({
      client: this.client,
      partSize: this.config.partSizeBytes,
      queueSize: 4,
      leavePartsOnError: false,
      params: {
        Bucket: this.bucket,
        Key: key,
        Body: digest,
        ...this.encryptionParams(),
      },
    });
    await upload.done();
    return { key, size: digest.byteCount, sha256: digest.sha256() };
  }

  async get(key: string, options: { range?: ByteRange } = {}): Promise<GetResult> {
    assertValidKey(key);
    let range: { start: number; end: number } | undefined;
    let totalSize: number | undefined;
    if (options.range) {
      const info = await this.head(key);
      if (!info) throw new ObjectNotFoundError(key);
      totalSize = info.size;
      range = resolveRange(options.range, info.size);
    }
    try {
      const response = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      const contentLength = response.ContentLength ?? 0;
      return {
        body: response.Body as Readable,
        contentLength,
        totalSize: totalSize ?? contentLength,
        range,
      };
    } catch (error) {
      if (isNotFound(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    assertValidKey(key);
    try {
      const response = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { key, size: response.ContentLength ?? 0, lastModified: response.LastModified ?? new Date(0) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    const versions = await this.listVersions(key);
    if (versions === null) {
      // The server keeps no versions (or cannot list them): one delete removes the object.
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
      return;
    }
    for (const versionId of versions) {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId }));
    }
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    assertValidPrefix(prefix);
    const pages = paginateListObjectsV2(
      { client: this.client, pageSize: this.listPageSize },
      { Bucket: this.bucket, Prefix: prefix },
    );
    for await (const page of pages) {
      for (const item of page.Contents ?? []) {
        if (!item.Key) continue;
        yield { key: item.Key, size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) };
      }
    }
  }

  async presignGet(key: string, options: PresignOptions = {}): Promise<PresignedUrl> {
    assertValidKey(key);
    const ttlSeconds = options.ttlSeconds ?? this.defaultTtlSeconds;
    const signingDate = this.clock.now();
    const url = await getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: options.contentType,
        ResponseContentDisposition: options.contentDisposition,
      }),
      { expiresIn: ttlSeconds, signingDate },
    );
    return { url, expiresAt: new Date(signingDate.getTime() + ttlSeconds * 1000) };
  }

  async checkReady(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  close(): void {
    this.client.destroy();
  }

  /** Every version id and delete marker of exactly `key`, or null where versions cannot be listed. */
  private async listVersions(key: string): Promise<string[] | null> {
    const ids: string[] = [];
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    try {
      do {
        const page = await this.client.send(
          new ListObjectVersionsCommand({
            Bucket: this.bucket,
            Prefix: key,
            KeyMarker: keyMarker,
            VersionIdMarker: versionIdMarker,
          }),
        );
        for (const entry of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]) {
          if (entry.Key === key && entry.VersionId) ids.push(entry.VersionId);
        }
        keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
        versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
      } while (keyMarker);
    } catch (error) {
      if (error instanceof S3ServiceException && [400, 405, 501].includes(error.$metadata.httpStatusCode ?? 0)) {
        return null;
      }
      throw error;
    }
    return ids.length > 0 ? ids : null;
  }

  private encryptionParams(): { ServerSideEncryption?: ServerSideEncryption; SSEKMSKeyId?: string } {
    switch (this.config.serverSideEncryption) {
      case 'none':
        return {};
      case 'AES256':
        return { ServerSideEncryption: 'AES256' };
      case 'aws:kms':
        return { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: this.config.kmsKeyId };
    }
  }
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)
  );
}
