import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { IDENTIFYING_FIELD_NAMES, NOT_IDENTIFYING_TEXT_FIELDS } from '../src/common/identified.js';
import { startTestApp, type TestApp } from './support/app.js';
import { createCase, createPatient, createRelease, uploadPhoto } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

/** Every text property of every schema an answer can carry: `Schema.property` for each. */
function textFieldsOfResponses(document: Json): Map<string, string[]> {
  const schemas = document.components.schemas as Record<string, Schema>;
  const found = new Map<string, string[]>();
  const visited = new Set<string>();
  const walk = (schema: Schema | undefined, where: string): void => {
    if (!schema) return;
    if (schema.$ref) {
      const name = schema.$ref.split('/').at(-1) ?? '';
      if (visited.has(name)) return;
      visited.add(name);
      walk(schemas[name], name);
      return;
    }
    for (const each of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) walk(each, where);
    walk(schema.items, where);
    for (const [property, child] of Object.entries(schema.properties ?? {})) {
      const value = child.type === 'array' && child.items ? child.items : child;
      if (value.type === 'string' && !value.format && !value.enum) {
        found.set(property, [...(found.get(property) ?? []), where]);
      }
      walk(child, where);
    }
  };
  for (const operations of Object.values(document.paths as Record<string, Record<string, Json>>)) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, Json>)) {
        if (!status.startsWith('2')) continue;
        for (const content of Object.values((response.content ?? {}) as Record<string, Json>)) {
          walk(content.schema as Schema, 'response');
        }
      }
    }
  }
  return found;
}

