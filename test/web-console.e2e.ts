import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import type { TestApp } from './support/app.js';
import {
  assertAccessible,
  launchChromium,
  openConsoleAs,
  saveScreenshot,
  startServedApp,
  VIEWPORTS,
  watchFailures,
} from './support/browser.js';
import { createStaff, nextTotpCode, signIn } from './support/staff.js';

describe('web console: signing in and out', () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ t, origin } = await startServedApp());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('serves the console at / under the strict Content-Security-Policy, its assets cached for good', async () => {
    const page = await request(t.server).get('/patients/some-screen').expect(200);
    assert.match(page.headers['content-type'], /^text\/html/);
    const policy = page.headers['content-security-policy'];
    assert.match(policy, /script-src 'self'(;|$)/, 'scripts from the service only, none inline');
    assert.doesNotMatch(page.text, /<script(?![^>]*\bsrc=)[^>]*>/, 'the page has no inline script');
    const script = /<script[^>]*src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    assert.ok(script, 'the page loads its script from /assets');
    const asset = await request(t.server).get(script).expect(200);
    assert.match(asset.headers['cache-control'], /immutable/);

    const portal = await request(t.server).get('/portal').expect(200);
    assert.equal(
      (await request(t.server).get('/portal/').expect(200)).text,
      portal.text,
      'the patient pages, not the console',
    );
    assert.notEqual(portal.text, page.text);

    const unknownApi = await request(t.server).get('/api/v1/no-such-route').expect(404);
    assert.match(unknownApi.headers['content-type'], /^application\/problem\+json/);
    await request(t.server).get('/assets/no-such-file.js').expect(404);
  });

  it('signs a privacy officer in, sets up their second factor from the QR code, then asks for the code next time', async () => {
    const officer = await createStaff(t, 'privacy_officer');
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const failures = watchFailures(page);
    await page.goto(`${origin}/`);
    await page.getByLabel('Email').fill(officer.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(officer.password);
    await assertAccessible(page, 'sign-in');
    await saveScreenshot(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Set up your second factor' }).waitFor();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    await assertAccessible(page, 'second-factor enrolment');
    await saveScreenshot(page, 'second-factor-enrolment');
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    assert.match(secret, /^[A-Z2-7]+=*$/, 'the key is shown for typing');
    officer.totpSecret = secret;
    await page.getByLabel('Code from your authenticator app').fill(nextTotpCode(t, secret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    assert.ok(!(await page.title()).includes(officer.displayName), 'no name in the title');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await page.getByLabel('Email').fill(officer.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(officer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const codeField = page.getByLabel('Code from your authenticator app');
    await codeField.waitFor();
    await codeField.fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That code is not right').waitFor();
    await codeField.fill(nextTotpCode(t, secret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    assert.deepEqual(failures, [], 'the page ran without errors');
    await context.close();
  });

  it('says plainly when the password is wrong', async () => {
    const member = await createStaff(t, 'marketing');
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.getByLabel('Email').fill(member.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email address or the password is not right.').waitFor();
    await page.close();
  });

  it('warns a minute before the idle sign-out, keeps the session on request, then signs out and clears the screen', async () => {
    const member = await createStaff(t, 'front_desk');
    const context = await browser.newContext({ viewport: VIEWPORTS.tablet });
    const page = await context.newPage();
    await page.clock.install();
    const failures = watchFailures(page);
    const signedIn = await context.request.post(`${origin}/api/v1/auth/browser-session`, {
      data: { email: member.email, password: member.password },
    });
    assert.equal(signedIn.status(), 200);
    await page.goto(`${origin}/account`);
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();

    // 15 minutes idle, activity recorded in steps of a minute: the session may end after 14.
    await page.clock.runFor('12:59');
    assert.equal(await page.getByRole('dialog').count(), 0, 'no warning before the last minute');
    await page.clock.runFor('00:02');
    const warning = page.getByRole('dialog', { name: 'Are you still there?' });
    await warning.waitFor();
    await assertAccessible(page, 'idle warning');
    await page.getByRole('button', { name: 'Stay signed in' }).last().click();
    await warning.waitFor({ state: 'hidden' });

    await page.clock.runFor('14:01');
    await page.getByText('You were signed out after a while without activity').waitFor();
    assert.equal(await page.getByText(member.displayName).count(), 0, 'nothing of the session stays on screen');
    const after = await context.request.get(`${origin}/api/v1/auth/me`);
    assert.equal(after.status(), 401, 'the service ended the session too');
    assert.deepEqual(failures, [], 'the page ran without errors');
    await context.close();
  });

  it('answers an unknown screen with a sentence, inside the console', async () => {
    const member = await createStaff(t, 'marketing');
    const { context, page, failures } = await openConsoleAs(browser, t, origin, member, { path: '/no/such/screen' });
    await page.getByText('This address does not lead to a screen of the console.').waitFor();
    await assertAccessible(page, 'not found');
    assert.deepEqual(failures, []);
    await context.close();
  });

  it('shows each role only its screens, and refusals and missing records as sentences', async () => {
    const marketing = await createStaff(t, 'marketing');
    const asMarketing = await openConsoleAs(browser, t, origin, marketing, { path: '/patients' });
    await asMarketing.page.getByText('This screen is not part of your role’s work.').waitFor();
    const navigation = asMarketing.page.getByRole('navigation', { name: 'Screens' });
    assert.equal(await navigation.getByRole('link', { name: 'Patients' }).count(), 0, 'no front-desk screen listed');
    assert.deepEqual(asMarketing.failures, []);
    await asMarketing.context.close();

    const frontDesk = await createStaff(t, 'front_desk');
    const missing = '00000000-0000-4000-8000-000000000000';
    const asFrontDesk = await openConsoleAs(browser, t, origin, frontDesk, { path: `/patients/${missing}` });
    await asFrontDesk.page.getByText('This record does not exist, or it is not visible to you.').waitFor();
    await assertAccessible(asFrontDesk.page, 'missing record');
    assert.equal(
      await asFrontDesk.page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('link', { name: 'Staff accounts' })
        .count(),
      0,
      'no admin screen listed',
    );
    assert.deepEqual(asFrontDesk.failures, []);
    await asFrontDesk.context.close();
  });

  it('changes the signed-in member’s password and asks them to sign in again', async () => {
    const member = await createStaff(t, 'marketing');
    await signIn(t, member);
    const { context, page } = await openConsoleAs(browser, t, origin, member, { path: '/account' });
    await page.getByLabel('Current password').fill(member.password);
    await page.getByLabel('New password', { exact: true }).fill('Lantern-Orchard-Velvet-9931');
    await page.getByLabel('New password again').fill('Lantern-Orchard-Velvet-9931');
    await assertAccessible(page, 'account');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your session has ended. Sign in again to go on.').waitFor();
    await request(t.server)
      .post('/api/v1/auth/login')
      .send({ email: member.email, password: 'Lantern-Orchard-Velvet-9931' })
      .expect(200);
    await context.close();
  });
});
