import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every committed change to a staff session or account notifies `staff_sessions_changed` with the
 * user's id, so that instances keeping sessions in memory drop the user's (src/auth/
 * staff-session-changes.ts). New sessions need no notice: nothing has kept them yet.
 */
export class StaffSessionChangeNotify1795380000000 implements MigrationInterface {
  name = 'StaffSessionChangeNotify1795380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_staff_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The trigger's argument names the column holding the user's id.
        PERFORM pg_notify('staff_sessions_changed', to_jsonb(OLD) ->> TG_ARGV[0]);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      "CREATE TRIGGER sessions_notify_change AFTER UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION notify_staff_session_change('user_id')",
    );
    await queryRunner.query(
      "CREATE TRIGGER users_notify_change AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION notify_staff_session_change('id')",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER users_notify_change ON users');
    await queryRunner.query('DROP TRIGGER sessions_notify_change ON sessions');
    await queryRunner.query('DROP FUNCTION notify_staff_session_change()');
  }
}
