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
  watchFailures,
} from './support/browser.js';
import { createPatient } from './support/records.js';
import { createSignedIn, createStaff, type SignedInStaff, type StaffMember } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

/** Draws a signature across the signature box with the mouse, as a finger would. */
async function drawSignature(page: Page, label: string): Promise<void> {
  const pad = page.getByRole('img', { name: label });
  await pad.scrollIntoViewIfNeeded();
  // Each point is placed where the box is at that moment: the page may still be scrolling to it.
  const at = async (x: number, y: number) => {
    const box = await pad.boundingBox();
    assert.ok(box, 'the signature box is on screen');
    await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
  };
  await at(0.1, 0.7);
  await page.mouse.down();
  for (let step = 1; step <= 30; step += 1) await at(0.1 + step * 0.025, 0.5 + 0.25 * Math.sin(step / 3));
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
    // A full-page screenshot resizes the page, which clears the box as turning a tablet would: sign again.
    await drawSignature(page, 'Recuadro de firma: firme aquí con el dedo o un lápiz táctil');
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

  it('the front desk has the patient sign an amendment that narrows the release, from the release page', async () => {
    const [current] = (
      await request(t.server)
        .get(`/api/v1/patients/${patientId}/releases`)
        .auth(reader.token, { type: 'bearer' })
        .expect(200)
    ).body as Json[];
    await page.goto(`${origin}/releases/${current.id}`);
    await page.getByRole('link', { name: 'Amend: sign a new form' }).click();
    await page.getByRole('heading', { name: 'Prepare an amendment to sign', level: 1 }).waitFor();
    assert.equal(
      await page.getByLabel('Description of the photos').inputValue(),
      'Fotografías de antes y después de la rinoplastia.',
      'the amendment starts from the terms it amends',
    );
    assert.equal(await page.getByRole('checkbox', { name: 'Instagram' }).isChecked(), true);
    await page.getByRole('checkbox', { name: 'Instagram' }).uncheck();
    await page.getByLabel('Why the release is amended').fill('La paciente quiere solo el sitio web');
    await assertAccessible(page, 'prepare an amendment');
    await page.getByRole('button', { name: 'Show the form to the patient' }).click();
    await page.getByRole('heading', { name: 'Please read and sign', level: 1 }).waitFor();
    await page.getByTestId('end-of-form').scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Sign the form', disabled: false }).waitFor();
    await page.getByLabel('I agree to sign this form electronically', { exact: false }).check();
    await page.getByLabel('Type your full name').fill('Lucía Fernández');
    await drawSignature(page, 'Signature box: sign here with your finger or a stylus');
    await page.getByRole('button', { name: 'Sign the form' }).click();
    await page.getByRole('heading', { name: 'Thank you. The form is signed.' }).waitFor();

    const [amended] = (
      await request(t.server)
        .get(`/api/v1/patients/${patientId}/releases`)
        .auth(reader.token, { type: 'bearer' })
        .expect(200)
    ).body as Json[];
    assert.equal(amended.version, 2);
    assert.deepEqual(amended.scope.channels, ['website']);
    assert.equal(amended.amendmentReason, 'La paciente quiere solo el sitio web');
    assert.deepEqual(failures, []);
  });

  it('a patient opens a mailed link on a 375 px phone, proves their date of birth and signs in Spanish', async () => {
    const patient = await createPatient(t, reader, {
      fullName: 'Mateo Ruiz',
      dateOfBirth: '1988-07-21',
      contactEmail: 'mateo@example.test',
    });
    const [{ id: templateId }] = await t.database.query<{ id: string }>(
      'SELECT id FROM form_templates WHERE published_by_user_id IS NULL',
    );
    const made = await request(t.server)
      .post(`/api/v1/patients/${patient.id}/signing-requests`)
      .auth(reader.token, { type: 'bearer' })
      .send({
        coversAllCases: true,
        signedBy: { signerType: 'patient' },
        informationDescription: 'Fotografías de antes y después.',
        disclosingParty: 'Riverside Aesthetics',
        recipients: 'Visitantes del sitio web',
        purpose: 'Mostrar los resultados',
        expiresAt: '2031-03-01T00:00:00Z',
        scope: {
          channels: ['website'],
          deniedChannels: [],
          faceAllowed: false,
          obscureIdentifyingMarks: true,
          paidAdvertisingAllowed: false,
          educationalUseAllowed: false,
        },
        templateId,
        language: 'es',
        delivery: 'mail',
      });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const [message] = await t.database.query<{ body: string }>(
      "SELECT body FROM outbox_messages WHERE kind = 'signing_request_link' AND recipient_patient_id = $1",
      [patient.id],
    );
    const link = /(http\S+#token=pcs_g_\S+)/.exec(message.body)?.[1];
    assert.ok(link, 'the mail carries the link');
    const mailed = new URL(link);
    assert.equal(mailed.pathname, '/portal/sign');

    const phone = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US', hasTouch: true });
    try {
      const page = await phone.newPage();
      const phoneFailures = watchFailures(page);
      // The service's PUBLIC_BASE_URL here is not the test server's address; the path and token are the link's.
      await page.goto(`${origin}${mailed.pathname}${mailed.hash}`);
      await page.getByRole('heading', { name: 'Sign your photo release', level: 1 }).waitFor();
      assert.ok(!page.url().includes('token'), 'the token leaves the address bar');
      await assertAccessible(page, 'signing link: date of birth');
      await page.getByLabel('Date of birth (the patient’s)').fill('1988-07-12');
      await page.getByRole('button', { name: 'Open the form' }).click();
      await page.getByText('That date of birth does not match the clinic’s record.', { exact: false }).waitFor();
      await page.getByLabel('Date of birth (the patient’s)').fill('1988-07-21');
      await page.getByRole('button', { name: 'Open the form' }).click();

      await page.getByRole('heading', { name: 'Firme su autorización de fotografías', level: 1 }).waitFor();
      await page.getByText('Autorización para usar fotografías de mi tratamiento').waitFor();
      await assertAccessible(page, 'signing link: the form');
      await page.getByTestId('end-of-form').scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: 'Firmar el formulario', disabled: false }).waitFor();
      await page.getByLabel('Acepto firmar este formulario electrónicamente', { exact: false }).check();
      await page.getByLabel('Escriba su nombre completo').fill('Mateo Ruiz');
      await drawSignature(page, 'Recuadro de firma: firme aquí con el dedo o un lápiz táctil');
      const width = await page.evaluate('document.documentElement.scrollWidth');
      assert.ok(Number(width) <= VIEWPORTS.phone.width, `nothing runs off a 375 px screen (${String(width)} px)`);
      await saveScreenshot(page, 'patient-signing-phone');
      // A full-page screenshot resizes the page, which clears the box as turning a phone would: sign again.
      await drawSignature(page, 'Recuadro de firma: firme aquí con el dedo o un lápiz táctil');
      await page.getByRole('button', { name: 'Firmar el formulario' }).click();
      await page.getByRole('heading', { name: 'Gracias. El formulario está firmado.' }).waitFor();
      await assertAccessible(page, 'signing link: signed');
      assert.deepEqual(phoneFailures, []);
    } finally {
      await phone.close();
    }
    const releases = await request(t.server)
      .get(`/api/v1/patients/${patient.id}/releases`)
      .auth(reader.token, { type: 'bearer' })
      .expect(200);
    assert.equal((releases.body as Json[]).length, 1);
    assert.deepEqual((releases.body as Json[])[0].scope.channels, ['website']);
  });
});
