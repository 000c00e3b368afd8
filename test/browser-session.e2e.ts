import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { createApiClient } from '../web/src/api/client.js';
import { startTestApp, type TestApp } from './support/app.js';
import { createStaff, signIn, type StaffMember } from './support/staff.js';

// The web console's session: an HttpOnly, SameSite=Strict cookie no script can read, and a CSRF
// token every change must carry (src/auth/browser-session.ts).

interface BrowserSession {
  cookie: string;
  csrfToken: string;
  setCookies: string[];
}

describe('browser sessions', () => {
  let t: TestApp;
  let frontDesk: StaffMember;

  beforeAll(async () => {
    t = await startTestApp();
    frontDesk = await createStaff(t, 'front_desk');
  });
  afterAll(() => t.close());

  async function openBrowserSession(member: StaffMember): Promise<BrowserSession> {
    const response = await request(t.server)
      .post('/api/v1/auth/browser-session')
      .send({ email: member.email, password: member.password });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const setCookies = [response.headers['set-cookie'] ?? []].flat();
    const session = setCookies.find((line) => line.startsWith('pcs_session='));
    assert.ok(session, 'the session cookie is set');
    return { cookie: session.split(';', 1)[0] ?? '', csrfToken: response.body.csrfToken, setCookies };
  }

  const newPatient = { fullName: 'Dee Roe', dateOfBirth: '1988-08-08' };

  it('keeps the session in an HttpOnly, SameSite=Strict cookie, never in the answer', async () => {
    const { setCookies, csrfToken } = await openBrowserSession(frontDesk);
    const session = setCookies.find((line) => line.startsWith('pcs_session=')) ?? '';
    assert.match(session, /; HttpOnly/i);
    assert.match(session, /; SameSite=Strict/i);
    assert.match(session, /; Path=\//i);
    assert.doesNotMatch(session, /; Secure/i, 'plain HTTP outside production');
    const csrf = setCookies.find((line) => line.startsWith('pcs_csrf=')) ?? '';
    assert.equal(csrf.split(';', 1)[0], `pcs_csrf=${csrfToken}`);
    assert.doesNotMatch(csrf, /HttpOnly/i, 'the page reads its CSRF token');
    assert.match(csrf, /; SameSite=Strict/i);

    const login = await request(t.server)
      .post('/api/v1/auth/browser-session')
      .send({ email: frontDesk.email, password: frontDesk.password })
      .expect(200);
    assert.equal(login.body.token, undefined);
    assert.ok(!JSON.stringify(login.body).includes('pcs_s_'), 'no session token in the body');
  });

  it('reads with the cookie alone', async () => {
    const { cookie } = await openBrowserSession(frontDesk);
    const me = await request(t.server).get('/api/v1/auth/me').set('cookie', cookie).expect(200);
    assert.equal(me.body.user.email, frontDesk.email);
  });

  it('refuses a change without the CSRF token, or with another session’s, and makes none', async () => {
    const mine = await openBrowserSession(frontDesk);
    const other = await openBrowserSession(frontDesk);
    const before = (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM patients'))[0]?.n;

    const bare = await request(t.server).post('/api/v1/patients').set('cookie', mine.cookie).send(newPatient);
    assert.equal(bare.status, 403);
    assert.equal(bare.body.code, 'csrf_failed');
    const crossed = await request(t.server)
      .post('/api/v1/patients')
      .set('cookie', mine.cookie)
      .set('x-csrf-token', other.csrfToken)
      .send(newPatient);
    assert.equal(crossed.status, 403);
    assert.equal(crossed.body.code, 'csrf_failed');
    const after = (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM patients'))[0]?.n;
    assert.equal(after, before);

    await request(t.server)
      .post('/api/v1/patients')
      .set('cookie', mine.cookie)
      .set('x-csrf-token', mine.csrfToken)
      .send(newPatient)
      .expect(201);
  });

  it('takes only a staff session in the cookie', async () => {
    const admin = await signIn(t, await createStaff(t, 'admin'));
    const key = await request(t.server)
      .post('/api/v1/api-keys')
      .auth(admin.token, { type: 'bearer' })
      .send({ name: 'website', permissions: ['photos.read'] })
      .expect(201);
    const refused = await request(t.server)
      .get('/api/v1/photos/00000000-0000-4000-8000-000000000000/clearance')
      .query({ channel: 'website' })
      .set('cookie', `pcs_session=${key.body.token}`);
    assert.equal(refused.status, 401);
    assert.equal(refused.body.code, 'invalid_token');
  });

  it('needs no CSRF token with a bearer token, even beside a cookie', async () => {
    const bearer = await signIn(t, await createStaff(t, 'front_desk'));
    const { cookie } = await openBrowserSession(frontDesk);
    await request(t.server)
      .post('/api/v1/patients')
      .auth(bearer.token, { type: 'bearer' })
      .set('cookie', cookie)
      .send({ ...newPatient, fullName: 'Eve Roe' })
      .expect(201);
  });

  it('is what the typed client sends its CSRF token with', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { cookie, csrfToken } = await openBrowserSession(frontDesk);
    const client = createApiClient({
      baseUrl: await t.app.getUrl(),
      headers: { cookie },
      csrfToken: () => csrfToken,
    });
    const created = await client.POST('/api/v1/patients', { body: { fullName: 'Flo Roe', dateOfBirth: '1990-09-09' } });
    assert.equal(created.response.status, 201, JSON.stringify(created.error));
    assert.equal((await client.GET('/api/v1/auth/me')).data?.user.email, frontDesk.email);
  });

  it('signs out: the cookies are cleared and the session is over', async () => {
    const { cookie, csrfToken } = await openBrowserSession(frontDesk);
    const logout = await request(t.server)
      .post('/api/v1/auth/logout')
      .set('cookie', cookie)
      .set('x-csrf-token', csrfToken)
      .expect(204);
    const cleared = [logout.headers['set-cookie'] ?? []].flat();
    assert.ok(cleared.some((line) => /^pcs_session=;/.test(line) && /Expires=Thu, 01 Jan 1970/i.test(line)));
    assert.ok(cleared.some((line) => /^pcs_csrf=;/.test(line)));
    const after = await request(t.server).get('/api/v1/auth/me').set('cookie', cookie);
    assert.equal(after.status, 401);
  });
});
