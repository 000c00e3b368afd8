import assert from 'node:assert/strict';
import request from 'supertest';
import type { TestApp } from './app.js';

/** The token of the newest sign-in link mailed to `address` (read from the outbox, as the patient reads their mail). */
export async function mailedPortalToken(t: TestApp, address: string): Promise<string> {
  // Links are written and mailed by a job, after the request has answered.
  await t.runDueJobs();
  const [message] = await t.database.query<{ body: string }>(
    `SELECT body FROM outbox_messages WHERE kind = 'portal_access_link' AND recipient_address = $1
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [address],
  );
  assert.ok(message, `no sign-in link was mailed to ${address}`);
  const token = /#token=(\S+)/.exec(message.body)?.[1];
  assert.ok(token, 'the message carries a link with a token');
  return token;
}

/** A patient's portal session, through the routes a patient uses: ask for a link, open it. */
export async function signInPatient(t: TestApp, email: string, dateOfBirth: string): Promise<string> {
  const asked = await request(t.server).post('/api/v1/portal/access').send({ email, dateOfBirth });
  assert.equal(asked.status, 202, JSON.stringify(asked.body));
  const started = await request(t.server)
    .post('/api/v1/portal/session')
    .send({ token: await mailedPortalToken(t, email) });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  return started.body.token as string;
}
