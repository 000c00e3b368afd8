import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { CONSENT_CHANGE_LOCK_SPACE } from '../src/consent/consent-locks.js';
import { ObjectStore } from '../src/storage/object-store.js';
import { OrphanSweeper } from '../src/storage/orphan-sweeper.js';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { waitForLockWaiters } from './support/database.js';
import { pngOfSize, signedFormPdf } from './support/images.js';
import {
  collectBytes,
  counts,
  createCase,
  createPatient,
  createRelease,
  narrowToSocialFromAhead,
  postForm,
  releaseFields,
  SCOPE,
  uploadPhoto,
} from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

const DAY = 24 * 60 * 60 * 1000;
const UNKNOWN_ID = '6f1f8c1e-8f5e-4c55-9a3b-2f8a2b0f4d11';

/** A phone call from the patient, as the front desk records it; `overrides` replace fields. */
function byPhone(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    scope: { kind: 'everything' },
    receivedVia: 'phone',
    requester: { type: 'patient' },
    identityVerification: 'Called back on the number on file; confirmed date of birth',
    ...overrides,
  };
}

// The release of releaseFields() permits the website and social media (except TikTok), without the face.
describe('revocations', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let privacyOfficer: SignedInStaff;

  const as = (staff: SignedInStaff) => ({
    get: (path: string) => request(t.server).get(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      request(t.server).post(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }).send(body),
  });
  const revoke = (patientId: string, body: object, key?: string) => {
    const call = as(frontDesk).post(`/patients/${patientId}/revocations`, body);
    return key ? call.set('Idempotency-Key', key) : call;
  };
  const decision = async (photoId: string, channel: string) =>
    (await as(marketing).get(`/photos/${photoId}/clearance?channel=${channel}`)).body as Json;
  const codes = (body: Json) => (body.reasons as Json[]).map((reason) => reason.code as string);
  const publish = async (photoId: string, channel: string, hosted = false) => {
    const response = await as(marketing).post('/publications', {
      photoId,
      channel,
      ...(hosted ? { hosted: true } : { location: { url: `https://example.com/${channel}/${photoId}` } }),
    });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body as Json;
  };
  const statusOf = async (publicationId: string) =>
    (await as(marketing).get(`/publications/${publicationId}`)).body.status as string;
  /** A patient with a release and photos, through the API. */
  const consentedPatient = async (photos: number) => {
    const patientId = (await createPatient(t, frontDesk)).id;
    const caseId = await createCase(t, frontDesk, patientId);
    const photoIds: string[] = [];
    for (let i = 0; i < photos; i++) photoIds.push(await uploadPhoto(t, frontDesk, caseId));
    const releaseId = await createRelease(t, frontDesk, patientId);
    return { patientId, caseId, photoIds, releaseId };
  };
  const auditActions = async (patientId: string) =>
    (
      await t.database.query<{ action: string }>(
        `SELECT action FROM audit_events WHERE patient_id = $1 AND outcome = 'done'
            AND action NOT LIKE '%.read' AND action NOT LIKE 'clearance.%' ORDER BY id`,
        [patientId],
      )
    ).map((event) => event.action);

  /** Each task of a removal case as it is shown, as [publication, status], sorted. */
  const taskStatuses = (removalCase: Json) =>
    (removalCase.tasks as Json[]).map((task) => [task.publicationId, task.status]).sort();
  /** The details of the audit event of `action` on an entity. */
  const auditDetails = async (action: string, entityId: string) =>
    (
      await t.database.query<{ details: Json }>(
        'SELECT details FROM audit_events WHERE action = $1 AND entity_id = $2',
        [action, entityId],
      )
    )[0]?.details;

  /** Runs `work` with a client of its own holding the patient's consent lock in an open transaction. */
  const withConsentLockHeld = async (patientId: string, work: (holder: pg.Client) => Promise<void>) => {
    const holder = new pg.Client({ connectionString: t.database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CONSENT_CHANGE_LOCK_SPACE, patientId]);
      await work(holder);
    } finally {
      await holder.end();
    }
  };

  /** Sessions end after a while idle: a test that moves the clock by days signs everyone in again. */
  const signInEveryone = async () => {
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    privacyOfficer = await createSignedIn(t, 'privacy_officer');
  };

  beforeAll(async () => {
    t = await startTestApp({ env: s3TestEnv(await createTestBucket()) });
    await signInEveryone();
  });
  afterAll(async () => t.close());

  it('revokes everything: the release ends, hosted URLs answer 410 at once, the rest become tasks of a case due 30 days after receipt', async () => {
    const { patientId, photoIds, releaseId } = await consentedPatient(2);
    const hosted = await publish(photoIds[0], 'website', true);
    const instagram = await publish(photoIds[0], 'social.instagram');
    const facebook = await publish(photoIds[1], 'social.facebook');
    const mediaPath = new URL(hosted.mediaUrl as string).pathname;
    assert.equal((await request(t.server).get(mediaPath)).status, 200);

    t.clock.advance(60_000);
    const recorded = await revoke(patientId, byPhone({ notes: 'Asked by phone after seeing the Instagram post' }));
    assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    const revocation = recorded.body as Json;
    assert.equal(revocation.receivedAt, t.clock.now().toISOString(), 'receivedAt defaults to now');
    assert.deepEqual(revocation.scope, { kind: 'everything', channels: null, photoIds: null, releaseSeriesIds: null });
    assert.deepEqual(revocation.revokedReleaseIds, [releaseId]);
    assert.equal(revocation.recordedByUserId, frontDesk.id);
    assert.equal(revocation.document, null);

    assert.equal((await request(t.server).get(mediaPath)).status, 410, 'the hosted URL is down from the commit on');
    assert.equal(await statusOf(hosted.id as string), 'removed');
    assert.equal(await statusOf(instagram.id as string), 'removal_pending');
    assert.equal(await statusOf(facebook.id as string), 'removal_pending');
    for (const photoId of photoIds) {
      assert.deepEqual(codes(await decision(photoId, 'website')), ['release_revoked']);
    }
    const refused = await as(marketing).post('/publications', {
      photoId: photoIds[1],
      channel: 'website',
      hosted: true,
    });
    assert.equal(refused.status, 409);
    assert.deepEqual(codes(refused.body as Json), ['release_revoked']);

    const release = (await as(frontDesk).get(`/releases/${releaseId}`)).body as Json;
    assert.equal(release.revokedAt, revocation.receivedAt);
    assert.equal(release.revocationId, revocation.id);
    assert.equal(((await as(frontDesk).get(`/releases/${releaseId}/fhir`)).body as Json).status, 'inactive');

    const removal = await as(privacyOfficer).get(`/removal-cases/${revocation.removalCaseId as string}`);
    assert.equal(removal.status, 200, JSON.stringify(removal.body));
    const removalCase = removal.body as Json;
    assert.equal(removalCase.origin, 'revocation');
    assert.equal(removalCase.revocationId, revocation.id);
    assert.equal(removalCase.status, 'open');
    assert.equal(removalCase.dueAt, new Date(Date.parse(revocation.receivedAt) + 30 * DAY).toISOString());
    assert.equal(removalCase.overdue, false);
    assert.deepEqual(removalCase.progress, { tasks: 3, open: 2, done: 1, notRemovable: 0 });
    const tasks = new Map((removalCase.tasks as Json[]).map((task) => [task.publicationId as string, task]));
    assert.deepEqual(
      [...tasks.keys()].sort(),
      [hosted.id, instagram.id, facebook.id].sort(),
      'one task per publication taken down',
    );
    const hostedTask = tasks.get(hosted.id as string) as Json;
    assert.equal(hostedTask.status, 'done');
    assert.equal(hostedTask.evidenceKind, 'service_hosted');
    assert.equal(hostedTask.evidence.publicUrlAnswers, 410);
    assert.equal(hostedTask.completedByUserId, null, 'the service completed it itself');
    const openTask = tasks.get(instagram.id as string) as Json;
    assert.equal(openTask.status, 'open');
    assert.equal(openTask.url, `https://example.com/social.instagram/${photoIds[0]}`);
    assert.equal(openTask.evidence, null);

    assert.deepEqual((await auditActions(patientId)).slice(-6), [
      'revocation.record',
      'release.revoke',
      'removal_case.open',
      'publication.media_withdrawn',
      'publication.removal_pending',
      'publication.removal_pending',
    ]);
    const readByFrontDesk = await as(frontDesk).get(`/revocations/${revocation.id as string}`);
    assert.equal(readByFrontDesk.body.notes, 'Asked by phone after seeing the Instagram post');
    const readByMarketing = await as(marketing).get(`/revocations/${revocation.id as string}`);
    assert.equal(readByMarketing.status, 200);
    assert.equal('notes' in readByMarketing.body, false, 'marketing never sees identified free text');
    assert.equal(readByMarketing.body.removalCaseId, revocation.removalCaseId);
    const reads = await t.database.query<{ actor_id: string }>(
      "SELECT actor_id FROM audit_events WHERE action = 'revocation.read' AND entity_id = $1",
      [revocation.id],
    );
    assert.deepEqual(
      reads.map((read) => read.actor_id),
      [frontDesk.id],
      'only the read that showed identified fields is audited',
    );
  });

  it('withdraws channels from a letter received earlier, keeps the letter, and leaves the other channels cleared', async () => {
    const { patientId, photoIds, releaseId } = await consentedPatient(1);
    const [photoId] = photoIds;
    const website = await publish(photoId, 'website');
    const instagram = await publish(photoId, 'social.instagram');
    const receivedAt = new Date(t.clock.now().getTime() - 60 * 60 * 1000);
    const letter = signedFormPdf();
    const recorded = await postForm(
      t,
      frontDesk,
      `/api/v1/patients/${patientId}/revocations`,
      'document',
      { bytes: letter, filename: 'letter.pdf', contentType: 'application/pdf' },
      byPhone({
        scope: { kind: 'channels', channels: ['social'] },
        receivedAt: receivedAt.toISOString(),
        receivedVia: 'mail',
        identityVerification: 'Signature compared with the release on file',
      }),
    );
    assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    const revocation = recorded.body as Json;
    assert.equal(revocation.receivedAt, receivedAt.toISOString());
    assert.deepEqual(revocation.revokedReleaseIds, [], 'a narrower revocation leaves the release standing');
    assert.equal(revocation.document.sha256, createHash('sha256').update(letter).digest('hex'));

    assert.equal(await statusOf(instagram.id as string), 'removal_pending');
    assert.equal(await statusOf(website.id as string), 'live');
    assert.deepEqual(codes(await decision(photoId, 'social.facebook')), ['channel_revoked']);
    assert.equal((await decision(photoId, 'website')).allowed, true);
    assert.equal(((await as(frontDesk).get(`/releases/${releaseId}`)).body as Json).revokedAt, null);
    const consent = (await as(frontDesk).get(`/releases/${releaseId}/fhir`)).body as Json;
    assert.equal(consent.status, 'active', 'the website is still permitted');
    assert.deepEqual(
      (consent.provision.provision as Json[]).filter((denial) => denial.period),
      [
        {
          type: 'deny',
          period: { start: receivedAt.toISOString() },
          actor: [
            {
              role: {
                coding: [
                  {
                    system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
                    code: 'IRCP',
                    display: 'information recipient',
                  },
                ],
              },
              reference: {
                identifier: { system: 'urn:photo-consent:fhir:channel', value: 'social' },
                display: 'social',
              },
            },
          ],
        },
      ],
      'the withdrawn channels are denied from the day the letter was received',
    );

    const removalCase = (await as(privacyOfficer).get(`/removal-cases/${revocation.removalCaseId as string}`))
      .body as Json;
    assert.equal(removalCase.dueAt, new Date(receivedAt.getTime() + 30 * DAY).toISOString(), 'due from receipt');
    assert.deepEqual(
      (removalCase.tasks as Json[]).map((task) => task.publicationId),
      [instagram.id],
    );

    const download = await as(frontDesk)
      .get(revocation.document.url.replace('/api/v1', '') as string)
      .buffer(true)
      .parse(collectBytes);
    assert.equal(download.status, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.deepEqual(download.body, letter);
    assert.equal((await as(marketing).get(`/revocations/${revocation.id as string}/document`)).status, 403);
  });

  it('withdraws single photos and leaves the patient’s other photos cleared', async () => {
    const { patientId, photoIds, releaseId } = await consentedPatient(2);
    const [withdrawn, kept] = photoIds;
    const gone = await publish(withdrawn, 'social.instagram');
    const stays = await publish(kept, 'social.instagram');
    const recorded = await revoke(patientId, byPhone({ scope: { kind: 'photos', photoIds: [withdrawn] } }));
    assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    const consent = (await as(frontDesk).get(`/releases/${releaseId}/fhir`)).body as Json;
    assert.equal(consent.status, 'active');
    assert.deepEqual(
      (consent.provision.provision as Json[]).filter((denial) => denial.data),
      [
        {
          type: 'deny',
          period: { start: recorded.body.receivedAt },
          data: [{ meaning: 'instance', reference: { reference: `Media/${withdrawn}` } }],
        },
      ],
    );
    assert.equal(await statusOf(gone.id as string), 'removal_pending');
    assert.equal(await statusOf(stays.id as string), 'live');
    assert.deepEqual(codes(await decision(withdrawn, 'website')), ['photo_withdrawn']);
    assert.equal((await decision(kept, 'website')).allowed, true);
  });

  it('ends only the named release when it names one', async () => {
    const patientId = (await createPatient(t, frontDesk)).id;
    const firstCase = await createCase(t, frontDesk, patientId);
    const secondCase = await createCase(t, frontDesk, patientId);
    const firstPhoto = await uploadPhoto(t, frontDesk, firstCase);
    const secondPhoto = await uploadPhoto(t, frontDesk, secondCase);
    const firstRelease = await createRelease(t, frontDesk, patientId, { coversAllCases: false, caseIds: [firstCase] });
    await createRelease(t, frontDesk, patientId, { coversAllCases: false, caseIds: [secondCase] });
    const recorded = await revoke(patientId, byPhone({ scope: { kind: 'everything', releaseIds: [firstRelease] } }));
    assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    assert.deepEqual(recorded.body.revokedReleaseIds, [firstRelease]);
    assert.deepEqual(codes(await decision(firstPhoto, 'website')), ['release_revoked']);
    assert.equal((await decision(secondPhoto, 'website')).allowed, true);
  });

  it('ends every version the revocation of everything reaches, also one written after it: an amendment, or a release signed before it', async () => {
    const { patientId, photoIds, releaseId } = await consentedPatient(1);
    const [photoId] = photoIds;
    const receivedAt = t.clock.now();
    const recorded = await revoke(patientId, byPhone({ receivedAt: receivedAt.toISOString() }));
    assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    const revocationId = recorded.body.id as string;
    t.clock.advance(60_000);
    const amend = (id: string, signedAt: Date) =>
      postForm(
        t,
        frontDesk,
        `/api/v1/releases/${id}/amendments`,
        'document',
        { bytes: signedFormPdf(), filename: 'amended.pdf', contentType: 'application/pdf' },
        { reason: 'The witness was recorded wrongly.', signedAt: signedAt.toISOString() },
      );
    const standing = async (id: string) => {
      const release = (await as(frontDesk).get(`/releases/${id}`)).body as Json;
      const consent = (await as(frontDesk).get(`/releases/${id}/fhir`)).body as Json;
      return { revokedAt: release.revokedAt, revocationId: release.revocationId, fhir: consent.status };
    };
    const revokedStanding = { revokedAt: receivedAt.toISOString(), revocationId, fhir: 'inactive' };

    // A correction of the revoked version, signed before the revocation: still revoked.
    const corrected = await amend(releaseId, new Date(receivedAt.getTime() - 60 * 60_000));
    assert.equal(corrected.status, 201, JSON.stringify(corrected.body));
    assert.deepEqual(await standing(corrected.body.id as string), revokedStanding);
    assert.deepEqual(codes(await decision(photoId, 'website')), ['release_revoked']);

    // A release signed before the revocation and recorded only now: revoked as it is written.
    const late = await createRelease(t, frontDesk, patientId, { signedAt: '2026-03-01T10:00:00Z' });
    assert.deepEqual(await standing(late), revokedStanding);
    assert.deepEqual(codes(await decision(photoId, 'website')), ['release_revoked']);

    // The patient signs again after the revocation: a new consent, not revoked.
    const resigned = await amend(corrected.body.id as string, t.clock.now());
    assert.equal(resigned.status, 201, JSON.stringify(resigned.body));
    assert.deepEqual(await standing(resigned.body.id as string), {
      revokedAt: null,
      revocationId: null,
      fhir: 'active',
    });
    assert.equal((await decision(photoId, 'website')).allowed, true);
  });

  it('takes down what an amendment or a newer release no longer clears, due 30 days after its signing', async () => {
    const { patientId, photoIds, releaseId } = await consentedPatient(2);
    const [photoId, heldPhotoId] = photoIds;
    const website = await publish(photoId, 'website');
    const hosted = await publish(photoId, 'website', true);
    const instagram = await publish(photoId, 'social.instagram');
    // Already refused for its hold, but still live: the amendment adds a reason of its own.
    const heldPost = await publish(heldPhotoId, 'social.facebook');
    const hold = await as(privacyOfficer).post(`/patients/${patientId}/holds`, {
      photoIds: [heldPhotoId],
      reason: 'Disputed signature',
    });
    assert.equal(hold.status, 201, JSON.stringify(hold.body));
    assert.equal(await statusOf(heldPost.id as string), 'live');
    const casesOf = () =>
      t.database.query<{ id: string; origin: string; release_id: string; due_at: Date }>(
        'SELECT id, origin, release_id, due_at FROM removal_cases WHERE patient_id = $1 ORDER BY opened_at, id',
        [patientId],
      );
    const form = (label: string) => ({
      bytes: signedFormPdf(label),
      filename: 'release.pdf',
      contentType: 'application/pdf',
    });

    const signedAt = new Date(t.clock.now().getTime() - 60 * 60_000);
    const websiteOnly = await postForm(
      t,
      frontDesk,
      `/api/v1/releases/${releaseId}/amendments`,
      'document',
      form('a'),
      {
        reason: 'The patient no longer allows social media.',
        signedAt: signedAt.toISOString(),
        scope: { ...SCOPE, channels: ['website'], deniedChannels: [] },
      },
    );
    assert.equal(websiteOnly.status, 201, JSON.stringify(websiteOnly.body));
    assert.equal(await statusOf(instagram.id as string), 'removal_pending');
    assert.equal(await statusOf(website.id as string), 'live');
    assert.equal(await statusOf(hosted.id as string), 'live');
    const [narrowed] = await casesOf();
    assert.equal(narrowed.origin, 'release_narrowed');
    assert.equal(narrowed.release_id, websiteOnly.body.id);
    assert.equal(narrowed.due_at.toISOString(), new Date(signedAt.getTime() + 30 * DAY).toISOString());
    const removalCase = (await as(privacyOfficer).get(`/removal-cases/${narrowed.id}`)).body as Json;
    assert.deepEqual(
      taskStatuses(removalCase),
      [
        [instagram.id, 'open'],
        [heldPost.id, 'open'],
      ].sort(),
    );
    assert.deepEqual(await auditDetails('publication.removal_pending', instagram.id as string), {
      releaseId: websiteOnly.body.id,
      removalCaseId: narrowed.id,
      reasons: ['channel_not_permitted'],
    });

    // A newer release that governs the photo with less: print only.
    t.clock.advance(60_000);
    const printOnly = await createRelease(t, frontDesk, patientId, {
      signedAt: t.clock.now().toISOString(),
      scope: { ...SCOPE, channels: ['print'], deniedChannels: [] },
    });
    assert.equal(await statusOf(website.id as string), 'removal_pending');
    assert.equal(await statusOf(hosted.id as string), 'removed', 'a hosted copy comes down at once');
    const cases = await casesOf();
    assert.deepEqual(
      cases.map((entry) => [entry.origin, entry.release_id]),
      [
        ['release_narrowed', websiteOnly.body.id],
        ['release_narrowed', printOnly],
      ],
    );

    // A version that takes nothing more away opens no case.
    const reworded = await postForm(t, frontDesk, `/api/v1/releases/${printOnly}/amendments`, 'document', form('b'), {
      reason: 'Witness corrected.',
      signedAt: t.clock.now().toISOString(),
    });
    assert.equal(reworded.status, 201, JSON.stringify(reworded.body));
    assert.equal((await casesOf()).length, 2);
  });

  it('takes down what a release signed by a minor alone no longer clears once the date of birth is corrected', async () => {
    // The release of releaseFields() was signed on 1 March 2026 by the patient, recorded as born in 1985.
    const { patientId, photoIds, releaseId } = await consentedPatient(1);
    const [photoId] = photoIds;
    const website = await publish(photoId, 'website');
    const hosted = await publish(photoId, 'website', true);
    // Decided once before: what is kept in memory for the photo must not outlive the correction.
    assert.equal((await decision(photoId, 'website')).allowed, true);
    const casesOf = () =>
      t.database.query<{ id: string; origin: string; release_id: string | null; due_at: Date }>(
        'SELECT id, origin, release_id, due_at FROM removal_cases WHERE patient_id = $1 ORDER BY opened_at, id',
        [patientId],
      );
    const correct = (body: object) =>
      request(t.server).patch(`/api/v1/patients/${patientId}`).auth(frontDesk.token, { type: 'bearer' }).send(body);

    // Another field changes nothing about consent.
    assert.equal((await correct({ contactPhone: '+1 555 0100' })).status, 200);
    assert.equal((await casesOf()).length, 0);

    // Born in 2009: 16 when they signed alone.
    const corrected = await correct({
      dateOfBirth: '2009-06-15',
      guardian: { fullName: 'Mary Roe', relationship: 'parent', contactEmail: 'mary.roe@example.com' },
    });
    assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
    const refusal = await decision(photoId, 'website');
    assert.deepEqual(codes(refusal), ['release_defective']);
    assert.match((refusal.reasons as Json[])[0].message as string, /under 18 on the signing date and signed alone/);
    assert.doesNotMatch(JSON.stringify(refusal), /2009/, 'no date of birth in what marketing reads');
    assert.equal(await statusOf(website.id as string), 'removal_pending');
    assert.equal(await statusOf(hosted.id as string), 'removed', 'a hosted copy comes down at once');
    const [removalCase] = await casesOf();
    assert.equal(removalCase.origin, 'date_of_birth_corrected');
    assert.equal(removalCase.release_id, null);
    assert.equal(removalCase.due_at.toISOString(), new Date(t.clock.now().getTime() + 30 * DAY).toISOString());
    const caseView = (await as(privacyOfficer).get(`/removal-cases/${removalCase.id}`)).body as Json;
    assert.equal(caseView.origin, 'date_of_birth_corrected');
    assert.deepEqual(
      taskStatuses(caseView),
      [
        [website.id, 'open'],
        [hosted.id, 'done'],
      ].sort(),
    );
    const [update] = await t.database.query<{ details: Json }>(
      "SELECT details FROM audit_events WHERE action = 'patient.update' AND patient_id = $1 ORDER BY id DESC LIMIT 1",
      [patientId],
    );
    assert.deepEqual(update.details, { changed: ['dateOfBirth', 'guardian'], removalCaseId: removalCase.id });
    assert.deepEqual(await auditDetails('publication.removal_pending', website.id as string), {
      origin: 'date_of_birth_corrected',
      removalCaseId: removalCase.id,
      reasons: ['release_defective'],
    });

    // The release shows why: its checklist fails the signature, and its view is not complete.
    const checklist = (await as(frontDesk).get(`/releases/${releaseId}/checklist`)).body as Json;
    const signature = (checklist.items as Json[]).find((item) => item.element === 'signature_and_date') as Json;
    assert.equal(signature.passed, false);
    assert.match(signature.missing as string, /a guardian must sign/);
    assert.equal((await as(frontDesk).get(`/releases/${releaseId}`)).body.checklistComplete, false);
    const fhirStatus = async () => (await as(frontDesk).get(`/releases/${releaseId}/fhir`)).body.status as string;
    assert.equal(await fhirStatus(), 'inactive', 'not an enforced consent');

    // Once the post is down, the guardian, whom a minor's letters go to, hears why.
    const websiteTask = (caseView.tasks as Json[]).find((task) => task.publicationId === website.id) as Json;
    const done = await as(marketing).post(`/removal-tasks/${websiteTask.id as string}/complete`, {
      evidence: { kind: 'attestation', statement: 'Removed from the gallery page' },
    });
    assert.equal(done.body.status, 'completed', JSON.stringify(done.body));
    const [letter] = await t.database.query<{ recipient_address: string; body: string }>(
      "SELECT recipient_address, body FROM outbox_messages WHERE removal_case_id = $1 AND kind = 'removal_case_closed'",
      [removalCase.id],
    );
    assert.equal(letter.recipient_address, 'mary.roe@example.com');
    assert.match(letter.body, /correction of the date of birth on your record/);

    // Corrected back, the release clears again; what came down stays down, and no case opens.
    const restored = await correct({ dateOfBirth: '1985-06-15' });
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.equal((await decision(photoId, 'website')).allowed, true);
    assert.equal(await fhirStatus(), 'active');
    assert.equal(await statusOf(website.id as string), 'removed');
    assert.equal((await casesOf()).length, 1);
  });

  it('judges a release recorded while the date of birth is corrected on the corrected date', async () => {
    const { patientId } = await consentedPatient(1);
    // A correction in flight, holding the patient's consent lock as PATCH /patients/{id} does.
    await withConsentLockHeld(patientId, async (lockHolder) => {
      await lockHolder.query("UPDATE patients SET date_of_birth = '2010-01-01' WHERE id = $1", [patientId]);
      const before = await counts(t);
      // Signed by the patient alone, read as an adult's until the correction commits.
      const recorded = postForm(
        t,
        frontDesk,
        `/api/v1/patients/${patientId}/releases`,
        'document',
        {
          bytes: signedFormPdf('while corrected'),
          filename: 'release.pdf',
          contentType: 'application/pdf',
        },
        releaseFields(),
      ).then((response) => response);
      await waitForLockWaiters(t.database, 1);
      await lockHolder.query('COMMIT');
      const response = await recorded;
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.equal(response.body.errors[0].field, 'signedBy.signerType');
      assert.deepEqual(await counts(t), before, 'no row and no stored form');
    });
  });

  it('lets an edit that resends the date of birth unchanged wait for no consent change', async () => {
    const { patientId } = await consentedPatient(1);
    await withConsentLockHeld(patientId, async (lockHolder) => {
      let answered = false;
      const edited = request(t.server)
        .patch(`/api/v1/patients/${patientId}`)
        .auth(frontDesk.token, { type: 'bearer' })
        .send({ dateOfBirth: '1985-06-15', contactPhone: '+1 555 0101' })
        .then((response) => {
          answered = true;
          return response;
        });
      // Until the edit answers, look for it waiting for a lock.
      let waited = false;
      while (!answered && !waited) {
        const [{ waiting }] = await t.database.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        waited = waiting > 0;
        await sleep(10);
      }
      await lockHolder.query('COMMIT');
      const response = await edited;
      assert.equal(waited, false, 'the edit waited for the consent lock');
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.equal(response.body.contactPhone, '+1 555 0101');
    });
  });

  it('opens a completed case when nothing was published', async () => {
    const { patientId } = await consentedPatient(1);
    const recorded = await revoke(patientId, byPhone());
    assert.equal(recorded.status, 201);
    const removalCase = (await as(privacyOfficer).get(`/removal-cases/${recorded.body.removalCaseId as string}`))
      .body as Json;
    assert.equal(removalCase.status, 'completed');
    assert.deepEqual(removalCase.tasks, []);
  });

  describe('Idempotency-Key', () => {
    it('answers a repeated request with the first answer and records it once', async () => {
      const { patientId } = await consentedPatient(1);
      const before = await counts(t);
      const first = await revoke(patientId, byPhone(), 'phone-call-0001');
      assert.equal(first.status, 201, JSON.stringify(first.body));
      const again = await revoke(patientId, byPhone(), 'phone-call-0001');
      assert.equal(again.status, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.body, first.body);
      const after = await counts(t);
      assert.equal(after.revocations - before.revocations, 1);
      assert.equal(after.removalCases - before.removalCases, 1);

      const changed = await revoke(patientId, byPhone({ receivedVia: 'email' }), 'phone-call-0001');
      assert.equal(changed.status, 422);
      assert.equal(changed.body.code, 'idempotency_key_reused');
      assert.deepEqual(await counts(t), after);
    });

    it('records a double submit once when both arrive together', async () => {
      const { patientId, photoIds } = await consentedPatient(1);
      await publish(photoIds[0], 'social.instagram');
      const before = await counts(t);
      const answers = await Promise.all([
        revoke(patientId, byPhone(), 'double-submit'),
        revoke(patientId, byPhone(), 'double-submit'),
      ]);
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [201, 201],
      );
      assert.equal(answers[0].body.id, answers[1].body.id);
      const after = await counts(t);
      assert.equal(after.revocations - before.revocations, 1);
      assert.equal(after.removalCases - before.removalCases, 1);
      assert.equal(after.removalTasks - before.removalTasks, 1);
    });
  });

  it('lists cases soonest deadline first, by status, overdue, due before and patient, a page at a time', async () => {
    const { patientId, photoIds } = await consentedPatient(1);
    await publish(photoIds[0], 'social.instagram');
    const recorded = await revoke(patientId, byPhone());
    const caseId = recorded.body.removalCaseId as string;
    const mine = async (query: string) =>
      ((await as(privacyOfficer).get(`/removal-cases?patientId=${patientId}&${query}`)).body.items as Json[]).map(
        (item) => item.id,
      );
    assert.deepEqual(await mine('status=open'), [caseId]);
    assert.deepEqual(await mine('status=completed'), []);
    assert.deepEqual(await mine('overdue=true'), []);
    const dueAt = Date.parse(recorded.body.receivedAt as string) + 30 * DAY;
    assert.deepEqual(await mine(`dueBefore=${new Date(dueAt + 1).toISOString()}`), [caseId]);
    assert.deepEqual(await mine(`dueBefore=${new Date(dueAt).toISOString()}`), []);

    t.clock.advance(31 * DAY);
    await signInEveryone();
    assert.deepEqual(await mine('overdue=true'), [caseId]);
    const overdue = (await as(frontDesk).get(`/removal-cases/${caseId}`)).body as Json;
    assert.equal(overdue.overdue, true);
    assert.equal(overdue.patientCode.startsWith('P-'), true);

    const firstPage = await as(privacyOfficer).get('/removal-cases?limit=1');
    assert.equal(firstPage.status, 200);
    assert.equal((firstPage.body.items as Json[]).length, 1);
    const secondPage = await as(privacyOfficer).get(
      `/removal-cases?limit=1&before=${encodeURIComponent(firstPage.body.nextCursor as string)}`,
    );
    assert.notEqual(secondPage.body.items[0].id, firstPage.body.items[0].id);
    assert.ok(
      Date.parse(secondPage.body.items[0].dueAt as string) >= Date.parse(firstPage.body.items[0].dueAt as string),
    );
  });

  it('works a case to its end: tasks complete only with evidence, leaving one up needs approval, then the case completes', async () => {
    const { patientId, photoIds } = await consentedPatient(1);
    const [photoId] = photoIds;
    const instagram = await publish(photoId, 'social.instagram');
    const facebook = await publish(photoId, 'social.facebook');
    const brochure = await publish(photoId, 'website');
    const caseId = (await revoke(patientId, byPhone())).body.removalCaseId as string;
    const taskOf = async (publicationId: string) =>
      ((await as(marketing).get(`/removal-cases/${caseId}`)).body.tasks as Json[]).find(
        (task) => task.publicationId === publicationId,
      ) as Json;
    const complete = (staff: SignedInStaff, taskId: string, body: object) =>
      as(staff).post(`/removal-tasks/${taskId}/complete`, body);
    const instagramTask = (await taskOf(instagram.id as string)).id as string;

    const unproven = await complete(marketing, instagramTask, { evidence: { kind: 'attestation' } });
    assert.equal(unproven.status, 422);
    assert.equal(unproven.body.code, 'evidence_required');
    const noScreenshot = await complete(marketing, instagramTask, { evidence: { kind: 'screenshot' } });
    assert.equal(noScreenshot.status, 422);
    assert.equal((await complete(marketing, instagramTask, {})).status, 400);
    assert.equal(
      (await complete(frontDesk, instagramTask, { evidence: { kind: 'attestation', statement: 'Gone' } })).status,
      403,
      'the front desk follows cases but does not work them',
    );
    assert.equal((await taskOf(instagram.id as string)).status, 'open', 'refused completions change nothing');

    const attested = await complete(marketing, instagramTask, {
      evidence: { kind: 'attestation', statement: 'Deleted post C1 and checked the profile grid' },
    });
    assert.equal(attested.status, 200, JSON.stringify(attested.body));
    assert.deepEqual(attested.body.progress, { tasks: 3, open: 2, done: 1, notRemovable: 0 });
    const doneTask = await taskOf(instagram.id as string);
    assert.equal(doneTask.status, 'done');
    assert.equal(doneTask.evidenceKind, 'attestation');
    // An attestation is free text staff type: the privacy officer reads it, marketing does not.
    assert.equal(doneTask.evidence.statement, undefined);
    const officersView = ((await as(privacyOfficer).get(`/removal-cases/${caseId}`)).body.tasks as Json[]).find(
      (task) => task.publicationId === instagram.id,
    ) as Json;
    assert.equal(officersView.evidence.statement, 'Deleted post C1 and checked the profile grid');
    assert.equal(doneTask.completedByUserId, marketing.id);
    assert.equal(await statusOf(instagram.id as string), 'removed');
    const again = await complete(marketing, instagramTask, { evidence: { kind: 'attestation', statement: 'Again' } });
    assert.equal(again.status, 409);

    const facebookTask = (await taskOf(facebook.id as string)).id as string;
    const screenshot = await pngOfSize(320, 200);
    const shown = await postForm(
      t,
      marketing,
      `/api/v1/removal-tasks/${facebookTask}/complete`,
      'screenshot',
      { bytes: screenshot, filename: 'gone.png', contentType: 'image/png' },
      { evidence: { kind: 'screenshot', observedAt: t.clock.now().toISOString() } },
    );
    assert.equal(shown.status, 200, JSON.stringify(shown.body));
    const screenshotTask = await taskOf(facebook.id as string);
    assert.equal(screenshotTask.evidence.sha256, createHash('sha256').update(screenshot).digest('hex'));
    const download = await as(privacyOfficer)
      .get((screenshotTask.screenshotUrl as string).replace('/api/v1', ''))
      .buffer(true)
      .parse(collectBytes);
    assert.equal(download.status, 200);
    assert.deepEqual(download.body, screenshot);
    const secondScreenshot = await postForm(
      t,
      marketing,
      `/api/v1/removal-tasks/${facebookTask}/complete`,
      'screenshot',
      { bytes: await pngOfSize(64, 64), filename: 'again.png', contentType: 'image/png' },
      { evidence: { kind: 'screenshot' } },
    );
    assert.equal(secondScreenshot.status, 409);
    const kept = await as(privacyOfficer)
      .get((screenshotTask.screenshotUrl as string).replace('/api/v1', ''))
      .buffer(true)
      .parse(collectBytes);
    assert.deepEqual(kept.body, screenshot, 'a refused completion leaves the evidence as it was');

    // A screenshot stored by an attempt whose process died before its row was written: the task
    // exists, but its evidence names another screenshot. The sweep removes it and keeps the evidence.
    const store = t.app.get(ObjectStore);
    const leftOver = `removal-tasks/${facebookTask}/screenshots/${randomUUID()}`;
    await store.put(leftOver, await pngOfSize(64, 64));
    const [{ screenshotId }] = await t.database.query<{ screenshotId: string }>(
      `SELECT evidence->>'screenshotId' AS "screenshotId" FROM removal_tasks WHERE id = $1`,
      [facebookTask],
    );
    const evidenceKey = `removal-tasks/${facebookTask}/screenshots/${screenshotId}`;
    assert.notEqual(await store.head(evidenceKey), null);
    const taskClock = t.clock.now();
    // The store dates objects by the real clock: the service's is moved past a day after it.
    t.clock.set(new Date(Date.now() + 25 * 3600_000));
    try {
      assert.ok((await t.app.get(OrphanSweeper).sweep()) >= 1);
    } finally {
      t.clock.set(taskClock);
    }
    assert.equal(await store.head(leftOver), null, 'the left-over screenshot is swept');
    assert.notEqual(await store.head(evidenceKey), null, 'the evidence stays');
    const afterSweep = await as(privacyOfficer)
      .get((screenshotTask.screenshotUrl as string).replace('/api/v1', ''))
      .buffer(true)
      .parse(collectBytes);
    assert.deepEqual(afterSweep.body, screenshot);

    // A task completed before screenshots had ids of their own kept its screenshot at
    // <task>/screenshot: the sweep keeps that one, but not the same key under a task whose evidence
    // is no screenshot.
    await t.database.query(`UPDATE removal_tasks SET evidence = evidence - 'screenshotId' WHERE id = $1`, [
      facebookTask,
    ]);
    const legacyEvidence = `removal-tasks/${facebookTask}/screenshot`;
    const notEvidence = `removal-tasks/${instagramTask}/screenshot`;
    await store.put(legacyEvidence, screenshot);
    await store.put(notEvidence, screenshot);
    t.clock.set(new Date(Date.now() + 25 * 3600_000));
    try {
      await t.app.get(OrphanSweeper).sweep();
    } finally {
      t.clock.set(taskClock);
      await t.database.query(`UPDATE removal_tasks SET evidence = evidence || $2::jsonb WHERE id = $1`, [
        facebookTask,
        JSON.stringify({ screenshotId }),
      ]);
    }
    assert.notEqual(await store.head(legacyEvidence), null, 'the evidence of an earlier version stays');
    assert.equal(await store.head(notEvidence), null);
    // Back as the task was: its evidence names its screenshot again, which the legacy shape left unnamed.
    await store.delete(legacyEvidence);
    await store.put(evidenceKey, screenshot);

    const brochureTask = (await taskOf(brochure.id as string)).id as string;
    const approveTooEarly = await as(privacyOfficer).post(`/removal-tasks/${brochureTask}/approve`, {});
    assert.equal(approveTooEarly.status, 409);
    const asked = await as(marketing).post(`/removal-tasks/${brochureTask}/not-removable`, {
      reason: '2,000 printed brochures already handed out',
    });
    assert.equal(asked.status, 200, JSON.stringify(asked.body));
    assert.equal((await taskOf(brochure.id as string)).status, 'not_removable_requested');
    assert.equal(asked.body.status, 'open', 'a request to leave it up is not an end');
    assert.equal((await as(marketing).post(`/removal-tasks/${brochureTask}/approve`, {})).status, 403);
    const approved = await as(privacyOfficer).post(`/removal-tasks/${brochureTask}/approve`, {});
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'completed');
    assert.ok(approved.body.completedAt);
    assert.deepEqual(approved.body.progress, { tasks: 3, open: 0, done: 2, notRemovable: 1 });
    const leftUp = await taskOf(brochure.id as string);
    assert.equal(leftUp.notRemovableReason, undefined, 'free text staff type: not for marketing');
    const officersLeftUp = ((await as(privacyOfficer).get(`/removal-cases/${caseId}`)).body.tasks as Json[]).find(
      (task) => task.publicationId === brochure.id,
    ) as Json;
    assert.equal(officersLeftUp.notRemovableReason, '2,000 printed brochures already handed out');
    assert.equal(leftUp.approvedByUserId, privacyOfficer.id);
    assert.equal(await statusOf(brochure.id as string), 'not_removable');
    assert.deepEqual((await auditActions(patientId)).slice(-5), [
      'removal_task.complete',
      'removal_task.complete',
      'removal_task.not_removable_request',
      'removal_task.not_removable_approve',
      'removal_case.complete',
    ]);
  });

  it('adds a publication found later to its case, reopening a completed case with its original deadline', async () => {
    const { patientId, photoIds } = await consentedPatient(1);
    const [photoId] = photoIds;
    const instagram = await publish(photoId, 'social.instagram');
    const revocation = (await revoke(patientId, byPhone({ scope: { kind: 'channels', channels: ['social'] } })))
      .body as Json;
    const caseId = revocation.removalCaseId as string;
    const caseOf = async () => (await as(marketing).get(`/removal-cases/${caseId}`)).body as Json;
    const firstTask = ((await caseOf()).tasks as Json[])[0].id as string;
    const done = await as(marketing).post(`/removal-tasks/${firstTask}/complete`, {
      evidence: { kind: 'attestation', statement: 'Deleted the Instagram post' },
    });
    assert.equal(done.body.status, 'completed');
    const dueAt = done.body.dueAt as string;
    const other = await consentedPatient(1);
    const found = {
      photoId,
      channel: 'social.facebook',
      location: { url: 'https://facebook.example/clinic/photos/2024' },
      publishedAt: '2025-11-02T10:00:00Z',
      howFound: 'The patient found it in an old album of the clinic and called',
    };
    const before = await counts(t);
    for (const [body, status] of [
      [{ ...found, photoId: other.photoIds[0] }, 404],
      [{ ...found, location: {} }, 400],
      [{ ...found, howFound: ' ' }, 400],
      [{ ...found, channel: 'myspace' }, 400],
      [{ ...found, hosted: true }, 400],
      [{ ...found, channel: 'website' }, 409],
    ] as const) {
      const refused = await as(marketing).post(`/removal-cases/${caseId}/publications`, body);
      assert.equal(refused.status, status, `${JSON.stringify(body)}: ${JSON.stringify(refused.body)}`);
    }
    assert.equal((await as(marketing).post(`/removal-cases/${UNKNOWN_ID}/publications`, found)).status, 404);
    assert.equal((await as(frontDesk).post(`/removal-cases/${caseId}/publications`, found)).status, 403);
    assert.deepEqual(await counts(t), before, 'refused additions write nothing');

    t.clock.advance(60_000);
    const added = await as(marketing).post(`/removal-cases/${caseId}/publications`, found);
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const reopened = added.body as Json;
    assert.equal(reopened.status, 'open');
    assert.equal(reopened.completedAt, null);
    assert.equal(reopened.dueAt, dueAt, 'the deadline promised when the request came in stands');
    assert.deepEqual(reopened.progress, { tasks: 2, open: 1, done: 1, notRemovable: 0 });
    const newTask = (reopened.tasks as Json[]).find((task) => task.publicationId !== instagram.id) as Json;
    assert.equal(newTask.status, 'open');
    assert.equal(await statusOf(newTask.publicationId as string), 'removal_pending');
    assert.equal(
      (await as(marketing).post('/publications', { ...found, howFound: undefined })).status,
      409,
      'the publish path still refuses the channel',
    );
    assert.deepEqual((await auditActions(patientId)).slice(-2), ['publication.discovered', 'removal_case.reopen']);
    const told = await t.database.query<{ subject: string }>(
      "SELECT subject FROM outbox_messages WHERE removal_case_id = $1 AND recipient_user_id = $2 AND kind = 'removal_task_assigned'",
      [caseId, privacyOfficer.id],
    );
    assert.equal(told.length, 1, 'with no owner for its channel, the privacy officers hear of the new task');
    assert.match(told[0].subject, /without an owner/);

    const closedAgain = await as(marketing).post(`/removal-tasks/${newTask.id as string}/complete`, {
      evidence: { kind: 'attestation', statement: 'The album was deleted' },
    });
    assert.equal(closedAgain.body.status, 'completed');
    const letters = await t.database.query<{ id: string }>(
      "SELECT id FROM outbox_messages WHERE removal_case_id = $1 AND kind = 'removal_case_closed'",
      [caseId],
    );
    assert.equal(letters.length, 2, 'the patient hears again once the found publication is down');
  });

  it('takes a publication found later as a removal once an amendment stamped a little ahead no longer clears it', async () => {
    const { patientId, photoIds, releaseId } = await consentedPatient(1);
    const revocation = (
      await revoke(patientId, byPhone({ scope: { kind: 'channels', channels: ['social.facebook'] } }))
    ).body as Json;
    // Made through an instance whose clock runs two seconds ahead of this one.
    await narrowToSocialFromAhead(t, frontDesk, releaseId, 2000);
    const added = await as(marketing).post(`/removal-cases/${revocation.removalCaseId as string}/publications`, {
      photoId: photoIds[0],
      channel: 'website',
      location: { url: 'https://clinic.example/gallery' },
      howFound: 'Still on the gallery page',
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
  });

  it('holds back a new release until a revocation being written commits, so that it ends that release too', async () => {
    const { patientId, photoIds } = await consentedPatient(1);
    const tableHolder = new pg.Client({ connectionString: t.database.url });
    await tableHolder.connect();
    try {
      // The revocation stops where it opens its removal case, after it has read what is live.
      await tableHolder.query('BEGIN');
      await tableHolder.query('LOCK TABLE removal_cases IN SHARE MODE');
      const revoking = revoke(patientId, byPhone()).then((response) => response);
      await waitForLockWaiters(t.database, 1, 'INSERT INTO removal_cases');
      // A second release, signed before the call: the revocation locked the releases there were,
      // so only the patient's consent-change lock holds this one back.
      const recording = postForm(
        t,
        frontDesk,
        `/api/v1/patients/${patientId}/releases`,
        'document',
        { bytes: signedFormPdf('second'), filename: 'second.pdf', contentType: 'application/pdf' },
        releaseFields({ formVersion: 'second' }),
      ).then((response) => response);
      await waitForLockWaiters(t.database, 1, 'SELECT pg_advisory_xact_lock(');
      await tableHolder.query('COMMIT');
      assert.equal((await revoking).status, 201);
      assert.equal((await recording).status, 201);
    } finally {
      await tableHolder.end();
    }
    const published = await as(marketing).post('/publications', {
      photoId: photoIds[0],
      channel: 'website',
      location: { url: 'https://example.com/p' },
    });
    assert.equal(published.status, 409, JSON.stringify(published.body));
    assert.ok(codes(published.body).includes('release_revoked'), JSON.stringify(published.body));
    assert.deepEqual(
      await t.database.query("SELECT id FROM publications WHERE patient_id = $1 AND status = 'live'", [patientId]),
      [],
    );
  });

  it('leaves no live publication created after a revocation committed: 1,000 publish requests race revocations', async () => {
    const patients = await Promise.all(Array.from({ length: 10 }, () => consentedPatient(1)));
    const attempts = patients.flatMap(({ photoIds }, patient) =>
      Array.from({ length: 100 }, (_, index) => ({ photoId: photoIds[0], patient, index })),
    );
    const publishAnswers: { status: number; patient: number; afterRevocation: boolean; body: Json }[] = [];
    const revocations = new Map<number, Promise<void>>();
    let next = 0;
    const worker = async () => {
      while (next < attempts.length) {
        const attempt = attempts[next++];
        // Each patient's revocation goes out among its publish requests; the last ten wait for its
        // answer, so that some certainly come after it committed.
        if (attempt.index === 40) {
          // Half withdraw social media, which changes no release row: only the lock orders them.
          const scope = attempt.patient % 2 === 0 ? { kind: 'channels', channels: ['social'] } : { kind: 'everything' };
          revocations.set(
            attempt.patient,
            revoke(patients[attempt.patient].patientId, byPhone({ scope })).then((answer) => {
              assert.equal(answer.status, 201, JSON.stringify(answer.body));
            }),
          );
        }
        const afterRevocation = attempt.index >= 90;
        if (afterRevocation) await revocations.get(attempt.patient);
        const answer = await as(marketing).post('/publications', {
          photoId: attempt.photoId,
          channel: 'social.instagram',
          location: { postId: `post-${attempt.patient}-${attempt.index}` },
        });
        publishAnswers.push({
          status: answer.status,
          patient: attempt.patient,
          afterRevocation,
          body: answer.body as Json,
        });
      }
    };
    await Promise.all(Array.from({ length: 24 }, worker));
    await Promise.all(revocations.values());

    for (const answer of publishAnswers) {
      assert.ok([201, 409].includes(answer.status), JSON.stringify(answer.body));
      if (answer.status === 409) {
        assert.deepEqual(codes(answer.body), [answer.patient % 2 === 0 ? 'channel_revoked' : 'release_revoked']);
      }
    }
    for (const [index, { patientId }] of patients.entries()) {
      const rows = await t.database.query<{ id: string; status: string; covered: boolean }>(
        `SELECT p.id, p.status, EXISTS (
            SELECT 1 FROM removal_tasks rt JOIN removal_cases rc ON rc.id = rt.case_id
             JOIN revocations v ON v.id = rc.revocation_id
             WHERE rt.publication_id = p.id AND v.patient_id = p.patient_id) AS covered
           FROM publications p WHERE p.patient_id = $1`,
        [patientId],
      );
      const created = publishAnswers.filter((answer) => answer.patient === index && answer.status === 201);
      assert.equal(rows.length, created.length);
      const stray = rows.filter((row) => row.status === 'live' || !row.covered);
      assert.deepEqual(stray, [], `patient ${index}: every publication is covered by a task`);
    }
    const afterwards = publishAnswers.filter((answer) => answer.afterRevocation);
    assert.equal(afterwards.length, 100);
    assert.deepEqual(
      afterwards.filter((answer) => answer.status !== 409),
      [],
      'every publish sent after a revocation answered is refused',
    );
  });

  describe('bad input: a clear 4xx problem and nothing written', () => {
    let patientId: string;
    let otherPatientsPhoto: string;
    let otherPatientsRelease: string;
    beforeAll(async () => {
      patientId = (await consentedPatient(1)).patientId;
      const other = await consentedPatient(1);
      otherPatientsPhoto = other.photoIds[0];
      otherPatientsRelease = other.releaseId;
    });

    const cases: [string, number, () => request.Test][] = [
      [
        'received in the future',
        400,
        () => revoke(patientId, byPhone({ receivedAt: new Date(t.clock.now().getTime() + 60_000).toISOString() })),
      ],
      [
        "another patient's photo in scope",
        404,
        () => revoke(patientId, byPhone({ scope: { kind: 'photos', photoIds: [otherPatientsPhoto] } })),
      ],
      [
        'an unknown photo in scope',
        404,
        () => revoke(patientId, byPhone({ scope: { kind: 'photos', photoIds: [UNKNOWN_ID] } })),
      ],
      [
        "another patient's release in scope",
        404,
        () => revoke(patientId, byPhone({ scope: { kind: 'everything', releaseIds: [otherPatientsRelease] } })),
      ],
      ['channels without channels', 400, () => revoke(patientId, byPhone({ scope: { kind: 'channels' } }))],
      [
        'channels on a revocation of everything',
        400,
        () => revoke(patientId, byPhone({ scope: { kind: 'everything', channels: ['social'] } })),
      ],
      [
        'an unknown channel',
        400,
        () => revoke(patientId, byPhone({ scope: { kind: 'channels', channels: ['billboard'] } })),
      ],
      ['an unknown scope kind', 400, () => revoke(patientId, byPhone({ scope: { kind: 'some' } }))],
      ['an unknown way of receipt', 400, () => revoke(patientId, byPhone({ receivedVia: 'pigeon' }))],
      [
        'a guardian without a name',
        400,
        () => revoke(patientId, byPhone({ requester: { type: 'guardian', authority: 'parent' } })),
      ],
      ['no identity verification', 400, () => revoke(patientId, byPhone({ identityVerification: ' ' }))],
      ['an unknown field', 400, () => revoke(patientId, byPhone({ reason: 'changed my mind' }))],
      ['an unknown patient', 404, () => revoke(UNKNOWN_ID, byPhone())],
      ['a malformed patient id', 400, () => revoke('not-a-uuid', byPhone())],
      ['a malformed Idempotency-Key', 400, () => revoke(patientId, byPhone(), 'has spaces in it')],
      [
        'marketing may not record revocations',
        403,
        () => as(marketing).post(`/patients/${patientId}/revocations`, byPhone()),
      ],
      [
        'an SVG as the written request',
        415,
        () =>
          postForm(
            t,
            frontDesk,
            `/api/v1/patients/${patientId}/revocations`,
            'document',
            { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), filename: 'letter.pdf' },
            byPhone(),
          ),
      ],
      ['an unknown removal case', 404, () => as(privacyOfficer).get(`/removal-cases/${UNKNOWN_ID}`)],
      [
        'completing an unknown task',
        404,
        () =>
          as(marketing).post(`/removal-tasks/${UNKNOWN_ID}/complete`, {
            evidence: { kind: 'attestation', statement: 'Gone' },
          }),
      ],
      ['approving a malformed task id', 400, () => as(privacyOfficer).post('/removal-tasks/nope/approve', {})],
      ['an unknown revocation', 404, () => as(privacyOfficer).get(`/revocations/${UNKNOWN_ID}`)],
      ['a malformed case filter', 400, () => as(privacyOfficer).get('/removal-cases?status=closed')],
    ];
    for (const [name, status, send] of cases) {
      it(name, async () => {
        const before = await counts(t);
        const response = await send();
        assert.equal(response.status, status, JSON.stringify(response.body));
        assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/);
        assert.deepEqual(await counts(t), before);
      });
    }
  });
});
