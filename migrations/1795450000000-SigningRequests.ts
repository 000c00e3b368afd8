import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = [
  'portal_access_link',
  'revocation_receipt',
  'removal_case_opened',
  'removal_task_assigned',
  'removal_reminder',
  'removal_escalation',
  'removal_overdue',
  'removal_case_closed',
];
const KINDS_AFTER = [
  ...KINDS_BEFORE.slice(0, 1),
  'signing_request_link',
  'signed_release_copy',
  ...KINDS_BEFORE.slice(1),
];

const kindCheck = (kinds: string[]) =>
  `ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_kind_check" CHECK (kind IN (${kinds
    .map((kind) => `'${kind}'`)
    .join(', ')}))`;

/**
 * Release forms waiting for a signature, at the desk or through a mailed link; the patient's copy mailed with
 * the signed PDF attached.
 */
export class SigningRequests1795450000000 implements MigrationInterface {
  name = 'SigningRequests1795450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "signing_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "patient_id" uuid NOT NULL, "delivery" text NOT NULL, "template_id" uuid NOT NULL, "language" text NOT NULL, "terms" jsonb NOT NULL, "form_sha256" text NOT NULL, "status" text NOT NULL DEFAULT \'pending\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by_user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE, "release_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "amends_release_id" uuid, "amendment_reason" text, "link_hash" bytea, "proof_hash" bytea, "proof_expires_at" TIMESTAMP WITH TIME ZONE, "failed_identity_checks" integer NOT NULL DEFAULT \'0\', CONSTRAINT "signing_requests_proof_complete" CHECK ((proof_hash IS NULL) = (proof_expires_at IS NULL)), CONSTRAINT "signing_requests_amendment_has_reason" CHECK ((amends_release_id IS NULL) = (amendment_reason IS NULL)), CONSTRAINT "signing_requests_mail_has_link" CHECK ((delivery = \'mail\') = (link_hash IS NOT NULL)), CONSTRAINT "signing_requests_cancel_recorded" CHECK ((status = \'cancelled\') = (cancelled_at IS NOT NULL)), CONSTRAINT "signing_requests_signed_recorded" CHECK ((status = \'signed\') = (release_id IS NOT NULL AND signed_at IS NOT NULL)), CONSTRAINT "signing_requests_status_check" CHECK (status IN (\'pending\', \'signed\', \'cancelled\')), CONSTRAINT "signing_requests_delivery_check" CHECK (delivery IN (\'desk\', \'mail\')), CONSTRAINT "PK_9bb00f7da7f2cb267cf8eeebc3c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "signing_requests_patient_id_idx" ON "signing_requests"  ("patient_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "signing_requests_release_id_unique" ON "signing_requests"  ("release_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "signing_requests_link_hash_unique" ON "signing_requests"  ("link_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "signing_requests_pending_idx" ON "signing_requests"  ("expires_at") WHERE status = \'pending\'',
    );
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP CONSTRAINT "outbox_messages_kind_check"');
    await queryRunner.query(kindCheck(KINDS_AFTER));
    await queryRunner.query('ALTER TABLE "outbox_messages" ADD "attachment_key" text');
    await queryRunner.query('ALTER TABLE "outbox_messages" ADD "attachment_name" text');
    await queryRunner.query('ALTER TABLE "outbox_messages" ADD "attachment_type" text');
    await queryRunner.query(
      'ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_attachment_complete" CHECK ((attachment_key IS NULL) = (attachment_name IS NULL) AND (attachment_key IS NULL) = (attachment_type IS NULL))',
    );
    await queryRunner.query(
      'ALTER TABLE "signing_requests" ADD CONSTRAINT "FK_a935a39555f0dc775daeb227a86" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "signing_requests" ADD CONSTRAINT "FK_18ed06c46391706176733fab029" FOREIGN KEY ("template_id") REFERENCES "form_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "signing_requests" ADD CONSTRAINT "FK_55334841b432db10452eed022fb" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "signing_requests" ADD CONSTRAINT "FK_42a73574f83ebc7d105b291f1e7" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "signing_requests" ADD CONSTRAINT "FK_38d4988f4f740cb1d5c44660098" FOREIGN KEY ("amends_release_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "signing_requests" DROP CONSTRAINT "FK_38d4988f4f740cb1d5c44660098"');
    await queryRunner.query('ALTER TABLE "signing_requests" DROP CONSTRAINT "FK_42a73574f83ebc7d105b291f1e7"');
    await queryRunner.query('ALTER TABLE "signing_requests" DROP CONSTRAINT "FK_55334841b432db10452eed022fb"');
    await queryRunner.query('ALTER TABLE "signing_requests" DROP CONSTRAINT "FK_18ed06c46391706176733fab029"');
    await queryRunner.query('ALTER TABLE "signing_requests" DROP CONSTRAINT "FK_a935a39555f0dc775daeb227a86"');
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP CONSTRAINT "outbox_messages_attachment_complete"');
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP COLUMN "attachment_type"');
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP COLUMN "attachment_name"');
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP COLUMN "attachment_key"');
    await queryRunner.query(
      "DELETE FROM outbox_messages WHERE kind IN ('signing_request_link', 'signed_release_copy')",
    );
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP CONSTRAINT "outbox_messages_kind_check"');
    await queryRunner.query(kindCheck(KINDS_BEFORE));
    await queryRunner.query('DROP INDEX "public"."signing_requests_pending_idx"');
    await queryRunner.query('DROP INDEX "public"."signing_requests_link_hash_unique"');
    await queryRunner.query('DROP INDEX "public"."signing_requests_release_id_unique"');
    await queryRunner.query('DROP INDEX "public"."signing_requests_patient_id_idx"');
    await queryRunner.query('DROP TABLE "signing_requests"');
  }
}
