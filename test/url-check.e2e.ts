import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import sharp from 'sharp';
import request from 'supertest';
import { createTestBucket, s3TestEnv, startTestApp, type TestApp } from './support/app.js';
import { scenePhoto, SVG_IMAGE } from './support/images.js';
import { createCase, createPatient, createRelease, uploadPhoto } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies

interface Page {
  status?: number;
  type?: string;
  body?: Buffer | string;
  /** Never answers (a server that hangs). */
  hang?: boolean;
  location?: string;
}

/** A web server on loopback whose pages a test sets; it counts the requests it gets. */
class FakeSite {
  readonly pages = new Map<string, Page>();
  hits = 0;
  private readonly server = http.createServer((incoming, outgoing) => {
    this.hits += 1;
    const page = this.pages.get(incoming.url ?? '/') ?? { status: 404, type: 'text/html', body: 'Not found' };
    if (page.hang) return;
    outgoing.writeHead(page.status ?? 200, {
      'content-type': page.type ?? 'text/html; charset=utf-8',
      ...(page.location ? { location: page.location } : {}),
    });
    outgoing.end(page.body ?? '');
  });

  async listen(host: string): Promise<void> {
    this.server.listen(0, host);
    await once(this.server, 'listening');
  }

  get origin(): string {
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${address}:${port}`;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }
}

/** A copy as a website would show it: cropped by 8% on two sides, shrunk to 600 px, recompressed. */
async function publishedCopy(photo: Buffer): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(photo).metadata();
  return sharp(photo)
    .extract({
      left: Math.round(width * 0.08),
      top: 0,
      width: Math.round(width * 0.92),
      height: Math.round(height * 0.92),
    })
    .resize(600)
    .jpeg({ quality: 75 })
    .toBuffer();
}

const html = (body: string) => `<!doctype html><html><head><title>Results</title></head><body>${body}</body></html>`;

describe('URL check as removal evidence', () => {
  let t: TestApp;
  let site: FakeSite;
  let elsewhere: FakeSite;
  let frontDesk: SignedInStaff;
  let marketing: SignedInStaff;

  const as = (staff: SignedInStaff) => ({
    get: (path: string) => request(t.server).get(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      request(t.server).post(`/api/v1${path}`).auth(staff.token, { type: 'bearer' }).send(body),
  });
  const urlCheck = (taskId: string, evidence: Record<string, unknown> = {}) =>
    as(marketing).post(`/removal-tasks/${taskId}/complete`, { evidence: { kind: 'url_check', ...evidence } });
  /** Records the publication's URL (it moved, say), as marketing does, then checks it. */
  const checkAt = async (publicationId: string, taskId: string, url: string) => {
    const moved = await request(t.server)
      .patch(`/api/v1/publications/${publicationId}`)
      .auth(marketing.token, { type: 'bearer' })
      .send({ location: { url } });
    return moved.status === 200 ? urlCheck(taskId) : moved;
  };

  /** A photo published at `url` on Facebook, then revoked: its removal task, and the photo's bytes. */
  const revokedPublication = async (url: string, seed: number) => {
    const patientId = (await createPatient(t, frontDesk)).id;
    const caseId = await createCase(t, frontDesk, patientId);
    const photo = await scenePhoto({ seed });
    const photoId = await uploadPhoto(t, frontDesk, caseId, {}, photo);
    await createRelease(t, frontDesk, patientId);
    const published = await as(marketing).post('/publications', {
      photoId,
      channel: 'social.facebook',
      location: { url },
    });
    assert.equal(published.status, 201, JSON.stringify(published.body));
    const revoked = await as(frontDesk).post(`/patients/${patientId}/revocations`, {
      scope: { kind: 'everything' },
      receivedVia: 'email',
      requester: { type: 'patient' },
      identityVerification: 'Email from the address on file',
    });
    assert.equal(revoked.status, 201, JSON.stringify(revoked.body));
    const removalCase = (await as(marketing).get(`/removal-cases/${revoked.body.removalCaseId as string}`))
      .body as Json;
    const task = (removalCase.tasks as Json[])[0];
    return { taskId: task.id as string, publicationId: published.body.id as string, patientId, photo };
  };
  const taskState = async (taskId: string) => {
    const [row] = await t.database.query<{ status: string; publication_status: string }>(
      `SELECT t.status, p.status AS publication_status
         FROM removal_tasks t JOIN publications p ON p.id = t.publication_id WHERE t.id = $1`,
      [taskId],
    );
    return row;
  };

  beforeAll(async () => {
    site = new FakeSite();
    await site.listen('127.0.0.1');
    elsewhere = new FakeSite();
    await elsewhere.listen('127.0.0.2');
    // The clinic's own web server runs on this network; every other private address stays refused.
    t = await startTestApp({
      env: {
        ...s3TestEnv(await createTestBucket()),
        URL_CHECK_ALLOWED_NETWORKS: '127.0.0.1/32',
        URL_CHECK_TIMEOUT_SECONDS: '2',
        URL_CHECK_MAX_BYTES: String(256 * 1024),
      },
    });
    frontDesk = await createSignedIn(t, 'front_desk');
    marketing = await createSignedIn(t, 'marketing');
  });
  afterAll(async () => {
    await t.close();
    await site.close();
    await elsewhere.close();
  });

  it('completes the task when the URL answers 404 or 410, and records what answered', async () => {
    for (const status of [404, 410]) {
      site.pages.set(`/post-${status}`, { status, body: 'Gone' });
      const { taskId, publicationId } = await revokedPublication(`${site.origin}/post-${status}`, 40 + status);
      const checked = await urlCheck(taskId);
      assert.equal(checked.status, 200, JSON.stringify(checked.body));
      const task = (checked.body.tasks as Json[]).find((each) => each.id === taskId) as Json;
      assert.equal(task.status, 'done');
      assert.equal(task.evidenceKind, 'url_check');
      assert.equal(task.evidence.outcome, 'gone');
      assert.equal(task.evidence.passed, true);
      assert.equal(task.evidence.url, `${site.origin}/post-${status}`);
      assert.equal(task.evidence.checkedAt, t.clock.now().toISOString());
      assert.equal(task.evidence.response.status, status);
      assert.equal(task.evidence.response.connectedTo, '127.0.0.1');
      assert.match(task.evidence.response.sha256 as string, /^[0-9a-f]{64}$/);
      assert.equal((await taskState(taskId)).publication_status, 'removed');
      assert.equal((await as(marketing).get(`/publications/${publicationId}`)).body.status, 'removed');
    }
  });

  it('refuses to complete while the page shows a resized, cropped copy of the photo, and completes once it is gone', async () => {
    const { taskId, patientId, photo } = await revokedPublication(`${site.origin}/gallery`, 501);
    site.pages.set('/img/result-12.jpg', { type: 'image/jpeg', body: await publishedCopy(photo) });
    site.pages.set('/img/other.jpg', { type: 'image/jpeg', body: await scenePhoto({ seed: 777, width: 800 }) });
    site.pages.set('/img/logo.svg', { type: 'image/svg+xml', body: SVG_IMAGE });
    site.pages.set('/gallery', {
      body: html(
        '<img src="/img/logo.svg"><img src="img/other.jpg" alt="another result">' +
          '<img srcset="/img/result-12.jpg 600w" src="/img/missing.jpg" alt="before and after">',
      ),
    });

    const refused = await urlCheck(taskId);
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(refused.body.code, 'removal_not_confirmed');
    assert.equal(refused.body.check.outcome, 'still_present');
    assert.equal(refused.body.check.matchedImageUrl, `${site.origin}/img/result-12.jpg`);
    assert.deepEqual(refused.body.check.imagesCompared, [
      `${site.origin}/img/other.jpg`,
      `${site.origin}/img/result-12.jpg`,
    ]);
    assert.deepEqual(await taskState(taskId), { status: 'open', publication_status: 'removal_pending' });
    const [attempt] = await t.database.query<{ action: string; details: Json }>(
      "SELECT action, details FROM audit_events WHERE patient_id = $1 AND action = 'removal_task.url_check_failed'",
      [patientId],
    );
    assert.equal(attempt.details.check.outcome, 'still_present', 'the attempt is on record');

    site.pages.set('/gallery', {
      body: html('<img src="/img/logo.svg"><img src="img/other.jpg"><p>Removed at the patient’s request.</p>'),
    });
    const passed = await urlCheck(taskId);
    assert.equal(passed.status, 200, JSON.stringify(passed.body));
    const task = (passed.body.tasks as Json[])[0];
    assert.equal(task.evidence.outcome, 'not_referenced');
    assert.deepEqual(task.evidence.imagesCompared, [`${site.origin}/img/other.jpg`]);
    assert.deepEqual(await taskState(taskId), { status: 'done', publication_status: 'removed' });
  });

  it('checks a URL that serves the image itself, and a page that still names the image URL given', async () => {
    const direct = await revokedPublication(`${site.origin}/media/12.jpg`, 502);
    site.pages.set('/media/12.jpg', { type: 'image/jpeg', body: await publishedCopy(direct.photo) });
    const stillServed = await urlCheck(direct.taskId);
    assert.equal(stillServed.status, 422);
    assert.equal(stillServed.body.check.outcome, 'still_present');
    site.pages.set('/media/12.jpg', { type: 'image/jpeg', body: await scenePhoto({ seed: 778 }) });
    const replaced = await urlCheck(direct.taskId);
    assert.equal(replaced.status, 200, JSON.stringify(replaced.body));
    assert.equal((replaced.body.tasks as Json[])[0].evidence.outcome, 'image_replaced');

    const named = await revokedPublication(`${site.origin}/blog/results`, 503);
    site.pages.set('/blog/results', { body: html('<a href="/uploads/2026/05/ba-12.jpg">See the result</a>') });
    const stillNamed = await urlCheck(named.taskId, { imageUrl: `${site.origin}/uploads/2026/05/ba-12.jpg?w=800` });
    assert.equal(stillNamed.status, 422);
    assert.equal(stillNamed.body.check.outcome, 'still_present');
    site.pages.set('/blog/results', { body: html('<p>This post was removed.</p><img src="/img/other.jpg">') });
    const moved = await urlCheck(named.taskId, { imageUrl: `${site.origin}/uploads/2026/05/ba-12.jpg` });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
  });

  it('leaves the task open when it cannot tell: an error status, a time-out, an image it cannot fetch, a page over the byte cap', async () => {
    const { taskId } = await revokedPublication(`${site.origin}/flaky`, 504);
    const inconclusive = async (page: Page, finding: RegExp) => {
      site.pages.set('/flaky', page);
      const refused = await urlCheck(taskId);
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.equal(refused.body.code, 'removal_not_confirmed');
      assert.equal(refused.body.check.outcome, 'inconclusive');
      assert.match(refused.body.check.finding as string, finding);
      assert.deepEqual(await taskState(taskId), { status: 'open', publication_status: 'removal_pending' });
    };
    await inconclusive({ status: 503, body: 'Down for maintenance' }, /answers 503/);
    await inconclusive({ hang: true }, /ran out of time/);
    site.pages.set('/img/broken.jpg', { status: 500 });
    await inconclusive({ body: html('<img src="/img/broken.jpg">') }, /could not be compared/);
    await inconclusive({ body: html(`<p>${'x'.repeat(300 * 1024)}</p>`) }, /larger than URL_CHECK_MAX_BYTES/);
    await inconclusive({ type: 'application/pdf', body: '%PDF-1.7' }, /neither a page nor an image/);
    // A login wall or a page built by scripts shows a plain fetch no images: no proof either way.
    await inconclusive({ body: html('<p>Log in to see this post.</p><script src="/app.js"></script>') }, /no images/);
  });

  it('counts a 404 only from the site the photo was published on', async () => {
    const { taskId } = await revokedPublication(`${site.origin}/old-post`, 506);
    site.pages.set('/old-post', { status: 301, location: `${site.origin}/new-post` });
    site.pages.set('/new-post', { status: 404 });
    const sameSite = await urlCheck(taskId);
    assert.equal(sameSite.status, 200, JSON.stringify(sameSite.body));
    assert.deepEqual(((sameSite.body.tasks as Json[])[0].evidence as Json).response.redirectedFrom, [
      `${site.origin}/old-post`,
    ]);

    // Another site (the same address, another port) that answers 404 for everything.
    const mirror = new FakeSite();
    await mirror.listen('127.0.0.1');
    try {
      const other = await revokedPublication(`${site.origin}/shared`, 507);
      site.pages.set('/shared', { status: 302, location: `${mirror.origin}/not-here` });
      const elsewhereGone = await urlCheck(other.taskId);
      assert.equal(elsewhereGone.status, 422, JSON.stringify(elsewhereGone.body));
      assert.equal(elsewhereGone.body.check.outcome, 'inconclusive');
      assert.match(elsewhereGone.body.check.finding as string, /another site/);
    } finally {
      await mirror.close();
    }
  });

  it('never connects to a private or loopback address the configuration does not allow, even through a redirect', async () => {
    const { taskId, publicationId } = await revokedPublication(`${site.origin}/moved`, 505);
    elsewhere.pages.set('/admin', { status: 404 });
    site.pages.set('/moved', { status: 302, location: `${elsewhere.origin}/admin` });
    const hitsBefore = elsewhere.hits;
    const redirected = await urlCheck(taskId);
    assert.equal(redirected.status, 422, JSON.stringify(redirected.body));
    assert.equal(redirected.body.code, 'url_not_allowed');
    assert.equal(elsewhere.hits, hitsBefore, 'the redirect target was never contacted');

    for (const url of [
      `${elsewhere.origin}/admin`,
      `http://[::1]:${site.port}/moved`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://[::ffff:7f00:2]/',
    ]) {
      const refused = await checkAt(publicationId, taskId, url);
      assert.equal(refused.status, 422, `${url}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.code, 'url_not_allowed', url);
    }
    const withCredentials = await checkAt(publicationId, taskId, `http://user:secret@127.0.0.1:${site.port}/moved`);
    assert.equal(withCredentials.status, 422);
    assert.equal(withCredentials.body.code, 'url_not_allowed');
    assert.equal(
      (await urlCheck(taskId, { url: `${site.origin}/anything-else` })).status,
      400,
      'a check always looks at the URL on record',
    );
    assert.equal(elsewhere.hits, hitsBefore);
    assert.deepEqual(await taskState(taskId), { status: 'open', publication_status: 'removal_pending' });
  });

  it('refuses loopback addresses in every spelling with the default configuration', async () => {
    const strict = await startTestApp();
    try {
      const staff = await createSignedIn(strict, 'privacy_officer');
      const patientId = (await createPatient(strict, staff)).id;
      const caseId = await createCase(strict, staff, patientId);
      const photoId = await uploadPhoto(strict, staff, caseId);
      await createRelease(strict, staff, patientId);
      const authed = (call: request.Test) => call.auth(staff.token, { type: 'bearer' });
      const published = await authed(request(strict.server).post('/api/v1/publications')).send({
        photoId,
        channel: 'social.facebook',
        location: { url: `${site.origin}/gallery` },
      });
      assert.equal(published.status, 201, JSON.stringify(published.body));
      const revoked = await authed(request(strict.server).post(`/api/v1/patients/${patientId}/revocations`)).send({
        scope: { kind: 'everything' },
        receivedVia: 'phone',
        requester: { type: 'patient' },
        identityVerification: 'Called back on the number on file',
      });
      const removalCase = await authed(
        request(strict.server).get(`/api/v1/removal-cases/${revoked.body.removalCaseId as string}`),
      );
      const taskId = (removalCase.body.tasks as Json[])[0].id as string;
      const hitsBefore = site.hits;
      const record = (url: string) =>
        authed(request(strict.server).patch(`/api/v1/publications/${published.body.id as string}`)).send({
          location: { url },
        });
      for (const url of [
        `${site.origin}/gallery`,
        `http://localhost:${site.port}/gallery`,
        `http://[::ffff:127.0.0.1]:${site.port}/gallery`,
        `http://[::]:${site.port}/gallery`,
      ]) {
        assert.equal((await record(url)).status, 200, url);
        const refused = await authed(request(strict.server).post(`/api/v1/removal-tasks/${taskId}/complete`)).send({
          evidence: { kind: 'url_check' },
        });
        assert.equal(refused.status, 422, `${url}: ${JSON.stringify(refused.body)}`);
        assert.equal(refused.body.code, 'url_not_allowed', url);
        assert.ok(
          !(refused.body.detail as string).includes('127.0.0.1') || url.includes('127.0.0.1'),
          'it does not say what a name resolves to',
        );
      }
      // Numeric shorthands that resolvers read as 127.0.0.1 are not taken as URLs at all.
      for (const host of ['2130706433', '0x7f.1', '127.1']) {
        assert.equal((await record(`http://${host}:${site.port}/gallery`)).status, 400, host);
      }
      assert.equal(site.hits, hitsBefore, 'the service made no request to loopback');
    } finally {
      await strict.close();
    }
  });
});
