import { buffer } from 'node:stream/consumers';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImageService } from '../images/image.service.js';
import { ObjectStore } from '../storage/object-store.js';
import { PhotoFingerprintEntity } from './photo-fingerprint.entity.js';
import { fingerprintRow } from './photos.service.js';

// Any fixed 64-bit number, the same in every instance: one instance backfills at a time.
const BACKFILL_LOCK_KEY = 7_420_113_566;
const BATCH = 50;

/**
 * Gives photos stored before reverse lookup existed their fingerprints, from their web renditions,
 * once after each start, in the background (the service answers meanwhile). A photo whose
 * rendition cannot be read is logged and left; the next start tries it again.
 */
@Injectable()
export class FingerprintBackfill implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FingerprintBackfill.name);
  private running?: Promise<number>;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ObjectStore,
    private readonly images: ImageService,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.backfill().catch((error: unknown) => {
      this.logger.error({ err: error }, 'Fingerprint backfill failed');
      return 0;
    });
  }

  /** Stops after the photo at hand; the next start goes on where this one stopped. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** Fingerprints every photo that lacks one, unless another instance is at it; returns how many. */
  async backfill(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [BACKFILL_LOCK_KEY])) as [
        { locked: boolean },
      ];
      if (!locked) return 0;
      try {
        return await this.fingerprintMissing();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [BACKFILL_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  private async fingerprintMissing(): Promise<number> {
    let done = 0;
    const failed: string[] = [];
    for (;;) {
      const photos = await this.dataSource.query<{ id: string; web_key: string; width: number; height: number }[]>(
        `SELECT p.id, p.web_key, p.width, p.height FROM photos p
         WHERE NOT EXISTS (SELECT 1 FROM photo_fingerprints f WHERE f.photo_id = p.id) AND NOT p.id = ANY($1::uuid[])
         ORDER BY p.id LIMIT $2`,
        [failed, BATCH],
      );
      if (photos.length === 0) break;
      for (const photo of photos) {
        if (this.stopping) return done;
        try {
          const web = await buffer((await this.store.get(photo.web_key)).body);
          const fingerprint = await this.images.fingerprintOfRendition(web, photo);
          await this.dataSource
            .createQueryBuilder()
            .insert()
            .into(PhotoFingerprintEntity)
            .values(fingerprintRow(photo.id, fingerprint))
            .orIgnore()
            .execute();
          done += 1;
        } catch (error) {
          failed.push(photo.id);
          this.logger.error({ err: error, photoId: photo.id }, 'Could not fingerprint a stored photo');
        }
      }
    }
    if (done > 0) this.logger.log({ count: done }, 'Fingerprinted stored photos for reverse lookup');
    return done;
  }
}
