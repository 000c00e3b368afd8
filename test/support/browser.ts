import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp, type TestAppOptions } from './app.js';
import { nextTotpCode, type StaffMember } from './staff.js';

/** Debian's Chromium (.ci/run installs it); CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium as the browser tests drive it. Without it they fail, saying how to get it: the screens'
 * tests are part of the suite, not an extra a machine may leave out.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // Reduced motion: screens appear without transitions, so axe never checks colours mid-fade.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--force-prefers-reduced-motion',
    ],
  });
}

/** The service listening on a free local port, as a browser reaches it. */
export async function startServedApp(options: TestAppOptions = {}): Promise<{ t: TestApp; origin: string }> {
  const t = await startTestApp(options);
  await new Promise<void>((resolve) => t.server.listen(0, '127.0.0.1', resolve));
  return { t, origin: `http://127.0.0.1:${(t.server.address() as AddressInfo).port}` };
}

/** The tablet at the front desk, a desktop, a patient's phone. */
export const VIEWPORTS = {
  tablet: { width: 820, height: 1180 },
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 740 },
} as const;

/**
 * Everything that went wrong in the page: uncaught errors and console errors. A refused request
 * logs "Failed to load resource" in Chromium; the screen's handling of it is what tests assert,
 * so those lines are left out.
 */
export function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      failures.push(message.text());
    }
  });
  return failures;
}

/**
 * A browser context signed in as a staff member, through the console's own sign-in route (the
 * cookies land in the context as they would from the form), with a page open on `path`.
 */
export async function openConsoleAs(
  browser: Browser,
  t: TestApp,
  origin: string,
  member: StaffMember,
  options: { path?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page; failures: string[] }> {
  const context = await browser.newContext({ viewport: options.viewport ?? VIEWPORTS.desktop, acceptDownloads: true });
  const body: Record<string, string> = { email: member.email, password: member.password };
  if (member.totpSecret) body.totpCode = nextTotpCode(t, member.totpSecret);
  const signedIn = await context.request.post(`${origin}/api/v1/auth/browser-session`, { data: body });
  assert.equal(signedIn.status(), 200, await signedIn.text());
  const page = await context.newPage();
  const failures = watchFailures(page);
  await page.goto(`${origin}${options.path ?? '/'}`);
  return { context, page, failures };
}

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is now: no serious or critical violation.
 * The message names each rule and the elements it found.
 */
export async function assertAccessible(page: Page, screen: string): Promise<void> {
  // Only once every transition has ended: a dialog still fading in has colours no one reads.
  await page.evaluate('Promise.allSettled(document.getAnimations().map((animation) => animation.finished))');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  assert.deepEqual(
    blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    [],
    `${screen}: accessibility violations`,
  );
}

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-results');

/** A full-page screenshot under test-results/ (kept out of git; the README shows some of them). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // From the top: the console's header and navigation are fixed, and would be drawn where a
  // scrolled view began.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
