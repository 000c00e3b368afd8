import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether consent cleared a publication's use when it was published, not only when it was recorded:
 * a use found later that predates its consent is recorded as such and listed on the rights report.
 * Every publication recorded so far was decided at the time it was recorded, so it keeps `true`.
 */
export class PublicationsClearedWhenPublished1795410000000 implements MigrationInterface {
  name = 'PublicationsClearedWhenPublished1795410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "publications" ADD "cleared_when_published" boolean NOT NULL DEFAULT true');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "publications" DROP COLUMN "cleared_when_published"');
  }
}
