import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createTestBucket, s3TestEnv, type TestApp } from './support/app.js';
import {
  assertAccessible,
  launchChromium,
  saveScreenshot,
  startServedApp,
  VIEWPORTS,
  watchFailures,
} from './support/browser.js';
import { mailedPortalToken } from './support/portal.js';
import { createCase, createPatient, createRelease, uploadPhoto } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

/** Whether the first photo's thumbnail, fetched with the session, is shown from a blob: URL (the test's types know no DOM). */
const THUMBNAIL_SHOWN =
  "(() => { const image = document.querySelector('article img'); return !!image && image.src.startsWith('blob:') && image.complete && image.naturalWidth > 0; })()";

describe('patient portal page in Chromium', () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;

  beforeAll(async () => {
    ({ t, origin } = await startServedApp({ env: s3TestEnv(await createTestBucket()) }));
    browser = await launchChromium();
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const publish = async (photoId: string, placement: Record<string, unknown>) => {
    const published = await request(t.server)
      .post('/api/v1/publications')
      .auth(marketing.token, { type: 'bearer' })
      .send({ photoId, ...placement });
    assert.equal(published.status, 201, JSON.stringify(published.body));
    return published.body as { id: string; mediaUrl?: string };
  };

  /** A phone opening the sign-in link mailed to `email`, with the overview shown. */
  const openMailedLink = async (page: Page, email: string) => {
    await page.goto(`${origin}/portal#token=${await mailedPortalToken(t, email)}`);
    await page.getByRole('region', { name: 'What you agreed to' }).waitFor();
  };

  it('serves /portal as a page of its own under the strict Content-Security-Policy, never cached stale', async () => {
    const page = await request(t.server).get('/portal').expect(200);
    assert.match(page.headers['content-type'], /^text\/html/);
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.match(page.headers['content-security-policy'], /script-src 'self'(;|$)/);
    assert.match(page.headers['content-security-policy'], /img-src 'self' data: blob:/, 'thumbnails from blob: URLs');
    assert.doesNotMatch(page.text, /<script(?![^>]*\bsrc=)[^>]*>/, 'the page has no inline script');
    assert.match(page.text, /<title>Your photo consent<\/title>/);
    const script = /<script[^>]*src="(\/assets\/portal-[^"]+\.js)"/.exec(page.text)?.[1];
    assert.ok(script, 'the page loads its own script from /assets');
    const staffConsole = await request(t.server).get('/').expect(200);
    assert.notEqual(staffConsole.text, page.text, 'not the staff console');
  });

  it('takes a patient from the sign-in link to their consent, their photos, a withdrawal with its receipt and their signed form', async () => {
    const email = 'page.patient@example.test';
    const patient = await createPatient(t, frontDesk, {
      fullName: 'Paige Portalova',
      contactEmail: email,
      dateOfBirth: '1984-10-09',
    });
    const photoId = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient.id));
    await createRelease(t, frontDesk, patient.id);
    await publish(photoId, { channel: 'social.instagram', location: { url: 'https://instagram.example/p/Page1' } });

    const context = await browser.newContext({ viewport: VIEWPORTS.phone, acceptDownloads: true });
    const page = await context.newPage();
    const failures = watchFailures(page);

    await page.goto(`${origin}/portal`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Date of birth').fill('1984-10-09');
    await assertAccessible(page, 'portal: request a link');
    await saveScreenshot(page, 'portal-request');
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await page.getByRole('status').filter({ hasText: 'sign-in link is on its way' }).waitFor();
    await assertAccessible(page, 'portal: link sent');

    await openMailedLink(page, email);
    assert.equal(new URL(page.url()).hash, '', 'the token leaves the address bar');
    assert.equal(await page.evaluate('localStorage.length'), 0, 'nothing kept in localStorage');
    assert.equal(await page.title(), 'Your photo consent', 'no patient name in the title');
    assert.match((await page.textContent('main')) ?? '', new RegExp(`Your reference at the clinic: ${patient.code}`));
    assert.match(
      (await page.getByRole('region', { name: 'What you agreed to' }).textContent()) ?? '',
      /Your face may not be shown/,
    );
    const photo = page.getByRole('region', { name: 'Your photos and where they are used' }).getByRole('article');
    const instagram = photo.getByRole('listitem').filter({ hasText: 'Instagram' });
    assert.match((await instagram.textContent()) ?? '', /Instagram https:\/\/instagram\.example\/p\/Page1 Shown now/);
    // The thumbnail was fetched with the session and shown.
    await page.waitForFunction(THUMBNAIL_SHOWN);
    assert.ok(
      await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'),
      'nothing runs off the side of the phone',
    );
    await assertAccessible(page, 'portal: overview');
    await saveScreenshot(page, 'portal-overview');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download your copy of the signed form' }).click();
    const file = await (await download).path();
    assert.equal((await readFile(file)).subarray(0, 5).toString('latin1'), '%PDF-', 'the signed form downloads');

    await page.getByRole('checkbox', { name: 'Social media' }).check();
    await page.getByRole('button', { name: 'Withdraw the places ticked' }).click();
    const confirmation = page.getByRole('dialog', { name: 'Withdraw your consent for the places ticked?' });
    await confirmation.waitFor();
    assert.match((await confirmation.textContent()) ?? '', /stop using your photos on: Social media/);
    await assertAccessible(page, 'portal: withdrawal confirmation');
    await saveScreenshot(page, 'portal-withdraw');
    await confirmation.getByRole('button', { name: 'Yes, withdraw' }).click();
    const receipt = page.getByRole('status').filter({ hasText: 'We received your request' });
    await receipt.waitFor();
    await confirmation.waitFor({ state: 'hidden' });
    assert.match((await receipt.textContent()) ?? '', /take down the rest by/);
    // Focus moves to the receipt, so a screen reader reads it and a phone shows it.
    await page.waitForFunction("document.activeElement?.textContent?.includes('We received your request')");
    await page.waitForTimeout(500);
    assert.ok(
      await page.evaluate("document.activeElement?.textContent?.includes('We received your request')"),
      'the receipt keeps the focus once the confirmation has closed',
    );
    await instagram.filter({ hasText: 'Being taken down' }).waitFor();
    assert.match(
      (await page.getByRole('region', { name: 'Your requests' }).textContent()) ?? '',
      /To be done by .*: 0 of 1 done/,
    );
    await assertAccessible(page, 'portal: receipt');
    await saveScreenshot(page, 'portal-receipt');
    const [revocation] = await t.database.query<{ received_via: string; channels: string[] }>(
      'SELECT received_via, channels FROM revocations WHERE patient_id = $1',
      [patient.id],
    );
    assert.deepEqual(revocation, { received_via: 'portal', channels: ['social'] });

    await page.reload();
    await page.getByRole('region', { name: 'What you agreed to' }).waitFor();
    // The same page on a desktop screen.
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.waitForFunction(THUMBNAIL_SHOWN);
    await assertAccessible(page, 'portal: overview on a desktop');
    await saveScreenshot(page, 'portal-overview-desktop');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('form', { name: 'Ask for a sign-in link' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'You are signed out.' }).waitFor();
    assert.equal(await page.evaluate('sessionStorage.length'), 0, 'the session is forgotten');
    assert.deepEqual(failures, [], 'the page ran without errors');
    await context.close();
  });

  it('lets a patient on a phone revoke everything by link: their hosted website photo answers 410 at once', async () => {
    const email = 'revoking.patient@example.test';
    const patient = await createPatient(t, frontDesk, { contactEmail: email, dateOfBirth: '1979-05-21' });
    const photoId = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient.id));
    await createRelease(t, frontDesk, patient.id);
    const hosted = await publish(photoId, { channel: 'website', hosted: true });
    const mediaPath = new URL(hosted.mediaUrl as string).pathname;
    assert.equal((await request(t.server).get(mediaPath)).status, 200, 'the hosted photo is up');
    await request(t.server).post('/api/v1/portal/access').send({ email, dateOfBirth: '1979-05-21' }).expect(202);

    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    const failures = watchFailures(page);
    await openMailedLink(page, email);
    const website = page
      .getByRole('region', { name: 'Your photos and where they are used' })
      .getByRole('listitem')
      .filter({ hasText: 'The clinic’s website' });
    await website.filter({ hasText: 'Shown now' }).waitFor();

    await page.getByRole('button', { name: 'Withdraw all my consent' }).click();
    const confirmation = page.getByRole('dialog', { name: 'Withdraw all your consent?' });
    await confirmation.getByRole('button', { name: 'Yes, withdraw' }).click();
    await page.getByRole('status').filter({ hasText: 'We received your request' }).waitFor();

    assert.equal((await request(t.server).get(mediaPath)).status, 410, 'the hosted URL is gone');
    await website.filter({ hasText: 'Taken down' }).waitFor();
    const requests = page.getByRole('region', { name: 'Your requests' });
    assert.match((await requests.textContent()) ?? '', /Everything is done \(1 of 1 done\)/);
    assert.match(
      (await page.getByRole('region', { name: 'What you agreed to' }).textContent()) ?? '',
      /Withdrawn/,
      'the release shows as withdrawn',
    );
    const [revocation] = await t.database.query<{ received_via: string; scope_kind: string }>(
      'SELECT received_via, scope_kind FROM revocations WHERE patient_id = $1',
      [patient.id],
    );
    assert.deepEqual(revocation, { received_via: 'portal', scope_kind: 'everything' });
    assert.deepEqual(failures, [], 'the page ran without errors');
    await context.close();
  });

  it('speaks Spanish to a patient whose browser does, withdraws in Spanish and keeps the sealed receipt', async () => {
    const email = 'paciente@example.test';
    const patient = await createPatient(t, frontDesk, { contactEmail: email, dateOfBirth: '1983-09-02' });
    const photoId = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient.id));
    await createRelease(t, frontDesk, patient.id);
    await publish(photoId, { channel: 'social.instagram', location: { postId: 'C0ffee' } });
    await request(t.server).post('/api/v1/portal/access').send({ email, dateOfBirth: '1983-09-02' }).expect(202);

    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'es-ES', acceptDownloads: true });
    const page = await context.newPage();
    const failures = watchFailures(page);
    await page.goto(`${origin}/portal#token=${await mailedPortalToken(t, email)}`);
    await page.getByRole('heading', { name: 'Su consentimiento de fotografías', level: 1 }).waitFor();
    const agreed = page.getByRole('region', { name: 'Lo que usted autorizó' });
    await agreed.getByText('Sus fotografías pueden mostrarse en', { exact: false }).first().waitFor();
    assert.equal(await page.evaluate('document.documentElement.lang'), 'es');
    await assertAccessible(page, 'portal in Spanish');

    await page.getByRole('checkbox', { name: 'Redes sociales' }).check();
    await page.getByRole('button', { name: 'Retirar los lugares marcados' }).click();
    const confirmation = page.getByRole('dialog', { name: '¿Retirar su consentimiento para los lugares marcados?' });
    await confirmation.getByRole('button', { name: 'Sí, retirar' }).click();
    await page.getByRole('status').filter({ hasText: 'Recibimos su solicitud' }).waitFor();
    const requests = page.getByRole('region', { name: 'Sus solicitudes' });
    await requests
      .getByText('Retiró su consentimiento al uso de sus fotografías en: social.', { exact: false })
      .waitFor();
    const download = page.waitForEvent('download');
    await requests.getByRole('button', { name: 'Descargar el justificante (PDF)' }).click();
    assert.match((await download).suggestedFilename(), /^withdrawal-receipt-\d{4}-\d{2}-\d{2}\.pdf$/);
    await assertAccessible(page, 'portal in Spanish, after a withdrawal');

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Your photo consent', level: 1 }).waitFor();
    await page
      .getByRole('region', { name: 'Your requests' })
      .getByText('You withdrew your consent', { exact: false })
      .waitFor();
    assert.deepEqual(failures, [], 'the page ran without errors');
    await context.close();
  });

  it('says so when a link was already used', async () => {
    const email = 'used.link@example.test';
    await createPatient(t, frontDesk, { contactEmail: email, dateOfBirth: '1990-01-01' });
    await request(t.server).post('/api/v1/portal/access').send({ email, dateOfBirth: '1990-01-01' }).expect(202);
    const token = await mailedPortalToken(t, email);
    await request(t.server).post('/api/v1/portal/session').send({ token }).expect(201);
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    const failures = watchFailures(page);
    await page.goto(`${origin}/portal#token=${token}`);
    await page.getByRole('alert').filter({ hasText: 'has been used or has expired' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the spent token leaves the address bar too');
    assert.ok(
      await page.getByRole('form', { name: 'Ask for a sign-in link' }).isVisible(),
      'with the form to ask for a new one',
    );
    await assertAccessible(page, 'portal: link used or expired');
    assert.deepEqual(failures, [], 'the page ran without errors');
    await context.close();
  });

  it('withdraws one photo with its receipt, and asks for a new link once the session has ended', async () => {
    const email = 'one.photo@example.test';
    const patient = await createPatient(t, frontDesk, { contactEmail: email, dateOfBirth: '1992-07-30' });
    const photoId = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient.id), { kind: 'after' });
    await createRelease(t, frontDesk, patient.id);
    await publish(photoId, { channel: 'social.facebook', location: { url: 'https://facebook.example/p/One' } });
    await request(t.server).post('/api/v1/portal/access').send({ email, dateOfBirth: '1992-07-30' }).expect(202);

    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    const failures = watchFailures(page);
    await openMailedLink(page, email);
    const photo = page.getByRole('article', { name: 'After treatment' });
    await photo.getByRole('button', { name: 'Withdraw this photo from every use' }).click();
    const confirmation = page.getByRole('dialog', { name: 'Withdraw this photo from every use?' });
    await confirmation.getByRole('button', { name: 'Keep my consent' }).click();
    await confirmation.waitFor({ state: 'hidden' });
    await photo.getByRole('button', { name: 'Withdraw this photo from every use' }).click();
    await confirmation.getByRole('button', { name: 'Yes, withdraw' }).click();
    await page.getByRole('status').filter({ hasText: 'We received your request' }).waitFor();
    await photo.getByRole('listitem').filter({ hasText: 'Facebook' }).filter({ hasText: 'Being taken down' }).waitFor();
    const [revocation] = await t.database.query<{ scope_kind: string; photo_ids: string[] }>(
      'SELECT scope_kind, photo_ids FROM revocations WHERE patient_id = $1',
      [patient.id],
    );
    assert.deepEqual(revocation, { scope_kind: 'photos', photo_ids: [photoId] }, 'that photo only');

    t.clock.advance(31 * 60_000);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'Your session has ended' }).waitFor();
    await page.getByRole('form', { name: 'Ask for a sign-in link' }).waitFor();
    assert.equal(await page.evaluate('sessionStorage.length'), 0, 'the ended session is forgotten');
    assert.deepEqual(failures, [], 'the page ran without errors');
    await context.close();
  });
});
