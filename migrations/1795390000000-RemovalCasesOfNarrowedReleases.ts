import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A removal case may be opened by a release version that no longer clears live publications: an
 * amendment that narrows the scope, or a newer release that governs them with less. It names that
 * version in `release_id`, as a case opened by a release's expiry names the release.
 */
export class RemovalCasesOfNarrowedReleases1795390000000 implements MigrationInterface {
  name = 'RemovalCasesOfNarrowedReleases1795390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "removal_cases" DROP CONSTRAINT "removal_cases_origin_check"');
    await queryRunner.query('ALTER TABLE "removal_cases" DROP CONSTRAINT "removal_cases_origin_reference"');
    await queryRunner.query(
      `ALTER TABLE "removal_cases" ADD CONSTRAINT "removal_cases_origin_check"
         CHECK (origin IN ('revocation', 'release_expiry', 'release_narrowed'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "removal_cases" ADD CONSTRAINT "removal_cases_origin_reference"
         CHECK ((origin = 'revocation') = (revocation_id IS NOT NULL)
                AND (origin IN ('release_expiry', 'release_narrowed')) = (release_id IS NOT NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "removal_cases" DROP CONSTRAINT "removal_cases_origin_reference"');
    await queryRunner.query('ALTER TABLE "removal_cases" DROP CONSTRAINT "removal_cases_origin_check"');
    await queryRunner.query(
      `ALTER TABLE "removal_cases" ADD CONSTRAINT "removal_cases_origin_check" CHECK (origin IN ('revocation', 'release_expiry'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "removal_cases" ADD CONSTRAINT "removal_cases_origin_reference"
         CHECK ((origin = 'revocation') = (revocation_id IS NOT NULL) AND (origin = 'release_expiry') = (release_id IS NOT NULL))`,
    );
  }
}
