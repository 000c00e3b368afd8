import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether consent cleared a publication's use when it was published, not only when it was recorded:
 * a use found later that predates its consent is recorded as such and listed on the rights report.
 * Publications recorded so far were decided when they were recorded, not at their `published_at`:
 * for them it is not known (NULL), rather than assumed.
 */
export class PublicationsClearedWhenPublished1795410000000 implements MigrationInterface {
  name = 'PublicationsClearedWhenPublished1795410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "publications" ADD "cleared_when_published" boolean');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "publications" DROP COLUMN "cleared_when_published"');
  }
}
