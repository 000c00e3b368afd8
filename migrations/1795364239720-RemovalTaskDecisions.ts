import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A removal task that cannot be done: the reason, who asked, and the privacy officer's approval. */
export class RemovalTaskDecisions1795364239720 implements MigrationInterface {
  name = 'RemovalTaskDecisions1795364239720';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "removal_tasks" ADD "not_removable_reason" text');
    await queryRunner.query('ALTER TABLE "removal_tasks" ADD "not_removable_requested_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "removal_tasks" ADD "not_removable_requested_by_user_id" uuid');
    await queryRunner.query('ALTER TABLE "removal_tasks" ADD "approved_by_user_id" uuid');
    await queryRunner.query('ALTER TABLE "removal_tasks" ADD "approved_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "removal_tasks" ADD CONSTRAINT "FK_1ded50690f75cc0adae9e2b8c4e" FOREIGN KEY ("not_removable_requested_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "removal_tasks" ADD CONSTRAINT "FK_dd7d1d9726c78564a699e7b12f8" FOREIGN KEY ("approved_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      `ALTER TABLE "removal_tasks" ADD CONSTRAINT "removal_tasks_not_removable_justified" CHECK (status NOT IN ('not_removable_requested', 'not_removable') OR (not_removable_reason IS NOT NULL AND not_removable_requested_at IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "removal_tasks" ADD CONSTRAINT "removal_tasks_not_removable_approved" CHECK (status <> 'not_removable' OR (approved_by_user_id IS NOT NULL AND approved_at IS NOT NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "removal_tasks" DROP CONSTRAINT "removal_tasks_not_removable_approved"');
    await queryRunner.query('ALTER TABLE "removal_tasks" DROP CONSTRAINT "removal_tasks_not_removable_justified"');
    await queryRunner.query('ALTER TABLE "removal_tasks" DROP CONSTRAINT "FK_dd7d1d9726c78564a699e7b12f8"');
    await queryRunner.query('ALTER TABLE "removal_tasks" DROP CONSTRAINT "FK_1ded50690f75cc0adae9e2b8c4e"');
    await queryRunner.query('ALTER TABLE "removal_tasks" DROP COLUMN "approved_at"');
    await queryRunner.query('ALTER TABLE "removal_tasks" DROP COLUMN "approved_by_user_id"');
    await queryRunner.query('ALTER TABLE "removal_tasks" DROP COLUMN "not_removable_requested_by_user_id"');
    await queryRunner.query('ALTER TABLE "removal_tasks" DROP COLUMN "not_removable_requested_at"');
    await queryRunner.query('ALTER TABLE "removal_tasks" DROP COLUMN "not_removable_reason"');
  }
}
