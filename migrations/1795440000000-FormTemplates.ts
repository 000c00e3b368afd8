import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The template the service ships, version 1; the privacy officer publishes the clinic's own versions of it. */
const DEFAULT_TEMPLATE_ID = '7e3c1f52-4b8a-4d2e-9a61-0c5d2f7b8e14';
const DEFAULT_FAMILY_ID = '0f6a2d9b-3c71-4e58-8b2a-61d4c9e07a35';

const DEFAULT_WORDING = {
  en: {
    title: 'Authorization to use photographs of my treatment',
    introduction:
      'The clinic would like to show photographs taken before, during and after your treatment to help other ' +
      'people understand what the treatment can do. This form says which photographs may be used, where, how, ' +
      'and until when. You choose; nothing is used beyond what this form allows.',
    rightToRevoke:
      'You may revoke this authorization at any time, in whole or in part, by writing to the clinic at the ' +
      'address on this form or through your patient page. Revoking stops every new use from the day the clinic ' +
      'receives it, and the clinic takes down what it has published within 30 days. It does not undo a use made ' +
      'before the clinic received it.',
    treatmentNotConditioned:
      'Your treatment, payment, enrolment and eligibility for benefits do not depend on whether you sign this ' +
      'form. You may refuse to sign it.',
    redisclosure:
      'Once a photograph is published, the people who see it may copy or share it, and it may no longer be ' +
      'protected by the federal privacy rules (HIPAA).',
    electronicSignatureDisclosure:
      'You agree to sign this form electronically and to receive it and any notice about it electronically. ' +
      'Your electronic signature has the same effect as one on paper. You may instead ask for a paper form at ' +
      'no charge, and you may withdraw this consent to electronic records at any time by telling the clinic; ' +
      'that does not revoke the authorization. To read and keep the form you need a device that opens PDF ' +
      'files. You will receive a copy of the signed form.',
    closing: null,
  },
  es: {
    title: 'Autorización para usar fotografías de mi tratamiento',
    introduction:
      'La clínica desea mostrar fotografías tomadas antes, durante y después de su tratamiento para ayudar a ' +
      'otras personas a entender lo que el tratamiento puede lograr. Este formulario indica qué fotografías se ' +
      'pueden usar, dónde, cómo y hasta cuándo. Usted decide; no se usa nada más allá de lo que este ' +
      'formulario permite.',
    rightToRevoke:
      'Puede revocar esta autorización en cualquier momento, total o parcialmente, por escrito a la clínica en ' +
      'la dirección que figura en este formulario o desde su página de paciente. La revocación detiene todo uso ' +
      'nuevo desde el día en que la clínica la recibe, y la clínica retira lo que haya publicado en un plazo de ' +
      '30 días. No anula un uso hecho antes de que la clínica la recibiera.',
    treatmentNotConditioned:
      'Su tratamiento, el pago, la inscripción y el derecho a beneficios no dependen de que firme este ' +
      'formulario. Puede negarse a firmarlo.',
    redisclosure:
      'Una vez publicada una fotografía, quienes la vean pueden copiarla o compartirla, y es posible que ya no ' +
      'esté protegida por las normas federales de privacidad (HIPAA).',
    electronicSignatureDisclosure:
      'Usted acepta firmar este formulario electrónicamente y recibirlo, así como cualquier aviso sobre él, en ' +
      'forma electrónica. Su firma electrónica tiene el mismo efecto que una firma en papel. Puede pedir en su ' +
      'lugar un formulario en papel sin costo, y puede retirar este consentimiento a los registros electrónicos ' +
      'en cualquier momento avisando a la clínica; eso no revoca la autorización. Para leer y guardar el ' +
      'formulario necesita un dispositivo que abra archivos PDF. Recibirá una copia del formulario firmado.',
    closing: null,
  },
};

/** Release form templates, versioned (a version never changes), and the template the service ships. */
export class FormTemplates1795440000000 implements MigrationInterface {
  name = 'FormTemplates1795440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "form_templates" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "family_id" uuid NOT NULL,
         "version" integer NOT NULL,
         "clinic_name" text NOT NULL,
         "wording" jsonb NOT NULL,
         "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         "published_by_user_id" uuid,
         CONSTRAINT "form_templates_family_version_unique" UNIQUE ("family_id", "version"),
         CONSTRAINT "PK_form_templates" PRIMARY KEY ("id"),
         CONSTRAINT "FK_60998a26287b1c68c43ed07391b" FOREIGN KEY ("published_by_user_id") REFERENCES "users"("id")
           ON DELETE RESTRICT)`,
    );
    await queryRunner.query('CREATE INDEX "form_templates_published_at_idx" ON "form_templates" ("published_at")');
    // A form signed under a version must always show the same words: the serving role may add
    // versions, never change or remove one.
    await queryRunner.query(
      `CREATE FUNCTION form_templates_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'a published form template version is never changed or deleted';
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER form_templates_unchanged BEFORE UPDATE OR DELETE ON form_templates
         FOR EACH ROW EXECUTE FUNCTION form_templates_unchanged()`,
    );
    await queryRunner.query(
      `INSERT INTO form_templates (id, family_id, version, clinic_name, wording) VALUES ($1, $2, 1, $3, $4::jsonb)`,
      [DEFAULT_TEMPLATE_ID, DEFAULT_FAMILY_ID, 'The clinic', JSON.stringify(DEFAULT_WORDING)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "form_templates"');
    await queryRunner.query('DROP FUNCTION form_templates_unchanged()');
  }
}
