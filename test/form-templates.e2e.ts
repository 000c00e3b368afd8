import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/app.js';
import { createCase, createPatient, RELEASE_FORM_TERMS, SCOPE } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

const ENGLISH = {
  title: 'Authorization to use photographs',
  introduction: 'Riverside Aesthetics would like to show photographs of your treatment.',
  rightToRevoke: 'You may revoke this authorization at any time by writing to 12 River Road, Springfield.',
  treatmentNotConditioned: 'Your treatment does not depend on whether you sign.',
  redisclosure: 'Once published, the photographs may be copied by others and no longer be protected.',
  electronicSignatureDisclosure: 'You agree to sign electronically; you may ask for a paper form instead.',
};

describe('release form templates', () => {
  let t: TestApp;
  let privacy: SignedInStaff;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;

  beforeAll(async () => {
    t = await startTestApp();
    privacy = await createSignedIn(t, 'privacy_officer');
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
  });

  afterAll(async () => {
    await t?.close();
  });

  const get = (staff: SignedInStaff, path: string) =>
    request(t.server).get(`/api/v1${path}`).auth(staff.token, { type: 'bearer' });
  const post = (staff: SignedInStaff, path: string, body: object) =>
    request(t.server).post(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }).send(body);
  const templateCount = async () =>
    Number((await t.database.query<{ n: string }>('SELECT count(*) AS n FROM form_templates'))[0].n);

  it('ships a complete template in English and Spanish that the front desk can read', async () => {
    const list = await get(frontDesk, '/form-templates');
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const [shipped] = list.body.items as Json[];
    assert.deepEqual(shipped.languages, ['en', 'es']);
    assert.equal(shipped.version, 1);
    for (const language of ['en', 'es']) {
      const wording = shipped.wording[language] as Json;
      for (const element of [
        'title',
        'introduction',
        'rightToRevoke',
        'treatmentNotConditioned',
        'redisclosure',
        'electronicSignatureDisclosure',
      ]) {
        assert.ok((wording[element] as string).trim().length > 20 || element === 'title', `${language} ${element}`);
      }
    }
    assert.match(shipped.wording.es.rightToRevoke as string, /revocar/);
    assert.equal((await get(marketing, '/form-templates')).status, 403, 'marketing does not handle release forms');
  });

  it('publishes a new version for the privacy officer, and keeps the earlier one readable as it was', async () => {
    const [shipped] = (await get(privacy, '/form-templates')).body.items as Json[];
    const published = await post(privacy, `/form-templates/${shipped.id}/versions`, {
      clinicName: 'Riverside Aesthetics',
      wording: { en: { ...ENGLISH, closing: null } },
    });
    assert.equal(published.status, 201, JSON.stringify(published.body));
    assert.equal(published.body.version, 2);
    assert.equal(published.body.familyId, shipped.familyId);
    assert.deepEqual(published.body.languages, ['en']);
    assert.deepEqual(
      (published.body.versions as Json[]).map((each) => each.version),
      [2, 1],
    );
    assert.equal(published.body.wording.en.closing, null);

    const old = await get(frontDesk, `/form-templates/${shipped.id}`);
    assert.equal(old.status, 200);
    assert.deepEqual(old.body.wording, shipped.wording, 'version 1 reads as it was published');
    const latest = (await get(frontDesk, '/form-templates')).body.items as Json[];
    assert.equal(latest.find((each) => each.familyId === shipped.familyId)?.id, published.body.id);

    const audit = await t.database.query<{ action: string; details: Json }>(
      "SELECT action, details FROM audit_events WHERE action = 'form_template.publish' AND entity_id = $1",
      [published.body.id],
    );
    assert.deepEqual(audit[0]?.details, { familyId: shipped.familyId, version: 2, languages: ['en'] });
  });

  it('publishes a new template as version 1; the front desk may not publish', async () => {
    const created = await post(privacy, '/form-templates', {
      clinicName: 'Riverside Aesthetics',
      wording: { en: ENGLISH },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.version, 1);
    const before = await templateCount();
    const refused = await post(frontDesk, '/form-templates', { clinicName: 'Front desk', wording: { en: ENGLISH } });
    assert.equal(refused.status, 403);
    assert.equal(await templateCount(), before);
  });

  it('refuses a template missing a required statement, one with markup, or one with no language, and records nothing', async () => {
    const before = await templateCount();
    const { redisclosure, ...withoutRedisclosure } = ENGLISH;
    void redisclosure;
    const cases: [string, object, string][] = [
      ['a missing statement', { clinicName: 'C', wording: { en: withoutRedisclosure } }, 'wording.en.redisclosure'],
      [
        'a blank statement',
        { clinicName: 'C', wording: { en: { ...ENGLISH, rightToRevoke: '   ' } } },
        'wording.en.rightToRevoke',
      ],
      [
        'a script',
        { clinicName: 'C', wording: { en: { ...ENGLISH, introduction: 'Hello <script>alert(1)</script>' } } },
        'wording.en.introduction',
      ],
      [
        'an external image',
        { clinicName: 'C', wording: { en: { ...ENGLISH, closing: 'Thanks ![logo](https://evil.example/x.png)' } } },
        'wording.en.closing',
      ],
      ['an HTML image', { clinicName: '<img src=x onerror=alert(1)>', wording: { en: ENGLISH } }, 'clinicName'],
      ['no language', { clinicName: 'C', wording: {} }, 'wording'],
      ['an unknown language', { clinicName: 'C', wording: { fr: ENGLISH } }, 'wording.fr'],
    ];
    for (const [label, body, field] of cases) {
      const response = await post(privacy, '/form-templates', body);
      assert.equal(response.status, 400, `${label}: ${JSON.stringify(response.body)}`);
      assert.match(response.headers['content-type'] ?? '', /application\/problem\+json/);
      assert.ok(
        (response.body.errors as Json[]).some((error) => error.field === field),
        `${label} names ${field}: ${JSON.stringify(response.body.errors)}`,
      );
    }
    const unknown = await post(privacy, '/form-templates/00000000-0000-4000-8000-000000000000/versions', {
      clinicName: 'C',
      wording: { en: ENGLISH },
    });
    assert.equal(unknown.status, 404);
    assert.equal(await templateCount(), before);
  });

  it('keeps every published version as it was, in the database itself', async () => {
    await assert.rejects(
      t.database.query("UPDATE form_templates SET clinic_name = 'Changed'"),
      /never changed or deleted/,
    );
    await assert.rejects(t.database.query('DELETE FROM form_templates'), /never changed or deleted/);
  });

  describe('a release form rendered for a patient', () => {
    const terms = RELEASE_FORM_TERMS;
    /** The template the service ships (later tests publish newer versions of it). */
    const shippedId = async () =>
      (await t.database.query<{ id: string }>('SELECT id FROM form_templates WHERE published_by_user_id IS NULL'))[0]
        .id;

    it('words the terms in the patient’s language, names what was shown by its hash, and audits the read', async () => {
      const patient = await createPatient(t, frontDesk, { fullName: 'Lucía Fernández' });
      const caseId = await createCase(t, frontDesk, patient.id);
      const templateId = await shippedId();
      const preview = (body: object) => post(frontDesk, `/patients/${patient.id}/release-forms/preview`, body);
      const spanish = await preview({ ...terms, templateId, language: 'es' });
      assert.equal(spanish.status, 200, JSON.stringify(spanish.body));
      assert.equal(spanish.body.templateVersion, 1);
      assert.match(spanish.body.sha256 as string, /^[0-9a-f]{64}$/);
      const sections = new Map(
        (spanish.body.sections as Json[]).map((section) => [section.heading, section.paragraphs]),
      );
      assert.deepEqual(sections.get('Paciente'), ['Lucía Fernández']);
      assert.deepEqual(sections.get('Dónde y cómo pueden usarse')?.slice(0, 2), [
        'Sus fotografías pueden mostrarse en el sitio web de la clínica y las redes sociales.',
        'Nunca pueden mostrarse en TikTok.',
      ]);
      assert.deepEqual(sections.get('Hasta cuándo'), [
        'Este consentimiento termina el 2031-03-01, salvo que usted lo retire antes.',
      ]);

      const again = await preview({ ...terms, templateId, language: 'es' });
      assert.equal(again.body.sha256, spanish.body.sha256, 'the same terms render the same form');
      const faceAllowed = await preview({
        ...terms,
        templateId,
        language: 'es',
        scope: { ...SCOPE, faceAllowed: true },
      });
      assert.notEqual(faceAllowed.body.sha256, spanish.body.sha256);
      const oneCase = await preview({
        ...terms,
        coversAllCases: undefined,
        caseIds: [caseId],
        templateId,
        language: 'en',
      });
      assert.equal(oneCase.status, 200, JSON.stringify(oneCase.body));
      assert.ok(
        (
          (oneCase.body.sections as Json[]).find((section) => section.heading === 'The photographs')
            ?.paragraphs as string[]
        ).includes('Rhinoplasty, 2026-02-01'),
      );

      const audited = await t.database.query<{ n: string }>(
        "SELECT count(*) AS n FROM audit_events WHERE action = 'release_form.preview' AND patient_id = $1",
        [patient.id],
      );
      assert.equal(Number(audited[0].n), 4);
    });

    it('refuses a form a minor would sign alone, one missing an element, a language the template lacks, and marketing', async () => {
      const templateId = await shippedId();
      const minor = await createPatient(t, frontDesk, {
        dateOfBirth: '2012-04-01',
        guardian: { fullName: 'Ana Roe', relationship: 'parent', contactEmail: 'ana.roe@example.test' },
      });
      const adult = await createPatient(t, frontDesk);
      const preview = (patientId: string, body: object, staff = frontDesk) =>
        post(staff, `/patients/${patientId}/release-forms/preview`, body);
      const alone = await preview(minor.id, { ...terms, templateId, language: 'en' });
      assert.equal(alone.status, 400, JSON.stringify(alone.body));
      assert.ok((alone.body.errors as Json[]).some((error) => error.field === 'signedBy.signerType'));
      const byGuardian = await preview(minor.id, {
        ...terms,
        templateId,
        language: 'en',
        signedBy: { signerType: 'guardian', fullName: 'Ana Roe', relationship: 'parent', authority: 'Mother' },
      });
      assert.equal(byGuardian.status, 200, JSON.stringify(byGuardian.body));
      assert.ok(
        (
          (byGuardian.body.sections as Json[]).find((section) => section.heading === 'Patient')?.paragraphs as string[]
        ).includes('Signed for the patient by Ana Roe (parent).'),
      );

      const { purpose, ...withoutPurpose } = terms;
      void purpose;
      const missing = await preview(adult.id, { ...withoutPurpose, templateId, language: 'en' });
      assert.equal(missing.status, 400);
      assert.ok((missing.body.errors as Json[]).some((error) => error.field === 'purpose'));

      const englishOnly = await post(privacy, '/form-templates', {
        clinicName: 'Riverside Aesthetics',
        wording: { en: ENGLISH },
      });
      const notWorded = await preview(adult.id, { ...terms, templateId: englishOnly.body.id, language: 'es' });
      assert.equal(notWorded.status, 400);
      assert.ok((notWorded.body.errors as Json[]).some((error) => error.field === 'language'));

      const unknown = await preview(adult.id, {
        ...terms,
        templateId: '00000000-0000-4000-8000-000000000000',
        language: 'en',
      });
      assert.equal(unknown.status, 404);
      assert.equal((await preview(adult.id, { ...terms, templateId, language: 'en' }, marketing)).status, 403);
    });
  });
});
