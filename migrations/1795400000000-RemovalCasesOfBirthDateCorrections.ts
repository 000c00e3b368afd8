import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The patient's date of birth decides who could sign a release (a minor's needs a guardian), so a
 * correction of it can change clearance decisions: it notifies `clearance_changed` as releases do,
 * and a removal case may be opened by it, naming neither a revocation nor a release.
 */
export class RemovalCasesOfBirthDateCorrections1795400000000 implements MigrationInterface {
  name = 'RemovalCasesOfBirthDateCorrections1795400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "removal_cases" DROP CONSTRAINT "removal_cases_origin_check"');
    await queryRunner.query(
      `ALTER TABLE "removal_cases" ADD CONSTRAINT "removal_cases_origin_check"
         CHECK (origin IN ('revocation', 'release_expiry', 'release_narrowed', 'date_of_birth_corrected'))`,
    );
    await queryRunner.query(`
      CREATE FUNCTION notify_patient_clearance_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('clearance_changed', NEW.id::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER patients_notify_clearance AFTER UPDATE OF date_of_birth ON patients FOR EACH ROW
         WHEN (OLD.date_of_birth IS DISTINCT FROM NEW.date_of_birth) EXECUTE FUNCTION notify_patient_clearance_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER patients_notify_clearance ON patients');
    await queryRunner.query('DROP FUNCTION notify_patient_clearance_change()');
    await queryRunner.query('ALTER TABLE "removal_cases" DROP CONSTRAINT "removal_cases_origin_check"');
    await queryRunner.query(
      `ALTER TABLE "removal_cases" ADD CONSTRAINT "removal_cases_origin_check"
         CHECK (origin IN ('revocation', 'release_expiry', 'release_narrowed'))`,
    );
  }
}
