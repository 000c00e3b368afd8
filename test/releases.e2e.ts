import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { heicHeader, jpegPhoto, signedFormPdf } from './support/images.js';
import {
  counts,
  createCase,
  createPatient,
  postForm,
  releaseFields,
  SCOPE,
  uploadPhoto,
  type FilePart,
} from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

// R4 Consent (http://hl7.org/fhir/R4/consent.html): its elements, the value sets bound as required,
// and the invariants a resource must satisfy.
const CONSENT_ELEMENTS = new Set([
  'resourceType',
  'id',
  'meta',
  'implicitRules',
  'language',
  'text',
  'contained',
  'extension',
  'modifierExtension',
  'identifier',
  'status',
  'scope',
  'category',
  'patient',
  'dateTime',
  'performer',
  'organization',
  'sourceAttachment',
  'sourceReference',
  'policy',
  'policyRule',
  'verification',
  'provision',
]);
const PROVISION_ELEMENTS = new Set([
  'id',
  'extension',
  'modifierExtension',
  'type',
  'period',
  'actor',
  'action',
  'securityLabel',
  'purpose',
  'class',
  'code',
  'dataPeriod',
  'data',
  'provision',
]);
const CONSENT_STATUS = ['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error'];
const CONSENT_SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form FHIR JSON under test

function assertProvision(provision: Json, path: string): void {
  for (const key of Object.keys(provision)) assert.ok(PROVISION_ELEMENTS.has(key), `${path}.${key} is an R4 element`);
  assert.ok(['permit', 'deny'].includes(provision.type), `${path}.type`);
  for (const actor of provision.actor ?? []) {
    assert.ok(actor.role?.coding?.[0]?.system && actor.reference, `${path}.actor has role and reference (1..1 each)`);
  }
  for (const data of provision.data ?? []) {
    assert.ok(['instance', 'related', 'dependents', 'authoredby'].includes(data.meaning), `${path}.data.meaning`);
  }
  for (const coding of [...(provision.purpose ?? []), ...(provision.class ?? [])]) {
    assert.ok(coding.system && coding.code, `${path} codings have system and code`);
  }
  (provision.provision ?? []).forEach((nested: Json, index: number) =>
    assertProvision(nested, `${path}.provision[${index}]`),
  );
}

/** Checks a resource against R4 Consent's elements, cardinalities, required bindings and invariants. */
function assertR4Consent(consent: Json): void {
  for (const key of Object.keys(consent)) assert.ok(CONSENT_ELEMENTS.has(key), `${key} is an R4 Consent element`);
  assert.equal(consent.resourceType, 'Consent');
  assert.ok(CONSENT_STATUS.includes(consent.status), 'status (1..1, required binding)');
  assert.ok(
    consent.scope?.coding?.some(
      (c: Json) => c.system === CONSENT_SCOPE && ['adr', 'research', 'patient-privacy', 'treatment'].includes(c.code),
    ),
    'scope (1..1) from consentscope',
  );
  assert.ok(Array.isArray(consent.category) && consent.category.length >= 1, 'category (1..*)');
  for (const category of consent.category) assert.ok(category.coding?.every((c: Json) => c.system && c.code));
  assert.ok(consent.policy?.length || consent.policyRule, 'ppc-1: a policy or a policyRule');
  assert.ok(consent.patient?.reference, 'ppc-2: a privacy consent has a patient');
  assert.match(consent.dateTime, INSTANT);
  assert.ok(!(consent.sourceAttachment && consent.sourceReference), 'source[x] is one choice');
  const attachment = consent.sourceAttachment;
  assert.equal(Buffer.from(attachment.hash, 'base64').length, 20, 'Attachment.hash is a base64 SHA-1');
  assert.ok(Number.isInteger(attachment.size) && attachment.size >= 0, 'Attachment.size is an unsignedInt');
  const containedIds = new Set((consent.contained ?? []).map((resource: Json) => `#${resource.id}`));
  for (const performer of consent.performer ?? []) {
    if (performer.reference?.startsWith('#'))
      assert.ok(containedIds.has(performer.reference), 'a local reference resolves');
  }
  for (const id of containedIds) {
    assert.ok(JSON.stringify(consent).split(`"${String(id)}"`).length > 1, 'dom-3: contained resources are referenced');
  }
  for (const resource of consent.contained ?? []) {
    assert.ok(!resource.contained && !resource.meta?.versionId, 'dom-2, dom-4: contained resources are plain');
  }
  assertProvision(consent.provision, 'provision');
}

