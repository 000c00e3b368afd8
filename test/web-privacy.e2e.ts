import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
import { pngOfSize } from './support/images.js';
import { createCase, createPatient, createRelease, uploadPhoto } from './support/records.js';
import { createStaff, signIn, type SignedInStaff, type StaffMember } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

describe('web console: the privacy officer', () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let officer: StaffMember;

  const api = (member: SignedInStaff) => ({
    get: (path: string) => request(t.server).get(`/api/v1${path}`).auth(member.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      request(t.server).post(`/api/v1${path}`).auth(member.token, { type: 'bearer' }).send(body),
  });

  beforeAll(async () => {
    // The service's clock starts at the browser's time, so the countdowns read as they would at the clinic.
    ({ t, origin } = await startServedApp({ startAt: new Date() }));
    browser = await launchChromium();
    frontDesk = await signIn(t, await createStaff(t, 'front_desk'));
    marketing = await signIn(t, await createStaff(t, 'marketing'));
    officer = await createStaff(t, 'privacy_officer');
    // The role needs a second factor: signing in once enrols it, and the browser signs in with its code.
    await signIn(t, officer);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A patient with a photo published on the clinic's hosted media, on Instagram and on Facebook. */
  async function publishedPatient(releaseOverrides: Record<string, unknown> = {}) {
    const patient = await createPatient(t, frontDesk, { contactEmail: 'patient@example.test' });
    const caseId = await createCase(t, frontDesk, patient.id);
    const photoId = await uploadPhoto(t, frontDesk, caseId);
    await createRelease(t, frontDesk, patient.id, releaseOverrides);
    const publish = async (body: object) => {
      const response = await api(marketing).post('/publications', { photoId, ...body });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.body as Json;
    };
    const hosted = await publish({ channel: 'website', hosted: true });
    await publish({ channel: 'social.instagram', location: { url: `https://instagram.example/p/${photoId}` } });
    await publish({ channel: 'social.facebook', location: { url: `https://facebook.example/posts/${photoId}` } });
    return { ...patient, photoId, mediaPath: new URL(hosted.mediaUrl as string).pathname };
  }

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

  it('works a removal case to its close with evidence, then finds it in the audit trail, intact', async () => {
    const patient = await publishedPatient();
    assert.equal((await request(t.server).get(patient.mediaPath)).status, 200, 'the hosted image is served');
    const revocation = await api(frontDesk).post(`/patients/${patient.id}/revocations`, {
      scope: { kind: 'everything' },
      receivedVia: 'phone',
      requester: { type: 'patient' },
      identityVerification: 'Called back on the number on file',
    });
    assert.equal(revocation.status, 201, JSON.stringify(revocation.body));
    const caseId = revocation.body.removalCaseId as string;
    // Marketing cannot take the Facebook post down (an archived post): it asks to leave it up.
    const opened = (await api(marketing).get(`/removal-cases/${caseId}`)).body as Json;
    const facebookTask = (opened.tasks as Json[]).find((task) => task.channel === 'social.facebook') as Json;
    const asked = await api(marketing).post(`/removal-tasks/${facebookTask.id}/not-removable`, {
      reason: 'Archived post in a closed group; the network refuses deletion',
    });
    assert.equal(asked.status, 200, JSON.stringify(asked.body));

    // The dashboard is the role's home: the case, its countdown and its progress.
    const { context, page, failures } = await openConsoleAs(browser, t, origin, officer);
    await heading(page, 'Removals');
    assert.equal(new URL(page.url()).pathname, '/removals');
    const row = page.getByRole('row').filter({ hasText: `Case of ${patient.code}` });
    await row.waitFor();
    // 30 days from the revocation (the service's clock runs a little ahead: each second-factor code moves it).
    assert.match(await row.innerText(), /(29 d 23 h|30 d 0 h) left/);
    assert.match(await row.innerText(), /1 of 3 tasks/);
    await assertAccessible(page, 'removals dashboard');
    await saveScreenshot(page, 'privacy-removals');

    // The case: the hosted image came down when the case opened, and its address answers 410 now.
    await row.getByRole('link', { name: `Case of ${patient.code}` }).click();
    await heading(page, 'Removal case');
    assert.equal(new URL(page.url()).pathname, `/removal-cases/${caseId}`);
    const websiteTask = page.getByTestId('task-website');
    await websiteTask.getByText('Taken down', { exact: true }).waitFor();
    await websiteTask.getByText(/Taken down by the service/).waitFor();
    assert.equal((await request(t.server).get(patient.mediaPath)).status, 410, 'the hosted image is gone');
    await page.getByText('Everything: the release ends').waitFor();
    await page.getByText(/by phone/).waitFor();
    await page.getByTestId('task-social.facebook').getByText('Why: Archived post in a closed group').waitFor();
    await assertAccessible(page, 'removal case');
    await saveScreenshot(page, 'privacy-case');

    // Instagram: taken down, with a screenshot as the evidence.
    await page.getByRole('button', { name: 'Complete the Instagram task' }).click();
    const dialog = page.getByRole('dialog', { name: 'Complete the Instagram task' });
    await dialog.getByText('Screenshot', { exact: true }).click();
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'instagram-gone.png',
      mimeType: 'image/png',
      buffer: await pngOfSize(64, 48),
    });
    await dialog.getByLabel('Note (optional)').fill('The post no longer shows on the profile grid');
    await assertAccessible(page, 'complete a task');
    await dialog.getByRole('button', { name: 'Record the takedown' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const instagramTask = page.getByTestId('task-social.instagram');
    await instagramTask.getByText('Taken down', { exact: true }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      instagramTask.getByRole('button', { name: 'Download the screenshot' }).click(),
    ]);
    const saved = await readFile((await download.path()) ?? '');
    assert.deepEqual(saved, await pngOfSize(64, 48), 'the screenshot downloads as it was uploaded');

    // Facebook: the officer approves leaving it up, and the case closes.
    await page.getByRole('button', { name: 'Approve leaving it up: Facebook' }).click();
    await page.getByTestId('task-social.facebook').getByText('Approved to stay up').waitFor();
    await page.getByText(/^Closed .*\d{4}$/).waitFor();
    const closed = (await api(marketing).get(`/removal-cases/${caseId}`)).body as Json;
    assert.equal(closed.status, 'completed');
    assert.deepEqual((closed.tasks as Json[]).map((task) => [task.channel, task.status, task.evidenceKind]).sort(), [
      ['social.facebook', 'not_removable', null],
      ['social.instagram', 'done', 'screenshot'],
      ['website', 'done', 'service_hosted'],
    ]);

    // The audit trail: the patient's events, found by searching for the patient, and the chain intact.
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await heading(page, 'Audit trail');
    await page.getByRole('textbox', { name: 'Patient' }).fill(patient.code);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: `Choose ${patient.code}` }).click();
    await page.getByText(`Patient: ${patient.code}`).waitFor();
    const events = page.getByRole('table').filter({ has: page.getByText('newest first') });
    for (const action of ['revocation.record', 'removal_task.complete', 'removal_task.not_removable_approve']) {
      await events.getByText(action, { exact: true }).first().waitFor();
    }
    assert.ok(!page.url().includes(patient.code), 'the search stays out of the address');
    // By actor: marketing's request alone, of this patient's events.
    await page.getByRole('combobox', { name: 'Actor' }).click();
    await page.getByRole('option', { name: marketing.email }).click();
    await page.getByRole('button', { name: 'Search the trail' }).click();
    await events.getByText('removal_task.not_removable_request', { exact: true }).waitFor();
    await events.getByText('revocation.record', { exact: true }).waitFor({ state: 'detached' });
    const actorsShown = await events.locator('tbody tr td:nth-child(3)').allInnerTexts();
    assert.deepEqual([...new Set(actorsShown)], [marketing.email]);
    // By date: nothing from tomorrow on.
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await page.getByLabel('From').fill(day);
    await page.getByRole('button', { name: 'Search the trail' }).click();
    await page.getByText('No event matches.').waitFor();
    await page.getByLabel('From').fill('');
    await page.getByRole('combobox', { name: 'Actor' }).click();
    await page.getByRole('option', { name: /\(you\)$/ }).click();
    await page.getByRole('button', { name: 'Search the trail' }).click();
    await events.getByText('removal_task.complete', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByRole('status').filter({ hasText: 'Intact' }).waitFor();
    await page.getByText('Nothing in the audit trail was altered or removed').waitFor();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as CSV' }).click(),
    ]);
    assert.match(csv.suggestedFilename(), /\.csv$/);
    assert.match(await readFile((await csv.path()) ?? '', 'utf8'), /removal_task\.complete/);
    await assertAccessible(page, 'audit trail');
    await saveScreenshot(page, 'privacy-audit');

    // The removal report: this week's case opened and closed on time, drawn by the charts. (The
    // service's clock stands still in tests; a minute passes, so the close lies before its now.)
    t.clock.advance(60_000);
    await page.getByRole('link', { name: 'Removal report' }).click();
    await heading(page, 'Removal report');
    await page.getByRole('img', { name: /Bar chart of cases opened and closed per week/ }).waitFor();
    await page.getByRole('img', { name: /Line chart of the share of cases closed/ }).waitFor();
    assert.ok((await page.locator('.recharts-bar-rectangle').count()) > 0, 'the bars are drawn');
    await page.getByRole('button', { name: 'The figures as a table' }).click();
    const lastWeek = page.getByRole('row').last();
    assert.match(await lastWeek.innerText(), /1\s+1\s+100 %/);
    await assertAccessible(page, 'removal report');
    await saveScreenshot(page, 'privacy-removal-report');
    assert.deepEqual(failures, [], 'the pages ran without errors');
    await context.close();
  });

  it('assigns a task and adds a publication found after the case opened', async () => {
    const patient = await publishedPatient();
    const revocation = await api(frontDesk).post(`/patients/${patient.id}/revocations`, {
      scope: { kind: 'everything' },
      receivedVia: 'in_person',
      requester: { type: 'patient' },
      identityVerification: 'Photo ID at the desk',
    });
    assert.equal(revocation.status, 201, JSON.stringify(revocation.body));
    const caseId = revocation.body.removalCaseId as string;
    const { context, page, failures } = await openConsoleAs(browser, t, origin, officer, {
      path: `/removal-cases/${caseId}`,
      viewport: VIEWPORTS.tablet,
    });
    await heading(page, 'Removal case');

    await page.getByRole('button', { name: 'Assign the Instagram task' }).click();
    const assign = page.getByRole('dialog', { name: 'Assign the Instagram task' });
    await assign.getByRole('combobox', { name: 'Who takes it' }).click();
    await page.getByRole('option', { name: /\(you\)$/ }).click();
    await assign.getByRole('button', { name: 'Assign', exact: true }).click();
    await assign.waitFor({ state: 'hidden' });
    await page.getByTestId('task-social.instagram').getByText(`${officer.displayName} (you)`).waitFor();

    await page.getByRole('button', { name: 'Add a publication found later' }).click();
    const add = page.getByRole('dialog', { name: 'Add a publication found later' });
    await add.getByRole('combobox', { name: 'Channel' }).fill('Printed');
    await page.getByRole('option', { name: 'Printed material', exact: true }).click();
    await add.getByLabel('Print run').fill('Spring 2026 flyer');
    await add.getByLabel('How it was found').fill('A stack of flyers left at the reception');
    await assertAccessible(page, 'add a publication found later');
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    await add.waitFor({ state: 'hidden' });
    await page.getByTestId('task-print').getByText('Print run Spring 2026 flyer').waitFor();

    const stored = (await api(frontDesk).get(`/removal-cases/${caseId}`)).body as Json;
    const byChannel = new Map((stored.tasks as Json[]).map((task) => [task.channel, task]));
    assert.equal(byChannel.get('social.instagram')?.assigneeUserId, officer.id);
    assert.equal(byChannel.get('print')?.status, 'open');
    assert.equal(byChannel.get('print')?.printRun, 'Spring 2026 flyer');
    assert.deepEqual(failures, [], 'the page ran without errors');
    await context.close();
  });

  it('shows the rights report, and places and lifts a hold found by patient', async () => {
    const patient = await publishedPatient();
    // Live uses that no longer clear (a hold on every photo) and a release running out in 20 days.
    const onHold = await publishedPatient();
    const placed = await api(frontDesk).post(`/patients/${onHold.id}/holds`, { reason: 'Dispute about the consent' });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const expiring = await publishedPatient({ expiresAt: new Date(Date.now() + 20 * 24 * 3600_000).toISOString() });

    const { context, page, failures } = await openConsoleAs(browser, t, origin, officer, { path: '/reports/rights' });
    await heading(page, 'Rights report');
    const denied = page.getByRole('region', { name: /Live uses no longer cleared/ });
    const deniedRows = denied.getByRole('row').filter({ hasText: onHold.code });
    await deniedRows.first().waitFor();
    await deniedRows.filter({ hasText: 'Facebook' }).waitFor();
    await deniedRows
      .filter({ hasText: 'Instagram' })
      .getByText(/on hold since/)
      .waitFor();
    const soon = page.getByRole('region', { name: /Releases expiring soon/ });
    await soon
      .getByRole('row')
      .filter({ hasText: expiring.code })
      .getByRole('cell', { name: '3', exact: true })
      .waitFor();
    assert.equal(await soon.getByRole('row').filter({ hasText: patient.code }).count(), 0);
    await assertAccessible(page, 'rights report');
    await saveScreenshot(page, 'privacy-rights-report');

    await page.getByRole('link', { name: 'Holds' }).click();
    await heading(page, 'Holds');
    await page.getByRole('textbox', { name: 'Find a patient' }).fill(patient.code);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: `Choose ${patient.code}` }).click();
    await page.getByText('This patient has never had a hold.').waitFor();
    await page.getByLabel('Why').fill('Revocation by phone, identity being verified');
    await page.getByRole('button', { name: 'Place the hold' }).click();
    await page.getByRole('cell', { name: 'On hold' }).waitFor();
    await assertAccessible(page, 'holds');
    const held = await api(marketing).get(`/photos/${patient.photoId}/clearance?channel=website`);
    assert.equal(held.status, 200, JSON.stringify(held.body));
    assert.ok(
      (held.body.reasons as Json[]).some((reason) => reason.code === 'photo_on_hold'),
      JSON.stringify(held.body),
    );

    await page.getByRole('button', { name: 'Lift' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lift the hold' });
    await dialog.getByLabel('Why it is lifted (optional)').fill('Identity verified; the patient withdrew the request');
    await dialog.getByRole('button', { name: 'Lift the hold' }).click();
    await page.getByRole('cell', { name: 'Lifted' }).waitFor();
    const holds = (await api(frontDesk).get(`/patients/${patient.id}/holds`)).body as Json;
    assert.deepEqual(
      (holds.items as Json[]).map((hold) => [hold.active, hold.liftReason]),
      [[false, 'Identity verified; the patient withdrew the request']],
    );
    assert.deepEqual(failures, [], 'the pages ran without errors');
    await context.close();
  });

  it('keeps the release form templates: reads the shipped one in English and Spanish, publishes a version', async () => {
    const { context, page, failures } = await openConsoleAs(browser, t, origin, officer, { path: '/form-templates' });
    await heading(page, 'Form templates');
    await page.getByRole('heading', { name: 'The clinic, version 1' }).waitFor();
    await page.getByText('Authorization to use photographs of my treatment').waitFor();
    await page.getByRole('tab', { name: 'Spanish' }).click();
    await page.getByText('Autorización para usar fotografías de mi tratamiento').waitFor();
    await assertAccessible(page, 'form templates');

    await page.getByRole('button', { name: 'Publish a new version' }).click();
    const publishing = page.getByRole('region', { name: 'Publish version 2' });
    await publishing.getByLabel('Clinic name').fill('Riverside Aesthetics');
    const english = publishing.getByRole('group', { name: 'English' });
    await english.getByLabel('Introduction').fill('Riverside Aesthetics would like to show <b>your</b> photographs.');
    await assertAccessible(page, 'publishing a form template');
    await publishing.getByRole('button', { name: 'Publish', exact: true }).click();
    await english.getByText(/must be plain text/).waitFor();
    await english.getByLabel('Introduction').fill('Riverside Aesthetics would like to show your photographs.');
    await publishing.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('heading', { name: 'Riverside Aesthetics, version 2' }).waitFor();
    await page.getByText('Riverside Aesthetics would like to show your photographs.').waitFor();
    await saveScreenshot(page, 'privacy-form-templates');

    const latest = ((await api(frontDesk).get('/form-templates')).body.items as Json[])[0];
    assert.equal(latest.version, 2);
    assert.equal(latest.clinicName, 'Riverside Aesthetics');
    assert.deepEqual(latest.languages, ['en', 'es']);
    await page.getByRole('button', { name: 'Version 1' }).click();
    await page.getByRole('heading', { name: 'The clinic, version 1' }).waitFor();
    assert.deepEqual(failures, [], 'the pages ran without errors');
    await context.close();
  });

  it('fits a phone: the dashboard at 375 px, an overdue case first and marked in words', async () => {
    // A revocation received by letter 31 days ago, recorded only now: its case is overdue at once.
    const late = await publishedPatient();
    const revocation = await api(frontDesk).post(`/patients/${late.id}/revocations`, {
      scope: { kind: 'everything' },
      receivedAt: new Date(Date.now() - 31 * 24 * 3600_000).toISOString(),
      receivedVia: 'mail',
      requester: { type: 'patient' },
      identityVerification: 'Signature matches the release',
    });
    assert.equal(revocation.status, 201, JSON.stringify(revocation.body));
    const { context, page, failures } = await openConsoleAs(browser, t, origin, officer, {
      viewport: VIEWPORTS.phone,
    });
    await heading(page, 'Removals');
    const first = page.getByRole('row').nth(1);
    await first.getByRole('link', { name: `Case of ${late.code}` }).waitFor();
    await first.getByText('Overdue', { exact: true }).waitFor();
    await first.getByText('by 1 d 0 h').waitFor();
    await saveScreenshot(page, 'privacy-removals-phone');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await assertAccessible(page, 'removals dashboard on a phone');
    assert.deepEqual(failures, []);
    await context.close();
  });
});
