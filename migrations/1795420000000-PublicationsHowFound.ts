import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a publication found after a revocation came to light, typed by staff: kept on the publication
 * itself, since audit details hold identifiers and codes, never copied free text.
 */
export class PublicationsHowFound1795420000000 implements MigrationInterface {
  name = 'PublicationsHowFound1795420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "publications" ADD "how_found" text');
    // Discovered publications recorded so far kept it only in their audit event.
    await queryRunner.query(
      `UPDATE publications p SET how_found = e.details->>'howFound'
         FROM audit_events e
        WHERE e.action = 'publication.discovered' AND e.entity_id = p.id::text AND e.details ? 'howFound'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "publications" DROP COLUMN "how_found"');
  }
}