/** A signed release form as an upload part. */
function pdf(label?: string): FilePart {
  return { bytes: signedFormPdf(label), filename: 'release.pdf', contentType: 'application/pdf' };
}

describe('release authorizations', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let patientId: string;
  let caseId: string;
  const record = (fields: unknown, file: FilePart | null = pdf(), patient = patientId) =>
    postForm(t, frontDesk, `/api/v1/patients/${patient}/releases`, 'document', file, fields);
  const get = (path: string, staff = frontDesk) => request(t.server).get(path).auth(staff.token, { type: 'bearer' });

  beforeAll(async () => {
    t = await startTestApp({ env: s3TestEnv(await createTestBucket()) });
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    patientId = (await createPatient(t, frontDesk, { fullName: 'Jane Roe' })).id;
    caseId = await createCase(t, frontDesk, patientId);
  });
  afterAll(async () => t.close());

  it('records a signed, scoped release with the form stored under its hash', async () => {
    const form = pdf('Jane Roe signed');
    const created = await record(releaseFields({ coversAllCases: undefined, caseIds: [caseId] }), form);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const release = created.body;
    assert.equal(release.version, 1);
    assert.equal(release.status, 'current');
    assert.equal(release.seriesId, release.id);
    assert.deepEqual(release.caseIds, [caseId]);
    assert.equal(release.signedBy.fullName, 'Jane Roe');
    assert.equal(release.witness.userId, frontDesk.id);
    assert.deepEqual(release.scope, { ...SCOPE, nameAllowed: false });
    assert.equal(release.document.sha256, createHash('sha256').update(form.bytes).digest('hex'));
    assert.equal(release.document.contentType, 'application/pdf');
    assert.equal(release.checklistComplete, true);

    const download = await get(release.document.url).buffer(true);
    assert.equal(download.status, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(download.headers['content-disposition'] ?? '', /^attachment; filename="release-/);
    assert.ok(Buffer.from(download.body as Buffer).equals(form.bytes));
    assert.equal((await get(release.document.url, marketing)).status, 403);
    assert.equal((await get(`/api/v1/releases/${release.id}`, marketing)).status, 403);
  });

  it('needs a guardian to sign for a patient who was under 18 on the signing date', async () => {
    const minor = await createPatient(t, frontDesk, {
      dateOfBirth: '2008-03-05',
      guardian: { fullName: 'John Roe', relationship: 'parent', contactPhone: '+1 555 0101' },
    });
    const before = await counts(t);
    const bySelf = await record(releaseFields(), pdf(), minor.id);
    assert.equal(bySelf.status, 400);
    assert.equal(bySelf.body.code, 'validation_failed');
    assert.match(bySelf.headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.equal(bySelf.body.errors[0].field, 'signedBy.signerType');
    const withoutAuthority = await record(
      releaseFields({ signedBy: { signerType: 'guardian', fullName: 'John Roe', relationship: 'parent' } }),
      pdf(),
      minor.id,
    );
    assert.equal(withoutAuthority.status, 400);
    assert.deepEqual(await counts(t), before);

    const byGuardian = await record(
      releaseFields({
        signedBy: {
          signerType: 'guardian',
          fullName: 'John Roe',
          relationship: 'parent',
          authority: 'parent of a minor',
        },
      }),
      pdf(),
      minor.id,
    );
    assert.equal(byGuardian.status, 201, JSON.stringify(byGuardian.body));
    // Eighteen three days later: the patient may sign for themselves from then on.
    const laterSelf = await record(releaseFields({ signedAt: '2026-03-01T10:00:00Z' }), pdf('later'), minor.id);
    assert.equal(laterSelf.status, 400);

    const fhir = await get(`/api/v1/releases/${byGuardian.body.id}/fhir`);
    assert.equal(fhir.status, 200);
    assertR4Consent(fhir.body);
    assert.deepEqual(fhir.body.performer, [{ reference: '#signer' }]);
    const signer = fhir.body.contained[0];
    assert.equal(signer.resourceType, 'RelatedPerson');
    assert.deepEqual(signer.relationship[0].coding, [
      { system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'PRN', display: 'parent' },
    ]);
    assert.equal(signer.patient.reference, `Patient/${minor.id}`);
  });

  it('amends by adding a version that supersedes the old one, which stays readable', async () => {
    const first = (await record(releaseFields())).body;
    const amended = await postForm(
      t,
      frontDesk,
      `/api/v1/releases/${first.id}/amendments`,
      'document',
      pdf('amended'),
      {
        reason: 'The patient no longer allows social media.',
        signedAt: '2026-03-02T08:00:00Z',
        scope: { ...SCOPE, channels: ['website'], deniedChannels: [] },
      },
    );
    assert.equal(amended.status, 201, JSON.stringify(amended.body));
    assert.equal(amended.body.version, 2);
    assert.equal(amended.body.seriesId, first.id);
    assert.equal(amended.body.supersedesId, first.id);
    assert.deepEqual(amended.body.scope.channels, ['website']);
    assert.equal(amended.body.purpose, first.purpose, 'fields left out carry over');
    assert.deepEqual(
      amended.body.versions.map((v: Json) => [v.version, v.status]),
      [
        [2, 'current'],
        [1, 'superseded'],
      ],
    );
    const old = await get(`/api/v1/releases/${first.id}`);
    assert.equal(old.status, 200);
    assert.equal(old.body.status, 'superseded');
    assert.deepEqual(old.body.scope.channels, ['website', 'social']);

    const before = await counts(t);
    const blankReason = await postForm(
      t,
      frontDesk,
      `/api/v1/releases/${amended.body.id}/amendments`,
      'document',
      pdf('blank'),
      { reason: '   ', signedAt: '2026-03-02T08:30:00Z' },
    );
    assert.equal(blankReason.status, 400, 'an amendment says why');
    assert.equal(blankReason.body.errors[0].field, 'metadata.reason');
    assert.deepEqual(await counts(t), before);
    const again = await postForm(t, frontDesk, `/api/v1/releases/${first.id}/amendments`, 'document', pdf('again'), {
      reason: 'x',
      signedAt: '2026-03-02T08:30:00Z',
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.currentReleaseId, amended.body.id);
    assert.deepEqual(await counts(t), before);

    const current = await get(`/api/v1/patients/${patientId}/releases`);
    assert.ok(current.body.every((r: Json) => r.status === 'current'));
    const all = await get(`/api/v1/patients/${patientId}/releases?includeSuperseded=true`);
    assert.ok(all.body.some((r: Json) => r.id === first.id));

    const fhir = await get(`/api/v1/releases/${first.id}/fhir`);
    assert.equal(fhir.body.status, 'inactive');
    assertR4Consent(fhir.body);
  });

  it('refuses to edit or delete a release version, even through the database', async () => {
    const release = (await record(releaseFields({ signedAt: '2026-02-01T10:00:00Z' }))).body;
    await assert.rejects(
      t.database.query(`UPDATE releases SET face_allowed = true WHERE id = $1`, [release.id]),
      /evidence/,
    );
    await assert.rejects(t.database.query(`DELETE FROM releases WHERE id = $1`, [release.id]), /evidence/);
  });

  it('lists each element of 45 CFR 164.508(c) with what is missing', async () => {
    const incomplete = await record(
      releaseFields({
        signedAt: '2026-02-10T10:00:00Z',
        purpose: undefined,
        expiresAt: undefined,
        redisclosureStatement: false,
        treatmentConditionedOnSigning: true,
      }),
    );
    assert.equal(incomplete.status, 201);
    assert.equal(incomplete.body.checklistComplete, false);
    const checklist = await get(`/api/v1/releases/${incomplete.body.id}/checklist`);
    assert.equal(checklist.status, 200);
    assert.equal(checklist.body.complete, false);
    assert.match(checklist.body.notice, /not legal advice/);
    const failed = Object.fromEntries(
      (checklist.body.items as Json[]).filter((item) => !item.passed).map((item) => [item.element, item.missing]),
    );
    assert.deepEqual(Object.keys(failed).sort(), ['conditioning', 'expiration', 'purpose', 'redisclosure']);
    assert.match(failed.conditioning, /conditioned on signing/);
    assert.equal(checklist.body.items.length, 10);
    assert.ok((checklist.body.items as Json[]).every((item) => item.citation.startsWith('45 CFR 164.508(c)')));
  });

  it('gives the release as an R4 Consent with nested denials for excluded channels and the face', async () => {
    const release = (
      await record(releaseFields({ signedAt: '2026-02-20T10:00:00Z', coversAllCases: undefined, caseIds: [caseId] }))
    ).body;
    const response = await get(`/api/v1/releases/${release.id}/fhir`);
    assert.equal(response.status, 200);
    assert.match(response.headers['content-type'] ?? '', /^application\/fhir\+json/);
    const consent = response.body;
    assertR4Consent(consent);
    assert.equal(consent.status, 'active');
    const lapsed = (
      await record(releaseFields({ signedAt: '2026-01-05T10:00:00Z', expiresAt: '2026-02-05T00:00:00Z' }))
    ).body;
    const expired = await get(`/api/v1/releases/${lapsed.id}/fhir`);
    assert.equal(expired.body.status, 'inactive', 'a release past its expiry is no longer an active consent');
    assertR4Consent(expired.body);
    assert.deepEqual(consent.performer, [{ reference: `Patient/${patientId}` }]);
    assert.equal(consent.dateTime, '2026-02-20T10:00:00.000Z');
    assert.equal(
      Buffer.from(consent.sourceAttachment.hash, 'base64').toString('hex'),
      createHash('sha1').update(signedFormPdf()).digest('hex'),
    );
    assert.equal(consent.provision.type, 'permit');
    assert.deepEqual(consent.provision.period, { start: '2026-02-20T10:00:00.000Z', end: '2031-03-01T00:00:00.000Z' });
    assert.deepEqual(
      consent.provision.actor.map((a: Json) => a.reference.identifier.value),
      ['website', 'social'],
    );
    assert.deepEqual(consent.provision.data, [
      { meaning: 'related', reference: { reference: `EpisodeOfCare/${caseId}` } },
    ]);
    const denials = consent.provision.provision as Json[];
    assert.ok(denials.every((d) => d.type === 'deny'));
    assert.ok(denials.some((d) => d.actor?.[0].reference.identifier.value === 'social.tiktok'));
    assert.ok(denials.some((d) => d.code?.[0].coding[0].code === 'face'));
    assert.ok(denials.some((d) => d.code?.[0].coding[0].code === 'unobscured-marks'));
    assert.ok(denials.some((d) => d.purpose?.[0].code === 'paid-advertising'));
    assert.ok(!denials.some((d) => d.purpose?.[0].code === 'educational'), 'educational use is allowed');
  });

  it('audits every read of a release, its list, its FHIR Consent and its signed form, for the patient', async () => {
    const patient = await createPatient(t, frontDesk);
    const release = (await record(releaseFields(), pdf(), patient.id)).body;
    for (const path of [
      `/api/v1/releases/${release.id}`,
      `/api/v1/patients/${patient.id}/releases`,
      `/api/v1/releases/${release.id}/fhir`,
      `/api/v1/releases/${release.id}/document`,
    ]) {
      assert.equal((await get(path)).status, 200, path);
    }
    const reads = await t.database.query(
      `SELECT action, actor_id, entity_id FROM audit_events
        WHERE patient_id = $1 AND action LIKE 'release.%' AND action <> 'release.create' ORDER BY id`,
      [patient.id],
    );
    assert.deepEqual(reads, [
      { action: 'release.read', actor_id: frontDesk.id, entity_id: release.id },
      { action: 'release.list', actor_id: frontDesk.id, entity_id: patient.id },
      { action: 'release.fhir.read', actor_id: frontDesk.id, entity_id: release.id },
      { action: 'release.document.read', actor_id: frontDesk.id, entity_id: release.id },
    ]);
  });

  it('answers a malformed id in a release path with 400 and an unknown one with 404, changing nothing', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const before = await counts(t);
    for (const path of ['', '/checklist', '/fhir', '/document']) {
      const malformed = await get(`/api/v1/releases/not-a-uuid${path}`);
      assert.equal(malformed.status, 400, path);
      assert.match(malformed.headers['content-type'] ?? '', /^application\/problem\+json/, path);
      assert.equal((await get(`/api/v1/releases/${unknown}${path}`)).status, 404, path);
    }
    for (const [id, status] of [
      ['not-a-uuid', 400],
      [unknown, 404],
    ] as const) {
      const amended = await postForm(t, frontDesk, `/api/v1/releases/${id}/amendments`, 'document', pdf(), {
        reason: 'A typo.',
        signedAt: '2026-03-02T08:00:00Z',
      });
      assert.equal(amended.status, status, JSON.stringify(amended.body));
      assert.match(amended.headers['content-type'] ?? '', /^application\/problem\+json/);
    }
    assert.deepEqual(await counts(t), before);
  });

  it('refuses an amendment signed in the future, before the version it amends, or expiring before it was signed', async () => {
    const first = (await record(releaseFields())).body;
    const before = await counts(t);
    for (const [label, fields] of [
      ['in the future', { signedAt: '2026-03-03T09:00:00Z' }],
      ['before the version it amends', { signedAt: '2026-02-01T09:00:00Z' }],
      ['expiring before it was signed', { signedAt: '2026-03-02T08:00:00Z', expiresAt: '2026-03-01T00:00:00Z' }],
    ] as const) {
      const amended = await postForm(t, frontDesk, `/api/v1/releases/${first.id}/amendments`, 'document', pdf(), {
        reason: 'Corrected.',
        ...fields,
      });
      assert.equal(amended.status, 400, `${label}: ${JSON.stringify(amended.body)}`);
      assert.equal(amended.body.code, 'validation_failed', label);
    }
    assert.deepEqual(await counts(t), before);
  });

  describe('refuses bad input with a problem and changes nothing', () => {
    const bad: [string, () => { fields?: unknown; file?: FilePart | null; patient?: string }, number, string][] = [
      [
        'a signing date in the future',
        () => ({ fields: releaseFields({ signedAt: '2026-03-03T09:00:00Z' }) }),
        400,
        'validation_failed',
      ],
      [
        'an expiry before signing',
        () => ({ fields: releaseFields({ expiresAt: '2026-02-01T00:00:00Z' }) }),
        400,
        'validation_failed',
      ],
      [
        'an unknown channel',
        () => ({ fields: releaseFields({ scope: { ...SCOPE, channels: ['billboards'] } }) }),
        400,
        'validation_failed',
      ],
      [
        'a wrong signer type',
        () => ({ fields: releaseFields({ signedBy: { signerType: 'spouse' } }) }),
        400,
        'validation_failed',
      ],
      ['unknown fields', () => ({ fields: releaseFields({ notarized: true }) }), 400, 'validation_failed'],
      [
        'an unknown case',
        () => ({
          fields: releaseFields({ coversAllCases: undefined, caseIds: ['00000000-0000-4000-8000-000000000000'] }),
        }),
        404,
        'not_found',
      ],
      ['both all cases and a list', () => ({ fields: releaseFields({ caseIds: [caseId] }) }), 400, 'validation_failed'],
      ['no signed form', () => ({ file: null }), 400, 'validation_failed'],
      [
        'a form that is a HEIC',
        () => ({ file: { bytes: heicHeader(), contentType: 'application/pdf' } }),
        415,
        'heic_not_supported',
      ],
      [
        'a form that is a text file named .pdf',
        () => ({ file: { bytes: Buffer.from('I agree'), filename: 'form.pdf', contentType: 'application/pdf' } }),
        415,
        'unsupported_file_type',
      ],
      [
        'an empty form',
        () => ({ file: { bytes: Buffer.alloc(0), contentType: 'application/pdf' } }),
        400,
        'empty_file',
      ],
      [
        'a form over 20 MB',
        () => ({ file: { bytes: Buffer.alloc(20 * 1024 * 1024 + 1, 0x25), contentType: 'application/pdf' } }),
        413,
        'file_too_large',
      ],
      [
        'a PDF form cut off on the way',
        () => {
          const whole = signedFormPdf();
          return { file: { bytes: whole.subarray(0, whole.length - 40), contentType: 'application/pdf' } };
        },
        422,
        'document_incomplete',
      ],
      [
        'a bare PDF header',
        () => ({ file: { bytes: Buffer.from('%PDF-1.4\n%%EOF\n'), contentType: 'application/pdf' } }),
        422,
        'document_incomplete',
      ],
      ['a scope that is an array', () => ({ fields: releaseFields({ scope: [] }) }), 400, 'validation_failed'],
      ['no signer', () => ({ fields: releaseFields({ signedBy: undefined }) }), 400, 'validation_failed'],
      [
        'a blank guardian name',
        () => ({
          fields: releaseFields({
            signedBy: {
              signerType: 'guardian',
              fullName: '  ',
              relationship: 'legal_guardian',
              authority: 'court order',
            },
          }),
        }),
        400,
        'validation_failed',
      ],
      [
        'an adult signed for by a parent',
        () => ({
          fields: releaseFields({
            signedBy: { signerType: 'guardian', fullName: 'John Roe', relationship: 'parent', authority: 'parent' },
          }),
        }),
        400,
        'validation_failed',
      ],
      ['a blank form template', () => ({ fields: releaseFields({ formTemplate: ' \t ' }) }), 400, 'validation_failed'],
      [
        'a day that does not exist',
        () => ({ fields: releaseFields({ signedAt: '2026-02-30T10:00:00Z' }) }),
        400,
        'validation_failed',
      ],
      [
        'a time of day that does not exist',
        () => ({ fields: releaseFields({ signedAt: '2026-02-20T23:59:60Z' }) }),
        400,
        'validation_failed',
      ],
      [
        'a NUL character',
        () => ({ fields: releaseFields({ formTemplate: 'Photo\u0000release' }) }),
        400,
        'validation_failed',
      ],
      [
        'a denial that cancels a grant',
        () => ({ fields: releaseFields({ scope: { ...SCOPE, deniedChannels: ['social'] } }) }),
        400,
        'validation_failed',
      ],
      [
        'education granted but educational use not allowed',
        () => ({
          fields: releaseFields({ scope: { ...SCOPE, channels: ['education'], educationalUseAllowed: false } }),
        }),
        400,
        'validation_failed',
      ],
      ['a malformed patient id', () => ({ patient: 'P-123' }), 400, 'bad_request'],
      ['an unknown patient', () => ({ patient: '00000000-0000-4000-8000-000000000000' }), 404, 'not_found'],
    ];
    for (const [label, make, status, code] of bad) {
      it(label, async () => {
        const { fields, file, patient } = make();
        const before = await counts(t);
        const response = await record(
          fields ?? releaseFields(),
          file === undefined ? pdf() : file,
          patient ?? patientId,
        );
        assert.equal(response.status, status, JSON.stringify(response.body));
        assert.equal(response.body.code, code);
        assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/);
        assert.deepEqual(await counts(t), before);
      });
    }

    it('a scan cut off on the way', async () => {
      const scan = await jpegPhoto({ seed: 91, width: 850, height: 1100 });
      const before = await counts(t);
      const response = await record(releaseFields(), {
        bytes: scan.subarray(0, Math.floor(scan.length * 0.6)),
        contentType: 'image/jpeg',
      });
      assert.equal(response.status, 422, JSON.stringify(response.body));
      assert.equal(response.body.code, 'image_unreadable');
      assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/);
      assert.deepEqual(await counts(t), before);
    });

    it('a JPEG scan of the form is accepted', async () => {
      const scan = await record(releaseFields({ signedAt: '2026-01-05T10:00:00Z' }), {
        bytes: await jpegPhoto({ seed: 90, width: 850, height: 1100 }),
        contentType: 'image/jpeg',
      });
      assert.equal(scan.status, 201, JSON.stringify(scan.body));
      assert.equal(scan.body.document.contentType, 'image/jpeg');
    });
  });
});

