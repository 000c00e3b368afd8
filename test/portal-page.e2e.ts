import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { mailedPortalToken } from './support/portal.js';
import { createCase, createPatient, createRelease, uploadPhoto } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

/** Debian's Chromium (.ci/run installs it); CHROMIUM_PATH names another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without Chromium on a developer's machine the test says so and skips; CI always has it.
const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true' ? `no Chromium at ${CHROMIUM}` : false;
// Jest has no skip reason of its own: it goes in the suite's name, and on the console.
if (skip) console.warn(`patient portal page in Chromium: skipped, ${skip}`);
const describeInChromium = skip ? describe.skip : describe;

describeInChromium(`patient portal page in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  let frontDesk: SignedInStaff;

  beforeAll(async () => {
    t = await startTestApp({ env: s3TestEnv(await createTestBucket()) });
    await new Promise<void>((resolve) => t.server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(t.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    frontDesk = await createSignedIn(t, 'front_desk');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('takes a patient from the sign-in link to their consent, their photos, a withdrawal with its receipt and their signed form', async () => {
    const email = 'page.patient@example.test';
    const patient = await createPatient(t, frontDesk, { contactEmail: email, dateOfBirth: '1984-10-09' });
    const photoId = await uploadPhoto(t, frontDesk, await createCase(t, frontDesk, patient.id));
    await createRelease(t, frontDesk, patient.id);
    const marketing = await createSignedIn(t, 'marketing');
    const published = await request(t.server)
      .post('/api/v1/publications')
      .auth(marketing.token, { type: 'bearer' })
      .send({ photoId, channel: 'social.instagram', location: { url: 'https://instagram.example/p/Page1' } });
    assert.equal(published.status, 201, JSON.stringify(published.body));

    const context = await browser.newContext({ acceptDownloads: true });
    const page: Page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text());
    });

    await page.goto(`${origin}/portal`);
    await page.fill('#email', email);
    await page.fill('#dateOfBirth', '1984-10-09');
    await page.click('button[type=submit]');
    await page.waitForSelector('#notice:has-text("sign-in link is on its way")');

    await page.goto(`${origin}/portal#token=${await mailedPortalToken(t, email)}`);
    await page.waitForSelector('#releases');
    assert.equal(new URL(page.url()).hash, '', 'the token leaves the address bar');
    assert.match(
      (await page.textContent('#content')) ?? '',
      new RegExp(`Your reference at the clinic: ${patient.code}`),
    );
    assert.match((await page.textContent('#releases')) ?? '', /Your face may not be shown/);
    assert.match(
      (await page.textContent('#photos')) ?? '',
      /social\.instagram: https:\/\/instagram\.example\/p\/Page1 \(live\)/,
    );
    // The thumbnail was fetched with the session and shown (the test's own types know no DOM).
    await page.waitForFunction(
      "(() => { const image = document.querySelector('.photo img'); return !!image && image.complete && image.naturalWidth > 0; })()",
    );

    const download = page.waitForEvent('download');
    await page.click('button.download');
    const file = await (await download).path();
    assert.equal((await readFile(file)).subarray(0, 5).toString('latin1'), '%PDF-', 'the signed form downloads');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.check('input[name=channel][value=social]');
    await page.click('#withdraw-channels');
    await page.waitForSelector('#notice:has-text("We received your request")');
    assert.match((await page.textContent('#photos')) ?? '', /\(removal pending\)/);
    assert.match((await page.textContent('#requests')) ?? '', /To be done by/);
    const [revocation] = await t.database.query<{ received_via: string; channels: string[] }>(
      'SELECT received_via, channels FROM revocations WHERE patient_id = $1',
      [patient.id],
    );
    assert.deepEqual(revocation, { received_via: 'portal', channels: ['social'] });

    await page.reload();
    await page.waitForSelector('#releases');
    await page.click('#sign-out');
    await page.waitForSelector('#access');
    assert.deepEqual(failures, [], 'the page ran without errors');
    await context.close();
  });

  it('says so when a link was already used', async () => {
    const email = 'used.link@example.test';
    await createPatient(t, frontDesk, { contactEmail: email, dateOfBirth: '1990-01-01' });
    await request(t.server).post('/api/v1/portal/access').send({ email, dateOfBirth: '1990-01-01' }).expect(202);
    const token = await mailedPortalToken(t, email);
    await request(t.server).post('/api/v1/portal/session').send({ token }).expect(201);
    const page = await browser.newPage();
    await page.goto(`${origin}/portal#token=${token}`);
    await page.waitForSelector('#notice:has-text("has been used or has expired")');
    assert.ok(await page.isVisible('#access'), 'with the form to ask for a new one');
    await page.close();
  });
});
