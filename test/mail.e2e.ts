import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { SMTPServer } from 'smtp-server';
import { startTestApp, type TestApp } from './support/app.js';
import {
  collectBytes,
  createCase,
  createPatient,
  createRelease,
  RELEASE_FORM_TERMS,
  uploadPhoto,
} from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives and can be told to refuse a recipient. */
async function startMailServer(): Promise<{
  port: number;
  received: ReceivedMail[];
  refuse: Set<string>;
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuse.has(address.address) ? new Error('mailbox unavailable') : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, refuse, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('mail over SMTP', () => {
  let t: TestApp;
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;

  beforeAll(async () => {
    mail = await startMailServer();
    t = await startTestApp({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
        MAIL_FROM: 'Riverside Aesthetics <privacy@clinic.test>',
        LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent',
      },
    });
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  it('delivers the receipt and the case-opened messages after the revocation commits; a refused recipient is retried', async () => {
    const patient = await createPatient(t, frontDesk, { contactEmail: 'patient@example.test' });
    const photoId = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient.id));
    await createRelease(t, frontDesk, patient.id);
    const published = await request(t.server)
      .post('/api/v1/publications')
      .auth(marketing.token, { type: 'bearer' })
      .send({ photoId, channel: 'social.instagram', location: { postId: 'C0ffee' } });
    assert.equal(published.status, 201, JSON.stringify(published.body));
    const officer = await createSignedIn(t, 'privacy_officer');
    mail.refuse.add(officer.email);

    const revocation = await request(t.server)
      .post(`/api/v1/patients/${patient.id}/revocations`)
      .auth(frontDesk.token, { type: 'bearer' })
      .send({
        scope: { kind: 'everything' },
        receivedVia: 'email',
        requester: { type: 'patient' },
        identityVerification: 'Sent from the address on file',
      });
    assert.equal(revocation.status, 201, JSON.stringify(revocation.body));
    assert.equal(mail.received.length, 0, 'nothing is sent before the delivery job runs');

    await t.runDueJobs();
    const receipt = mail.received.find((message) => message.to.includes('patient@example.test'));
    assert.ok(receipt, 'the patient gets the receipt');
    assert.equal(receipt.from, 'privacy@clinic.test');
    assert.match(receipt.raw, /Subject: We received your request about your photos/);
    assert.match(receipt.raw, /took effect at that moment/);

    const rows = await t.database.query<{ recipient_address: string; delivery: string; attempts: number }>(
      'SELECT recipient_address, delivery, attempts, last_error FROM outbox_messages ORDER BY recipient_address',
    );
    const refused = rows.find((row) => row.recipient_address === officer.email);
    assert.equal(refused?.delivery, 'pending', 'the unassigned task was announced to the officer, who was refused');
    assert.equal(refused?.attempts, 1);
    assert.ok(rows.filter((row) => row.recipient_address !== officer.email).every((row) => row.delivery === 'sent'));

    // The mail server takes the address again; pg-boss retries the job after its back-off.
    mail.refuse.clear();
    t.clock.advance(10 * 60_000);
    await t.runDueJobs();
    const [retried] = await t.database.query<{ delivery: string; attempts: number; last_error: string | null }>(
      'SELECT delivery, attempts, last_error FROM outbox_messages WHERE recipient_address = $1',
      [officer.email],
    );
    assert.deepEqual(retried, { delivery: 'sent', attempts: 2, last_error: null });
    const toOfficer = mail.received.filter((message) => message.to.includes(officer.email));
    assert.equal(toOfficer.length, 1);
    assert.match(toOfficer[0].raw, /social\.instagram: C0ffee/);
  });

  it('mails the patient their copy of a release signed at the desk, the sealed PDF attached', async () => {
    const patient = await createPatient(t, frontDesk, {
      fullName: 'Copy Receiver',
      contactEmail: 'copy.receiver@example.test',
    });
    const [{ id: templateId }] = await t.database.query<{ id: string }>(
      'SELECT id FROM form_templates WHERE published_by_user_id IS NULL',
    );
    const made = await request(t.server)
      .post(`/api/v1/patients/${patient.id}/signing-requests`)
      .auth(frontDesk.token, { type: 'bearer' })
      .send({ ...RELEASE_FORM_TERMS, templateId, language: 'en', delivery: 'desk' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const signed = await request(t.server)
      .post(`/api/v1/patients/${patient.id}/signing-requests/${made.body.id}/signature`)
      .auth(frontDesk.token, { type: 'bearer' })
      .send({
        shownSha256: made.body.form.sha256,
        typedName: 'Copy Receiver',
        electronicSignatureConsent: true,
        signature: { canvasWidth: 600, canvasHeight: 200, strokes: [[50, 150, 200, 40, 350, 160, 500, 50]] },
      });
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    await t.runDueJobs();
    const copy = mail.received.find((message) => message.to.includes('copy.receiver@example.test'));
    assert.ok(copy, 'the copy arrives');
    assert.match(copy.raw, /Subject: Your signed photo release/);
    assert.match(copy.raw, /Content-Type: application\/pdf; name=signed-photo-release\.pdf/);
    const attached = /Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*?\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(
      copy.raw.slice(copy.raw.indexOf('name=signed-photo-release.pdf')),
    )?.[1];
    assert.ok(attached);
    const stored = await request(t.server)
      .get(`/api/v1/releases/${signed.body.releaseId}/document`)
      .auth(frontDesk.token, { type: 'bearer' })
      .buffer(true)
      .parse(collectBytes);
    assert.ok(Buffer.from(attached.replace(/\s/g, ''), 'base64').equals(stored.body as Buffer), 'the stored PDF');
  });

  it('mails a patient their sign-in link, which works, and hides its token from admins reading the outbox', async () => {
    await createPatient(t, frontDesk, { contactEmail: 'portal.user@example.test', dateOfBirth: '1991-11-30' });
    const asked = await request(t.server)
      .post('/api/v1/portal/access')
      .send({ email: 'portal.user@example.test', dateOfBirth: '1991-11-30' });
    assert.equal(asked.status, 202);
    await t.runDueJobs();
    const link = mail.received.find((message) => message.to.includes('portal.user@example.test'));
    assert.ok(link, 'the link arrives');
    // The body is quoted-printable: soft line breaks and =XX escapes.
    const text = link.raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const token = /#token=(pcs_l_[A-Za-z0-9_-]+)/.exec(text)?.[1];
    assert.ok(token, 'the message carries the link');
    const session = await request(t.server).post('/api/v1/portal/session').send({ token });
    assert.equal(session.status, 201, JSON.stringify(session.body));

    const admin = await createSignedIn(t, 'admin');
    const outbox = await request(t.server)
      .get('/api/v1/outbox?kind=portal_access_link')
      .auth(admin.token, { type: 'bearer' });
    assert.equal(outbox.status, 200);
    assert.equal(outbox.body.items.length, 1);
    assert.ok(!outbox.text.includes(token), 'the admin cannot read the token');
    assert.equal(outbox.body.items[0].identifiedWithheld, true, "the admin reads no patient's message");
    const [kept] = await t.database.query<{ body: string }>(
      "SELECT body FROM outbox_messages WHERE kind = 'portal_access_link'",
    );
    assert.ok(!kept.body.includes(token), 'once sent, the service keeps no copy of the token');
  });
});
