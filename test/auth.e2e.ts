import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import request from 'supertest';
import { StaffSessionChanges } from '../src/auth/staff-session-changes.js';
import { totpCode, totpStep } from '../src/auth/totp.js';
import { startTestApp, type TestApp } from './support/app.js';
import {
  createSignedIn,
  createStaff,
  nextTotpCode,
  signIn,
  strongPassword,
  type SignedInStaff,
} from './support/staff.js';

const PROBLEM_JSON = /^application\/problem\+json/;
const MINUTE = 60_000;

async function auditCount(t: TestApp, action: string, outcome: string, reason?: string): Promise<number> {
  const rows = await t.database.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM audit_events
      WHERE action = $1 AND outcome = $2 AND ($3::text IS NULL OR details->>'reason' = $3)`,
    [action, outcome, reason ?? null],
  );
  return rows[0]?.count ?? 0;
}

function login(t: TestApp, body: Record<string, unknown>, ip?: string) {
  const call = request(t.server).post('/api/v1/auth/login');
  if (ip) call.set('x-forwarded-for', ip);
  return call.send(body);
}

function me(t: TestApp, token: string) {
  return request(t.server).get('/api/v1/auth/me').auth(token, { type: 'bearer' });
}

describe('staff sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '4', LOGIN_MAX_FAILURES_PER_IP: '8', TRUST_PROXY: 'true' },
    });
  });
  afterAll(async () => t.close());

  it('signs in with email and password and returns an opaque token that /auth/me accepts', async () => {
    const member = await createStaff(t, 'front_desk', 'Front.Desk@Clinic.test');
    const response = await login(t, { email: '  front.desk@clinic.TEST ', password: member.password }).expect(200);
    assert.match(response.body.token, /^pcs_s_[A-Za-z0-9_-]{43}$/);
    assert.equal(response.body.tokenType, 'Bearer');
    assert.equal(response.body.idleTimeoutSeconds, 900);
    assert.equal(new Date(response.body.expiresAt).getTime(), t.clock.now().getTime() + 12 * 3_600_000);
    assert.equal(response.body.user.email, 'front.desk@clinic.test');
    assert.equal(response.body.user.passwordHash, undefined);

    const who = await me(t, response.body.token).expect(200);
    assert.equal(who.body.user.role, 'front_desk');
    assert.ok(who.body.permissions.includes('patients.read'));
    assert.ok(!who.body.permissions.includes('audit.read'));

    const stored = await t.database.query<{ token_hash: Buffer }>('SELECT token_hash FROM sessions');
    for (const row of stored) assert.equal(row.token_hash.length, 32, 'only a SHA-256 of the token is stored');
    assert.ok(!JSON.stringify(stored).includes(response.body.token));
  });

  it('answers an unknown email exactly like a wrong password, and audits both', async () => {
    const member = await createStaff(t, 'marketing');
    const wrong = await login(t, { email: member.email, password: 'not the password at all' }).expect(401);
    const unknown = await login(t, { email: 'nobody@clinic.test', password: 'not the password at all' }).expect(401);
    assert.match(wrong.headers['content-type'] ?? '', PROBLEM_JSON);
    const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    assert.deepEqual(strip(unknown.body), strip(wrong.body));
    assert.equal(wrong.body.code, 'invalid_credentials');
    assert.equal(await auditCount(t, 'auth.login', 'denied', 'wrong_password'), 1);
    assert.equal(await auditCount(t, 'auth.login', 'denied', 'unknown_account'), 1);
    const events = await t.database.query<{ details: unknown }>(`SELECT details FROM audit_events`);
    assert.ok(!JSON.stringify(events).includes('nobody@clinic.test'), 'an unknown email is not recorded');
    assert.ok(!JSON.stringify(events).includes('not the password'), 'no password is recorded');
  });

  it('refuses missing, garbled, unknown and wrongly-schemed tokens with 401, each audited', async () => {
    const before = await auditCount(t, 'access.denied', 'denied');
    const missing = await request(t.server).get('/api/v1/auth/me').expect(401);
    assert.equal(missing.body.code, 'unauthenticated');
    assert.match(missing.headers['www-authenticate'] ?? '', /^Bearer realm="photo-consent"/);
    const garbled = await me(t, 'pcs_s_definitely-not-a-token').expect(401);
    assert.equal(garbled.body.code, 'invalid_token');
    const unknown = await me(t, `pcs_s_${'A'.repeat(43)}`).expect(401);
    assert.equal(unknown.body.code, 'invalid_token');
    await request(t.server).get('/api/v1/auth/me').set('authorization', 'Basic dXNlcjpwYXNz').expect(401);
    assert.equal(await auditCount(t, 'access.denied', 'denied'), before + 4);
  });

  it('refuses NUL characters with a 400 problem, not a database error', async () => {
    const response = await login(t, { email: 'a\u0000@clinic.test', password: 'whatever whatever' }).expect(400);
    assert.equal(response.body.code, 'validation_failed');
    assert.deepEqual(response.body.errors, [{ field: 'email', messages: ['must not contain NUL characters'] }]);
  });

  it('ends a session on logout', async () => {
    const member = await createSignedIn(t, 'marketing');
    await request(t.server).post('/api/v1/auth/logout').auth(member.token, { type: 'bearer' }).expect(204);
    const after = await me(t, member.token).expect(401);
    assert.equal(after.body.code, 'invalid_token');
    assert.equal(await auditCount(t, 'auth.logout', 'done'), 1);
  });

  it('ends a session after the idle timeout, and keeps an active one alive until its absolute lifetime', async () => {
    const idle = await createSignedIn(t, 'front_desk');
    t.clock.advance(15 * MINUTE);
    const expired = await me(t, idle.token).expect(401);
    assert.equal(expired.body.code, 'session_expired');

    const active = await createSignedIn(t, 'front_desk');
    for (let hour = 0; hour < 12 * 6 - 1; hour++) {
      t.clock.advance(10 * MINUTE);
      await me(t, active.token).expect(200);
    }
    t.clock.advance(10 * MINUTE); // 12 h since sign-in
    const ended = await me(t, active.token).expect(401);
    assert.equal(ended.body.code, 'session_expired');
  });

  it('ends every session of a user at once when an admin disables the account, and refuses their sign-in', async () => {
    const admin = await createSignedIn(t, 'admin');
    const member = await createStaff(t, 'front_desk');
    const first = await signIn(t, member);
    const second = await signIn(t, member);
    await request(t.server)
      .patch(`/api/v1/users/${member.id}`)
      .auth(admin.token, { type: 'bearer' })
      .send({ active: false })
      .expect(200);
    for (const session of [first, second])
      assert.equal((await me(t, session.token).expect(401)).body.code, 'invalid_token');
    const refused = await login(t, { email: member.email, password: member.password }).expect(401);
    assert.equal(refused.body.code, 'invalid_credentials');
    assert.equal(await auditCount(t, 'auth.login', 'denied', 'account_disabled'), 1);
  });

  it('ends every session when the password changes, by the user or by an admin', async () => {
    const member = await createStaff(t, 'marketing');
    const elsewhere = await signIn(t, member);
    const here = await signIn(t, member);
    const wrongCurrent = await request(t.server)
      .post('/api/v1/auth/password')
      .auth(here.token, { type: 'bearer' })
      .send({ currentPassword: 'guess guess guess', newPassword: strongPassword() })
      .expect(403);
    assert.equal(wrongCurrent.body.code, 'wrong_current_password');
    const weak = await request(t.server)
      .post('/api/v1/auth/password')
      .auth(here.token, { type: 'bearer' })
      .send({ currentPassword: member.password, newPassword: 'Password123!' })
      .expect(400);
    assert.equal(weak.body.errors[0].field, 'password');
    await me(t, here.token).expect(200);

    const newPassword = strongPassword();
    await request(t.server)
      .post('/api/v1/auth/password')
      .auth(here.token, { type: 'bearer' })
      .send({ currentPassword: member.password, newPassword })
      .expect(204);
    await me(t, here.token).expect(401);
    await me(t, elsewhere.token).expect(401);
    await login(t, { email: member.email, password: member.password }).expect(401);
    const again = await signIn(t, { ...member, password: newPassword });

    const admin = await createSignedIn(t, 'admin');
    await request(t.server)
      .patch(`/api/v1/users/${member.id}`)
      .auth(admin.token, { type: 'bearer' })
      .send({ password: strongPassword() })
      .expect(200);
    await me(t, again.token).expect(401);
  });
});

// Valid sessions are kept in memory until a change to the user's sessions or account is heard
// (StaffSessionChanges).
describe('sessions kept in memory', () => {
  let first: TestApp;
  let second: TestApp;
  let admin: SignedInStaff;

  const patients = (t: TestApp, token: string) =>
    request(t.server).get('/api/v1/patients?q=Ng').auth(token, { type: 'bearer' });
  const patch = (userId: string, changes: Record<string, unknown>) =>
    request(first.server).patch(`/api/v1/users/${userId}`).auth(admin.token, { type: 'bearer' }).send(changes);

  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp({ database: first.database });
    admin = await createSignedIn(first, 'admin');
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('sees every change to a session or its account made through the same instance at once, without waiting for its notification', async () => {
    // The notifications still come, but nothing hears them: only the services' own word moves the
    // user's version, so each step shows that the service that made the change gave it.
    const changes = first.app.get(StaffSessionChanges);
    (changes as unknown as { client: pg.Client }).client.removeAllListeners('notification');
    assert.equal(changes.hearing, true);

    const leaving = await createSignedIn(first, 'marketing');
    await me(first, leaving.token).expect(200);
    await request(first.server).post('/api/v1/auth/logout').auth(leaving.token, { type: 'bearer' }).expect(204);
    assert.equal((await me(first, leaving.token).expect(401)).body.code, 'invalid_token');

    const promoted = await createSignedIn(first, 'marketing');
    assert.equal((await patients(first, promoted.token).expect(403)).body.code, 'forbidden');
    await patch(promoted.id, { role: 'front_desk' }).expect(200);
    await patients(first, promoted.token).expect(200);
    await patch(promoted.id, { active: false }).expect(200);
    assert.equal((await patients(first, promoted.token).expect(401)).body.code, 'invalid_token');

    const member = await createStaff(first, 'marketing');
    const here = await signIn(first, member);
    const elsewhere = await signIn(first, member);
    for (const session of [here, elsewhere]) await me(first, session.token).expect(200);
    await request(first.server)
      .post('/api/v1/auth/password')
      .auth(here.token, { type: 'bearer' })
      .send({ currentPassword: member.password, newPassword: strongPassword() })
      .expect(204);
    for (const session of [here, elsewhere]) await me(first, session.token).expect(401);
    const reset = await createSignedIn(first, 'front_desk');
    await me(first, reset.token).expect(200);
    await patch(reset.id, { password: strongPassword() }).expect(200);
    await me(first, reset.token).expect(401);

    const officer = await createStaff(first, 'privacy_officer');
    const signedIn = await login(first, { email: officer.email, password: officer.password }).expect(200);
    const token = signedIn.body.token as string;
    const audit = () => request(first.server).get('/api/v1/audit').auth(token, { type: 'bearer' });
    assert.equal((await audit().expect(403)).body.code, 'totp_enrolment_required');
    const enrolment = await request(first.server)
      .post('/api/v1/auth/totp/enrol')
      .auth(token, { type: 'bearer' })
      .expect(200);
    await request(first.server)
      .post('/api/v1/auth/totp/verify')
      .auth(token, { type: 'bearer' })
      .send({ code: nextTotpCode(first, enrolment.body.secret) })
      .expect(200);
    await audit().expect(200);
    await patch(officer.id, { resetTotp: true }).expect(200);
    await audit().expect(401);
  });

  it('keeps no session across a lost change listener: a change made meanwhile is not missed', async () => {
    const changes = second.app.get(StaffSessionChanges);
    second.clock.set(first.clock.now());
    const member = await createSignedIn(first, 'front_desk');
    await me(second, member.token).expect(200);
    const terminated = await second.database.query<{ pid: number }>(
      `SELECT pg_terminate_backend(pid), pid FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'photo-consent-service (staff session changes)'`,
    );
    assert.equal(terminated.length, 2, 'one listener connection per instance');
    while (changes.hearing) await sleep(5);
    // Changed where no instance is told, as another tool on the database would.
    await second.database.query('UPDATE users SET active = false WHERE id = $1', [member.id]);
    assert.equal((await me(second, member.token).expect(401)).body.code, 'invalid_token');
    while (!changes.hearing) await sleep(20);
    await me(second, admin.token).expect(200);
    await me(second, member.token).expect(401);
  });

  it('ends a session on another instance within a second of its logout or of the account being disabled', async () => {
    second.clock.set(first.clock.now());
    const withinASecond = async (token: string) => {
      const committed = performance.now();
      let status = 0;
      while (performance.now() - committed < 1000) {
        status = (await me(second, token)).status;
        if (status === 401) break;
      }
      assert.equal(status, 401, 'the second instance refuses the session within a second');
    };

    const leaving = await createSignedIn(first, 'front_desk');
    await me(second, leaving.token).expect(200);
    await request(first.server).post('/api/v1/auth/logout').auth(leaving.token, { type: 'bearer' }).expect(204);
    await withinASecond(leaving.token);

    const disabled = await createSignedIn(first, 'marketing');
    await me(second, disabled.token).expect(200);
    await patch(disabled.id, { active: false }).expect(200);
    await withinASecond(disabled.token);
  });
});

describe('second factor (TOTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('keeps a role that requires it to enrolment until a code is verified', async () => {
    const officer = await createStaff(t, 'privacy_officer');
    const first = await login(t, { email: officer.email, password: officer.password }).expect(200);
    assert.equal(first.body.totpEnrolmentRequired, true);
    const token = first.body.token as string;
    const blocked = await request(t.server).get('/api/v1/audit').auth(token, { type: 'bearer' }).expect(403);
    assert.equal(blocked.body.code, 'totp_enrolment_required');
    await me(t, token).expect(200);

    const enrolment = await request(t.server)
      .post('/api/v1/auth/totp/enrol')
      .auth(token, { type: 'bearer' })
      .expect(200);
    assert.match(enrolment.body.secret, /^[A-Z2-7]{32}$/);
    assert.match(enrolment.body.otpauthUri, /^otpauth:\/\/totp\//);
    const wrong = await request(t.server)
      .post('/api/v1/auth/totp/verify')
      .auth(token, { type: 'bearer' })
      // A real code, but from five minutes ahead: outside the accepted drift.
      .send({ code: totpCode(enrolment.body.secret, totpStep(t.clock.now()) + 10) })
      .expect(401);
    assert.equal(wrong.body.code, 'totp_invalid');
    await request(t.server)
      .post('/api/v1/auth/totp/verify')
      .auth(token, { type: 'bearer' })
      .send({ code: nextTotpCode(t, enrolment.body.secret) })
      .expect(200);
    await request(t.server).get('/api/v1/audit').auth(token, { type: 'bearer' }).expect(200);
    const again = await request(t.server).post('/api/v1/auth/totp/enrol').auth(token, { type: 'bearer' }).expect(409);
    assert.equal(again.body.code, 'totp_already_enrolled');
  });

  it('asks for the code at sign-in once enrolled, refuses a wrong or replayed code, audits each', async () => {
    const member = await createStaff(t, 'marketing');
    const session = await signIn(t, member);
    const enrolment = await request(t.server)
      .post('/api/v1/auth/totp/enrol')
      .auth(session.token, { type: 'bearer' })
      .expect(200);
    const secret = enrolment.body.secret as string;
    await request(t.server)
      .post('/api/v1/auth/totp/verify')
      .auth(session.token, { type: 'bearer' })
      .send({ code: nextTotpCode(t, secret) })
      .expect(200);

    const withoutCode = await login(t, { email: member.email, password: member.password }).expect(401);
    assert.equal(withoutCode.body.code, 'totp_required');
    const code = nextTotpCode(t, secret);
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await login(t, { email: member.email, password: member.password, totpCode: wrongCode }).expect(401);
    assert.equal(wrong.body.code, 'totp_invalid');
    await login(t, { email: member.email, password: member.password, totpCode: code }).expect(200);
    const replay = await login(t, { email: member.email, password: member.password, totpCode: code }).expect(401);
    assert.equal(replay.body.code, 'totp_invalid');
    await login(t, { email: member.email, password: member.password, totpCode: nextTotpCode(t, secret) }).expect(200);

    assert.equal(await auditCount(t, 'auth.login', 'denied', 'totp_required'), 1);
    assert.equal(await auditCount(t, 'auth.login', 'denied', 'totp_invalid'), 2);

    // The same code sent five times at once signs in once.
    const shared = nextTotpCode(t, secret);
    const race = await Promise.all(
      Array.from({ length: 5 }, () => login(t, { email: member.email, password: member.password, totpCode: shared })),
    );
    assert.deepEqual(race.map((response) => response.status).sort(), [200, 401, 401, 401, 401]);
  });

  it('lets an admin reset a lost second factor, which ends the sessions', async () => {
    const admin = await createSignedIn(t, 'admin');
    const officer = await createSignedIn(t, 'privacy_officer');
    await request(t.server)
      .patch(`/api/v1/users/${officer.id}`)
      .auth(admin.token, { type: 'bearer' })
      .send({ resetTotp: true })
      .expect(200);
    await me(t, officer.token).expect(401);
    const fresh = await login(t, { email: officer.email, password: officer.password }).expect(200);
    assert.equal(fresh.body.totpEnrolmentRequired, true);
  });
});

describe('login throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '6', TRUST_PROXY: 'true' },
    });
  });
  afterAll(async () => t.close());

  it('answers 429 with Retry-After once an account has too many failures, even with the right password', async () => {
    const member = await createStaff(t, 'front_desk');
    for (let i = 0; i < 3; i++)
      await login(t, { email: member.email, password: 'wrong wrong wrong' }, '203.0.113.1').expect(401);
    const throttled = await login(t, { email: member.email, password: member.password }, '203.0.113.2').expect(429);
    assert.equal(throttled.body.code, 'too_many_attempts');
    assert.equal(throttled.headers['retry-after'], String(15 * 60));
    assert.equal(await auditCount(t, 'auth.login', 'denied', 'throttled'), 1);

    t.clock.advance(15 * MINUTE);
    await login(t, { email: member.email, password: member.password }, '203.0.113.2').expect(200);
  });

  it('counts attempts before checking them, so a burst of concurrent guesses gets no more than the limit', async () => {
    const member = await createStaff(t, 'front_desk');
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        login(t, { email: member.email, password: `wrong guess number ${i}` }, `192.0.2.${i + 1}`),
      ),
    );
    const statuses = burst.map((response) => response.status).sort();
    assert.deepEqual(statuses, [...Array<number>(3).fill(401), ...Array<number>(17).fill(429)]);
    t.clock.advance(15 * MINUTE);
  });

  it('throttles one address trying many accounts, unknown ones included', async () => {
    for (let i = 0; i < 6; i++) {
      await login(t, { email: `guess-${i}@clinic.test`, password: 'wrong wrong wrong' }, '198.51.100.9').expect(401);
    }
    const member = await createStaff(t, 'marketing');
    await login(t, { email: member.email, password: member.password }, '198.51.100.9').expect(429);
    await login(t, { email: member.email, password: member.password }, '198.51.100.10').expect(200);
  });
});

describe("login throttling against someone who knows an account's address", () => {
  let t: TestApp;
  beforeAll(async () => {
    // The default limits: 10 failures per account, 100 per address, in 15 minutes.
    t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(async () => t.close());

  /** `attempts` wrong passwords for `email`, spread over `addresses` client addresses, all refused. */
  async function guess(email: string, attempts: number, addresses: number): Promise<void> {
    for (let start = 0; start < attempts; start += addresses) {
      const round = Array.from({ length: Math.min(addresses, attempts - start) }, (_, i) =>
        login(t, { email, password: `wrong guess ${start + i}` }, `198.18.${Math.floor(i / 200)}.${(i % 200) + 1}`),
      );
      for (const response of await Promise.all(round)) assert.ok([401, 429].includes(response.status));
    }
  }

  it('lets the owner in with password and second factor after 1,000 wrong passwords from 50 addresses', async () => {
    const owner = await createStaff(t, 'admin');
    await signIn(t, owner); // enrols the second factor
    const secret = owner.totpSecret as string;
    await guess(owner.email, 1000, 50);

    const elsewhere = '203.0.113.77';
    // The right password alone, or with a wrong code, answers as every guess does: no oracle.
    const passwordOnly = await login(t, { email: owner.email, password: owner.password }, elsewhere).expect(429);
    assert.equal(passwordOnly.body.code, 'too_many_attempts');
    const code = nextTotpCode(t, secret);
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await login(t, { email: owner.email, password: owner.password, totpCode: wrongCode }, elsewhere).expect(429);
    await login(t, { email: owner.email, password: 'a wrong password', totpCode: code }, elsewhere).expect(429);

    const started = Date.now();
    const signedIn = await login(t, { email: owner.email, password: owner.password, totpCode: code }, elsewhere);
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
    assert.ok(Date.now() - started < 5000, 'slowed at most a few seconds');
    await me(t, signedIn.body.token as string).expect(200);

    // The owner getting in hands the guessers no fresh allowance.
    await login(t, { email: owner.email, password: 'another wrong guess' }, '198.18.9.9').expect(429);
  });

  it('gives whoever also has the password only so many codes to try while the account is guessed', async () => {
    const owner = await createStaff(t, 'admin');
    await signIn(t, owner);
    const secret = owner.totpSecret as string;
    await guess(owner.email, 100, 50);
    const code = nextTotpCode(t, secret);
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    // Ten wrong codes with the right password, each from an address of its own.
    for (let i = 0; i < 10; i++) {
      await login(t, { email: owner.email, password: owner.password, totpCode: wrongCode }, `100.64.0.${i + 1}`).expect(
        429,
      );
    }
    // Then even the right code is refused until the window ends: the codes are not guessed from a /48.
    await login(t, { email: owner.email, password: owner.password, totpCode: code }, '100.64.1.1').expect(429);
    t.clock.advance(15 * MINUTE);
    await login(
      t,
      { email: owner.email, password: owner.password, totpCode: nextTotpCode(t, secret) },
      '100.64.1.1',
    ).expect(200);
  });

  it('refuses a signed-in session its second-factor and password checks while the account is guessed', async () => {
    const owner = await createStaff(t, 'marketing');
    const session = await signIn(t, owner);
    await guess(owner.email, 20, 10);
    const change = await request(t.server)
      .post('/api/v1/auth/password')
      .auth(session.token, { type: 'bearer' })
      .send({ currentPassword: 'a guess from a stolen session', newPassword: strongPassword() });
    assert.equal(change.status, 429, JSON.stringify(change.body));
    t.clock.advance(15 * MINUTE);
  });

  it('lets an owner without a second factor in from where they signed in lately, and nobody else', async () => {
    const owner = await createStaff(t, 'front_desk');
    const office = '192.0.2.50';
    await login(t, { email: owner.email, password: owner.password }, office).expect(200);
    await guess(owner.email, 200, 50);

    await login(t, { email: owner.email, password: owner.password }, '192.0.2.51').expect(429);
    await login(t, { email: owner.email, password: owner.password }, office).expect(200);
  });

  it('counts a password-only attempt on an account with a second factor like a failure', async () => {
    const owner = await createStaff(t, 'admin');
    await signIn(t, owner);
    // Each of these has the right password; the answer `totp_required` must not make guessing free.
    for (let i = 0; i < 10; i++) {
      const step = await login(t, { email: owner.email, password: owner.password }, '203.0.113.90').expect(401);
      assert.equal(step.body.code, 'totp_required');
    }
    const next = await login(t, { email: owner.email, password: 'maybe this one' }, '203.0.113.91').expect(429);
    assert.equal(next.body.code, 'too_many_attempts');
    // The code still gets the owner in.
    await login(
      t,
      { email: owner.email, password: owner.password, totpCode: nextTotpCode(t, owner.totpSecret as string) },
      '203.0.113.91',
    ).expect(200);
  });
});

describe('first admin', () => {
  it('is created from BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD on a start with no users', async () => {
    const t = await startTestApp({
      env: { BOOTSTRAP_ADMIN_EMAIL: 'Owner@Clinic.test', BOOTSTRAP_ADMIN_PASSWORD: 'harbor lantern quiet 2026' },
    });
    try {
      const response = await login(t, { email: 'owner@clinic.test', password: 'harbor lantern quiet 2026' }).expect(
        200,
      );
      assert.equal(response.body.user.role, 'admin');
      assert.equal(response.body.totpEnrolmentRequired, true);
      assert.equal(await auditCount(t, 'user.create', 'done'), 1);
    } finally {
      await t.close();
    }
  });
});
