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
import { createPatient } from './support/records.js';
import { createSignedIn, createStaff, type SignedInStaff, type StaffMember } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

/** Draws a signature across the signature box with the mouse, as a finger would. */
async function drawSignature(page: Page, label: string): Promise<void> {
  const pad = page.getByRole('img', { name: label });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  assert.ok(box, 'the signature box is on screen');
  await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let step = 1; step <= 30; step += 1) {
    await page.mouse.move(box.x + 30 + step * 12, box.y + box.height * (0.5 + 0.25 * Math.sin(step / 3)));
  }
  await page.mouse.up();
}

describe('web console: a patient signs a release on the tablet', () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  let desk: StaffMember;
  let reader: SignedInStaff;
  let context: BrowserContext;
  let page: Page;
  let failures: string[];
  let patientId = '';

  beforeAll(async () => {
    ({ t, origin } = await startServedApp({ startAt: new Date(Date.now() + 10 * 60_000) }));
    browser = await launchChromium();
    desk = await createStaff(t, 'front_desk');
    reader = await createSignedIn(t, 'front_desk');
    patientId = (await createPatient(t, reader, { fullName: 'Lucía Fernández', contactEmail: 'lucia@example.test' }))
      .id;
    ({ context, page, failures } = await openConsoleAs(browser, t, origin, desk, {
      viewport: VIEWPORTS.tablet,
      path: `/patients/${patientId}`,
    }));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('the front desk fills in the terms; the patient reads the form in Spanish to its end and signs it', async () => {
    await page.getByRole('link', { name: 'Sign a release on the tablet' }).click();
    await page.getByRole('heading', { name: 'Prepare a release to sign', level: 1 }).waitFor();
    await page.getByText('Español').click();
    await page.getByRole('checkbox', { name: 'Website' }).check();
    await page.getByRole('checkbox', { name: 'Instagram' }).check();
    await page.getByLabel('Description of the photos').fill('Fotografías de antes y después de la rinoplastia.');
    await page.getByLabel('Who may disclose them').fill('Riverside Aesthetics');
    await page.getByLabel('Recipients').fill('Visitantes del sitio web');
    await page.getByLabel('Purpose').fill('Mostrar los resultados del tratamiento');
    await page.getByLabel('Expires on').fill('2031-03-01');
    await assertAccessible(page, 'prepare a release to sign');
    await saveScreenshot(page, 'front-desk-signing-prepare');
    await page.getByRole('button', { name: 'Show the form to the patient' }).click();

    await page.getByRole('heading', { name: 'Lea y firme, por favor', level: 1 }).waitFor();
    await page.getByText('Autorización para usar fotografías de mi tratamiento').waitFor();
    await page.getByText('Sus fotografías pueden mostrarse en el sitio web de la clínica e Instagram.').waitFor();
    const sign = page.getByRole('button', { name: 'Firmar el formulario' });
    assert.equal(await sign.isDisabled(), true, 'the form is read to its end before it is signed');
    await page.getByText('Lea el formulario hasta el final para poder firmarlo.').waitFor();
    await assertAccessible(page, 'the form to sign');

    await page.getByTestId('end-of-form').scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Firmar el formulario', disabled: false }).waitFor();
    await sign.click();
    await page.getByText('Primero firme dentro del recuadro.').waitFor();

    await page.getByLabel('Acepto firmar este formulario electrónicamente', { exact: false }).check();
    await page.getByLabel('Escriba su nombre completo').fill('Lucia Fernandez');
    await drawSignature(page, 'Recuadro de firma: firme aquí con el dedo o un lápiz táctil');
    await assertAccessible(page, 'the form signed, before sending');
    await saveScreenshot(page, 'front-desk-signing');
    await sign.click();
    await page.getByRole('heading', { name: 'Gracias. El formulario está firmado.' }).waitFor();
    await assertAccessible(page, 'signed');

    const releases = await request(t.server)
      .get(`/api/v1/patients/${patientId}/releases`)
      .auth(reader.token, { type: 'bearer' })
      .expect(200);
    const [release] = releases.body as Json[];
    assert.deepEqual([...release.scope.channels].sort(), ['social.instagram', 'website']);
    assert.equal(release.formTemplate, 'Autorización para usar fotografías de mi tratamiento');
    assert.equal(release.signedBy.fullName, 'Lucía Fernández');
    assert.equal(release.checklistComplete, true);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Autorización para usar fotografías de mi tratamiento \(PDF\)/ }).click();
    assert.match((await download).suggestedFilename(), /\.pdf$/);

    await page.goto(`${origin}/signing-requests`);
    await page.getByRole('heading', { name: 'Forms to sign', level: 1 }).waitFor();
    await page.getByText('No forms here.').waitFor();
    await page.getByText('Signed', { exact: true }).click();
    await page.getByRole('link', { name: 'Release', exact: true }).first().waitFor();
    await assertAccessible(page, 'forms to sign');
    assert.deepEqual(failures, []);
  });
});