describe('release authorizations of a clinic west of UTC', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;

  beforeAll(async () => {
    t = await startTestApp({ env: { ...s3TestEnv(await createTestBucket()), CLINIC_TIME_ZONE: 'America/New_York' } });
    frontDesk = await createSignedIn(t, 'front_desk');
  });
  afterAll(async () => t.close());

  it("counts the patient's age on the signing date where the clinic is, not in UTC", async () => {
    // The test clock stands at 2026-03-02T09:00Z, 4 am in New York: the patient turned 18 there today.
    const patient = await createPatient(t, frontDesk, { dateOfBirth: '2008-03-02' });
    const sign = (signedAt: string) =>
      postForm(t, frontDesk, `/api/v1/patients/${patient.id}/releases`, 'document', pdf(), {
        ...releaseFields(),
        signedAt,
      });
    const before = await counts(t);
    // 8 pm on 1 March in New York, already 2 March in UTC: the patient was 17 where they signed.
    const eveBefore = await sign('2026-03-02T01:00:00Z');
    assert.equal(eveBefore.status, 400, JSON.stringify(eveBefore.body));
    assert.equal(eveBefore.body.errors[0].field, 'signedBy.signerType');
    assert.deepEqual(await counts(t), before);
    // 1 am on 2 March in New York: eighteen on the day.
    const birthday = await sign('2026-03-02T06:00:00Z');
    assert.equal(birthday.status, 201, JSON.stringify(birthday.body));
  });

  it("tells marketing the dates of a refusal as the clinic's calendar days", async () => {
    const marketing = await createSignedIn(t, 'marketing');
    const patient = await createPatient(t, frontDesk);
    const photo = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient.id));
    // Ended at 2 am UTC on 5 February: 9 pm on 4 February in New York.
    const lapsed = await postForm(t, frontDesk, `/api/v1/patients/${patient.id}/releases`, 'document', pdf(), {
      ...releaseFields({ signedAt: '2026-01-05T15:00:00Z', expiresAt: '2026-02-05T02:00:00Z' }),
    });
    assert.equal(lapsed.status, 201, JSON.stringify(lapsed.body));
    const checked = await request(t.server)
      .get(`/api/v1/photos/${photo}/clearance?channel=website`)
      .auth(marketing.token, { type: 'bearer' });
    assert.equal(checked.status, 200);
    assert.deepEqual(
      (checked.body.reasons as Json[]).map((reason) => reason.message),
      ['The release expired on 2026-02-04.'],
    );
  });
});
