import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PatientsPhotosReleases1795343713345 implements MigrationInterface {
  name = 'PatientsPhotosReleases1795343713345';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "patients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "full_name" text NOT NULL, "search_name" text NOT NULL, "date_of_birth" date NOT NULL, "contact_email" text, "contact_phone" text, "postal_address" text, "mrn" text, "guardian_full_name" text, "guardian_relationship" text, "guardian_contact_email" text, "guardian_contact_phone" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ec66d59a51a2b7430e7bc5c0787" UNIQUE ("code"), CONSTRAINT "patients_guardian_complete" CHECK ((guardian_full_name IS NULL) = (guardian_relationship IS NULL)), CONSTRAINT "patients_guardian_relationship_check" CHECK (guardian_relationship IN (\'parent\', \'legal_guardian\', \'healthcare_agent\', \'other\')), CONSTRAINT "patients_code_format" CHECK (code ~ \'^P-[0-9A-HJKMNP-TV-Z]{5}$\'), CONSTRAINT "PK_a7f0b9fcbb3469d5ec0b0aceaa7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "patients_mrn_unique" ON "patients"  ("mrn") WHERE mrn IS NOT NULL');
    await queryRunner.query(
      'CREATE TABLE "treatment_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "patient_id" uuid NOT NULL, "procedure" text NOT NULL, "provider" text NOT NULL, "treatment_date" date NOT NULL, "notes" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3bd7c72f1a500790360a45b40c2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "treatment_cases_patient_id_idx" ON "treatment_cases"  ("patient_id") ');
    await queryRunner.query(
      'CREATE TABLE "photos" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "patient_id" uuid NOT NULL, "kind" text NOT NULL, "view" text, "body_area" text, "taken_at" TIMESTAMP WITH TIME ZONE, "face_visible" boolean NOT NULL, "identifying_marks" text array NOT NULL DEFAULT \'{}\', "paired_photo_id" uuid, "original_key" text NOT NULL, "original_content_type" text NOT NULL, "original_bytes" bigint NOT NULL, "original_sha256" text NOT NULL, "original_file_name" text, "width" integer NOT NULL, "height" integer NOT NULL, "web_key" text NOT NULL, "web_bytes" integer NOT NULL, "web_sha256" text NOT NULL, "web_width" integer NOT NULL, "web_height" integer NOT NULL, "thumb_key" text NOT NULL, "thumb_bytes" integer NOT NULL, "thumb_sha256" text NOT NULL, "thumb_width" integer NOT NULL, "thumb_height" integer NOT NULL, "perceptual_hash" bigint NOT NULL, "uploaded_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "photos_patient_original_sha256_unique" UNIQUE ("patient_id", "original_sha256"), CONSTRAINT "photos_not_paired_with_itself" CHECK (paired_photo_id IS NULL OR paired_photo_id <> id), CONSTRAINT "photos_kind_check" CHECK (kind IN (\'before\', \'after\', \'progress\')), CONSTRAINT "PK_5220c45b8e32d49d767b9b3d725" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "photos_case_id_idx" ON "photos"  ("case_id") ');
    await queryRunner.query('CREATE INDEX "photos_paired_photo_id_idx" ON "photos"  ("paired_photo_id") ');
    await queryRunner.query(
      'CREATE TABLE "releases" ("id" uuid NOT NULL, "series_id" uuid NOT NULL, "version" integer NOT NULL, "patient_id" uuid NOT NULL, "covers_all_cases" boolean NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "signer_type" text NOT NULL, "signer_full_name" text NOT NULL, "signer_relationship" text, "signer_authority" text, "witness_user_id" uuid NOT NULL, "form_template" text NOT NULL, "form_version" text NOT NULL, "document_key" text NOT NULL, "document_content_type" text NOT NULL, "document_bytes" integer NOT NULL, "document_sha256" text NOT NULL, "document_sha1" text NOT NULL, "document_file_name" text, "information_description" text, "disclosing_party" text, "recipients" text, "purpose" text, "expires_at" TIMESTAMP WITH TIME ZONE, "expiration_event" text, "right_to_revoke_statement" boolean NOT NULL, "redisclosure_statement" boolean NOT NULL, "conditioning_statement" boolean NOT NULL, "treatment_conditioned_on_signing" boolean NOT NULL, "copy_provided_to_signer" boolean NOT NULL, "channels" text array NOT NULL, "denied_channels" text array NOT NULL DEFAULT \'{}\', "face_allowed" boolean NOT NULL, "obscure_identifying_marks" boolean NOT NULL, "name_allowed" boolean NOT NULL DEFAULT false, "paid_advertising_allowed" boolean NOT NULL, "educational_use_allowed" boolean NOT NULL, "amendment_reason" text, "supersedes_id" uuid, "superseded_at" TIMESTAMP WITH TIME ZONE, "recorded_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "releases_series_version_unique" UNIQUE ("series_id", "version"), CONSTRAINT "releases_version_positive" CHECK (version >= 1), CONSTRAINT "releases_expiry_after_signing" CHECK (expires_at IS NULL OR expires_at > signed_at), CONSTRAINT "releases_guardian_signature_complete" CHECK (signer_type = \'patient\' OR signer_relationship IS NOT NULL), CONSTRAINT "releases_signer_relationship_check" CHECK (signer_relationship IN (\'parent\', \'legal_guardian\', \'healthcare_agent\', \'other\')), CONSTRAINT "releases_signer_type_check" CHECK (signer_type IN (\'patient\', \'guardian\')), CONSTRAINT "PK_6b6fc2599a5a281dd44a7d64016" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "releases_patient_id_idx" ON "releases"  ("patient_id") ');
    await queryRunner.query(
      'CREATE INDEX "releases_expires_at_idx" ON "releases"  ("expires_at") WHERE expires_at IS NOT NULL AND superseded_at IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "releases_one_current_version_per_series" ON "releases"  ("series_id") WHERE superseded_at IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "release_cases" ("release_id" uuid NOT NULL, "case_id" uuid NOT NULL, CONSTRAINT "PK_ef496e6dbd85d9890158d7c8321" PRIMARY KEY ("release_id", "case_id"))',
    );
    await queryRunner.query('CREATE INDEX "release_cases_case_id_idx" ON "release_cases"  ("case_id") ');
    await queryRunner.query(
      'ALTER TABLE "treatment_cases" ADD CONSTRAINT "FK_3b4423127ce9f637c65128e4abd" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "photos" ADD CONSTRAINT "FK_d281252bbe2826e0615d394c0d2" FOREIGN KEY ("case_id") REFERENCES "treatment_cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "photos" ADD CONSTRAINT "FK_5aea481c68f95ae78f6f9095e96" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "photos" ADD CONSTRAINT "FK_f759696be6f596a17f6c8b9a4ea" FOREIGN KEY ("paired_photo_id") REFERENCES "photos"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "photos" ADD CONSTRAINT "FK_26506fbb363089c485a6bd8bea1" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "releases" ADD CONSTRAINT "FK_6159d8efbf8e8585470eed3e730" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "releases" ADD CONSTRAINT "FK_c73a42ca5c12b066baa2be4e64a" FOREIGN KEY ("witness_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "releases" ADD CONSTRAINT "FK_82197fa230c2999073967502111" FOREIGN KEY ("supersedes_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "releases" ADD CONSTRAINT "FK_439cf59384d4b100d052936ed6e" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "release_cases" ADD CONSTRAINT "FK_cfbbcd7783360ca0761590e1531" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "release_cases" ADD CONSTRAINT "FK_307575e9e0274f186fee6c13d99" FOREIGN KEY ("case_id") REFERENCES "treatment_cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );

    // Substring search on names: a trigram index (pg_trgm is a trusted extension, so the database
    // owner may create it). TypeORM cannot declare the operator class; the entity marks the index
    // as not synchronized.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(
      'CREATE INDEX "patients_search_name_trgm" ON "patients" USING gin ("search_name" gin_trgm_ops)',
    );
    // Release versions and what they cover are evidence: never deleted, never edited, except that a
    // current version is marked superseded (once) when an amendment replaces it.
    await queryRunner.query(`
      CREATE FUNCTION release_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'releases' AND TG_OP = 'UPDATE' AND OLD.superseded_at IS NULL
           AND NEW.superseded_at IS NOT NULL
           AND to_jsonb(NEW) - 'superseded_at' = to_jsonb(OLD) - 'superseded_at' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'release versions are evidence: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['releases', 'release_cases']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_evidence BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION release_refuse_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION release_refuse_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['releases', 'release_cases']) {
      await queryRunner.query(`DROP TRIGGER ${table}_evidence ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
    }
    await queryRunner.query('DROP FUNCTION release_refuse_change()');
    await queryRunner.query('DROP INDEX "public"."patients_search_name_trgm"');
    await queryRunner.query('ALTER TABLE "release_cases" DROP CONSTRAINT "FK_307575e9e0274f186fee6c13d99"');
    await queryRunner.query('ALTER TABLE "release_cases" DROP CONSTRAINT "FK_cfbbcd7783360ca0761590e1531"');
    await queryRunner.query('ALTER TABLE "releases" DROP CONSTRAINT "FK_439cf59384d4b100d052936ed6e"');
    await queryRunner.query('ALTER TABLE "releases" DROP CONSTRAINT "FK_82197fa230c2999073967502111"');
    await queryRunner.query('ALTER TABLE "releases" DROP CONSTRAINT "FK_c73a42ca5c12b066baa2be4e64a"');
    await queryRunner.query('ALTER TABLE "releases" DROP CONSTRAINT "FK_6159d8efbf8e8585470eed3e730"');
    await queryRunner.query('ALTER TABLE "photos" DROP CONSTRAINT "FK_26506fbb363089c485a6bd8bea1"');
    await queryRunner.query('ALTER TABLE "photos" DROP CONSTRAINT "FK_f759696be6f596a17f6c8b9a4ea"');
    await queryRunner.query('ALTER TABLE "photos" DROP CONSTRAINT "FK_5aea481c68f95ae78f6f9095e96"');
    await queryRunner.query('ALTER TABLE "photos" DROP CONSTRAINT "FK_d281252bbe2826e0615d394c0d2"');
    await queryRunner.query('ALTER TABLE "treatment_cases" DROP CONSTRAINT "FK_3b4423127ce9f637c65128e4abd"');
    await queryRunner.query('DROP INDEX "public"."release_cases_case_id_idx"');
    await queryRunner.query('DROP TABLE "release_cases"');
    await queryRunner.query('DROP INDEX "public"."releases_one_current_version_per_series"');
    await queryRunner.query('DROP INDEX "public"."releases_expires_at_idx"');
    await queryRunner.query('DROP INDEX "public"."releases_patient_id_idx"');
    await queryRunner.query('DROP TABLE "releases"');
    await queryRunner.query('DROP INDEX "public"."photos_paired_photo_id_idx"');
    await queryRunner.query('DROP INDEX "public"."photos_case_id_idx"');
    await queryRunner.query('DROP TABLE "photos"');
    await queryRunner.query('DROP INDEX "public"."treatment_cases_patient_id_idx"');
    await queryRunner.query('DROP TABLE "treatment_cases"');
    await queryRunner.query('DROP INDEX "public"."patients_mrn_unique"');
    await queryRunner.query('DROP TABLE "patients"');
  }
}
