import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffIdentityAndAudit1795338710939 implements MigrationInterface {
  name = 'StaffIdentityAndAudit1795338710939';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_type" text NOT NULL, "actor_id" uuid, "actor_label" text, "action" text NOT NULL, "entity_type" text, "entity_id" text, "patient_id" uuid, "outcome" text NOT NULL, "request_id" text, "client_ip" text, "details" jsonb NOT NULL, CONSTRAINT "audit_events_outcome_check" CHECK (outcome IN (\'done\', \'denied\')), CONSTRAINT "audit_events_actor_type_check" CHECK (actor_type IN (\'user\', \'api_key\', \'patient\', \'system\', \'anonymous\')), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "audit_events_recorded_at_idx" ON "audit_events"  ("recorded_at") ');
    await queryRunner.query(
      'CREATE INDEX "audit_events_entity_idx" ON "audit_events"  ("entity_type", "entity_id", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "audit_events_actor_idx" ON "audit_events"  ("actor_id", "id") WHERE actor_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "audit_events_patient_idx" ON "audit_events"  ("patient_id", "id") WHERE patient_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "login_throttle" ("scope" text NOT NULL, "key" text NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "failures" integer NOT NULL, CONSTRAINT "PK_de5549f3090fa2a88f68458c087" PRIMARY KEY ("scope", "key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_seals" ("seq" bigint NOT NULL, "event_id" bigint NOT NULL, "prev_hash" bytea NOT NULL, "hash" bytea NOT NULL, "sealed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "UQ_9ba4ac55a1461c660ad1c49e265" UNIQUE ("event_id"), CONSTRAINT "PK_984a8f9a6be3eecbe41144634af" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_unsealed" ("event_id" bigint NOT NULL, CONSTRAINT "PK_4b78d2d4bfa8cac21c4144d1b63" PRIMARY KEY ("event_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "password_hash" text NOT NULL, "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "totp_secret" text, "totp_pending_secret" text, "totp_enabled_at" TIMESTAMP WITH TIME ZONE, "totp_last_step" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "users_email_lower_check" CHECK (email = lower(email)), CONSTRAINT "users_role_check" CHECK (role IN (\'front_desk\', \'marketing\', \'privacy_officer\', \'admin\')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "login_throttle_window_started_at_idx" ON "login_throttle"  ("window_started_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "token_prefix" text NOT NULL, "token_hash" bytea NOT NULL, "permissions" text array NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "last_used_ip" text, CONSTRAINT "UQ_77f4ee004e33afac232c0a8fd18" UNIQUE ("token_hash"), CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "api_keys_created_by_idx" ON "api_keys"  ("created_by") ');
    await queryRunner.query(
      'CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "totp_verified" boolean NOT NULL DEFAULT false, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, "client_ip" text, "user_agent" text, CONSTRAINT "UQ_abaa9e068cdd390bc5210f79884" UNIQUE ("token_hash"), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "sessions_user_id_idx" ON "sessions"  ("user_id") ');
    await queryRunner.query(
      'ALTER TABLE "audit_seals" ADD CONSTRAINT "FK_9ba4ac55a1461c660ad1c49e265" FOREIGN KEY ("event_id") REFERENCES "audit_events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "api_keys" ADD CONSTRAINT "FK_983d7eb19ca94bb8e343293068e" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );

    // Append-only evidence: no UPDATE, DELETE or TRUNCATE of audit events or their seals, whoever asks.
    await queryRunner.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit records are append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_events', 'audit_seals']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
      );
    }
    // Every new event joins the sealer's queue, however it was inserted.
    await queryRunner.query(`
      CREATE FUNCTION audit_enqueue_for_sealing() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_unsealed (event_id) SELECT id FROM inserted;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_events_enqueue_for_sealing AFTER INSERT ON audit_events REFERENCING NEW TABLE AS inserted
       FOR EACH STATEMENT EXECUTE FUNCTION audit_enqueue_for_sealing()`,
    );
    // The canonical encoding of an event that the hash chain covers: a JSON array of every column in
    // a fixed order, in PostgreSQL's normalised jsonb text form (sorted keys, fixed spacing), with the
    // time in UTC to the microsecond.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_digest(e audit_events) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT sha256(convert_to(jsonb_build_array(
          e.id, to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor_type, e.actor_id,
          e.actor_label, e.action, e.entity_type, e.entity_id, e.patient_id, e.outcome, e.request_id, e.client_ip,
          e.details)::text, 'UTF8'))
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION audit_event_digest(audit_events)');
    await queryRunner.query('DROP TRIGGER audit_events_enqueue_for_sealing ON audit_events');
    await queryRunner.query('DROP FUNCTION audit_enqueue_for_sealing()');
    for (const table of ['audit_events', 'audit_seals']) {
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
    }
    await queryRunner.query('DROP FUNCTION audit_refuse_change()');
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"');
    await queryRunner.query('ALTER TABLE "api_keys" DROP CONSTRAINT "FK_983d7eb19ca94bb8e343293068e"');
    await queryRunner.query('ALTER TABLE "audit_seals" DROP CONSTRAINT "FK_9ba4ac55a1461c660ad1c49e265"');
    await queryRunner.query('DROP INDEX "public"."sessions_user_id_idx"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('DROP INDEX "public"."api_keys_created_by_idx"');
    await queryRunner.query('DROP TABLE "api_keys"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TABLE "audit_unsealed"');
    await queryRunner.query('DROP TABLE "audit_seals"');
    await queryRunner.query('DROP INDEX "public"."login_throttle_window_started_at_idx"');
    await queryRunner.query('DROP TABLE "login_throttle"');
    await queryRunner.query('DROP INDEX "public"."audit_events_patient_idx"');
    await queryRunner.query('DROP INDEX "public"."audit_events_actor_idx"');
    await queryRunner.query('DROP INDEX "public"."audit_events_entity_idx"');
    await queryRunner.query('DROP INDEX "public"."audit_events_recorded_at_idx"');
    await queryRunner.query('DROP TABLE "audit_events"');
  }
}
