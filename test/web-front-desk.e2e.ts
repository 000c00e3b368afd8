import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import { heicHeader, jpegPhoto, signedFormPdf } from './support/images.js';
import { createPatient } from './support/records.js';
import { createSignedIn, createStaff, type SignedInStaff, type StaffMember } from './support/staff.js';

/** A photo limit the test can exceed without megabytes of fixtures. */
const PHOTO_LIMIT = 3 * 1024 * 1024;

describe('web console: the front desk registers a patient, records a release, uploads photos, records a revocation', () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  let desk: StaffMember;
  let reader: SignedInStaff;
  let context: BrowserContext;
  let page: Page;
  let failures: string[];
  let patientId = '';
  let caseId = '';

  beforeAll(async () => {
    // The service clock a few minutes ahead of the browser's, so the forms' "now" is not in its future.
    ({ t, origin } = await startServedApp({
      startAt: new Date(Date.now() + 10 * 60_000),
      env: { PHOTO_MAX_BYTES: String(PHOTO_LIMIT) },
    }));
    browser = await launchChromium();
    desk = await createStaff(t, 'front_desk');
    reader = await createSignedIn(t, 'front_desk');
    await createPatient(t, reader, { fullName: 'Avery Quinn', dateOfBirth: '1990-04-01' });
    ({ context, page, failures } = await openConsoleAs(browser, t, origin, desk, { viewport: VIEWPORTS.tablet }));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  const api = (path: string) => request(t.server).get(path).auth(reader.token, { type: 'bearer' }).expect(200);

  it('finds a patient from the home screen and is warned of a duplicate before registering one', async () => {
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByLabel('Find a patient').fill('Quinn');
    await page.getByRole('link', { name: 'Avery Quinn' }).waitFor();
    assert.ok(!page.url().includes('Quinn'), 'the search term stays out of the address');
    await assertAccessible(page, 'patients');
    await saveScreenshot(page, 'front-desk-patients');

    await page.getByRole('button', { name: 'Register a patient' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register a patient' });
    await dialog.getByLabel('Full name').fill('Avery Quinn');
    await dialog.getByLabel('Date of birth').fill('1990-04-01');
    assert.equal(await dialog.getByLabel('Guardian’s full name').count(), 0, 'no guardian for an adult');
    await dialog.getByRole('button', { name: 'Register' }).click();
    await dialog.getByText('A patient with the same name and date of birth exists.').waitFor();
    await dialog.getByRole('link', { name: 'Avery Quinn' }).waitFor();
    await assertAccessible(page, 'duplicate warning');
    await dialog.getByRole('button', { name: 'Back to the form' }).click();

    await dialog.getByLabel('Full name').fill('Mia Quinn');
    await dialog.getByLabel('Date of birth').fill('2015-05-01');
    await dialog.getByLabel('Guardian’s full name').waitFor();
    await assertAccessible(page, 'register a minor');
    await dialog.getByRole('button', { name: 'Register' }).click();
    await dialog.getByText('A patient under 18 needs a guardian: enter their name.').waitFor();
    await dialog.getByLabel('Guardian’s full name').fill('Jordan Quinn');
    await dialog.getByRole('button', { name: 'Register' }).click();
    // The service has the last word: a minor's guardian needs a way to be reached.
    await dialog.getByText("a minor's guardian needs a contact: contactEmail or contactPhone").waitFor();
    await dialog.getByLabel('Guardian’s email').fill('jordan.quinn@example.com');
    await dialog.getByRole('button', { name: 'Register' }).click();

    await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    patientId = page.url().split('/').at(-1) ?? '';
    assert.ok(!(await page.title()).includes('Quinn'), 'no name in the title');
    const held = await api(`/api/v1/patients/${patientId}`);
    assert.equal(held.body.fullName, 'Mia Quinn');
    assert.equal(held.body.dateOfBirth, '2015-05-01');
    assert.equal(held.body.minor, true);
    assert.deepEqual(
      {
        fullName: held.body.guardian.fullName,
        relationship: held.body.guardian.relationship,
        contactEmail: held.body.guardian.contactEmail,
      },
      { fullName: 'Jordan Quinn', relationship: 'parent', contactEmail: 'jordan.quinn@example.com' },
    );
  });

  it('shows the patient page and opens a case', async () => {
    await page.getByRole('heading', { name: /^Patient P-/ }).waitFor();
    await page.getByText('No release recorded').waitFor();
    await assertAccessible(page, 'patient');
    await saveScreenshot(page, 'front-desk-patient');

    await page.getByRole('button', { name: 'Open a case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a case' });
    await dialog.getByLabel('Procedure').fill('Rhinoplasty');
    await dialog.getByLabel('Provider').fill('Dr. A. Smith');
    await dialog.getByLabel('Treatment date').fill('2026-02-01');
    await dialog.getByRole('button', { name: 'Open the case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').at(-1) ?? '';
    const held = await api(`/api/v1/cases/${caseId}`);
    assert.equal(held.body.patientId, patientId);
    assert.equal(held.body.procedure, 'Rhinoplasty');
  });

  it('uploads photos with a progress bar each and a thumbnail as each finishes, and refuses a HEIC, a file too large and a duplicate in words', async () => {
    await page.getByRole('heading', { name: 'Case: Rhinoplasty' }).waitFor();
    await assertAccessible(page, 'case');
    const first = await jpegPhoto({ seed: 11 });
    await page.getByLabel('Photo files').setInputFiles([
      { name: 'before-front.jpg', mimeType: 'image/jpeg', buffer: first },
      { name: 'before-side.jpg', mimeType: 'image/jpeg', buffer: await jpegPhoto({ seed: 12 }) },
      { name: 'IMG_0042.HEIC', mimeType: 'image/heic', buffer: heicHeader() },
    ]);
    for (const name of ['before-front.jpg', 'before-side.jpg']) {
      const bar = page.getByRole('progressbar', { name: `Upload of ${name}` });
      await bar.waitFor();
      await page.getByRole('img', { name: `Thumbnail of ${name}` }).waitFor();
      assert.equal(await bar.getAttribute('aria-valuenow'), '100');
      // The thumbnail's bytes arrived and decoded: the person sees the photo, not a broken image.
      const thumbnail = await page.getByRole('img', { name: `Thumbnail of ${name}` }).elementHandle();
      await page.waitForFunction((image) => {
        const shown = image as unknown as { complete: boolean; naturalWidth: number };
        return shown.complete && shown.naturalWidth > 0;
      }, thumbnail);
    }
    const heic = page.getByRole('listitem', { name: 'IMG_0042.HEIC' });
    await heic.getByText('This is a HEIC photo: export it as JPEG and upload again').waitFor();
    assert.equal(await heic.getByRole('progressbar').count(), 0, 'a refused file has no progress bar left');

    await page.getByLabel('Photo files').setInputFiles([{ name: 'again.jpg', mimeType: 'image/jpeg', buffer: first }]);
    const again = page.getByRole('listitem', { name: 'again.jpg' });
    await again.getByText('This photo was already uploaded for this patient.').waitFor();
    await again.getByRole('img', { name: 'The photo already uploaded' }).waitFor();
    // A file over the limit, sent slowly (uploads throttled to 1 MB/s): its bar moves, then it is refused in words.
    const network = await context.newCDPSession(page);
    await network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    const huge = Buffer.concat([first, Buffer.alloc(PHOTO_LIMIT, 7)]);
    await page.getByLabel('Photo files').setInputFiles([{ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: huge }]);
    const hugeRow = page.getByRole('listitem', { name: 'huge.jpg' });
    await hugeRow.getByText(/^Sending: ([1-9]|[1-9][0-9])%$/).waitFor();
    const midway = Number(await hugeRow.getByRole('progressbar').getAttribute('aria-valuenow'));
    assert.ok(midway > 0 && midway < 100, `the bar shows the part sent: ${midway}%`);
    await hugeRow.getByText('This file is too large: the limit is 3 MB. Export it smaller and upload again.').waitFor();
    await network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await assertAccessible(page, 'case upload');
    await saveScreenshot(page, 'front-desk-case-upload');

    const held = await api(`/api/v1/cases/${caseId}`);
    assert.deepEqual(
      held.body.photos.map((photo: { kind: string; faceVisible: boolean }) => [photo.kind, photo.faceVisible]),
      [
        ['before', false],
        ['before', false],
      ],
      'the two JPEGs, and only they, are photos of the case',
    );
  });

  it('records a release with the scope previewed in words and the checklist live beside the form, then amends it', async () => {
    await page.goto(`${origin}/patients/${patientId}`);
    await page.getByRole('link', { name: 'Record a paper release' }).click();
    await page.getByRole('heading', { name: 'Record a release' }).waitFor();
    const checklist = page.getByTestId('checklist');
    const preview = page.getByTestId('scope-preview');
    await checklist.getByText('The form does not state the purpose.').waitFor();
    await checklist.getByText('9 missing').waitFor();
    await preview.getByText(/Website: no/).waitFor();

    await page.getByLabel('Signed form scan').setInputFiles({
      name: 'signed-release.pdf',
      mimeType: 'application/pdf',
      buffer: signedFormPdf(),
    });
    await page.getByText('Signed form: signed-release.pdf').waitFor();
    await page.getByLabel('Form version').fill('2026-01');
    await page.getByRole('checkbox', { name: 'Website' }).check();
    await page.getByRole('checkbox', { name: 'Social media' }).check();
    await page.getByRole('checkbox', { name: 'TikTok' }).uncheck();
    await page.getByRole('switch', { name: 'The face may be shown' }).check();
    const line = (await preview.textContent()) ?? '';
    for (const part of ['Website: yes', 'Instagram: yes', 'TikTok: no', 'Print', 'Face: may be shown']) {
      assert.ok(line.includes(part), `the preview says ${part}: ${line}`);
    }
    await preview.getByText(/Never on: .*Printed material/).waitFor();

    await page.getByLabel('Description of the photos').fill('Before and after photos of the rhinoplasty.');
    await page.getByLabel('Who may disclose them').fill('Riverside Aesthetics');
    await page.getByLabel('Recipients').fill('Visitors of the clinic website and social media');
    await page.getByLabel('Purpose').fill('Marketing of the clinic’s services');
    await checklist.getByText('The form does not state the purpose.').waitFor({ state: 'detached' });
    await page.getByLabel('Expires on').fill('2031-03-01');
    await page.getByRole('checkbox', { name: 'The form states the right to revoke and how' }).check();
    await page.getByRole('checkbox', { name: 'The form states that treatment is not conditioned on signing' }).check();
    await page.getByRole('checkbox', { name: 'The form states the photos may be redisclosed' }).check();
    await page.getByRole('checkbox', { name: 'A copy was given to the signer' }).check();
    await checklist.getByText('Complete').waitFor();
    await assertAccessible(page, 'release form');
    await saveScreenshot(page, 'front-desk-release-form');
    await page.getByRole('button', { name: 'Record the release' }).click();

    await page.waitForURL(/\/releases\/[0-9a-f-]{36}$/);
    const releaseId = page.url().split('/').at(-1) ?? '';
    await page.getByRole('heading', { name: 'Release, version 1' }).waitFor();
    await page.getByTestId('checklist').getByText('Complete').waitFor();
    await page.getByRole('link', { name: /Download the signed form/ }).waitFor();
    await assertAccessible(page, 'release');
    const held = await api(`/api/v1/releases/${releaseId}`);
    assert.equal(held.body.patientId, patientId);
    assert.deepEqual(held.body.scope.channels, ['website', 'social']);
    assert.deepEqual(held.body.scope.deniedChannels, ['social.tiktok']);
    assert.equal(held.body.scope.faceAllowed, true);
    assert.equal(held.body.checklistComplete, true);
    assert.equal(held.body.signedBy.signerType, 'guardian');
    assert.equal(held.body.signedBy.fullName, 'Jordan Quinn');

    await page.getByRole('button', { name: 'Amend' }).click();
    const dialog = page.getByRole('dialog', { name: 'Amend the release' });
    await dialog.getByLabel('Signed form scan').setInputFiles({
      name: 'amendment.pdf',
      mimeType: 'application/pdf',
      buffer: signedFormPdf('Amendment'),
    });
    await dialog.getByLabel('Why it is amended').fill('Patient no longer allows Instagram');
    await dialog.getByRole('checkbox', { name: 'Instagram' }).uncheck();
    await dialog
      .getByTestId('scope-preview')
      .getByText(/Instagram: no/)
      .waitFor();
    await assertAccessible(page, 'amend');
    await dialog.getByRole('button', { name: 'Record the amendment' }).click();
    await page.getByRole('heading', { name: 'Release, version 2' }).waitFor();
    await page.getByRole('cell', { name: 'Patient no longer allows Instagram' }).waitFor();
    await page.getByRole('cell', { name: 'Version 2 (this one)' }).waitFor();
    await page.getByRole('link', { name: 'Version 1' }).waitFor();
    const amended = await api(`/api/v1/releases/${page.url().split('/').at(-1)}`);
    assert.deepEqual(amended.body.scope.deniedChannels.sort(), ['social.instagram', 'social.tiktok']);
    assert.equal(amended.body.versions.length, 2);
  });

  it('records a revocation received by phone and shows the removal case it opened', async () => {
    await page.goto(`${origin}/patients/${patientId}`);
    await page.getByRole('link', { name: 'Record a revocation' }).click();
    await page.getByRole('heading', { name: 'Record a revocation' }).waitFor();
    await page.getByRole('radio', { name: 'Some channels only' }).check();
    await page.getByRole('checkbox', { name: 'Social media' }).check();
    await page.getByLabel('How you verified who asked').fill('Called back on the number on file');
    await assertAccessible(page, 'revocation form');
    await saveScreenshot(page, 'front-desk-revocation');
    await page.getByRole('button', { name: 'Record the revocation' }).click();
    await page.getByText('The revocation is recorded').waitFor();
    // Nothing was published under the release, so the case it opened has nothing to take down.
    await page.getByText(/^Closed .*: nothing it no longer allows is left to take down\.$/).waitFor();
    await page.getByText('No publication needed taking down.').waitFor();
    await assertAccessible(page, 'revocation recorded');

    const [revocation] = await t.database.query<{ id: string; received_via: string; removal_case_id: string }>(
      'SELECT r.id, r.received_via, c.id AS removal_case_id FROM revocations r JOIN removal_cases c ON c.revocation_id = r.id WHERE r.patient_id = $1',
      [patientId],
    );
    assert.equal(revocation?.received_via, 'phone');
    const held = await api(`/api/v1/revocations/${revocation?.id}`);
    assert.deepEqual(held.body.scope.channels, ['social']);
    await page.getByText(`Removal case ${revocation?.removal_case_id}`).waitFor();

    await page.getByRole('link', { name: 'Back to the patient' }).first().click();
    await page.getByText(/Withdrawn from Social media, received by phone/).waitFor();
    await page.getByText(/Removals done/).waitFor();
    await page.getByText(/Instagram: no/).waitFor();
    await assertAccessible(page, 'patient after the revocation');
    // The patient page again, now with a release, its amendment, a case and a revocation.
    await saveScreenshot(page, 'front-desk-patient');
    assert.deepEqual(failures, [], 'the pages ran without errors');
  });

  it('fits a 375 px phone without sideways scrolling', async () => {
    const phone = await openConsoleAs(browser, t, origin, desk, { path: '/patients', viewport: VIEWPORTS.phone });
    await phone.page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await phone.page.getByLabel('Find a patient').fill('Quinn');
    await phone.page.getByRole('link', { name: 'Mia Quinn' }).waitFor();
    const width: number = await phone.page.evaluate('document.documentElement.scrollWidth');
    assert.ok(width <= 375, `the page is ${width} px wide`);
    await assertAccessible(phone.page, 'patients on a phone');
    await phone.context.close();
  });
});
