import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { SessionPruner } from '../src/auth/session-pruner.js';
import { startTestApp, type TestApp } from './support/app.js';
import { mailedPortalToken, signInPatient } from './support/portal.js';
import { createPatient } from './support/records.js';
import { createSignedIn } from './support/staff.js';

const DAY = 24 * 60 * 60 * 1000;

describe('pruning ended sessions and spent sign-in links', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('removes sessions and links that ended more than 90 days ago, and nothing newer', async () => {
    const frontDesk = await createSignedIn(t, 'front_desk');
    await createPatient(t, frontDesk, { contactEmail: 'pruned@example.test', dateOfBirth: '1970-05-05' });
    await signInPatient(t, 'pruned@example.test', '1970-05-05');
    const count = async (table: string) =>
      Number((await t.database.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
    const before = { sessions: await count('sessions'), patients: await count('patient_sessions') };
    assert.ok(before.sessions >= 1 && before.patients === 1 && (await count('portal_links')) === 1);

    t.clock.advance(91 * DAY);
    const fresh = await createSignedIn(t, 'marketing');
    await request(t.server)
      .post('/api/v1/portal/access')
      .send({ email: 'pruned@example.test', dateOfBirth: '1970-05-05' })
      .expect(202);
    await mailedPortalToken(t, 'pruned@example.test');

    const removed = await t.app.get(SessionPruner).prune();
    assert.deepEqual(removed, { sessions: before.sessions, patientSessions: 1, portalLinks: 1 });
    assert.equal(await count('sessions'), 1, 'the new staff session stays');
    assert.equal(await count('portal_links'), 1, 'the new, unused link stays');
    assert.equal((await request(t.server).get('/api/v1/auth/me').auth(fresh.token, { type: 'bearer' })).status, 200);
  });
});
