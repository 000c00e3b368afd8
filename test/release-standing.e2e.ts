import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { signInPatient } from './support/portal.js';
import { createCase, createPatient, createRelease, postForm, SCOPE, uploadPhoto } from './support/records.js';
import { signedFormPdf } from './support/images.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

/** What each place that tells a release's standing says about one version, beside the rule's decision. */
interface Told {
  /** The clearance rule, for a use the release's scope permits (website, face not shown). */
  rule: { allowed: boolean; reasons: string[]; releaseId: string | null };
  view: string;
  fhir: string;
  /** Absent for a superseded version: the portal lists current versions only. */
  portal: string | undefined;
}

// One release per state the standing knows, each with a photo its patient's release covers; every
// place that tells where a release stands must say what the clearance rule decides under it.
describe('a release standing, told alike by the rule, the release view, FHIR and the portal', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let patients = 0;

  beforeAll(async () => {
    t = await startTestApp({ env: s3TestEnv(await createTestBucket()) });
    frontDesk = await createSignedIn(t, 'front_desk');
  });

  afterAll(async () => {
    await t?.close();
  });

  const as = (path: string) => request(t.server).get(`/api/v1${path}`).auth(frontDesk.token, { type: 'bearer' });

  /** A patient with a case and a photo in it, who can sign in to the portal. */
  const patientWithPhoto = async () => {
    patients += 1;
    const email = `standing${patients}@example.test`;
    const dateOfBirth = '1980-01-1' + String(patients % 10);
    const patient = await createPatient(t, frontDesk, { contactEmail: email, dateOfBirth });
    const photoId = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient.id));
    return { ...patient, email, dateOfBirth, photoId };
  };

  const revoke = async (patientId: string, scope: object) => {
    const response = await request(t.server)
      .post(`/api/v1/patients/${patientId}/revocations`)
      .auth(frontDesk.token, { type: 'bearer' })
      .send({
        scope,
        receivedVia: 'phone',
        requester: { type: 'patient' },
        identityVerification: 'Called back on the number on file',
      });
    assert.equal(response.status, 201, JSON.stringify(response.body));
  };

  const told = async (
    patient: { email: string; dateOfBirth: string; photoId: string },
    releaseId: string,
    channel = 'website',
  ): Promise<Told> => {
    const decision = await as(`/photos/${patient.photoId}/clearance?channel=${channel}`);
    assert.equal(decision.status, 200, JSON.stringify(decision.body));
    const view = await as(`/releases/${releaseId}`);
    assert.equal(view.status, 200, JSON.stringify(view.body));
    const fhir = await as(`/releases/${releaseId}/fhir`);
    assert.equal(fhir.status, 200, JSON.stringify(fhir.body));
    const portal = await request(t.server)
      .get('/api/v1/portal/me')
      .auth(await signInPatient(t, patient.email, patient.dateOfBirth), { type: 'bearer' });
    assert.equal(portal.status, 200, JSON.stringify(portal.body));
    return {
      rule: {
        allowed: decision.body.allowed as boolean,
        reasons: (decision.body.reasons as Json[]).map((reason) => reason.code as string),
        releaseId: decision.body.releaseId as string | null,
      },
      view: view.body.standing.state as string,
      fhir: fhir.body.status as string,
      portal: ((portal.body.releases as Json[]).find((release) => release.id === releaseId)?.status ?? undefined) as
        string | undefined,
    };
  };

  it('in force: cleared, in_force, an active Consent, active in the portal', async () => {
    const patient = await patientWithPhoto();
    const releaseId = await createRelease(t, frontDesk, patient.id);
    assert.deepEqual(await told(patient, releaseId), {
      rule: { allowed: true, reasons: [], releaseId },
      view: 'in_force',
      fhir: 'active',
      portal: 'active',
    });
  });

  it('narrowed by a withdrawal of channels: cleared elsewhere, refused there, and narrowed everywhere', async () => {
    const patient = await patientWithPhoto();
    const releaseId = await createRelease(t, frontDesk, patient.id);
    await revoke(patient.id, { kind: 'channels', channels: ['social'] });
    const standing = await told(patient, releaseId);
    assert.deepEqual(standing, {
      rule: { allowed: true, reasons: [], releaseId },
      view: 'narrowed',
      fhir: 'active',
      portal: 'narrowed',
    });
    assert.deepEqual((await told(patient, releaseId, 'social.instagram')).rule.reasons, ['channel_revoked']);
    const view = await as(`/releases/${releaseId}`);
    assert.deepEqual(view.body.standing.narrowings[0].channels, ['social']);
    const fhir = await as(`/releases/${releaseId}/fhir`);
    assert.ok((fhir.body.provision.provision as Json[]).some((deny) => deny.type === 'deny' && deny.actor));
  });

  it('narrowed by a withdrawal of a photo it covers: that photo refused, the release narrowed everywhere', async () => {
    const patient = await patientWithPhoto();
    const releaseId = await createRelease(t, frontDesk, patient.id);
    await revoke(patient.id, { kind: 'photos', photoIds: [patient.photoId] });
    assert.deepEqual(await told(patient, releaseId), {
      rule: { allowed: false, reasons: ['photo_withdrawn'], releaseId },
      view: 'narrowed',
      fhir: 'active',
      portal: 'narrowed',
    });
    const view = await as(`/releases/${releaseId}`);
    assert.deepEqual(view.body.standing.narrowings[0].photoIds, [patient.photoId]);
  });

  it('expired: refused, ended, an inactive Consent, expired in the portal', async () => {
    const patient = await patientWithPhoto();
    const releaseId = await createRelease(t, frontDesk, patient.id, { expiresAt: '2026-03-01T20:00:00Z' });
    assert.deepEqual(await told(patient, releaseId), {
      rule: { allowed: false, reasons: ['release_expired'], releaseId },
      view: 'ended',
      fhir: 'inactive',
      portal: 'expired',
    });
  });

  it('revoked: refused, ended, an inactive Consent, revoked in the portal', async () => {
    const patient = await patientWithPhoto();
    const releaseId = await createRelease(t, frontDesk, patient.id);
    await revoke(patient.id, { kind: 'everything' });
    assert.deepEqual(await told(patient, releaseId), {
      rule: { allowed: false, reasons: ['release_revoked'], releaseId },
      view: 'ended',
      fhir: 'inactive',
      portal: 'revoked',
    });
    const view = await as(`/releases/${releaseId}`);
    assert.equal(view.body.standing.ended[0].cause, 'revoked');
  });

  it('no valid authorization (a statement missing from the form): refused, defective, inactive, not valid', async () => {
    const patient = await patientWithPhoto();
    const releaseId = await createRelease(t, frontDesk, patient.id, { redisclosureStatement: false });
    const standing = await told(patient, releaseId);
    assert.deepEqual(standing, {
      rule: { allowed: false, reasons: ['release_defective'], releaseId },
      view: 'defective',
      fhir: 'inactive',
      portal: 'not_valid',
    });
    const view = await as(`/releases/${releaseId}`);
    assert.ok((view.body.standing.defects as string[]).length > 0);
  });

  it('no valid authorization once the date of birth shows a minor signed alone: refused, defective, not valid', async () => {
    const patient = await patientWithPhoto();
    const releaseId = await createRelease(t, frontDesk, patient.id);
    const corrected = await request(t.server)
      .patch(`/api/v1/patients/${patient.id}`)
      .auth(frontDesk.token, { type: 'bearer' })
      .send({
        dateOfBirth: '2010-05-01',
        guardian: { fullName: 'Pat Guardian', relationship: 'parent', contactEmail: patient.email },
      });
    assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
    assert.deepEqual(await told({ ...patient, dateOfBirth: '2010-05-01' }, releaseId), {
      rule: { allowed: false, reasons: ['release_defective'], releaseId },
      view: 'defective',
      fhir: 'inactive',
      portal: 'not_valid',
    });
  });

  it('expired and revoked at once: both reasons, ended, inactive, revoked first in the portal', async () => {
    const patient = await patientWithPhoto();
    const releaseId = await createRelease(t, frontDesk, patient.id, { expiresAt: '2026-03-01T20:00:00Z' });
    await revoke(patient.id, { kind: 'everything' });
    assert.deepEqual(await told(patient, releaseId), {
      rule: { allowed: false, reasons: ['release_expired', 'release_revoked'], releaseId },
      view: 'ended',
      fhir: 'inactive',
      portal: 'revoked',
    });
  });

  it('superseded: the rule decides under the amendment; the old version is ended and inactive', async () => {
    const patient = await patientWithPhoto();
    const releaseId = await createRelease(t, frontDesk, patient.id);
    const amended = await postForm(
      t,
      frontDesk,
      `/api/v1/releases/${releaseId}/amendments`,
      'document',
      { bytes: signedFormPdf('website only'), filename: 'amended.pdf', contentType: 'application/pdf' },
      { reason: 'Website only.', signedAt: '2026-03-02T08:00:00Z', scope: { ...SCOPE, channels: ['website'] } },
    );
    assert.equal(amended.status, 201, JSON.stringify(amended.body));
    const amendmentId = amended.body.id as string;
    const old = await told(patient, releaseId);
    assert.deepEqual(old, {
      rule: { allowed: true, reasons: [], releaseId: amendmentId },
      view: 'ended',
      fhir: 'inactive',
      portal: undefined,
    });
    assert.deepEqual(await told(patient, amendmentId), { ...old, view: 'in_force', fhir: 'active', portal: 'active' });
    assert.deepEqual((await told(patient, amendmentId, 'social.instagram')).rule.reasons, ['channel_not_permitted']);
  });
});
