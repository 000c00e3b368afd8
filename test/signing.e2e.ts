import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { scopeSentences } from '../src/forms/scope-in-words.js';
import { startTestApp, type TestApp } from './support/app.js';
import { pdfsig } from './support/pdf.js';
import {
  collectBytes,
  counts,
  createCase,
  createPatient,
  RELEASE_FORM_TERMS,
  SCOPE,
  uploadPhoto,
} from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

const TERMS = RELEASE_FORM_TERMS;

/** A handwritten-looking signature across a 600 × 200 canvas. */
const DRAWING = {
  canvasWidth: 600,
  canvasHeight: 200,
  strokes: [
    Array.from({ length: 60 }, (_, index) => [40 + index * 6, 120 - Math.sin(index / 4) * 40]).flat(),
    [300, 60, 320, 150, 340, 70, 360, 140],
  ],
};

describe('release forms signed at the desk', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let templateId: string;

  beforeAll(async () => {
    t = await startTestApp();
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    templateId = (
      await t.database.query<{ id: string }>('SELECT id FROM form_templates WHERE published_by_user_id IS NULL')
    )[0].id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const api = (staff: SignedInStaff) => ({
    get: (url: string) => request(t.server).get(`/api/v1${url}`).auth(staff.token, { type: 'bearer' }),
    post: (url: string, body: object = {}) =>
      request(t.server).post(`/api/v1${url}`).auth(staff.token, { type: 'bearer' }).send(body),
  });
  const desk = () => api(frontDesk);

  async function makeRequest(patientId: string, overrides: object = {}): Promise<Json> {
    const made = await desk().post(`/patients/${patientId}/signing-requests`, {
      ...TERMS,
      templateId,
      language: 'en',
      delivery: 'desk',
      ...overrides,
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    return made.body as Json;
  }

  const signature = (form: Json, overrides: object = {}) => ({
    shownSha256: form.sha256,
    typedName: 'Patient Name',
    electronicSignatureConsent: true,
    signature: DRAWING,
    ...overrides,
  });

  it('records the release with exactly the terms of the form, sealed so that an outside reader verifies it', async () => {
    const patient = await createPatient(t, frontDesk, {
      fullName: 'Zoë Ångström',
      contactEmail: 'zoe@example.test',
    });
    const made = await makeRequest(patient.id);
    assert.equal(made.status, 'pending');
    assert.equal(made.delivery, 'desk');
    const pending = await desk().get('/signing-requests');
    assert.ok((pending.body.items as Json[]).some((item) => item.id === made.id && item.patientCode === patient.code));

    const shown = await desk().get(`/patients/${patient.id}/signing-requests/${made.id}`);
    assert.equal(shown.status, 200);
    assert.equal(shown.body.form.sha256, made.form.sha256, 'the form reads as it did when the request was made');

    const signed = await desk().post(
      `/patients/${patient.id}/signing-requests/${made.id}/signature`,
      signature(shown.body.form, { typedName: '  zoe  angstrom ' }),
    );
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    const releaseId = signed.body.releaseId as string;

    const release = (await desk().get(`/releases/${releaseId}`)).body as Json;
    assert.deepEqual(
      { ...release.scope },
      { ...SCOPE, nameAllowed: false },
      'the scope recorded is the scope on the form',
    );
    assert.equal(release.coversAllCases, true);
    assert.equal(release.signedBy.fullName, 'Zoë Ångström');
    assert.equal(release.witness.userId, frontDesk.id);
    assert.equal(release.checklistComplete, true);
    assert.equal(release.standing.state, 'in_force');
    assert.equal(release.expiresAt, '2031-03-01T00:00:00.000Z');
    assert.match(release.formVersion as string, new RegExp(`^${templateId} v1 \\(en\\)$`));

    const after = await desk().get(`/patients/${patient.id}/signing-requests/${made.id}`);
    assert.equal(after.body.status, 'signed');
    assert.equal(after.body.releaseId, releaseId);
    assert.equal(after.body.form, null);

    const document = await desk().get(`/releases/${releaseId}/document`).buffer(true).parse(collectBytes);
    assert.equal(document.status, 200);
    assert.equal(document.headers['content-type'], 'application/pdf');
    const pdf = document.body as Buffer;
    const verified = await pdfsig(pdf);
    assert.match(verified, /Signature Validation: Signature is Valid/, verified);
    assert.match(verified, /ETSI\.CAdES\.detached/, 'a PAdES signature');
    const altered = Buffer.from(pdf);
    // One byte of the form's page content, well inside the range the seal covers.
    const at = Math.floor(pdf.length / 4);
    altered[at] = altered[at] ^ 0x01;
    assert.match(await pdfsig(altered), /Digest Mismatch|Signature is Invalid/, 'one changed byte shows');

    const [copy] = await t.database.query<Json>(
      `SELECT recipient_address, attachment_key, attachment_name, delivery FROM outbox_messages
        WHERE kind = 'signed_release_copy' AND recipient_patient_id = $1`,
      [patient.id],
    );
    assert.equal(copy.recipient_address, 'zoe@example.test');
    assert.equal(copy.attachment_key, `releases/${releaseId}/document`);
    assert.equal(copy.attachment_name, 'signed-photo-release.pdf');

    const [audit] = await t.database.query<Json>(
      "SELECT details FROM audit_events WHERE action = 'release.create' AND entity_id = $1",
      [releaseId],
    );
    assert.equal(audit.details.signingRequestId, made.id);
    assert.equal(audit.details.formSha256, made.form.sha256);
  });

  it('takes a guardian’s signature for a minor in Spanish, with their attestation', async () => {
    const minor = await createPatient(t, frontDesk, {
      fullName: 'Lucía Fernández',
      dateOfBirth: '2012-04-01',
      guardian: { fullName: 'Ana Fernández', relationship: 'parent', contactEmail: 'ana@example.test' },
    });
    const guardian = { signerType: 'guardian', fullName: 'Ana Fernández', relationship: 'parent', authority: 'Madre' };
    const made = await makeRequest(minor.id, { language: 'es', signedBy: guardian });
    const path = `/patients/${minor.id}/signing-requests/${made.id}/signature`;
    const without = await desk().post(path, signature(made.form, { typedName: 'Ana Fernández' }));
    assert.equal(without.status, 400);
    assert.ok((without.body.errors as Json[]).some((error) => error.field === 'guardianAttestation'));
    const signed = await desk().post(
      path,
      signature(made.form, { typedName: 'Ana Fernández', guardianAttestation: true }),
    );
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    const release = (await desk().get(`/releases/${signed.body.releaseId}`)).body as Json;
    assert.equal(release.signedBy.signerType, 'guardian');
    assert.equal(release.formTemplate, 'Autorización para usar fotografías de mi tratamiento');
    const [copy] = await t.database.query<Json>(
      "SELECT recipient_address, subject FROM outbox_messages WHERE kind = 'signed_release_copy' AND recipient_patient_id = $1",
      [minor.id],
    );
    assert.equal(copy.recipient_address, 'ana@example.test');
    assert.equal(copy.subject, 'Su autorización de fotografías firmada');
  });

  it('refuses bad signatures with a problem and records nothing', async () => {
    const patient = await createPatient(t, frontDesk, { fullName: 'Patient Name' });
    const other = await createPatient(t, frontDesk);
    const made = await makeRequest(patient.id);
    const path = `/patients/${patient.id}/signing-requests/${made.id}/signature`;
    const before = await counts(t);
    const refusals: [string, string, object, number, string][] = [
      [
        'another patient',
        `/patients/${other.id}/signing-requests/${made.id}/signature`,
        signature(made.form),
        404,
        'not_found',
      ],
      ['a different form', path, signature(made.form, { shownSha256: 'a'.repeat(64) }), 409, 'form_changed'],
      [
        'an empty drawing',
        path,
        signature(made.form, { signature: { ...DRAWING, strokes: [] } }),
        400,
        'validation_failed',
      ],
      [
        'one dot',
        path,
        signature(made.form, { signature: { ...DRAWING, strokes: [[300, 100]] } }),
        400,
        'validation_failed',
      ],
      [
        'a short tick',
        path,
        signature(made.form, { signature: { ...DRAWING, strokes: [[300, 100, 306, 104]] } }),
        400,
        'validation_failed',
      ],
      [
        'ink off the canvas',
        path,
        signature(made.form, { signature: { ...DRAWING, strokes: [[10, 10, 900, 10]] } }),
        400,
        'validation_failed',
      ],
      [
        'strokes that are not numbers',
        path,
        signature(made.form, { signature: { ...DRAWING, strokes: [['a', 'b']] } }),
        400,
        'validation_failed',
      ],
      ['another name typed', path, signature(made.form, { typedName: 'Someone Else' }), 400, 'validation_failed'],
      [
        'no consent to sign electronically',
        path,
        signature(made.form, { electronicSignatureConsent: false }),
        400,
        'validation_failed',
      ],
      [
        'a guardian’s attestation on the patient’s own form',
        path,
        signature(made.form, { guardianAttestation: true }),
        400,
        'validation_failed',
      ],
    ];
    for (const [name, url, body, status, code] of refusals) {
      const refused = await desk().post(url, body);
      assert.equal(refused.status, status, `${name}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.code, code, name);
      assert.match(refused.headers['content-type'], /application\/problem\+json/, name);
    }
    assert.equal(
      (await api(marketing).post(path, signature(made.form))).status,
      403,
      'marketing cannot take signatures',
    );
    assert.deepEqual(await counts(t), before, 'nothing was recorded');

    const signed = await desk().post(path, signature(made.form));
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    const afterSigning = await counts(t);
    const twice = await desk().post(path, signature(made.form));
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'signing_request_closed');
    assert.equal(twice.body.releaseId, signed.body.releaseId);
    assert.deepEqual(await counts(t), afterSigning, 'a second signature records nothing');
  });

  it('refuses a form the signer could not sign, one that changed since it was shown, and one that expired', async () => {
    const minor = await createPatient(t, frontDesk, {
      dateOfBirth: '2012-04-01',
      guardian: { fullName: 'Ana Roe', relationship: 'parent', contactEmail: 'ana.roe@example.test' },
    });
    const alone = await desk().post(`/patients/${minor.id}/signing-requests`, {
      ...TERMS,
      templateId,
      language: 'en',
      delivery: 'desk',
    });
    assert.equal(alone.status, 400, 'a minor cannot sign alone');
    const adult = await createPatient(t, frontDesk, { fullName: 'Patient Name' });
    const guardianOfAdult = await desk().post(`/patients/${adult.id}/signing-requests`, {
      ...TERMS,
      signedBy: { signerType: 'guardian', fullName: 'Ana Roe', relationship: 'parent', authority: 'Mother' },
      templateId,
      language: 'en',
      delivery: 'desk',
    });
    assert.equal(guardianOfAdult.status, 400, 'a parent cannot sign for an adult');
    assert.equal(
      Number(
        (
          await t.database.query<{ n: string }>(
            'SELECT count(*) AS n FROM signing_requests WHERE patient_id = ANY($1)',
            [[minor.id, adult.id]],
          )
        )[0].n,
      ),
      0,
    );

    const caseId = await createCase(t, frontDesk, adult.id);
    const made = await makeRequest(adult.id, { coversAllCases: undefined, caseIds: [caseId] });
    await t.database.query("UPDATE treatment_cases SET procedure = 'Blepharoplasty' WHERE id = $1", [caseId]);
    const changed = await desk().post(
      `/patients/${adult.id}/signing-requests/${made.id}/signature`,
      signature(made.form),
    );
    assert.equal(changed.status, 409, JSON.stringify(changed.body));
    assert.equal(changed.body.code, 'form_changed');
    const shownAgain = await desk().get(`/patients/${adult.id}/signing-requests/${made.id}`);
    assert.equal(shownAgain.body.form.sha256, changed.body.sha256);

    // Four hours on: the request's time runs out (the staff session would too, so only the request's is moved).
    await t.database.query('UPDATE signing_requests SET expires_at = $2 WHERE id = $1', [made.id, t.clock.now()]);
    const before = await counts(t);
    const expired = await desk().post(
      `/patients/${adult.id}/signing-requests/${made.id}/signature`,
      signature(shownAgain.body.form),
    );
    assert.equal(expired.status, 410, JSON.stringify(expired.body));
    assert.equal(expired.body.code, 'signing_request_expired');
    assert.deepEqual(await counts(t), before);
    const listed = await desk().get('/signing-requests?status=expired');
    assert.ok((listed.body.items as Json[]).some((item) => item.id === made.id));
    const stillPending = await desk().get('/signing-requests');
    assert.ok(!(stillPending.body.items as Json[]).some((item) => item.id === made.id));

    const cancelledRequest = await makeRequest(adult.id);
    const cancelled = await desk().post(`/patients/${adult.id}/signing-requests/${cancelledRequest.id}/cancel`);
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.status, 'cancelled');
    const late = await desk().post(
      `/patients/${adult.id}/signing-requests/${cancelledRequest.id}/signature`,
      signature(cancelledRequest.form),
    );
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'signing_request_closed');
  });

  it('records exactly the scope the form put in words, for every channel and condition', async () => {
    const channels = ['website', 'social', 'social.instagram', 'social.tiktok', 'print', 'email', 'education'];
    const patient = await createPatient(t, frontDesk, { fullName: 'Patient Name' });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          allowed: fc.subarray(channels, { minLength: 1 }),
          denied: fc.subarray(channels),
          faceAllowed: fc.boolean(),
          obscureIdentifyingMarks: fc.boolean(),
          nameAllowed: fc.boolean(),
          paidAdvertisingAllowed: fc.boolean(),
          educationalUseAllowed: fc.boolean(),
        }),
        async ({ allowed, denied, ...conditions }) => {
          const scope = {
            channels: allowed,
            deniedChannels: denied.filter((channel) => !allowed.includes(channel)),
            ...conditions,
          };
          const made = await desk().post(`/patients/${patient.id}/signing-requests`, {
            ...TERMS,
            scope,
            templateId,
            language: 'en',
            delivery: 'desk',
          });
          if (made.status === 400) return; // a scope the release rules refuse is refused before it is shown
          assert.equal(made.status, 201, JSON.stringify(made.body));
          const signed = await desk().post(
            `/patients/${patient.id}/signing-requests/${made.body.id}/signature`,
            signature(made.body.form),
          );
          assert.equal(signed.status, 201, JSON.stringify(signed.body));
          const release = (await desk().get(`/releases/${signed.body.releaseId}`)).body as Json;
          const recorded = { ...release.scope };
          const shownUse = (made.body.form.sections as Json[]).find(
            (section) => section.heading === 'Where and how they may be used',
          )?.paragraphs;
          assert.deepEqual(shownUse, scopeSentences(recorded as never, 'en'), 'the words shown are the scope recorded');
          assert.deepEqual(
            {
              ...recorded,
              channels: [...recorded.channels].sort(),
              deniedChannels: [...recorded.deniedChannels].sort(),
            },
            { ...scope, channels: [...scope.channels].sort(), deniedChannels: [...scope.deniedChannels].sort() },
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('takes an amendment the patient signs: the next version, and what it no longer allows comes down', async () => {
    const marketingStaff = marketing;
    const patient = await createPatient(t, frontDesk, { fullName: 'Patient Name' });
    const caseId = await createCase(t, frontDesk, patient.id);
    const photoId = await uploadPhoto(t, frontDesk, caseId);
    const first = await makeRequest(patient.id);
    const signed = await desk().post(
      `/patients/${patient.id}/signing-requests/${first.id}/signature`,
      signature(first.form),
    );
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    const published = await api(marketingStaff).post('/publications', {
      photoId,
      channel: 'social.instagram',
      location: { postId: 'C0ffee' },
    });
    assert.equal(published.status, 201, JSON.stringify(published.body));

    const withoutReason = await desk().post(`/patients/${patient.id}/signing-requests`, {
      ...TERMS,
      templateId,
      language: 'en',
      delivery: 'desk',
      amendsReleaseId: signed.body.releaseId,
    });
    assert.equal(withoutReason.status, 400);
    assert.ok((withoutReason.body.errors as Json[]).some((error) => error.field === 'amendmentReason'));
    const other = await createPatient(t, frontDesk, { fullName: 'Patient Name' });
    const foreign = await desk().post(`/patients/${other.id}/signing-requests`, {
      ...TERMS,
      templateId,
      language: 'en',
      delivery: 'desk',
      amendsReleaseId: signed.body.releaseId,
      amendmentReason: 'Website only',
    });
    assert.equal(foreign.status, 404, 'another patient’s release cannot be amended');

    const amendment = await makeRequest(patient.id, {
      scope: { ...SCOPE, channels: ['website'], deniedChannels: [] },
      amendsReleaseId: signed.body.releaseId,
      amendmentReason: 'The patient wants the photos on the website only',
    });
    assert.equal(amendment.amendsReleaseId, signed.body.releaseId);
    const amended = await desk().post(
      `/patients/${patient.id}/signing-requests/${amendment.id}/signature`,
      signature(amendment.form),
    );
    assert.equal(amended.status, 201, JSON.stringify(amended.body));
    const version = (await desk().get(`/releases/${amended.body.releaseId}`)).body as Json;
    assert.equal(version.version, 2);
    assert.equal(version.amendmentReason, 'The patient wants the photos on the website only');
    assert.deepEqual(version.scope.channels, ['website']);
    const [removal] = await t.database.query<Json>(
      "SELECT origin, release_id FROM removal_cases WHERE patient_id = $1 AND origin = 'release_narrowed'",
      [patient.id],
    );
    assert.equal(removal?.release_id, amended.body.releaseId, 'the Instagram post comes down');
    const [publication] = await t.database.query<Json>('SELECT status FROM publications WHERE id = $1', [
      published.body.id,
    ]);
    assert.notEqual(publication.status, 'live');

    const stale = await desk().post(`/patients/${patient.id}/signing-requests`, {
      ...TERMS,
      templateId,
      language: 'en',
      delivery: 'desk',
      amendsReleaseId: signed.body.releaseId,
      amendmentReason: 'Again',
    });
    assert.equal(stale.status, 409, 'a superseded version cannot be amended');
    assert.equal(stale.body.code, 'release_superseded');
  });

  describe('through a link mailed to the signer', () => {
    /** The token of the signing link mailed for a request (the outbox keeps it until it is sent). */
    const mailedToken = async (requestId: string): Promise<string> => {
      const [message] = await t.database.query<{ body: string; recipient_address: string }>(
        "SELECT body, recipient_address FROM outbox_messages WHERE kind = 'signing_request_link' AND dedupe_key = $1",
        [`signing_request:${requestId}:link`],
      );
      const token = /#token=(pcs_g_[A-Za-z0-9_-]{43})/.exec(message.body)?.[1];
      assert.ok(token, 'the message carries the link');
      return token;
    };
    const open = (body: object) => request(t.server).post('/api/v1/signing/open').send(body);
    const signRemotely = (body: object) => request(t.server).post('/api/v1/signing/signature').send(body);

    it('mails a one-time link; the date of birth opens it, and the signature recorded says how it was taken', async () => {
      const patient = await createPatient(t, frontDesk, {
        fullName: 'Remote Signer',
        dateOfBirth: '1979-02-11',
        contactEmail: 'remote.signer@example.test',
      });
      const made = await makeRequest(patient.id, { delivery: 'mail', language: 'es' });
      assert.equal(made.delivery, 'mail');
      assert.ok(new Date(made.expiresAt as string).getTime() - t.clock.now().getTime() >= 7 * 24 * 3_600_000 - 1000);
      const token = await mailedToken(made.id as string);
      const [message] = await t.database.query<{ recipient_address: string; subject: string }>(
        "SELECT recipient_address, subject FROM outbox_messages WHERE kind = 'signing_request_link' AND recipient_patient_id = $1",
        [patient.id],
      );
      assert.deepEqual(
        { ...message },
        {
          recipient_address: 'remote.signer@example.test',
          subject: 'Una autorización de fotografías para leer y firmar',
        },
      );
      const outbox = await api(await createSignedIn(t, 'privacy_officer')).get('/outbox?kind=signing_request_link');
      assert.doesNotMatch(JSON.stringify(outbox.body), /pcs_g_/, 'no staff account reads the link');
      const atDesk = await desk().post(
        `/patients/${patient.id}/signing-requests/${made.id}/signature`,
        signature(made.form),
      );
      assert.equal(atDesk.status, 400, 'a mailed form is signed through its link');

      const wrong = await open({ token, dateOfBirth: '1979-02-12' });
      assert.equal(wrong.status, 403);
      assert.equal(wrong.body.code, 'identity_not_proven');
      const opened = await open({ token, dateOfBirth: '1979-02-11' });
      assert.equal(opened.status, 200, JSON.stringify(opened.body));
      assert.equal(opened.body.language, 'es');
      assert.equal(opened.body.form.sha256, made.form.sha256);
      assert.equal(opened.body.signer.fullName, 'Remote Signer');
      assert.match(JSON.stringify(opened.body.form.sections), /Remote Signer/, 'the signer reads the whole form');
      assert.match(opened.body.proof as string, /^pcs_v_/);

      const before = await counts(t);
      const body = { ...signature(opened.body.form, { typedName: 'Remote Signer' }), token };
      for (const [name, proof] of [
        ['no proof', 'none'],
        ['a forged proof', `pcs_v_${'A'.repeat(43)}`],
      ]) {
        const refused = await signRemotely({ ...body, proof });
        assert.equal(refused.status, 403, name);
        assert.equal(refused.body.code, 'identity_not_proven', name);
      }
      assert.deepEqual(await counts(t), before);

      const signed = await signRemotely({ ...body, proof: opened.body.proof });
      assert.equal(signed.status, 201, JSON.stringify(signed.body));
      const release = (await desk().get(`/releases/${signed.body.releaseId}`)).body as Json;
      assert.equal(release.signedBy.fullName, 'Remote Signer');
      assert.equal(release.witness.userId, frontDesk.id, 'the release names who sent the request');
      const [audit] = await t.database.query<Json>(
        "SELECT actor_type, details FROM audit_events WHERE action = 'release.create' AND entity_id = $1",
        [signed.body.releaseId],
      );
      assert.equal(audit.actor_type, 'patient', 'the signer acted, not a staff member');
      assert.equal(audit.details.delivery, 'mail');
      const document = await desk().get(`/releases/${signed.body.releaseId}/document`).buffer(true).parse(collectBytes);
      assert.match(await pdfsig(document.body as Buffer), /Signature is Valid/);

      const again = await signRemotely({ ...body, proof: opened.body.proof });
      assert.equal(again.status, 401, 'a link signs once');
      assert.equal(again.body.code, 'signing_link_invalid');
      assert.equal((await open({ token, dateOfBirth: '1979-02-11' })).status, 401, 'and does not open again');
    });

    it('takes a mailed signature though the staff member who sent the link has left since', async () => {
      const sender = await createSignedIn(t, 'front_desk');
      const patient = await createPatient(t, frontDesk, {
        fullName: 'Patient Name',
        dateOfBirth: '1970-10-10',
        contactEmail: 'later@example.test',
      });
      const made = await api(sender).post(`/patients/${patient.id}/signing-requests`, {
        ...TERMS,
        templateId,
        language: 'en',
        delivery: 'mail',
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      await t.database.query('UPDATE users SET active = false WHERE id = $1', [sender.id]);
      const token = await mailedToken(made.body.id as string);
      const opened = await open({ token, dateOfBirth: '1970-10-10' });
      assert.equal(opened.status, 200);
      const signed = await signRemotely({ ...signature(opened.body.form), token, proof: opened.body.proof });
      assert.equal(signed.status, 201, JSON.stringify(signed.body));
    });

    it('throttles dates of birth tried on a link, and refuses links cancelled, expired or made up', async () => {
      const patient = await createPatient(t, frontDesk, {
        fullName: 'Patient Name',
        dateOfBirth: '1980-01-01',
        contactEmail: 'guessed@example.test',
      });
      const made = await makeRequest(patient.id, { delivery: 'mail' });
      const token = await mailedToken(made.id as string);
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        assert.equal((await open({ token, dateOfBirth: `1980-01-0${attempt + 1}` })).status, 403);
      }
      const throttled = await open({ token, dateOfBirth: '1980-01-01' });
      assert.equal(throttled.status, 429, 'even the right date waits once the link was guessed at');
      assert.ok(Number(throttled.headers['retry-after']) > 0);

      const cancelledRequest = await makeRequest(patient.id, { delivery: 'mail' });
      const cancelledToken = await mailedToken(cancelledRequest.id as string);
      await desk().post(`/patients/${patient.id}/signing-requests/${cancelledRequest.id}/cancel`);
      assert.equal(
        (await open({ token: cancelledToken, dateOfBirth: '1980-01-01' })).body.code,
        'signing_link_invalid',
      );

      const expiring = await makeRequest(patient.id, { delivery: 'mail' });
      const expiringToken = await mailedToken(expiring.id as string);
      await t.database.query('UPDATE signing_requests SET expires_at = $2 WHERE id = $1', [expiring.id, t.clock.now()]);
      assert.equal((await open({ token: expiringToken, dateOfBirth: '1980-01-01' })).status, 401);
      assert.equal((await open({ token: `pcs_g_${'B'.repeat(43)}`, dateOfBirth: '1980-01-01' })).status, 401);
      assert.equal((await open({ token: 'not a token', dateOfBirth: '1980-01-01' })).status, 401);

      // A guardian's form is mailed to the guardian only, never to the minor's own address.
      const minor = await createPatient(t, frontDesk, {
        dateOfBirth: '2012-04-01',
        contactEmail: 'the.minor@example.test',
        guardian: { fullName: 'Ana Roe', relationship: 'parent', contactPhone: '+1 555 0100' },
      });
      const toMinor = await desk().post(`/patients/${minor.id}/signing-requests`, {
        ...TERMS,
        signedBy: { signerType: 'guardian', fullName: 'Ana Roe', relationship: 'parent', authority: 'Mother' },
        templateId,
        language: 'en',
        delivery: 'mail',
      });
      assert.equal(toMinor.status, 400, JSON.stringify(toMinor.body));
      assert.ok((toMinor.body.errors as Json[]).some((error) => error.field === 'delivery'));

      const noAddress = await createPatient(t, frontDesk, { fullName: 'Patient Name' });
      const refused = await desk().post(`/patients/${noAddress.id}/signing-requests`, {
        ...TERMS,
        templateId,
        language: 'en',
        delivery: 'mail',
      });
      assert.equal(refused.status, 400);
      assert.ok((refused.body.errors as Json[]).some((error) => error.field === 'delivery'));

      // Last, as it moves the clock past the staff session: an hour on, five more wrong dates: ten in all withdraw the link for good.
      t.clock.advance(60 * 60 * 1000);
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        assert.equal((await open({ token, dateOfBirth: `1980-02-0${attempt + 1}` })).status, 403);
      }
      t.clock.advance(60 * 60 * 1000);
      const withdrawn = await open({ token, dateOfBirth: '1980-01-01' });
      assert.equal(withdrawn.status, 401, 'a link guessed at ten times is withdrawn');
      assert.equal(withdrawn.body.code, 'signing_link_invalid');
      const [row] = await t.database.query<Json>(
        'SELECT status, failed_identity_checks FROM signing_requests WHERE id = $1',
        [made.id],
      );
      assert.deepEqual({ ...row }, { status: 'cancelled', failed_identity_checks: 10 });
      const [audited] = await t.database.query<{ n: string }>(
        "SELECT count(*) AS n FROM audit_events WHERE action = 'signing_request.withdrawn_after_failures' AND entity_id = $1",
        [made.id],
      );
      assert.equal(Number(audited.n), 1);
    });
  });
});
