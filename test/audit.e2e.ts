import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditSealer } from '../src/audit/audit-sealer.js';
import { AuditService } from '../src/audit/audit.service.js';
import { SYSTEM_CALLER } from '../src/common/caller.js';
import { AppConfig } from '../src/config/app-config.js';
import { startTestApp, type TestApp } from './support/app.js';
import { createSignedIn, createStaff, strongPassword, type SignedInStaff } from './support/staff.js';

function verify(t: TestApp, officer: SignedInStaff) {
  return request(t.server).get('/api/v1/audit/verify').auth(officer.token, { type: 'bearer' }).expect(200);
}

/** Runs SQL as the database owner with triggers (and foreign keys) off, as someone tampering would. */
async function tamper(t: TestApp, sql: string): Promise<void> {
  await t.database.query(`BEGIN; SET LOCAL session_replication_role = replica; ${sql}; COMMIT;`);
}

async function recordEvents(t: TestApp, count: number, patientId?: string): Promise<void> {
  const audit = t.app.get(AuditService);
  for (let i = 0; i < count; i++) {
    await audit.record(SYSTEM_CALLER, {
      action: 'test.event',
      entityType: 'probe',
      entityId: String(i),
      patientId,
      details: { i },
    });
  }
}

describe('audit trail', () => {
  let t: TestApp;
  let officer: SignedInStaff;
  beforeAll(async () => {
    t = await startTestApp();
    officer = await createSignedIn(t, 'privacy_officer');
  });
  afterAll(async () => t.close());

  it('refuses UPDATE, DELETE and TRUNCATE of events and seals, to the owner and the service’s own connection', async () => {
    await recordEvents(t, 1);
    await t.app.get(AuditSealer).sealPending();
    const dataSource = t.app.get(DataSource);
    for (const sql of [
      `UPDATE audit_events SET action = 'x'`,
      'DELETE FROM audit_events',
      'TRUNCATE audit_events CASCADE',
      'UPDATE audit_seals SET hash = prev_hash',
      'DELETE FROM audit_seals',
    ]) {
      // The serving role has no such privilege; the owner, who has, meets the append-only triggers.
      await assert.rejects(dataSource.query(sql), /permission denied/, sql);
      await assert.rejects(t.database.query(sql), /append-only/, sql);
    }
  });

  it('records a change in the same transaction: a refused change leaves no event', async () => {
    const admin = await createSignedIn(t, 'admin');
    const existing = await createStaff(t, 'marketing');
    const count = async () =>
      (
        await t.database.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'user.create'`,
        )
      )[0]?.n;
    const before = await count();
    await request(t.server)
      .post('/api/v1/users')
      .auth(admin.token, { type: 'bearer' })
      .send({ email: existing.email, displayName: 'Twin', role: 'marketing', password: strongPassword() })
      .expect(409);
    assert.equal(await count(), before);
    const created = await request(t.server)
      .post('/api/v1/users')
      .auth(admin.token, { type: 'bearer' })
      .send({ email: 'new.hire@clinic.test', displayName: 'New Hire', role: 'front_desk', password: strongPassword() })
      .expect(201);
    const [event] = await t.database.query<Record<string, unknown>>(
      `SELECT actor_type, actor_id, action, entity_type, entity_id, outcome, request_id, client_ip, details
         FROM audit_events WHERE action = 'user.create' AND entity_id = $1`,
      [created.body.id],
    );
    assert.deepEqual(
      { ...event, request_id: typeof event?.request_id, client_ip: /127\.0\.0\.1$/.test(String(event?.client_ip)) },
      {
        actor_type: 'user',
        actor_id: admin.id,
        action: 'user.create',
        entity_type: 'user',
        entity_id: created.body.id,
        outcome: 'done',
        request_id: 'string',
        client_ip: true,
        details: { role: 'front_desk' },
      },
    );
  });

  it('rolls the change back when its audit event cannot be written', async () => {
    const admin = await createSignedIn(t, 'admin');
    // Make the audit insert of this one action fail, as a full disk or a bug would.
    await t.database.query(`
      CREATE FUNCTION refuse_user_create_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = 'user.create' THEN RAISE EXCEPTION 'audit write failed'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_user_create_event BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION refuse_user_create_event();`);
    try {
      const response = await request(t.server)
        .post('/api/v1/users')
        .auth(admin.token, { type: 'bearer' })
        .send({
          email: 'unaudited@clinic.test',
          displayName: 'Unaudited',
          role: 'front_desk',
          password: strongPassword(),
        })
        .expect(500);
      assert.equal(response.body.code, 'internal_error');
      const rows = await t.database.query(`SELECT id FROM users WHERE email = 'unaudited@clinic.test'`);
      assert.deepEqual(rows, [], 'the user was not created without its audit event');
    } finally {
      await t.database.query(
        'DROP TRIGGER refuse_user_create_event ON audit_events; DROP FUNCTION refuse_user_create_event()',
      );
    }
  });

  it('chains every event, concurrent writers and two sealers at once included, and verifies intact', async () => {
    const audit = t.app.get(AuditService);
    const secondInstanceSealer = new AuditSealer(t.app.get(DataSource), t.app.get(AppConfig));
    const writers = Array.from({ length: 200 }, (_, i) =>
      audit.record(SYSTEM_CALLER, { action: 'test.concurrent', details: { i } }),
    );
    const sealers = Array.from({ length: 5 }, () =>
      Promise.all([t.app.get(AuditSealer).sealPending(), secondInstanceSealer.sealPending()]),
    );
    await Promise.all([...writers, ...sealers]);
    const result = await verify(t, officer);
    assert.equal(result.body.intact, true, JSON.stringify(result.body));
    assert.equal(result.body.firstBrokenLink, null);
    assert.equal(result.body.unchainedEvents, 0);
    const [{ events, seals, max }] = (await t.database.query(
      'SELECT (SELECT count(*)::int FROM audit_events) AS events, count(*)::int AS seals, max(seq)::int AS max FROM audit_seals',
    )) as [{ events: number; seals: number; max: number }];
    // The verify call itself was recorded after the chain was checked.
    assert.equal(seals, events - 1);
    assert.equal(max, seals, 'sequence numbers have no gaps');
    assert.equal(result.body.head.seq, String(seals));
  });

  it('lists events newest first with filters and cursor paging, and records that the trail was read', async () => {
    const patientId = randomUUID();
    await recordEvents(t, 5, patientId);
    const first = await request(t.server)
      .get(`/api/v1/audit?patientId=${patientId}&limit=3`)
      .auth(officer.token, { type: 'bearer' })
      .expect(200);
    assert.deepEqual(
      first.body.items.map((e: { entityId: string }) => e.entityId),
      ['4', '3', '2'],
    );
    const second = await request(t.server)
      .get(`/api/v1/audit?patientId=${patientId}&limit=3&before=${first.body.nextCursor}`)
      .auth(officer.token, { type: 'bearer' })
      .expect(200);
    assert.deepEqual(
      second.body.items.map((e: { entityId: string }) => e.entityId),
      ['1', '0'],
    );
    assert.equal(second.body.nextCursor, null);

    const future = await request(t.server)
      .get(`/api/v1/audit?patientId=${patientId}&from=2999-01-01T00:00:00Z`)
      .auth(officer.token, { type: 'bearer' })
      .expect(200);
    assert.deepEqual(future.body.items, []);
    const byActor = await request(t.server)
      .get(`/api/v1/audit?actorId=${officer.id}&action=auth.login`)
      .auth(officer.token, { type: 'bearer' })
      .expect(200);
    assert.ok(byActor.body.items.length >= 1);
    assert.ok(byActor.body.items.every((e: { actorId: string }) => e.actorId === officer.id));

    const reads = await t.database.query<{ actor_id: string }>(
      `SELECT actor_id FROM audit_events WHERE action = 'audit.read' AND patient_id = $1`,
      [patientId],
    );
    assert.equal(reads.length, 3);
    assert.equal(reads[0]?.actor_id, officer.id);

    const bad = await request(t.server)
      .get('/api/v1/audit?patientId=not-a-uuid&limit=0&from=yesterday')
      .auth(officer.token, { type: 'bearer' })
      .expect(400);
    assert.deepEqual(bad.body.errors.map((e: { field: string }) => e.field).sort(), ['from', 'limit', 'patientId']);
  });

  it('exports the accounting of access for a patient as CSV', async () => {
    const patientId = randomUUID();
    await recordEvents(t, 3, patientId);
    const response = await request(t.server)
      .get(`/api/v1/audit/export?patientId=${patientId}`)
      .auth(officer.token, { type: 'bearer' })
      .expect(200);
    assert.match(response.headers['content-type'] ?? '', /^text\/csv/);
    assert.match(response.headers['content-disposition'] ?? '', /^attachment; filename="audit-\d{8}T\d{6}\.csv"$/);
    const lines = response.text.trimEnd().split('\r\n');
    assert.equal(
      lines[0],
      'id,recordedAt,actorType,actorId,actorLabel,action,outcome,entityType,entityId,patientId,requestId,clientIp,details,seq',
    );
    assert.equal(lines.length, 4);
    assert.ok(lines.slice(1).every((line) => line.includes(patientId) && line.includes('test.event')));
  });
});

describe('audit chain verification catches tampering', () => {
  const scenarios: {
    name: string;
    sql: (ids: string[]) => string;
    expect: (ids: string[]) => { eventId?: string; seq?: string; problem?: string; unchained?: number };
  }[] = [
    {
      name: 'an altered event',
      sql: (ids) => `UPDATE audit_events SET details = '{"i": 99}' WHERE id = ${ids[4]}`,
      expect: (ids) => ({ eventId: ids[4], problem: 'event_altered' }),
    },
    {
      name: 'a deleted event',
      sql: (ids) => `DELETE FROM audit_events WHERE id = ${ids[6]}`,
      expect: (ids) => ({ eventId: ids[6], problem: 'event_missing' }),
    },
    {
      name: 'a deleted event together with its seal',
      sql: (ids) => `DELETE FROM audit_seals WHERE event_id = ${ids[6]}; DELETE FROM audit_events WHERE id = ${ids[6]}`,
      expect: (ids) => ({ eventId: ids[7], problem: 'sequence_gap' }),
    },
    {
      name: 'two seals swapped in the order',
      sql: () =>
        'UPDATE audit_seals SET seq = -5 WHERE seq = 5; UPDATE audit_seals SET seq = 5 WHERE seq = 6; UPDATE audit_seals SET seq = 6 WHERE seq = -5',
      expect: () => ({ seq: '5', problem: 'link_broken' }),
    },
    {
      name: 'two events swapped in the chain',
      sql: (ids) =>
        `UPDATE audit_seals SET event_id = -1 WHERE event_id = ${ids[2]}; ` +
        `UPDATE audit_seals SET event_id = ${ids[2]} WHERE event_id = ${ids[3]}; ` +
        `UPDATE audit_seals SET event_id = ${ids[3]} WHERE event_id = -1`,
      expect: (ids) => ({ eventId: ids[3], problem: 'event_altered' }),
    },
    {
      name: 'an event slipped in around the sealing queue',
      sql: () =>
        `INSERT INTO audit_events (actor_type, action, outcome, details) VALUES ('system', 'forged', 'done', '{}')`,
      expect: () => ({ unchained: 1 }),
    },
  ];

  for (const scenario of scenarios) {
    it(`names the first broken link after ${scenario.name}`, async () => {
      const t = await startTestApp();
      try {
        const officer = await createSignedIn(t, 'privacy_officer');
        await recordEvents(t, 10);
        const intact = await verify(t, officer);
        assert.equal(intact.body.intact, true);
        const ids = (await t.database.query<{ event_id: string }>('SELECT event_id FROM audit_seals ORDER BY seq')).map(
          (row) => row.event_id,
        );
        await tamper(t, scenario.sql(ids));
        const result = await verify(t, officer);
        const expected = scenario.expect(ids);
        assert.equal(result.body.intact, false);
        if (expected.unchained !== undefined) {
          assert.equal(result.body.unchainedEvents, expected.unchained);
          return;
        }
        const broken = result.body.firstBrokenLink;
        assert.ok(broken, 'a broken link is named');
        if (expected.eventId) assert.equal(broken.eventId, expected.eventId);
        if (expected.seq) assert.equal(broken.seq, expected.seq);
        assert.equal(broken.problem, expected.problem);
        assert.ok(broken.message.length > 10);
      } finally {
        await t.close();
      }
    });
  }
});
