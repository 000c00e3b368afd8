import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/app.js';
import { waitForLockWaiters } from './support/database.js';
import { counts, createCase, createPatient } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

// The test clock reads 2026-03-02.
const GUARDIAN = { fullName: 'John Roe', relationship: 'parent', contactPhone: '+1 555 0101' };

describe('patients and cases', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  const as = (staff: SignedInStaff) => ({
    get: (path: string) => request(t.server).get(path).auth(staff.token, { type: 'bearer' }),
    post: (path: string) => request(t.server).post(path).auth(staff.token, { type: 'bearer' }),
    patch: (path: string) => request(t.server).patch(path).auth(staff.token, { type: 'bearer' }),
  });

  beforeAll(async () => {
    t = await startTestApp();
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
  });
  afterAll(async () => t.close());

  it('registers a patient with a pseudonymous code and shows identified data to the front desk', async () => {
    const created = await as(frontDesk).post('/api/v1/patients').send({
      fullName: 'Zoë  Ångström',
      dateOfBirth: '1990-04-01',
      contactEmail: 'zoe@example.test',
      mrn: 'MRN-0042',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.code, /^P-[0-9A-HJKMNP-TV-Z]{5}$/);
    assert.equal(created.body.fullName, 'Zoë  Ångström');
    assert.equal(created.body.minor, false);
    assert.equal(created.body.guardian, null);

    const read = await as(frontDesk).get(`/api/v1/patients/${created.body.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.dateOfBirth, '1990-04-01');
    assert.deepEqual(read.body.cases, []);
    const audited = await t.database.query(
      `SELECT action, details FROM audit_events WHERE patient_id = $1 ORDER BY id`,
      [created.body.id],
    );
    assert.deepEqual(
      audited.map((row) => row.action),
      ['patient.create', 'patient.read'],
    );
    assert.ok(!JSON.stringify(audited).includes('Zo'), 'audit events carry no name');
  });

  it('finds patients by part of the name (ignoring case and accents), code, record number and birth date', async () => {
    const patient = await createPatient(t, frontDesk, {
      fullName: 'Renée Marchand',
      dateOfBirth: '1979-11-30',
      mrn: 'A-77',
    });
    const search = async (query: Record<string, string>) => {
      const response = await as(frontDesk).get('/api/v1/patients').query(query);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return (response.body.items as { id: string }[]).map((item) => item.id);
    };
    assert.ok((await search({ q: 'renee march' })).includes(patient.id));
    assert.ok((await search({ q: 'MARCHAND' })).includes(patient.id));
    assert.deepEqual(await search({ q: patient.code.toLowerCase() }), [patient.id]);
    assert.deepEqual(await search({ q: 'A-77' }), [patient.id]);
    assert.deepEqual(await search({ q: '1979-11-30' }), [patient.id]);
    assert.deepEqual(await search({ q: 'marchand', dateOfBirth: '1979-12-01' }), []);
    assert.deepEqual(await search({ q: '%%' }), [], 'wildcards are matched literally');
    const codeLike = await createPatient(t, frontDesk, { mrn: 'P-12345' });
    const dateLike = await createPatient(t, frontDesk, { mrn: '2020-01-01' });
    assert.ok((await search({ q: 'P-12345' })).includes(codeLike.id), 'a record number shaped like a code');
    assert.ok((await search({ q: '2020-01-01' })).includes(dateLike.id), 'a record number shaped like a date');

    const reads = await t.database.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'patient.read' AND patient_id = $1 AND details->>'via' = 'search'`,
      [patient.id],
    );
    assert.equal(reads[0]?.n, 5, 'each search that showed the patient is audited as a read');

    const empty = await as(frontDesk).get('/api/v1/patients');
    assert.equal(empty.status, 400, 'listing every patient needs a search term');
  });

  it('needs a guardian for a patient under 18, and keeps it while they are a minor', async () => {
    const before = await counts(t);
    const refused = await as(frontDesk)
      .post('/api/v1/patients')
      .send({ fullName: 'Minor One', dateOfBirth: '2012-05-05' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, 'validation_failed');
    assert.match(refused.headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.equal(refused.body.errors[0].field, 'guardian');
    const unreachable = await as(frontDesk)
      .post('/api/v1/patients')
      .send({
        fullName: 'Minor One',
        dateOfBirth: '2012-05-05',
        guardian: { fullName: 'John Roe', relationship: 'parent' },
      });
    assert.equal(unreachable.status, 400, 'a guardian no one can reach');
    assert.match(unreachable.body.errors[0].messages[0], /contactEmail or contactPhone/);
    assert.deepEqual(await counts(t), before);

    const minor = await as(frontDesk)
      .post('/api/v1/patients')
      .send({ fullName: 'Minor Two', dateOfBirth: '2012-05-05', guardian: GUARDIAN });
    assert.equal(minor.status, 201, JSON.stringify(minor.body));
    assert.equal(minor.body.minor, true);
    assert.deepEqual(minor.body.guardian, { ...GUARDIAN, contactEmail: null });

    const dropGuardian = await as(frontDesk).patch(`/api/v1/patients/${minor.body.id}`).send({ guardian: null });
    assert.equal(dropGuardian.status, 400);
    const dropContact = await as(frontDesk)
      .patch(`/api/v1/patients/${minor.body.id}`)
      .send({ guardian: { ...GUARDIAN, contactPhone: null } });
    assert.equal(dropContact.status, 400, "a minor's guardian keeps a contact");
    // A guardian recorded before contacts were required does not block other edits.
    await t.database.query('UPDATE patients SET guardian_contact_phone = NULL WHERE id = $1', [minor.body.id]);
    const otherEdit = await as(frontDesk).patch(`/api/v1/patients/${minor.body.id}`).send({ mrn: 'MINOR-2' });
    assert.equal(otherEdit.status, 200, JSON.stringify(otherEdit.body));
    const guardianEdit = await as(frontDesk)
      .patch(`/api/v1/patients/${minor.body.id}`)
      .send({ guardian: { ...GUARDIAN, contactPhone: null, fullName: 'John A. Roe' } });
    assert.equal(guardianEdit.status, 400, 'a changed guardian needs a contact');
    await t.database.query('UPDATE patients SET guardian_contact_phone = $2 WHERE id = $1', [
      minor.body.id,
      GUARDIAN.contactPhone,
    ]);
    const birthday = await as(frontDesk).patch(`/api/v1/patients/${minor.body.id}`).send({ dateOfBirth: '2008-03-02' });
    assert.equal(birthday.status, 200);
    assert.equal(birthday.body.minor, false, 'eighteen on the day');
    const cleared = await as(frontDesk).patch(`/api/v1/patients/${minor.body.id}`).send({ guardian: null });
    assert.equal(cleared.status, 200);
    assert.equal(cleared.body.guardian, null);
    const unchanged = await as(frontDesk).patch(`/api/v1/patients/${minor.body.id}`).send({ mrn: 'MINOR-2' });
    assert.equal(unchanged.status, 200);
    assert.equal(unchanged.body.fullName, 'Minor Two');
    const readByEdit = await t.database.query(
      `SELECT actor_id FROM audit_events WHERE action = 'patient.read' AND patient_id = $1 AND details->>'via' = 'update'`,
      [minor.body.id],
    );
    assert.deepEqual(readByEdit, [{ actor_id: frontDesk.id }], 'an edit that changes nothing still shows the record');
    const changes = await t.database.query(
      `SELECT details FROM audit_events WHERE action = 'patient.update' AND patient_id = $1 ORDER BY id`,
      [minor.body.id],
    );
    assert.deepEqual(
      changes.map((row) => row.details),
      [{ changed: ['mrn'] }, { changed: ['dateOfBirth'] }, { changed: ['guardian'] }],
    );
  });

  it('holds back nothing that refers to the patient while an edit of the patient is written', async () => {
    const patient = await createPatient(t, frontDesk, { contactEmail: 'before@example.test' });
    const tableHolder = new pg.Client({ connectionString: t.database.url });
    await tableHolder.connect();
    try {
      // The edit stops where it ends the portal sessions opened through the old address.
      await tableHolder.query('BEGIN');
      await tableHolder.query('LOCK TABLE patient_sessions IN SHARE MODE');
      const editing = as(frontDesk)
        .patch(`/api/v1/patients/${patient.id}`)
        .send({ contactEmail: 'after@example.test' })
        .then((response) => response);
      await waitForLockWaiters(t.database, 1, 'UPDATE patient_sessions');
      // The lock a portal sign-in's session, an upload or a case takes through its foreign key.
      const referred = await t.database.query('SELECT id FROM patients WHERE id = $1 FOR KEY SHARE NOWAIT', [
        patient.id,
      ]);
      assert.equal(referred.length, 1);
      await tableHolder.query('COMMIT');
      const edited = await editing;
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.contactEmail, 'after@example.test');
    } finally {
      await tableHolder.end();
    }
  });

  it('refuses bad patient input with a problem and changes nothing', async () => {
    const existing = await createPatient(t, frontDesk, { mrn: 'DUP-1' });
    const bad: [string, () => request.Test, number][] = [
      [
        'unknown field',
        () => as(frontDesk).post('/api/v1/patients').send({ fullName: 'A', dateOfBirth: '1990-01-01', ssn: '1' }),
        400,
      ],
      [
        'impossible date',
        () => as(frontDesk).post('/api/v1/patients').send({ fullName: 'A', dateOfBirth: '1990-02-30' }),
        400,
      ],
      [
        'future birth date',
        () => as(frontDesk).post('/api/v1/patients').send({ fullName: 'A', dateOfBirth: '2027-01-01' }),
        400,
      ],
      [
        'wrong relationship',
        () =>
          as(frontDesk)
            .post('/api/v1/patients')
            .send({ fullName: 'A', dateOfBirth: '2015-01-01', guardian: { ...GUARDIAN, relationship: 'uncle' } }),
        400,
      ],
      [
        'taken record number',
        () => as(frontDesk).post('/api/v1/patients').send({ fullName: 'A', dateOfBirth: '1990-01-01', mrn: 'DUP-1' }),
        409,
      ],
      ['null name', () => as(frontDesk).patch(`/api/v1/patients/${existing.id}`).send({ fullName: null }), 400],
      ['malformed id', () => as(frontDesk).get('/api/v1/patients/123'), 400],
      ['unknown patient', () => as(frontDesk).get('/api/v1/patients/00000000-0000-4000-8000-000000000000'), 404],
      [
        'case of an unknown patient',
        () =>
          as(frontDesk)
            .post('/api/v1/patients/00000000-0000-4000-8000-000000000000/cases')
            .send({ procedure: 'x', provider: 'y', treatmentDate: '2026-01-01' }),
        404,
      ],
      [
        'case with a blank procedure',
        () =>
          as(frontDesk)
            .post(`/api/v1/patients/${existing.id}/cases`)
            .send({ procedure: '   ', provider: 'y', treatmentDate: '2026-01-01' }),
        400,
      ],
      [
        'case without a date',
        () => as(frontDesk).post(`/api/v1/patients/${existing.id}/cases`).send({ procedure: 'x', provider: 'y' }),
        400,
      ],
    ];
    for (const [label, call, status] of bad) {
      const before = await counts(t);
      const response = await call();
      assert.equal(response.status, status, `${label}: ${JSON.stringify(response.body)}`);
      assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/, label);
      assert.deepEqual(await counts(t), before, label);
    }
  });

  it('opens cases and shows marketing the case with the patient code but not the notes', async () => {
    const patient = await createPatient(t, frontDesk);
    const created = await as(frontDesk).post(`/api/v1/patients/${patient.id}/cases`).send({
      procedure: 'Blepharoplasty',
      provider: 'Dr. B. Jones',
      treatmentDate: '2026-01-15',
      notes: 'Patient Jane prefers…',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await createCase(t, frontDesk, patient.id);
    const forMarketing = await as(marketing).get(`/api/v1/cases/${created.body.id}`);
    assert.equal(forMarketing.status, 200);
    assert.equal(forMarketing.body.patientCode, patient.code);
    assert.equal(forMarketing.body.procedure, 'Blepharoplasty');
    assert.equal(forMarketing.body.notes, undefined);
    assert.equal((await as(marketing).get(`/api/v1/patients/${patient.id}`)).status, 403);
    const readsOfNotes = async () =>
      t.database.query<{ actor_id: string; details: { fields: string[] } }>(
        "SELECT actor_id, details FROM audit_events WHERE action = 'case.read' AND entity_id = $1",
        [created.body.id],
      );
    assert.deepEqual(await readsOfNotes(), [], 'marketing saw no notes, so nothing identified was read');
    const forFrontDesk = await as(frontDesk).get(`/api/v1/cases/${created.body.id}`);
    assert.equal(forFrontDesk.body.notes, 'Patient Jane prefers…');
    assert.deepEqual(await readsOfNotes(), [{ actor_id: frontDesk.id, details: { fields: ['notes'] } }]);

    const detail = await as(frontDesk).get(`/api/v1/patients/${patient.id}`);
    assert.equal(detail.body.cases.length, 2);
    assert.equal(detail.body.cases[0].procedure, 'Rhinoplasty', 'newest treatment first');
  });
});
