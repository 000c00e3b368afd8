import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocations, removal cases and tasks (src/removals), and the keys of idempotent requests.
 * Revocations are evidence: never changed or deleted; cases and tasks change state but are never
 * deleted. A release version may now also be marked revoked, once, besides being superseded. A new
 * revocation changes clearance decisions, so it notifies clearance_changed as holds do.
 */
export class Revocations1795363492565 implements MigrationInterface {
  name = 'Revocations1795363492565';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "idempotent_requests" ("owner" text NOT NULL, "key" text NOT NULL, "operation" text NOT NULL, "request_sha256" text NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8c1aeacbb877e0965ca3dee706b" PRIMARY KEY ("owner", "key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "revocations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "patient_id" uuid NOT NULL, "scope_kind" text NOT NULL, "channels" text array, "photo_ids" uuid array, "release_series_ids" uuid array, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_via" text NOT NULL, "requester_type" text NOT NULL, "requester_name" text, "requester_authority" text, "identity_verification" text NOT NULL, "notes" text, "document_key" text, "document_content_type" text, "document_bytes" integer, "document_sha256" text, "document_file_name" text, "recorded_by_user_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "revocations_document_complete" CHECK ((document_key IS NULL) = (document_sha256 IS NULL) AND (document_key IS NULL) = (document_content_type IS NULL)), CONSTRAINT "revocations_requester_named" CHECK (requester_type = \'patient\' OR requester_name IS NOT NULL), CONSTRAINT "revocations_scope_shape" CHECK ((scope_kind = \'channels\') = (channels IS NOT NULL AND cardinality(channels) > 0)\n   AND (scope_kind = \'photos\') = (photo_ids IS NOT NULL AND cardinality(photo_ids) > 0)\n   AND (release_series_ids IS NULL OR (scope_kind <> \'photos\' AND cardinality(release_series_ids) > 0))), CONSTRAINT "revocations_requester_type_check" CHECK (requester_type IN (\'patient\', \'guardian\', \'authorized_agent\')), CONSTRAINT "revocations_received_via_check" CHECK (received_via IN (\'portal\', \'email\', \'phone\', \'in_person\', \'mail\')), CONSTRAINT "revocations_scope_kind_check" CHECK (scope_kind IN (\'everything\', \'channels\', \'photos\')), CONSTRAINT "PK_9f70c460c05775181f4a3527833" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "revocations_patient_idx" ON "revocations"  ("patient_id", "received_at") ');
    await queryRunner.query(
      'CREATE TABLE "removal_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "patient_id" uuid NOT NULL, "origin" text NOT NULL, "revocation_id" uuid, "release_id" uuid, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT \'open\', "completed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "removal_cases_completion_recorded" CHECK ((status = \'completed\') = (completed_at IS NOT NULL)), CONSTRAINT "removal_cases_origin_reference" CHECK ((origin = \'revocation\') = (revocation_id IS NOT NULL) AND (origin = \'release_expiry\') = (release_id IS NOT NULL)), CONSTRAINT "removal_cases_status_check" CHECK (status IN (\'open\', \'completed\')), CONSTRAINT "removal_cases_origin_check" CHECK (origin IN (\'revocation\', \'release_expiry\')), CONSTRAINT "PK_9234c9cc1bcda61f7cc338a18fb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "removal_cases_revocation_unique" ON "removal_cases"  ("revocation_id") WHERE revocation_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "removal_cases_patient_idx" ON "removal_cases"  ("patient_id", "opened_at") ',
    );
    await queryRunner.query('CREATE INDEX "removal_cases_status_due_idx" ON "removal_cases"  ("status", "due_at") ');
    await queryRunner.query(
      'CREATE TABLE "removal_tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "publication_id" uuid NOT NULL, "status" text NOT NULL DEFAULT \'open\', "assignee_user_id" uuid, "evidence_kind" text, "evidence" jsonb, "completed_at" TIMESTAMP WITH TIME ZONE, "completed_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "removal_tasks_case_publication_unique" UNIQUE ("case_id", "publication_id"), CONSTRAINT "removal_tasks_done_has_evidence" CHECK (status <> \'done\' OR (evidence_kind IS NOT NULL AND completed_at IS NOT NULL)), CONSTRAINT "removal_tasks_evidence_kind_check" CHECK (evidence_kind IN (\'service_hosted\', \'url_check\', \'screenshot\', \'attestation\')), CONSTRAINT "removal_tasks_status_check" CHECK (status IN (\'open\', \'done\', \'not_removable_requested\', \'not_removable\')), CONSTRAINT "PK_42392c6c21cec7b1d8b37e19df3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "removal_tasks_assignee_idx" ON "removal_tasks"  ("assignee_user_id", "status") ',
    );
    await queryRunner.query('CREATE INDEX "removal_tasks_publication_idx" ON "removal_tasks"  ("publication_id") ');
    await queryRunner.query('ALTER TABLE "releases" ADD "revoked_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "releases" ADD "revocation_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "releases" ADD CONSTRAINT "releases_revocation_recorded" CHECK ((revoked_at IS NULL) = (revocation_id IS NULL))',
    );
    await queryRunner.query(
      'ALTER TABLE "revocations" ADD CONSTRAINT "FK_4da85525cf624c29760bff0a64a" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "revocations" ADD CONSTRAINT "FK_d784e7573a0fbd4608c03a2d526" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "releases" ADD CONSTRAINT "FK_fb5c1d39c2092b5aaf922cb8aac" FOREIGN KEY ("revocation_id") REFERENCES "revocations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "removal_cases" ADD CONSTRAINT "FK_7556e05db2b742d4cf268b4ebed" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "removal_cases" ADD CONSTRAINT "FK_064a75aaf2194c2f6b094a53101" FOREIGN KEY ("revocation_id") REFERENCES "revocations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "removal_cases" ADD CONSTRAINT "FK_34bf235889495c306afcf44cd9d" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "removal_tasks" ADD CONSTRAINT "FK_0aee87ff3562bc6fb0cadfd44f2" FOREIGN KEY ("case_id") REFERENCES "removal_cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "removal_tasks" ADD CONSTRAINT "FK_4ba0283007f8b107c87862dec4b" FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "removal_tasks" ADD CONSTRAINT "FK_47df928cdc8dbee5dcb3378d82f" FOREIGN KEY ("assignee_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "removal_tasks" ADD CONSTRAINT "FK_53e1bb95356bb904878674ab74e" FOREIGN KEY ("completed_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION release_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A version may be marked superseded once and revoked once; nothing else about it changes.
        IF TG_TABLE_NAME = 'releases' AND TG_OP = 'UPDATE'
           AND (OLD.superseded_at IS NULL OR NEW.superseded_at IS NOT DISTINCT FROM OLD.superseded_at)
           AND (OLD.revoked_at IS NULL
                OR (NEW.revoked_at, NEW.revocation_id) IS NOT DISTINCT FROM (OLD.revoked_at, OLD.revocation_id))
           AND to_jsonb(NEW) - ARRAY['superseded_at', 'revoked_at', 'revocation_id']
             = to_jsonb(OLD) - ARRAY['superseded_at', 'revoked_at', 'revocation_id'] THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'release versions are evidence: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION evidence_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are evidence: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER revocations_evidence BEFORE UPDATE OR DELETE ON revocations FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change()',
    );
    for (const table of ['revocations', 'removal_cases', 'removal_tasks']) {
      if (table !== 'revocations') {
        await queryRunner.query(
          `CREATE TRIGGER ${table}_evidence BEFORE DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change()`,
        );
      }
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change()`,
      );
    }
    await queryRunner.query(
      'CREATE TRIGGER revocations_notify_clearance AFTER INSERT ON revocations FOR EACH ROW EXECUTE FUNCTION notify_clearance_change()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['revocations', 'removal_cases', 'removal_tasks']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_evidence ON ${table}`);
    }
    await queryRunner.query('DROP TRIGGER revocations_notify_clearance ON revocations');
    await queryRunner.query('DROP FUNCTION evidence_refuse_change()');
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION release_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'releases' AND TG_OP = 'UPDATE' AND OLD.superseded_at IS NULL
           AND NEW.superseded_at IS NOT NULL
           AND to_jsonb(NEW) - 'superseded_at' = to_jsonb(OLD) - 'superseded_at' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'release versions are evidence: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query('ALTER TABLE "removal_tasks" DROP CONSTRAINT "FK_53e1bb95356bb904878674ab74e"');
    await queryRunner.query('ALTER TABLE "removal_tasks" DROP CONSTRAINT "FK_47df928cdc8dbee5dcb3378d82f"');
    await queryRunner.query('ALTER TABLE "removal_tasks" DROP CONSTRAINT "FK_4ba0283007f8b107c87862dec4b"');
    await queryRunner.query('ALTER TABLE "removal_tasks" DROP CONSTRAINT "FK_0aee87ff3562bc6fb0cadfd44f2"');
    await queryRunner.query('ALTER TABLE "removal_cases" DROP CONSTRAINT "FK_34bf235889495c306afcf44cd9d"');
    await queryRunner.query('ALTER TABLE "removal_cases" DROP CONSTRAINT "FK_064a75aaf2194c2f6b094a53101"');
    await queryRunner.query('ALTER TABLE "removal_cases" DROP CONSTRAINT "FK_7556e05db2b742d4cf268b4ebed"');
    await queryRunner.query('ALTER TABLE "releases" DROP CONSTRAINT "FK_fb5c1d39c2092b5aaf922cb8aac"');
    await queryRunner.query('ALTER TABLE "revocations" DROP CONSTRAINT "FK_d784e7573a0fbd4608c03a2d526"');
    await queryRunner.query('ALTER TABLE "revocations" DROP CONSTRAINT "FK_4da85525cf624c29760bff0a64a"');
    await queryRunner.query('ALTER TABLE "releases" DROP CONSTRAINT "releases_revocation_recorded"');
    await queryRunner.query('ALTER TABLE "releases" DROP COLUMN "revocation_id"');
    await queryRunner.query('ALTER TABLE "releases" DROP COLUMN "revoked_at"');
    await queryRunner.query('DROP INDEX "public"."removal_tasks_publication_idx"');
    await queryRunner.query('DROP INDEX "public"."removal_tasks_assignee_idx"');
    await queryRunner.query('DROP TABLE "removal_tasks"');
    await queryRunner.query('DROP INDEX "public"."removal_cases_status_due_idx"');
    await queryRunner.query('DROP INDEX "public"."removal_cases_patient_idx"');
    await queryRunner.query('DROP INDEX "public"."removal_cases_revocation_unique"');
    await queryRunner.query('DROP TABLE "removal_cases"');
    await queryRunner.query('DROP INDEX "public"."revocations_patient_idx"');
    await queryRunner.query('DROP TABLE "revocations"');
    await queryRunner.query('DROP TABLE "idempotent_requests"');
  }
}
