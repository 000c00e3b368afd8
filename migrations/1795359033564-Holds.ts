import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holds (src/holds/hold.entity.ts). A hold is evidence: it is never deleted and can only be lifted,
 * once; and placing or lifting one changes clearance decisions, so it notifies clearance_changed
 * like releases and publications do.
 */
export class Holds1795359033564 implements MigrationInterface {
  name = 'Holds1795359033564';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "holds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "patient_id" uuid NOT NULL, "photo_ids" uuid array, "reason" text NOT NULL, "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "placed_by_user_id" uuid, "lifted_at" TIMESTAMP WITH TIME ZONE, "lifted_by_user_id" uuid, "lift_reason" text, CONSTRAINT "holds_lift_recorded" CHECK (lifted_at IS NOT NULL OR (lifted_by_user_id IS NULL AND lift_reason IS NULL)), CONSTRAINT "holds_photo_ids_not_empty" CHECK (photo_ids IS NULL OR cardinality(photo_ids) > 0), CONSTRAINT "PK_a8a21700a256e0267fb43f4f7ae" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "holds_patient_id_idx" ON "holds"  ("patient_id", "placed_at") ');
    await queryRunner.query(
      'ALTER TABLE "holds" ADD CONSTRAINT "FK_7f519ce7cf44b2c3521c5f79a41" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "holds" ADD CONSTRAINT "FK_386166843261fae5d7db7f0045b" FOREIGN KEY ("placed_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "holds" ADD CONSTRAINT "FK_9d6dc488d75a4a58ec2aed92ca1" FOREIGN KEY ("lifted_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(`
      CREATE FUNCTION holds_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'holds are never deleted: lift the hold instead';
        END IF;
        IF OLD.lifted_at IS NOT NULL OR NEW.lifted_at IS NULL
           OR (NEW.id, NEW.patient_id, NEW.reason, NEW.placed_at) IS DISTINCT FROM (OLD.id, OLD.patient_id, OLD.reason, OLD.placed_at)
           OR NEW.photo_ids IS DISTINCT FROM OLD.photo_ids OR NEW.placed_by_user_id IS DISTINCT FROM OLD.placed_by_user_id THEN
          RAISE EXCEPTION 'a hold can only be lifted, once';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER holds_refuse_change BEFORE UPDATE OR DELETE ON holds FOR EACH ROW EXECUTE FUNCTION holds_refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER holds_notify_clearance AFTER INSERT OR UPDATE OR DELETE ON holds FOR EACH ROW EXECUTE FUNCTION notify_clearance_change()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "holds" DROP CONSTRAINT "FK_9d6dc488d75a4a58ec2aed92ca1"');
    await queryRunner.query('ALTER TABLE "holds" DROP CONSTRAINT "FK_386166843261fae5d7db7f0045b"');
    await queryRunner.query('ALTER TABLE "holds" DROP CONSTRAINT "FK_7f519ce7cf44b2c3521c5f79a41"');
    await queryRunner.query('DROP INDEX "public"."holds_patient_id_idx"');
    await queryRunner.query('DROP TABLE "holds"');
    await queryRunner.query('DROP FUNCTION holds_refuse_change()');
  }
}