describe('identified free text', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let privacyOfficer: SignedInStaff;
  let admin: SignedInStaff;
  let patient: { id: string; code: string };
  let photo: string;

  const as = (staff: SignedInStaff) => ({
    get: (path: string) => request(t.server).get(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      request(t.server).post(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }).send(body),
  });

  beforeAll(async () => {
    t = await startTestApp();
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    privacyOfficer = await createSignedIn(t, 'privacy_officer');
    admin = await createSignedIn(t, 'admin');
    patient = await createPatient(t, frontDesk, {
      fullName: 'Dana Whitlock',
      contactEmail: 'dana.whitlock@example.test',
    });
    photo = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient.id));
    await createRelease(t, frontDesk, patient.id);
  });
  afterAll(async () => t.close());

  it('classifies every text field an answer can carry as identified or not', async () => {
    const document = (await request(t.server).get('/docs/json').expect(200)).body as Json;
    const fields = textFieldsOfResponses(document);
    assert.ok(fields.size > 50, 'the walk reached the response schemas');
    const unclassified = [...fields]
      .filter(([name]) => !IDENTIFYING_FIELD_NAMES.has(name) && !NOT_IDENTIFYING_TEXT_FIELDS.has(name))
      .map(([name, where]) => `${name} (in ${[...new Set(where)].join(', ')})`);
    assert.deepEqual(unclassified, [], 'classify these in src/common/identified.ts');
    const both = [...IDENTIFYING_FIELD_NAMES].filter((name) => NOT_IDENTIFYING_TEXT_FIELDS.has(name));
    assert.deepEqual(both, []);
  });

  it('keeps staff notes on a revocation from marketing, and shows them to the privacy officer', async () => {
    const verification = 'Called back on +1 555 0100; confirmed date of birth 1979-02-13';
    const revoked = await as(frontDesk).post(`/patients/${patient.id}/revocations`, {
      scope: { kind: 'channels', channels: ['social.tiktok'] },
      receivedVia: 'phone',
      requester: {
        type: 'authorized_agent',
        fullName: 'Jo Whitlock',
        authority: 'Attorney Jo Whitlock, power of attorney',
      },
      identityVerification: verification,
      notes: 'Dana sounded upset about the TikTok ad',
    });
    assert.equal(revoked.status, 201, JSON.stringify(revoked.body));
    const id = revoked.body.id as string;

    const forMarketing = await as(marketing).get(`/revocations/${id}`).expect(200);
    for (const text of ['555 0100', '1979-02-13', 'Dana', 'Whitlock']) {
      assert.ok(!forMarketing.text.includes(text), `marketing must not read "${text}"`);
    }
    assert.equal(forMarketing.body.identityVerification, undefined);
    const forOfficer = await as(privacyOfficer).get(`/revocations/${id}`).expect(200);
    assert.equal(forOfficer.body.identityVerification, verification);
  });

  it('keeps a hold reason out of clearance answers and out of the audit trail', async () => {
    const reason = 'Guardian Sam Whitlock disputes the signature';
    const placed = await as(privacyOfficer).post(`/patients/${patient.id}/holds`, { photoIds: [photo], reason });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const check = await as(marketing).get(`/photos/${photo}/clearance?channel=website`).expect(200);
    assert.equal(check.body.allowed, false);
    assert.ok(!check.text.includes('Sam Whitlock'), check.text);
    const lifted = await request(t.server)
      .delete(`/api/v1/holds/${placed.body.id as string}`)
      .auth(privacyOfficer.token, { type: 'bearer' })
      .send({ reason: 'Sam Whitlock withdrew the dispute' });
    assert.equal(lifted.status, 200, JSON.stringify(lifted.body));

    for (const reader of [admin, privacyOfficer]) {
      const trail = await as(reader).get(`/audit?patientId=${patient.id}&limit=200`).expect(200);
      assert.ok(!trail.text.includes('Whitlock'), 'audit details hold no copied free text');
      const exported = await as(reader).get(`/audit/export?patientId=${patient.id}`).expect(200);
      assert.ok(!exported.text.includes('Whitlock'));
    }
    const [stored] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE details::text LIKE '%Whitlock%'",
    );
    assert.equal(stored?.n, 0);
  });

  it('shows the admin audit codes but not free text an older event copied into its details', async () => {
    // An event as the service wrote them before details were limited to codes: a hold's reason, verbatim.
    await t.database.query(
      `INSERT INTO audit_events (actor_type, action, entity_type, entity_id, patient_id, outcome, details)
       VALUES ('system', 'hold.place', 'hold', gen_random_uuid()::text, $1, 'done', $2)`,
      [patient.id, JSON.stringify({ photoIds: [photo], reason: 'Guardian Sam Whitlock disputes the signature' })],
    );
    await request(t.server)
      .post('/api/v1/auth/login')
      .send({ email: marketing.email, password: 'not the password at all' })
      .expect(401);

    const trail = await as(admin).get('/audit?limit=200').expect(200);
    assert.ok(!trail.text.includes('Whitlock'), 'older free text is left out for the admin');
    const legacy = (trail.body.items as Json[]).find((event) => event.action === 'hold.place');
    assert.deepEqual(legacy?.details, { photoIds: [photo] });
    const refused = (trail.body.items as Json[]).find(
      (event) => event.action === 'auth.login' && event.outcome === 'denied' && event.entityId === marketing.id,
    );
    assert.equal(refused?.details.reason, 'wrong_password', 'codes stay readable');
    const exported = await as(admin).get('/audit/export').expect(200);
    assert.ok(!exported.text.includes('Whitlock'));
    assert.ok(exported.text.includes('wrong_password'));

    const forOfficer = await as(privacyOfficer).get(`/audit?patientId=${patient.id}&limit=200`).expect(200);
    assert.ok(forOfficer.text.includes('Sam Whitlock'), 'the privacy officer reads the trail whole');
  });

  it("gives no staff account a patient's address, name or working sign-in link from the outbox", async () => {
    await request(t.server)
      .post('/api/v1/portal/access')
      .send({ email: 'dana.whitlock@example.test', dateOfBirth: '1985-06-15' })
      .expect(202);
    await t.runDueJobs();
    const [link] = await t.database.query<{ body: string }>(
      "SELECT body FROM outbox_messages WHERE kind = 'portal_access_link' ORDER BY created_at DESC LIMIT 1",
    );
    const token = /#token=(\S+)/.exec(link?.body ?? '')?.[1];
    assert.ok(token, 'a link was written');

    const outbox = await as(admin).get('/outbox?limit=200').expect(200);
    const toPatient = (outbox.body.items as Json[]).filter((item) => item.recipientPatientId === patient.id);
    assert.ok(toPatient.some((item) => item.kind === 'portal_access_link'));
    for (const item of toPatient) {
      assert.equal(item.identifiedWithheld, true);
      assert.equal(item.to, undefined);
      assert.equal(item.body, undefined);
    }
    for (const text of [token, 'dana.whitlock@example.test', 'Dana Whitlock']) {
      assert.ok(!outbox.text.includes(text), `the admin must not read "${text}"`);
    }
    // The privacy officer, who may see identified data, reads the letters (those without an address go
    // out by post), but no sign-in token either.
    const forOfficer = await as(privacyOfficer).get('/outbox?limit=200').expect(200);
    const letters = (forOfficer.body.items as Json[]).filter((item) => item.recipientPatientId === patient.id);
    assert.ok(letters.every((item) => item.identifiedWithheld === false && typeof item.body === 'string'));
    assert.ok(letters.some((item) => item.to === 'dana.whitlock@example.test'));
    assert.ok(!forOfficer.text.includes(token), 'a sign-in token is the patient’s alone');
    // The link still works for the patient who received it.
    await request(t.server).post('/api/v1/portal/session').send({ token }).expect(201);
  });
});
