import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change that can change a clearance decision notifies `clearance_changed` with the patient's
 * id when it commits, so that instances keeping decisions in memory drop them (src/rights/
 * clearance-changes.ts). A table added later that feeds the rule (revocations, holds) needs the
 * same trigger.
 */
export class ClearanceChangeNotify1795352000000 implements MigrationInterface {
  name = 'ClearanceChangeNotify1795352000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_clearance_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('clearance_changed', COALESCE(NEW.patient_id, OLD.patient_id)::text);
        RETURN NULL;
      END $$`);
    for (const table of ['releases', 'publications']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_notify_clearance AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION notify_clearance_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['releases', 'publications']) {
      await queryRunner.query(`DROP TRIGGER ${table}_notify_clearance ON ${table}`);
    }
    await queryRunner.query('DROP FUNCTION notify_clearance_change()');
  }
}
