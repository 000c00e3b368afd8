import type { MigrationInterface, QueryRunner } from 'typeorm';

const EVIDENCE_TABLES = ['outbox_messages', 'removal_case_notices'];

export class NotificationsAndTimers1795366140464 implements MigrationInterface {
  name = 'NotificationsAndTimers1795366140464';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "kind" text NOT NULL, "dedupe_key" text NOT NULL, "recipient_address" text, "recipient_user_id" uuid, "recipient_patient_id" uuid, "removal_case_id" uuid, "subject" text NOT NULL, "body" text NOT NULL, "delivery" text NOT NULL, "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_592113dbdc26ec3d5e1596db17f" UNIQUE ("dedupe_key"), CONSTRAINT "outbox_messages_sent_recorded" CHECK ((delivery = \'sent\') = (sent_at IS NOT NULL)), CONSTRAINT "outbox_messages_address_known" CHECK ((delivery = \'undeliverable\') = (recipient_address IS NULL)), CONSTRAINT "outbox_messages_delivery_check" CHECK (delivery IN (\'outbox\', \'pending\', \'sent\', \'undeliverable\')), CONSTRAINT "outbox_messages_kind_check" CHECK (kind IN (\'portal_access_link\', \'revocation_receipt\', \'removal_case_opened\', \'removal_task_assigned\', \'removal_reminder\', \'removal_escalation\', \'removal_overdue\', \'removal_case_closed\')), CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "outbox_messages_case_idx" ON "outbox_messages"  ("removal_case_id") ');
    await queryRunner.query('CREATE INDEX "outbox_messages_created_idx" ON "outbox_messages"  ("created_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "removal_case_notices" ("case_id" uuid NOT NULL, "notice" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "superseded" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_56bef825c7cc5648f5fb2aa4135" PRIMARY KEY ("case_id", "notice"))',
    );
    await queryRunner.query(
      'CREATE TABLE "removal_task_owners" ("channel" text NOT NULL, "user_id" uuid NOT NULL, "set_by_user_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e1a1ba4c427351079c2949026a6" PRIMARY KEY ("channel"))',
    );
    await queryRunner.query(
      'ALTER TABLE "outbox_messages" ADD CONSTRAINT "FK_938f45c5a02cc8f440c3c49cb58" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "outbox_messages" ADD CONSTRAINT "FK_b8349a52e6fdeb57da7a9237a8f" FOREIGN KEY ("recipient_patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "outbox_messages" ADD CONSTRAINT "FK_ee4e0dec29527b9d1a1c61042bc" FOREIGN KEY ("removal_case_id") REFERENCES "removal_cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "removal_case_notices" ADD CONSTRAINT "FK_53fb29d0d109711b0e75ccbd0d9" FOREIGN KEY ("case_id") REFERENCES "removal_cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "removal_task_owners" ADD CONSTRAINT "FK_75d37ba651a86c9e712d7ce777a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "removal_task_owners" ADD CONSTRAINT "FK_f449bc2073fb99acb806eea434b" FOREIGN KEY ("set_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // What was sent, and which timers fired, is evidence that the deadline was worked: never deleted.
    for (const table of EVIDENCE_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_evidence BEFORE DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of EVIDENCE_TABLES) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_evidence ON ${table}`);
    }
    await queryRunner.query('ALTER TABLE "removal_task_owners" DROP CONSTRAINT "FK_f449bc2073fb99acb806eea434b"');
    await queryRunner.query('ALTER TABLE "removal_task_owners" DROP CONSTRAINT "FK_75d37ba651a86c9e712d7ce777a"');
    await queryRunner.query('ALTER TABLE "removal_case_notices" DROP CONSTRAINT "FK_53fb29d0d109711b0e75ccbd0d9"');
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP CONSTRAINT "FK_ee4e0dec29527b9d1a1c61042bc"');
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP CONSTRAINT "FK_b8349a52e6fdeb57da7a9237a8f"');
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP CONSTRAINT "FK_938f45c5a02cc8f440c3c49cb58"');
    await queryRunner.query('DROP TABLE "removal_task_owners"');
    await queryRunner.query('DROP TABLE "removal_case_notices"');
    await queryRunner.query('DROP INDEX "public"."outbox_messages_created_idx"');
    await queryRunner.query('DROP INDEX "public"."outbox_messages_case_idx"');
    await queryRunner.query('DROP TABLE "outbox_messages"');
  }
}
