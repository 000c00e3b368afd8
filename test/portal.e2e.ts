import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { pdfsig, pdfText } from './support/pdf.js';
import { mailedPortalToken, signInPatient } from './support/portal.js';
import { collectBytes, counts, createCase, createPatient, createRelease, uploadPhoto } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

const MINUTE = 60_000;

describe('patient portal', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let emailCounter = 0;

  const portal = (token: string) => ({
    get: (path: string) => request(t.server).get(`/api/v1/portal${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      request(t.server).post(`/api/v1/portal${path}`).auth(token, { type: 'bearer' }).send(body),
  });
  const askForLink = (email: string, dateOfBirth: string) =>
    request(t.server).post('/api/v1/portal/access').send({ email, dateOfBirth });
  const linksMailed = async () => {
    await t.runDueJobs();
    return Number(
      (
        await t.database.query<{ n: string }>(
          "SELECT count(*) AS n FROM outbox_messages WHERE kind = 'portal_access_link'",
        )
      )[0].n,
    );
  };

  /** A patient with an address on file, a release, two photos, and one published on Instagram and the website. */
  const patientWithPublications = async () => {
    emailCounter += 1;
    const email = `patient${emailCounter}@example.test`;
    const dateOfBirth = '1988-09-1' + String(emailCounter % 10);
    const patient = await createPatient(t, frontDesk, { contactEmail: email, dateOfBirth });
    const caseId = await createCase(t, frontDesk, patient.id);
    const photoIds = [await uploadPhoto(t, frontDesk, caseId), await uploadPhoto(t, frontDesk, caseId)];
    const releaseId = await createRelease(t, frontDesk, patient.id);
    const publish = async (body: object) => {
      const response = await request(t.server)
        .post('/api/v1/publications')
        .auth(marketing.token, { type: 'bearer' })
        .send(body);
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.body.id as string;
    };
    const instagram = await publish({
      photoId: photoIds[0],
      channel: 'social.instagram',
      location: { url: 'https://instagram.example/p/C1' },
    });
    const website = await publish({ photoId: photoIds[0], channel: 'website', hosted: true });
    return { ...patient, email, dateOfBirth, photoIds, releaseId, instagram, website };
  };

  beforeAll(async () => {
    t = await startTestApp({ env: s3TestEnv(await createTestBucket()) });
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
  });
  afterAll(async () => t.close());

  it('answers every access request alike, and mails a one-time link only when email and date of birth match', async () => {
    const patient = await patientWithPublications();
    const before = await linksMailed();
    const answers = [
      await askForLink('nobody@example.test', patient.dateOfBirth),
      await askForLink(patient.email, '1901-01-01'),
      await askForLink(patient.email.toUpperCase(), patient.dateOfBirth),
    ];
    for (const answer of answers) {
      assert.equal(answer.status, 202);
      assert.deepEqual(answer.body, answers[0].body, 'the answer says nothing about whether the patient exists');
    }
    assert.equal(await linksMailed(), before + 1, 'only the matching request mailed a link');
    const [message] = await t.database.query<{ recipient_address: string; subject: string; body: string }>(
      "SELECT recipient_address, subject, body FROM outbox_messages WHERE kind = 'portal_access_link' ORDER BY created_at DESC LIMIT 1",
    );
    assert.equal(message.recipient_address, patient.email);
    assert.match(message.body, /http:\/\/localhost:\d+\/portal#token=pcs_l_/);
    const [stored] = await t.database.query<{ token_hash: Buffer }>(
      'SELECT token_hash FROM portal_links WHERE patient_id = $1',
      [patient.id],
    );
    const token = await mailedPortalToken(t, patient.email);
    assert.ok(!stored.token_hash.toString('latin1').includes(token), 'only a hash of the token is stored');

    const guardianEmail = `guardian${emailCounter}@example.test`;
    const minor = await createPatient(t, frontDesk, {
      dateOfBirth: '2012-05-06',
      guardian: { fullName: 'Pat Guardian', relationship: 'parent', contactEmail: guardianEmail },
    });
    assert.equal((await askForLink(guardianEmail, '2012-05-06')).status, 202);
    const guardianSession = await request(t.server)
      .post('/api/v1/portal/session')
      .send({ token: await mailedPortalToken(t, guardianEmail) });
    assert.equal(guardianSession.status, 201, 'a guardian signs in for the minor with the address on file');
    assert.equal((await portal(guardianSession.body.token as string).get('/me')).body.code, minor.code);

    assert.equal((await askForLink('not an email', patient.dateOfBirth)).status, 400);
    assert.equal((await askForLink(patient.email, '06/15/1985')).status, 400);
  });

  it('exchanges a link once, before it expires; replayed, expired and tampered links answer 401', async () => {
    const patient = await patientWithPublications();
    await askForLink(patient.email, patient.dateOfBirth);
    const token = await mailedPortalToken(t, patient.email);
    const exchange = (linkToken: string) => request(t.server).post('/api/v1/portal/session').send({ token: linkToken });

    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    for (const bad of [tampered, 'pcs_l_short', '', frontDesk.token]) {
      const refused = await exchange(bad);
      assert.equal(refused.status, 401, `${bad}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.code, 'portal_link_invalid');
    }
    const started = await exchange(token);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.match(started.body.token as string, /^pcs_p_/);
    assert.equal(started.body.expiresAt, new Date(t.clock.now().getTime() + 30 * MINUTE).toISOString());
    const replayed = await exchange(token);
    assert.equal(replayed.status, 401);
    assert.equal(replayed.body.code, 'portal_link_invalid');
    assert.equal((await request(t.server).get('/api/v1/portal/me').auth(token, { type: 'bearer' })).status, 401);

    await askForLink(patient.email, patient.dateOfBirth);
    const late = await mailedPortalToken(t, patient.email);
    t.clock.advance(31 * MINUTE);
    // Staff sessions idle out too: the tests after this one need fresh ones.
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    assert.equal((await exchange(late)).status, 401, 'a link expires after 30 minutes');
    const session = portal(started.body.token as string);
    const expired = await session.get('/me');
    assert.equal(expired.status, 401, 'the patient session is short');
    assert.equal(expired.body.code, 'session_expired');

    const fresh = await signInPatient(t, patient.email, patient.dateOfBirth);
    assert.equal((await portal(fresh).post('/logout', {})).status, 204);
    assert.equal((await portal(fresh).get('/me')).status, 401, 'logging out ends the session');
  });

  it('shows the patient their releases in plain words, their photos, where each is published, and nothing that is not theirs', async () => {
    const patient = await patientWithPublications();
    const other = await patientWithPublications();
    const session = portal(await signInPatient(t, patient.email, patient.dateOfBirth));

    const me = await session.get('/me');
    assert.equal(me.status, 200, JSON.stringify(me.body));
    const overview = me.body as Json;
    assert.equal(overview.code, patient.code);
    assert.equal(overview.releases.length, 1);
    const release = overview.releases[0] as Json;
    assert.equal(release.id, patient.releaseId);
    assert.equal(release.status, 'active');
    assert.ok((release.inWords as string[]).includes('Your face may not be shown: it is cropped out or hidden.'));
    assert.ok((release.inWords as string[]).some((line) => line.startsWith('Your photos may be shown on')));
    assert.deepEqual(
      (overview.photos as Json[]).map((photo) => photo.id),
      patient.photoIds,
    );
    const published = (overview.photos as Json[])[0].publications as Json[];
    assert.deepEqual(
      published.map((each) => [each.channel, each.location, each.status]),
      [
        ['social.instagram', 'https://instagram.example/p/C1', 'live'],
        ['website', 'On the clinic’s website', 'live'],
      ],
    );
    assert.deepEqual((overview.photos as Json[])[1].publications, []);
    assert.ok(!me.text.includes(other.id) && !me.text.includes(other.code), 'nothing of another patient');

    const thumbnail = await session
      .get((overview.photos as Json[])[0].thumbnailUrl.replace('/api/v1/portal', '') as string)
      .buffer(true)
      .parse(collectBytes);
    assert.equal(thumbnail.status, 200);
    assert.equal(thumbnail.headers['content-type'], 'image/webp');
    assert.equal((thumbnail.body as Buffer).subarray(8, 12).toString('latin1'), 'WEBP');
    const unchanged = await session
      .get((overview.photos as Json[])[0].thumbnailUrl.replace('/api/v1/portal', '') as string)
      .set('If-None-Match', thumbnail.headers.etag);
    assert.equal(unchanged.status, 304, 'a thumbnail the browser has is not sent again');
    const document = await session.get(`/releases/${patient.releaseId}/document`).buffer(true).parse(collectBytes);
    assert.equal(document.status, 200, 'the patient downloads their copy of the signed form');
    assert.equal(document.headers['content-type'], 'application/pdf');
    assert.equal((document.body as Buffer).subarray(0, 5).toString('latin1'), '%PDF-');

    for (const path of [
      `/releases/${other.releaseId}/document`,
      `/photos/${other.photoIds[0]}/thumbnail`,
      '/releases/6f1f8c1e-8f5e-4c55-9a3b-2f8a2b0f4d11/document',
    ]) {
      const refused = await session.get(path);
      assert.equal(refused.status, 404, path);
    }
    assert.equal((await session.get('/releases/not-a-uuid/document')).status, 400);
    assert.equal(
      (
        await request(t.server)
          .get(`/api/v1/patients/${patient.id}`)
          .auth(await signInPatient(t, patient.email, patient.dateOfBirth), { type: 'bearer' })
      ).status,
      403,
      'a patient session opens no staff route',
    );
    assert.equal(
      (await request(t.server).get('/api/v1/portal/me').auth(frontDesk.token, { type: 'bearer' })).status,
      403,
      'staff cannot use the portal routes',
    );
  });

  it('says a release is not valid when its form lacks what an authorization needs, as the clearance rule refuses it', async () => {
    const email = 'incomplete.form@example.test';
    const patient = await createPatient(t, frontDesk, { contactEmail: email, dateOfBirth: '1979-05-14' });
    const photoId = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient.id));
    // Recorded from a form without the right to revoke stated: 164.508(c)(2)(i).
    const releaseId = await createRelease(t, frontDesk, patient.id, { rightToRevokeStatement: false });
    const clearance = await request(t.server)
      .get(`/api/v1/photos/${photoId}/clearance?channel=website`)
      .auth(frontDesk.token, { type: 'bearer' });
    assert.equal(clearance.status, 200, JSON.stringify(clearance.body));
    assert.equal(clearance.body.allowed, false);
    assert.ok((clearance.body.reasons as Json[]).some((reason) => reason.code === 'release_defective'));

    const session = portal(await signInPatient(t, email, '1979-05-14'));
    const me = await session.get('/me');
    assert.equal(me.status, 200, JSON.stringify(me.body));
    const [release] = (me.body as Json).releases as Json[];
    assert.equal(release.id, releaseId);
    assert.equal(release.status, 'not_valid', 'not "active": the clinic may not use the photos under it');
  });

  it('lets the patient withdraw channels, then everything, with receipts, cases and mail, recorded as the patient', async () => {
    const patient = await patientWithPublications();
    const other = await patientWithPublications();
    const token = await signInPatient(t, patient.email, patient.dateOfBirth);
    const session = portal(token);

    const notMine = await session.post('/revocations', { scope: { kind: 'photos', photoIds: [other.photoIds[0]] } });
    assert.equal(notMine.status, 404, JSON.stringify(notMine.body));
    const unknownChannel = await session.post('/revocations', { scope: { kind: 'channels', channels: ['myspace'] } });
    assert.equal(unknownChannel.status, 400);
    const stranger = await session.post('/revocations', {
      scope: { kind: 'everything' },
      receivedAt: '2020-01-01T00:00:00Z',
    });
    assert.equal(stranger.status, 400, 'a patient cannot backdate a request');
    const nothingWritten = await counts(t);

    t.clock.advance(MINUTE);
    const withdrawn = await session
      .post('/revocations', { scope: { kind: 'channels', channels: ['social'] } })
      .set('Idempotency-Key', 'portal-social-1');
    assert.equal(withdrawn.status, 201, JSON.stringify(withdrawn.body));
    const receipt = withdrawn.body as Json;
    assert.equal(receipt.receivedAt, t.clock.now().toISOString(), 'the receipt shows when the request took effect');
    assert.equal(receipt.receivedVia, 'portal');
    assert.equal(receipt.inWords, 'You withdrew your consent to the use of your photos in: social.');
    assert.ok(receipt.removalCaseId);
    const again = await session
      .post('/revocations', { scope: { kind: 'channels', channels: ['social'] } })
      .set('Idempotency-Key', 'portal-social-1');
    assert.equal(again.status, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.body, receipt, 'a double submit answers the first receipt');
    const after = await counts(t);
    assert.equal(after.revocations, nothingWritten.revocations + 1, 'refused and repeated requests record nothing');
    assert.equal(after.objects, nothingWritten.objects + 1, 'one receipt is kept: the repeat’s is not');

    // The receipt is a PDF sealed by the clinic, stored with the revocation, mailed and kept in the portal.
    assert.equal(receipt.receiptUrl, `/api/v1/portal/revocations/${receipt.id}/receipt`);
    const pdf = await request(t.server)
      .get(receipt.receiptUrl)
      .auth(token, { type: 'bearer' })
      .buffer(true)
      .parse(collectBytes);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(await pdfsig(pdf.body as Buffer), /Signature is Valid/);
    const [attached] = await t.database.query<{ attachment_key: string | null }>(
      "SELECT attachment_key FROM outbox_messages WHERE recipient_patient_id = $1 AND kind = 'revocation_receipt'",
      [patient.id],
    );
    assert.equal(attached.attachment_key, `revocations/${receipt.id}/document`);

    const [revocation] = await t.database.query<{
      received_via: string;
      recorded_by_user_id: string | null;
      requester_type: string;
    }>('SELECT received_via, recorded_by_user_id, requester_type FROM revocations WHERE id = $1', [receipt.id]);
    assert.deepEqual(revocation, { received_via: 'portal', recorded_by_user_id: null, requester_type: 'patient' });
    const [event] = await t.database.query<{ actor_type: string; actor_id: string }>(
      "SELECT actor_type, actor_id FROM audit_events WHERE action = 'revocation.record' AND entity_id = $1",
      [receipt.id],
    );
    assert.deepEqual(event, { actor_type: 'patient', actor_id: patient.id });
    const mailed = await t.database.query<{ kind: string }>(
      "SELECT kind FROM outbox_messages WHERE recipient_patient_id = $1 AND kind = 'revocation_receipt'",
      [patient.id],
    );
    assert.equal(mailed.length, 1, 'the receipt is mailed too');

    const overview = (await session.get('/me')).body as Json;
    assert.equal(overview.releases[0].status, 'narrowed');
    assert.ok(
      (overview.releases[0].inWords as string[]).some((line) =>
        line.includes('withdrew your consent to the use of your photos in: social'),
      ),
    );
    const instagram = (overview.photos[0].publications as Json[]).find(
      (each) => each.channel === 'social.instagram',
    ) as Json;
    assert.equal(instagram.status, 'removal_pending');
    const removalCase = (overview.removalCases as Json[])[0];
    assert.equal(removalCase.id, receipt.removalCaseId);
    assert.equal(removalCase.status, 'open');
    assert.equal(removalCase.dueAt, new Date(Date.parse(receipt.receivedAt) + 30 * 24 * 60 * MINUTE).toISOString());
    assert.equal(removalCase.progress, '0 of 1 done');
    assert.deepEqual(
      overview.revocations.map((each: Json) => each.id),
      [receipt.id],
    );

    const everything = await session.post('/revocations', { scope: { kind: 'everything' }, language: 'es' });
    assert.equal(everything.status, 201, JSON.stringify(everything.body));
    assert.equal(everything.body.inWords, 'Retiró su consentimiento a todo uso de sus fotografías.');
    const spanish = await request(t.server)
      .get(everything.body.receiptUrl as string)
      .auth(token, { type: 'bearer' })
      .buffer(true)
      .parse(collectBytes);
    const words = (await pdfText(spanish.body as Buffer)).replace(/\s+/g, ' ');
    assert.match(words, /Justificante: retirada del consentimiento para usar fotografías/);
    assert.match(words, /Retiró su consentimiento a todo uso de sus fotografías/);
    const website = (
      await request(t.server).get(`/api/v1/publications/${patient.website}`).auth(marketing.token, { type: 'bearer' })
    ).body as Json;
    assert.equal(website.status, 'removed', 'the hosted photo came down at once');
    const final = (await session.get('/me')).body as Json;
    assert.equal(final.releases[0].status, 'revoked');
  });

  it('throttles link requests per email address, whether or not it is on file', async () => {
    for (const email of ['throttled@example.test', 'unknown-throttled@example.test']) {
      for (let attempt = 0; attempt < 5; attempt++) assert.equal((await askForLink(email, '1970-01-01')).status, 202);
      const refused = await askForLink(email, '1970-01-01');
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers['retry-after']) > 0);
    }
    t.clock.advance(61 * MINUTE);
    assert.equal((await askForLink('throttled@example.test', '1970-01-01')).status, 202, 'the window passes');
  });

  it('lets a guardian act for a minor, recorded as the guardian, until the patient turns 18; a changed address ends what the old one opened', async () => {
    // The clock moved on in the tests before: staff sign in again.
    frontDesk = await createSignedIn(t, 'front_desk');
    const guardianEmail = 'parent.of.minor@example.test';
    // 17 on the test clock's day; 18 four days later.
    const minor = await createPatient(t, frontDesk, {
      dateOfBirth: '2008-03-05',
      guardian: { fullName: 'Robin Parent', relationship: 'parent', contactEmail: guardianEmail },
    });
    await createRelease(t, frontDesk, minor.id, {
      signedBy: {
        signerType: 'guardian',
        fullName: 'Robin Parent',
        relationship: 'parent',
        authority: 'parent of a minor',
      },
    });
    const session = portal(await signInPatient(t, guardianEmail, '2008-03-05'));
    const withdrawn = await session.post('/revocations', { scope: { kind: 'channels', channels: ['social'] } });
    assert.equal(withdrawn.status, 201, JSON.stringify(withdrawn.body));
    const [recorded] = await t.database.query<{
      requester_type: string;
      requester_name: string;
      identity_verification: string;
    }>('SELECT requester_type, requester_name, identity_verification FROM revocations WHERE id = $1', [
      withdrawn.body.id,
    ]);
    assert.equal(recorded.requester_type, 'guardian');
    assert.equal(recorded.requester_name, 'Robin Parent');
    assert.match(recorded.identity_verification, /guardian’s email address/);

    const newAddress = 'robin.parent@example.test';
    const changed = await request(t.server)
      .patch(`/api/v1/patients/${minor.id}`)
      .auth(frontDesk.token, { type: 'bearer' })
      .send({ guardian: { fullName: 'Robin Parent', relationship: 'parent', contactEmail: newAddress } });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal((await session.get('/me')).status, 401, 'the session the old address opened has ended');

    const before = await linksMailed();
    t.clock.advance(4 * 24 * 60 * MINUTE);
    assert.equal((await askForLink(newAddress, '2008-03-05')).status, 202);
    assert.equal(await linksMailed(), before, 'an adult patient’s guardian gets no link');
  });
});
