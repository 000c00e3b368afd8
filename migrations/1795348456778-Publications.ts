import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Publications1795348456778 implements MigrationInterface {
  name = 'Publications1795348456778';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "publications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "photo_id" uuid NOT NULL, "patient_id" uuid NOT NULL, "channel" text NOT NULL, "url" text, "post_id" text, "campaign" text, "print_run" text, "face_shown" boolean NOT NULL, "marks_obscured" boolean NOT NULL, "name_shown" boolean NOT NULL, "paid" boolean NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by_user_id" uuid, "release_id" uuid NOT NULL, "hosted" boolean NOT NULL, "media_token" text, "status" text NOT NULL DEFAULT \'live\', "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "publications_has_location" CHECK (hosted OR url IS NOT NULL OR post_id IS NOT NULL OR campaign IS NOT NULL OR print_run IS NOT NULL), CONSTRAINT "publications_hosted_has_token" CHECK ((hosted AND media_token IS NOT NULL) OR (NOT hosted AND media_token IS NULL)), CONSTRAINT "publications_status_check" CHECK (status IN (\'live\', \'removal_pending\', \'removed\', \'not_removable\')), CONSTRAINT "PK_2c4e732b044e09139d2f1065fae" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "publications_patient_idx" ON "publications"  ("patient_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "publications_media_token_unique" ON "publications"  ("media_token") WHERE media_token IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX "publications_status_idx" ON "publications"  ("status", "created_at") ');
    await queryRunner.query('CREATE INDEX "publications_photo_idx" ON "publications"  ("photo_id", "created_at") ');
    await queryRunner.query(
      'ALTER TABLE "publications" ADD CONSTRAINT "FK_84bf5f243d95de051c0ac799a7e" FOREIGN KEY ("photo_id") REFERENCES "photos"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "publications" ADD CONSTRAINT "FK_bcd57c3a3a9db18832f58390993" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "publications" ADD CONSTRAINT "FK_c24e6769d05ef2d77af2741a9f7" FOREIGN KEY ("published_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "publications" ADD CONSTRAINT "FK_795a79598a1f8b2bc2672bccc87" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "publications" DROP CONSTRAINT "FK_795a79598a1f8b2bc2672bccc87"');
    await queryRunner.query('ALTER TABLE "publications" DROP CONSTRAINT "FK_c24e6769d05ef2d77af2741a9f7"');
    await queryRunner.query('ALTER TABLE "publications" DROP CONSTRAINT "FK_bcd57c3a3a9db18832f58390993"');
    await queryRunner.query('ALTER TABLE "publications" DROP CONSTRAINT "FK_84bf5f243d95de051c0ac799a7e"');
    await queryRunner.query('DROP INDEX "public"."publications_photo_idx"');
    await queryRunner.query('DROP INDEX "public"."publications_status_idx"');
    await queryRunner.query('DROP INDEX "public"."publications_media_token_unique"');
    await queryRunner.query('DROP INDEX "public"."publications_patient_idx"');
    await queryRunner.query('DROP TABLE "publications"');
  }
}
