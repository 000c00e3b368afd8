import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { TestApp } from './support/app.js';
import {
  assertAccessible,
  launchChromium,
  openConsoleAs,
  saveScreenshot,
  startServedApp,
  VIEWPORTS,
} from './support/browser.js';
import { createPatient } from './support/records.js';
import { createSignedIn, createStaff, type SignedInStaff } from './support/staff.js';

describe('web console: administration', () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  let admin: SignedInStaff;

  beforeAll(async () => {
    ({ t, origin } = await startServedApp());
    browser = await launchChromium();
    admin = await createSignedIn(t, 'admin');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** An account as the service holds it now. */
  async function storedUser(id: string): Promise<{ role: string; active: boolean; totpEnabled: boolean }> {
    const response = await request(t.server).get(`/api/v1/users/${id}`).auth(admin.token, { type: 'bearer' });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body as { role: string; active: boolean; totpEnabled: boolean };
  }

  /** The row of the staff table that names someone. */
  function userRow(page: Page, displayName: string) {
    return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: displayName }) });
  }

  it('creates a user who can then sign in, changes a role, disables an account, resets a second factor, and shows the service’s refusals', async () => {
    const colleague = await createStaff(t, 'marketing');
    const otherAdmin = await createSignedIn(t, 'admin');
    const { context, page, failures } = await openConsoleAs(browser, t, origin, admin);

    // The role's home is the staff list.
    await page.getByRole('heading', { level: 1, name: 'Staff accounts' }).waitFor();
    assert.match(page.url(), /\/users$/);
    await userRow(page, colleague.displayName).waitFor();
    await assertAccessible(page, 'admin users');
    await saveScreenshot(page, 'admin-users');

    await page.getByRole('button', { name: 'Create a user' }).click();
    const create = page.getByRole('dialog', { name: 'Create a user' });
    await create.getByLabel('Name').fill('Rosa Quinlan');
    await create.getByLabel('Email').fill(colleague.email);
    await create.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Front desk' }).click();
    await create.getByLabel('Initial password').fill('password1234');
    await create.getByRole('button', { name: 'Create the user' }).click();
    // The password rules are the service's: its sentence stands under the field.
    await create.getByText(/password is too easy to guess/).waitFor();
    await assertAccessible(page, 'admin user create, refused');
    await saveScreenshot(page, 'admin-user-create');

    const password = 'Harbor-Thistle-Ledger-4821';
    await create.getByLabel('Initial password').fill(password);
    await create.getByRole('button', { name: 'Create the user' }).click();
    await create.getByText('A user with this email address already exists.').waitFor();
    await create.getByLabel('Email').fill('rosa.quinlan@clinic.test');
    await create.getByRole('button', { name: 'Create the user' }).click();
    await create.waitFor({ state: 'hidden' });
    await userRow(page, 'Rosa Quinlan').waitFor();
    const login = await request(t.server)
      .post('/api/v1/auth/login')
      .send({ email: 'rosa.quinlan@clinic.test', password });
    assert.equal(login.status, 200, 'the new user signs in with the initial password');
    assert.equal(login.body.user.role, 'front_desk');

    await page.getByRole('button', { name: `Change role of ${colleague.displayName}` }).click();
    const changeRole = page.getByRole('dialog', { name: `Change the role of ${colleague.displayName}` });
    await changeRole.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Privacy officer' }).click();
    await assertAccessible(page, 'admin change role');
    await changeRole.getByRole('button', { name: 'Save the role' }).click();
    await changeRole.waitFor({ state: 'hidden' });
    await userRow(page, colleague.displayName).getByRole('cell', { name: 'Privacy officer' }).waitFor();
    assert.equal((await storedUser(colleague.id)).role, 'privacy_officer');

    await page.getByRole('button', { name: `Disable ${colleague.displayName}` }).click();
    const disable = page.getByRole('dialog', { name: `Disable ${colleague.displayName}?` });
    await disable.getByText('They are signed out everywhere at once').waitFor();
    await assertAccessible(page, 'admin disable confirmation');
    await disable.getByRole('button', { name: 'Disable the account' }).click();
    await disable.waitFor({ state: 'hidden' });
    await userRow(page, colleague.displayName).getByText('Disabled').waitFor();
    assert.equal((await storedUser(colleague.id)).active, false);
    const disabledLogin = await request(t.server)
      .post('/api/v1/auth/login')
      .send({ email: colleague.email, password: colleague.password });
    assert.notEqual(disabledLogin.status, 200, 'a disabled account cannot sign in');
    await page.getByRole('button', { name: `Enable ${colleague.displayName}` }).waitFor();

    assert.equal((await storedUser(otherAdmin.id)).totpEnabled, true);
    await page.getByRole('button', { name: `Reset second factor of ${otherAdmin.displayName}` }).click();
    const reset = page.getByRole('dialog', { name: `Reset the second factor of ${otherAdmin.displayName}?` });
    await reset.getByRole('button', { name: 'Reset the second factor' }).click();
    await reset.waitFor({ state: 'hidden' });
    await userRow(page, otherAdmin.displayName).getByRole('cell', { name: 'Not set up' }).waitFor();
    assert.equal((await storedUser(otherAdmin.id)).totpEnabled, false);
    const endedSession = await request(t.server).get('/api/v1/auth/me').auth(otherAdmin.token, { type: 'bearer' });
    assert.equal(endedSession.status, 401, 'resetting the second factor ends their sessions');

    // The service refuses an admin disabling themselves: its sentence, in the dialog.
    await page.getByRole('button', { name: `Disable ${admin.displayName}` }).click();
    const disableSelf = page.getByRole('dialog', { name: `Disable ${admin.displayName}?` });
    await disableSelf.getByRole('button', { name: 'Disable the account' }).click();
    await disableSelf
      .getByRole('alert')
      .getByText('You cannot change your own role or disable your own account; another admin can.')
      .waitFor();
    await assertAccessible(page, 'admin refusal');
    await disableSelf.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await storedUser(admin.id)).active, true);

    assert.deepEqual(failures, [], 'the page ran without errors');
    await context.close();
  });

  it('creates an API key, shows and copies its token once, the token works, then revokes it', async () => {
    const { context, page, failures } = await openConsoleAs(browser, t, origin, admin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByText('No API keys yet.').waitFor();
    await assertAccessible(page, 'admin api keys, empty');

    await page.getByRole('button', { name: 'Create an API key' }).click();
    const create = page.getByRole('dialog', { name: 'Create an API key' });
    await create.getByLabel('Name').fill('Clinic website');
    await create.getByRole('button', { name: 'Create the key' }).click();
    await create.getByText('Choose at least one thing the key may do').waitFor();
    // Each permission says what it allows.
    await create.getByText('List where the clinic’s photos are published.').waitFor();
    await create.getByRole('checkbox', { name: 'Read publications' }).check();
    await assertAccessible(page, 'admin api key create');
    await create.getByRole('button', { name: 'Create the key' }).click();

    const created = page.getByRole('dialog', { name: 'Copy the token now' });
    await created.getByText('You will not see this token again').waitFor();
    const shown = (await created.getByTestId('api-key-token').textContent()) ?? '';
    assert.match(shown, /^pcs_k_[A-Za-z0-9_-]{43}$/);
    await assertAccessible(page, 'admin api key created');
    await saveScreenshot(page, 'admin-api-key-created');
    await created.getByRole('button', { name: 'Copy the token' }).click();
    await created.getByRole('button', { name: 'Token copied' }).waitFor();
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    assert.equal(copied, shown, 'the clipboard holds the token');

    await request(t.server).get('/api/v1/publications').auth(copied, { type: 'bearer' }).expect(200);
    const outsideGrant = await request(t.server).get('/api/v1/audit').auth(copied, { type: 'bearer' });
    assert.equal(outsideGrant.status, 403, 'the key may do only what it was granted');

    await created.getByRole('button', { name: 'I have stored it' }).click();
    await created.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Clinic website' }) });
    await row.getByText('Works').waitFor();
    assert.ok(!(await page.content()).includes(copied), 'the token is gone from the page');

    await row.getByRole('button', { name: 'Revoke Clinic website' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke Clinic website?' });
    await assertAccessible(page, 'admin api key revoke');
    await revoke.getByRole('button', { name: 'Revoke the key' }).click();
    await revoke.waitFor({ state: 'hidden' });
    await row.getByText(/^Revoked/).waitFor();
    await request(t.server).get('/api/v1/publications').auth(copied, { type: 'bearer' }).expect(401);
    await assertAccessible(page, 'admin api keys, listed');

    assert.deepEqual(failures, [], 'the page ran without errors');
    await context.close();
  });

  it('lists the outbox without a patient’s address or text, for a role that sees no patient data', async () => {
    const frontDesk = await createSignedIn(t, 'front_desk');
    await createPatient(t, frontDesk, { contactEmail: 'outbox.patient@example.test', dateOfBirth: '1982-03-04' });
    await request(t.server)
      .post('/api/v1/portal/access')
      .send({ email: 'outbox.patient@example.test', dateOfBirth: '1982-03-04' })
      .expect(202);
    await t.runDueJobs();

    const { context, page, failures } = await openConsoleAs(browser, t, origin, admin, { path: '/outbox' });
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await page.getByRole('button', { name: /Patient sign-in link/ }).click();
    await page.getByText('This message is to a patient: its address and text are not shown to your role.').waitFor();
    assert.ok(!(await page.content()).includes('outbox.patient@example.test'), 'no patient address on the page');
    await assertAccessible(page, 'admin outbox');
    await saveScreenshot(page, 'admin-outbox');
    assert.deepEqual(failures, [], 'the page ran without errors');
    await context.close();
  });

  it('keeps roles apart: the admin sees only administration, marketing is told the staff list is not theirs', async () => {
    const { context, page, failures } = await openConsoleAs(browser, t, origin, admin, {
      path: '/users',
      viewport: VIEWPORTS.phone,
    });
    await page.getByRole('heading', { level: 1, name: 'Staff accounts' }).waitFor();
    await assertAccessible(page, 'admin users at 375 px');
    await saveScreenshot(page, 'admin-users-phone');
    await page.getByRole('button', { name: 'Show the screens' }).click();
    const navigation = page.getByRole('navigation', { name: 'Screens' });
    await navigation.getByRole('link', { name: 'Staff accounts' }).waitFor();
    // The audit trail is the admin's too (audit.read), listed with the privacy officer's screens.
    assert.deepEqual(await navigation.getByRole('link').allTextContents(), [
      'Audit trail',
      'Staff accounts',
      'API keys',
      'Outbox',
      'Account',
    ]);
    assert.deepEqual(failures, [], 'the page ran without errors');
    await context.close();

    const marketing = await createSignedIn(t, 'marketing');
    const asMarketing = await openConsoleAs(browser, t, origin, marketing, { path: '/users' });
    await asMarketing.page.getByRole('alert').getByText('Not available to your role').waitFor();
    const marketingNavigation = asMarketing.page.getByRole('navigation', { name: 'Screens' });
    await marketingNavigation.getByRole('link', { name: 'Account' }).waitFor();
    for (const screen of ['Staff accounts', 'API keys', 'Outbox']) {
      assert.equal(await marketingNavigation.getByRole('link', { name: screen }).count(), 0, `${screen} not listed`);
    }
    await assertAccessible(asMarketing.page, 'not available to marketing');
    assert.deepEqual(asMarketing.failures, [], 'the page ran without errors');
    await asMarketing.context.close();
  });
});
