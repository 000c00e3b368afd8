import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import sharp from 'sharp';
import { createTestBucket, s3TestEnv, type TestApp } from './support/app.js';
import {
  assertAccessible,
  launchChromium,
  openConsoleAs,
  saveScreenshot,
  startServedApp,
  VIEWPORTS,
} from './support/browser.js';
import { scenePhoto } from './support/images.js';
import { copyPhotoRows, createCase, createPatient, createRelease, uploadPhoto } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

// The release of releaseFields() permits the website and social media except TikTok, without the face.
describe('web console: marketing', () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;
  let officer: SignedInStaff;
  let before: string;
  let after: string;
  let afterBytes: Buffer;
  let withdrawnPublication: string;

  const as = (staff: SignedInStaff) => ({
    get: (path: string) => request(t.server).get(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      request(t.server).post(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) =>
      request(t.server).put(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }).send(body),
  });
  const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 }).waitFor();
  /** Follows a navigation link, then moves the pointer off it, as a person reading the screen would. */
  const navigate = async (page: Page, name: string) => {
    await page.getByRole('link', { name }).click();
    await page.mouse.move(0, 0);
    await heading(page, name);
  };

  beforeAll(async () => {
    ({ t, origin } = await startServedApp({ env: s3TestEnv(await createTestBucket()) }));
    browser = await launchChromium();
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
    officer = await createSignedIn(t, 'privacy_officer');

    // A consented patient's rhinoplasty, before and after.
    const patient = await createPatient(t, frontDesk);
    const caseId = await createCase(t, frontDesk, patient.id);
    before = await uploadPhoto(
      t,
      frontDesk,
      caseId,
      { kind: 'before', bodyArea: 'nose' },
      await scenePhoto({ seed: 3 }),
    );
    afterBytes = await scenePhoto({ seed: 11 });
    after = await uploadPhoto(
      t,
      frontDesk,
      caseId,
      { kind: 'after', bodyArea: 'nose', pairedWithPhotoId: before },
      afterBytes,
    );
    await createRelease(t, frontDesk, patient.id);

    // Another patient withdrew consent for a photo on Instagram: a task for marketing, who owns social.
    assert.equal((await as(officer).put('/removal-task-owners/social', { userId: marketing.id })).status, 200);
    const withdrawing = await createPatient(t, frontDesk);
    const photo = await uploadPhoto(
      t,
      frontDesk,
      await createCase(t, frontDesk, withdrawing.id),
      { kind: 'progress', bodyArea: 'chin' },
      await scenePhoto({ seed: 23 }),
    );
    await createRelease(t, frontDesk, withdrawing.id);
    const published = await as(marketing).post('/publications', {
      photoId: photo,
      channel: 'social.instagram',
      location: { url: 'https://www.instagram.com/p/C8x1Lq0MZ3b/' },
    });
    assert.equal(published.status, 201, JSON.stringify(published.body));
    withdrawnPublication = published.body.id as string;
    t.clock.advance(60_000);
    const revoked = await as(frontDesk).post(`/patients/${withdrawing.id}/revocations`, {
      scope: { kind: 'everything' },
      receivedVia: 'phone',
      requester: { type: 'patient' },
      identityVerification: 'Called back on the number on file',
    });
    assert.equal(revoked.status, 201, JSON.stringify(revoked.body));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('checks, is refused, publishes a hosted photo and copies its URL, finds a photo by its file, completes a removal task', async () => {
    const { context, page, failures } = await openConsoleAs(browser, t, origin, marketing, {
      viewport: VIEWPORTS.desktop,
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });

    // The library is marketing's home: thumbnails of every photo, then those cleared for the website.
    await heading(page, 'Photo library');
    assert.equal(new URL(page.url()).pathname, '/library');
    const photos = page.getByRole('list', { name: 'Photos' });
    await photos.getByRole('listitem').nth(2).waitFor();
    assert.equal(await photos.getByRole('listitem').count(), 3);
    await page.getByRole('combobox', { name: 'Cleared for' }).click();
    await page.getByRole('option', { name: 'Website' }).click();
    await page.getByText("2 photos. Only photos the patient's consent clears for Website now.").waitFor();
    assert.equal(
      await photos.getByRole('img', { name: /Progress photo/ }).count(),
      0,
      'the withdrawn photo is not offered',
    );
    await photos.getByRole('img', { name: 'After photo, Rhinoplasty, nose' }).waitFor();
    const thumbnail = photos.getByRole('img', { name: 'After photo, Rhinoplasty, nose' });
    const loaded = () =>
      thumbnail.evaluate((image) => {
        const shown = image as unknown as { complete: boolean; naturalWidth: number };
        return shown.complete && shown.naturalWidth > 0;
      });
    for (let tries = 0; !(await loaded()) && tries < 50; tries++) await page.waitForTimeout(100);
    assert.ok(await loaded(), 'the thumbnail loaded');
    await assertAccessible(page, 'marketing library');
    await saveScreenshot(page, 'marketing-library');

    // The after photo's page: every channel at once, its before beside it.
    await photos.getByRole('link', { name: 'After photo, Rhinoplasty, nose' }).click();
    await heading(page, 'Photo');
    assert.equal(new URL(page.url()).pathname, `/photos/${after}`);
    const table = page.getByRole('table', { name: 'Clearance by channel' });
    const row = (channel: string) =>
      table.getByRole('row').filter({ has: page.getByRole('cell', { name: channel, exact: true }) });
    await row('Website').getByText('Cleared', { exact: true }).waitFor();
    await row('TikTok').getByText('Not cleared').waitFor();
    await row('TikTok').getByText('The release excludes social.tiktok.').waitFor();
    await row('TikTok').getByText('Choose a channel the release permits: website, social.').waitFor();
    await page.getByRole('img', { name: 'Before photo, nose' }).waitFor();
    await page.getByRole('link', { name: 'Before: open its page' }).waitFor();
    await assertAccessible(page, 'marketing photo');
    await saveScreenshot(page, 'marketing-photo');

    // Refused on TikTok: the reasons and the remedy, and nothing recorded.
    await page.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'TikTok' }).click();
    await page.getByRole('textbox', { name: 'Where it appears' }).fill('https://www.tiktok.com/@clinic/video/1');
    await page.getByRole('button', { name: 'Record publication' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not cleared: nothing was recorded' });
    await refusal.getByText('The release excludes social.tiktok.').waitFor();
    await refusal.getByText('Choose a channel the release permits: website, social.').waitFor();
    await assertAccessible(page, 'marketing publish refused');
    await saveScreenshot(page, 'marketing-publish-refused');
    const none = await as(marketing).get(`/publications?photoId=${after}`);
    assert.deepEqual(none.body.items, []);

    // Hosted on the website: the media URL, copied.
    await page.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'Website' }).click();
    await page.getByRole('checkbox', { name: /Hosted by the service/ }).check();
    await page.getByRole('button', { name: 'Record publication' }).click();
    await page.getByText('Recorded: Website').waitFor();
    const recorded = (await as(marketing).get(`/publications?photoId=${after}`)).body.items as Json[];
    assert.equal(recorded.length, 1);
    assert.equal(recorded[0].hosted, true);
    const mediaUrl = recorded[0].mediaUrl as string;
    assert.equal(await page.getByTestId('media-url').textContent(), mediaUrl);
    await page.getByRole('button', { name: 'Copy media URL' }).click();
    await page.getByRole('button', { name: 'Media URL copied' }).waitFor();
    assert.equal(await page.evaluate<string>('navigator.clipboard.readText()'), mediaUrl);
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    assert.equal(
      await page.evaluate<string>('navigator.clipboard.readText()'),
      `<img src="${mediaUrl}" alt="After photo, nose">`,
    );
    assert.equal((await request(t.server).get(new URL(mediaUrl).pathname)).status, 200);
    await page.getByRole('table', { name: 'Publications of this photo' }).getByText(mediaUrl).waitFor();
    await assertAccessible(page, 'marketing published');

    // A copy found in use: dropped on the lookup screen, it names the photo and its rights.
    await navigate(page, 'Find a photo by file');
    await assertAccessible(page, 'marketing lookup');
    const copy = await sharp(afterBytes).resize(800).jpeg({ quality: 70 }).toBuffer();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'found-on-a-blog.jpg', mimeType: 'image/jpeg', buffer: copy });
    const result = page.getByRole('region', { name: 'Lookup result' });
    await result.getByText('found-on-a-blog.jpg is a copy of one photo').waitFor();
    await result.getByRole('link', { name: 'After photo' }).waitFor();
    assert.equal(await result.getByRole('link', { name: 'After photo' }).getAttribute('href'), `/photos/${after}`);
    await result.getByText('Cleared', { exact: true }).waitFor();
    await assertAccessible(page, 'marketing lookup result');
    await saveScreenshot(page, 'marketing-lookup');

    // The publications list, filtered to what is live.
    await navigate(page, 'Publications');
    const list = page.getByRole('table', { name: 'Publications' });
    await list.getByText('Hosted by the service').waitFor();
    await list.getByText('https://www.instagram.com/p/C8x1Lq0MZ3b/').waitFor();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Live' }).click();
    await list.getByText('https://www.instagram.com/p/C8x1Lq0MZ3b/').waitFor({ state: 'detached' });
    await list.getByText('Hosted by the service').waitFor();
    await assertAccessible(page, 'marketing publications');

    // The Instagram post to take down: its deadline, then done with a screenshot, and gone from the list.
    // The browser's clock reads the service's (the test clock), so the countdown is the service's.
    await page.clock.setFixedTime(t.clock.now());
    await navigate(page, 'My removal tasks');
    const task = page.getByRole('article', { name: 'Instagram removal task' });
    await task.getByText(/^(29|30) d \d+ h left$/).waitFor();
    await task.getByText('https://www.instagram.com/p/C8x1Lq0MZ3b/').waitFor();
    await assertAccessible(page, 'marketing removal tasks');
    await saveScreenshot(page, 'marketing-tasks');
    await task.getByRole('button', { name: 'Complete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Complete the Instagram task' });
    await dialog.getByText('Screenshot', { exact: true }).click();
    const screenshot = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#eeeeee' } })
      .png()
      .toBuffer();
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'post-gone.png', mimeType: 'image/png', buffer: screenshot });
    await dialog.getByText('post-gone.png').waitFor();
    await assertAccessible(page, 'marketing complete task');
    await dialog.getByRole('button', { name: 'Complete with this screenshot' }).click();
    await page.getByText('No open removal task is assigned to you.').waitFor();
    const tasks = (await as(marketing).get('/removal-tasks?assignee=me')).body as Json[];
    assert.deepEqual(
      tasks.map((each) => [each.publicationId, each.status, each.evidenceKind]),
      [[withdrawnPublication, 'done', 'screenshot']],
    );
    assert.equal((await as(marketing).get(`/publications/${withdrawnPublication}`)).body.status, 'removed');

    assert.deepEqual(failures, [], 'the pages ran without errors');
    await context.close();
  });

  it('fits the library and the photo page on a phone', async () => {
    const { context, page, failures } = await openConsoleAs(browser, t, origin, marketing, {
      path: `/photos/${before}`,
      viewport: VIEWPORTS.phone,
    });
    await heading(page, 'Photo');
    await page.getByRole('table', { name: 'Clearance by channel' }).getByText('Not cleared').first().waitFor();
    await assertAccessible(page, 'marketing photo on a phone');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the phone`);
    await page.goto(`${origin}/library`);
    await page.getByRole('list', { name: 'Photos' }).getByRole('listitem').first().waitFor();
    await assertAccessible(page, 'marketing library on a phone');
    assert.deepEqual(failures, []);
    await context.close();
  });

  // Last: it fills the library with 10,000 photos. How fast it draws and scrolls them is measured by
  // bench/web.ts (npm run bench:web), not here.
  it('pages through 10,000 photos as the library scrolls, with only the rows near the view in the page', async () => {
    await copyPhotoRows(t.database, { copies: 3333 });

    const { context, page, failures } = await openConsoleAs(browser, t, origin, marketing, { path: '/account' });
    await heading(page, 'Your account');
    await page.getByRole('link', { name: 'Photo library' }).click();
    const photos = page.getByRole('list', { name: 'Photos' });
    await photos.getByRole('img').nth(11).waitFor();
    await page.getByText('60 photos shown; more load as you scroll.').waitFor();

    // Scroll down through several pages, as a person flicking through the grid.
    for (let step = 0; step < 60; step++) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(50);
    }
    await page.getByText(/^(1[2-9]\d|[2-9]\d\d) photos shown/).waitFor();
    const rendered = await photos.getByRole('listitem').count();
    assert.ok(rendered < 120, `only the rows near the view are in the page (${rendered})`);
    assert.deepEqual(failures, []);
    await context.close();
  });
});
