import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos are listed a page at a time by (created_at, id), and a page's cursor carries the instant in
 * milliseconds, as JavaScript dates do: the column keeps milliseconds too (like publications'), or
 * the photos of one millisecond after a page's last one, and every photo of one transaction, would
 * fall between two pages.
 */
export class PhotosCreatedAtMilliseconds1795430000000 implements MigrationInterface {
  name = 'PhotosCreatedAtMilliseconds1795430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "photos" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "photos" ALTER COLUMN "created_at" TYPE TIMESTAMP WITH TIME ZONE');
  }
}
