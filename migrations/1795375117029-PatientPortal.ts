import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PatientPortal1795375117029 implements MigrationInterface {
  name = 'PatientPortal1795375117029';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "portal_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "patient_id" uuid NOT NULL, "holder" text NOT NULL, "token_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_c42795b3f642c141a360de94d01" UNIQUE ("token_hash"), CONSTRAINT "portal_links_holder_check" CHECK (holder IN (\'patient\', \'guardian\')), CONSTRAINT "PK_b1bb82b3e588a5030649b3dc95b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "portal_links_patient_id_idx" ON "portal_links"  ("patient_id") ');
    await queryRunner.query(
      'CREATE TABLE "patient_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "patient_id" uuid NOT NULL, "link_id" uuid NOT NULL, "holder" text NOT NULL, "token_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "client_ip" text, CONSTRAINT "UQ_c340219a54e7f80692a4e83adac" UNIQUE ("link_id"), CONSTRAINT "UQ_f59283719a92b3592059b106a89" UNIQUE ("token_hash"), CONSTRAINT "patient_sessions_holder_check" CHECK (holder IN (\'patient\', \'guardian\')), CONSTRAINT "PK_a51ef983e53a79e4265a11eda76" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "patient_sessions_patient_id_idx" ON "patient_sessions"  ("patient_id") ');
    await queryRunner.query(
      'ALTER TABLE "portal_links" ADD CONSTRAINT "FK_bf23fe0efd9c8eedd6acc0d14c0" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "patient_sessions" ADD CONSTRAINT "FK_71c3e28251bad2c44c96f309819" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "patient_sessions" ADD CONSTRAINT "FK_c340219a54e7f80692a4e83adac" FOREIGN KEY ("link_id") REFERENCES "portal_links"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "patient_sessions" DROP CONSTRAINT "FK_c340219a54e7f80692a4e83adac"');
    await queryRunner.query('ALTER TABLE "patient_sessions" DROP CONSTRAINT "FK_71c3e28251bad2c44c96f309819"');
    await queryRunner.query('ALTER TABLE "portal_links" DROP CONSTRAINT "FK_bf23fe0efd9c8eedd6acc0d14c0"');
    await queryRunner.query('DROP INDEX "public"."patient_sessions_patient_id_idx"');
    await queryRunner.query('DROP TABLE "patient_sessions"');
    await queryRunner.query('DROP INDEX "public"."portal_links_patient_id_idx"');
    await queryRunner.query('DROP TABLE "portal_links"');
  }
}
