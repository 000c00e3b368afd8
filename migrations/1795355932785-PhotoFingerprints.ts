import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The 16-bit chunks of the centre hash, lowest first: LookupService queries these same expressions. */
const CENTRE_CHUNKS = [0, 16, 32, 48].map((shift) => `((centre_hash >> ${shift}) & 65535)`);

/**
 * Reverse lookup's fingerprints (src/photos/photo-fingerprint.entity.ts). The descriptor is stored
 * out of line and uncompressed (grey levels hardly compress), so the rows the chunk indexes lead to
 * stay about 70 bytes; each chunk index carries the id and the whole hash, so a lookup's probes are
 * answered from the indexes alone. Photos stored before this migration get their fingerprints from
 * FingerprintBackfill when the service starts.
 */
export class PhotoFingerprints1795355932785 implements MigrationInterface {
  name = 'PhotoFingerprints1795355932785';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "photo_fingerprints" ("photo_id" uuid NOT NULL, "centre_hash" bigint NOT NULL, "descriptor" bytea NOT NULL, CONSTRAINT "photo_fingerprints_descriptor_size" CHECK (octet_length(descriptor) = 4096), CONSTRAINT "PK_e34b57919049834e31540e3a740" PRIMARY KEY ("photo_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "photo_fingerprints" ADD CONSTRAINT "FK_e34b57919049834e31540e3a740" FOREIGN KEY ("photo_id") REFERENCES "photos"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query('ALTER TABLE "photo_fingerprints" ALTER COLUMN "descriptor" SET STORAGE EXTERNAL');
    for (const [index, chunk] of CENTRE_CHUNKS.entries()) {
      await queryRunner.query(
        `CREATE INDEX "photo_fingerprints_centre_chunk_${index}" ON "photo_fingerprints" (${chunk}) INCLUDE ("photo_id", "centre_hash")`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "photo_fingerprints"');
  }
}
