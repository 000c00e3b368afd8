import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { Controller, Get } from '@nestjs/common';
import request from 'supertest';
import { PERMISSIONS, ROLES, type Permission, type Role } from '../src/common/roles.js';
import { RequirePermission } from '../src/common/access.decorator.js';
import { Identified } from '../src/common/identified.js';
import { startTestApp, type TestApp } from './support/app.js';
import { signInPatient } from './support/portal.js';
import { createPatient } from './support/records.js';
import { MEDIA_ROUTE } from '../src/media/media.route.js';
import { declaredRoutes, type DeclaredRoute } from './support/routes.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

class ProbePatientDto {
  code!: string;
  @Identified() name!: string;
  @Identified() dateOfBirth!: string;
  @Identified() email!: string;
  @Identified() phone!: string;
  constructor(values: ProbePatientDto) {
    Object.assign(this, values);
  }
}

class ProbePhotoDto {
  id!: string;
  patient!: ProbePatientDto;
  constructor(values: ProbePhotoDto) {
    Object.assign(this, values);
  }
}

const PATIENT = {
  code: 'P-7KQ2M',
  name: 'Jane Roe',
  dateOfBirth: '1990-04-01',
  email: 'jane@example.test',
  phone: '+1 555 0100',
};

/** A route marketing may call whose answer nests a patient: the shape later photo routes will have. */
@Controller('probe-photos')
class ProbePhotoController {
  @RequirePermission('photos.read')
  @Get()
  list(): { items: ProbePhotoDto[] } {
    return { items: [new ProbePhotoDto({ id: 'photo-1', patient: new ProbePatientDto(PATIENT) })] };
  }

  /** A view built as a plain object literal, with the conventional field names. */
  @RequirePermission('photos.read')
  @Get('plain')
  plain(): Record<string, unknown> {
    return {
      id: 'photo-2',
      patient: { code: 'P-7KQ2M', fullName: 'Jane Roe', dateOfBirth: '1990-04-01', contactEmail: 'jane@example.test' },
      guardian: { fullName: 'John Roe', contactPhone: '+1 555 0101' },
    };
  }
}

const API_KEY_PERMISSIONS: Permission[] = ['photos.read', 'clearance.check', 'publications.read'];

/**
 * docs/architecture.md §5's table, written out here on its own so that a mistake in src/common/roles.ts fails
 * the matrix instead of being copied into it.
 */
const DESIGNED_ACCESS: Record<Permission, Role[]> = {
  'patients.read': ['front_desk', 'privacy_officer'],
  'patients.write': ['front_desk', 'privacy_officer'],
  'releases.read': ['front_desk', 'privacy_officer'],
  'releases.write': ['front_desk', 'privacy_officer'],
  'templates.write': ['privacy_officer'],
  'photos.upload': ['front_desk', 'privacy_officer'],
  'photos.original': ['front_desk', 'privacy_officer'],
  'photos.read': ['front_desk', 'marketing', 'privacy_officer'],
  'clearance.check': ['front_desk', 'marketing', 'privacy_officer'],
  'publications.read': ['marketing', 'privacy_officer'],
  'publications.write': ['marketing', 'privacy_officer'],
  'revocations.write': ['front_desk', 'privacy_officer'],
  'holds.write': ['front_desk', 'privacy_officer'],
  'removals.read': ['front_desk', 'marketing', 'privacy_officer'],
  'removals.work': ['marketing', 'privacy_officer'],
  'removals.approve': ['privacy_officer'],
  'audit.read': ['privacy_officer', 'admin'],
  'users.read': ['admin'],
  'users.write': ['admin'],
  'api_keys.read': ['admin'],
  'api_keys.write': ['admin'],
  'outbox.read': ['privacy_officer', 'admin'],
};

type Caller = { kind: 'anonymous' } | { kind: 'role'; role: Role } | { kind: 'api_key' } | { kind: 'patient' };

function describeCaller(caller: Caller): string {
  return caller.kind === 'role' ? caller.role : caller.kind;
}

/** What the matrix expects: 'denied-401', 'denied-403', or 'allowed' (any answer but 401 and 403). */
function expectation(route: DeclaredRoute, caller: Caller): 'denied-401' | 'denied-403' | 'allowed' {
  const rule = route.rule;
  if (!rule) return 'denied-403';
  if (rule.kind === 'public') return 'allowed';
  if (caller.kind === 'anonymous') return 'denied-401';
  // Portal routes are for patients only, and patients reach nothing else.
  if (rule.kind === 'patient' || caller.kind === 'patient') {
    return rule.kind === 'patient' && caller.kind === 'patient' ? 'allowed' : 'denied-403';
  }
  if (caller.kind === 'api_key') {
    if (rule.kind === 'signed_in') return 'denied-403';
    return API_KEY_PERMISSIONS.includes(rule.permission) ? 'allowed' : 'denied-403';
  }
  if (rule.kind === 'signed_in') return 'allowed';
  return DESIGNED_ACCESS[rule.permission].includes(caller.role) ? 'allowed' : 'denied-403';
}

function concretePath(path: string): string {
  return path.replace(/:[A-Za-z]+/g, () => randomUUID());
}

describe('access control', () => {
  let t: TestApp;
  let admin: SignedInStaff;
  beforeAll(async () => {
    t = await startTestApp({ controllers: [ProbePhotoController] });
    admin = await createSignedIn(t, 'admin');
  });
  afterAll(async () => t.close());

  it('the design table names every permission the service knows', () => {
    assert.deepEqual(Object.keys(DESIGNED_ACCESS).sort(), [...PERMISSIONS].sort());
  });

  it('every route declares the permission it needs, or that it is for any signed-in user, or public', () => {
    const routes = declaredRoutes(t.app);
    assert.ok(routes.length >= 15, `found only ${routes.length} routes`);
    const fastify = t.app.getHttpAdapter().getInstance();
    for (const route of routes) {
      assert.ok(fastify.hasRoute({ method: route.method, url: route.path }), `${route.method} ${route.path} is served`);
    }
    const undeclared = routes
      .filter((route) => !route.rule)
      .map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    assert.deepEqual(undeclared, [], 'routes without an access rule');
    // /m/{token} serves hosted website photos while consent clears them, as a plain Fastify route
    // outside Nest (src/media/media.route.ts): public by design.
    assert.ok(fastify.hasRoute(MEDIA_ROUTE), 'the public media route is served');
    const publicRoutes = routes.filter((route) => route.rule?.kind === 'public').map((r) => `${r.method} ${r.path}`);
    publicRoutes.push(`${MEDIA_ROUTE.method} ${MEDIA_ROUTE.url}`);
    // The local store's presigned links carry their own signed authorization (src/storage).
    const expectedPublic = [
      'GET /health/live',
      'GET /health/ready',
      'GET /storage/:token',
      'GET /m/:token',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/browser-session',
      'POST /api/v1/portal/access',
      'POST /api/v1/portal/session',
      // A mailed signing link, opened with the patient's date of birth (src/signing/signing-links.service.ts).
      'POST /api/v1/signing/open',
      'POST /api/v1/signing/signature',
    ];
    assert.deepEqual(publicRoutes.sort(), expectedPublic.sort());
  });

  it('answers every route for every role, anonymous callers and an API key as the permission table says', async () => {
    const created = await request(t.server)
      .post('/api/v1/api-keys')
      .auth(admin.token, { type: 'bearer' })
      .send({ name: 'Matrix key', permissions: API_KEY_PERMISSIONS })
      .expect(201);
    const tokens = new Map<string, string>([['api_key', created.body.token as string]]);
    for (const role of ROLES) tokens.set(role, (await createSignedIn(t, role)).token);
    const frontDesk = await createSignedIn(t, 'front_desk');
    await createPatient(t, frontDesk, { contactEmail: 'matrix.patient@example.test', dateOfBirth: '1979-02-03' });
    tokens.set('patient', await signInPatient(t, 'matrix.patient@example.test', '1979-02-03'));

    const routes = declaredRoutes(t.app).filter((route) => route.rule?.kind !== 'public');
    // Logging out ends the session it is sent with: each logout gets a session of its own.
    const tokenFor = async (route: DeclaredRoute, caller: Caller): Promise<string | undefined> => {
      if (!route.path.endsWith('/logout')) return tokens.get(caller.kind === 'role' ? caller.role : caller.kind);
      if (caller.kind === 'role') return (await createSignedIn(t, caller.role)).token;
      if (caller.kind === 'patient') return signInPatient(t, 'matrix.patient@example.test', '1979-02-03');
      return tokens.get(caller.kind);
    };
    const callers: Caller[] = [
      { kind: 'anonymous' },
      ...ROLES.map((role) => ({ kind: 'role', role }) as const),
      { kind: 'api_key' },
      { kind: 'patient' },
    ];
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes) {
      for (const caller of callers) {
        const token = await tokenFor(route, caller);
        const call = request(t.server)[route.method.toLowerCase() as 'get'](concretePath(route.path));
        if (caller.kind !== 'anonymous' && token) call.auth(token, { type: 'bearer' });
        if (route.method !== 'GET' && route.method !== 'DELETE') call.send({});
        const response = await call;
        const expected = expectation(route, caller);
        const actual = response.status === 401 ? 'denied-401' : response.status === 403 ? 'denied-403' : 'allowed';
        checked += 1;
        if (actual !== expected || response.status >= 500) {
          mismatches.push(
            `${route.method} ${route.path} as ${describeCaller(caller)}: ${response.status}, expected ${expected}`,
          );
        }
      }
    }
    assert.deepEqual(mismatches, []);
    assert.equal(checked, routes.length * callers.length);
  });

  it('never sends patient names, birth dates or contact details to a caller without identified-data access', async () => {
    const marketing = await createSignedIn(t, 'marketing');
    const frontDesk = await createSignedIn(t, 'front_desk');
    const forMarketing = await request(t.server)
      .get('/api/v1/probe-photos')
      .auth(marketing.token, { type: 'bearer' })
      .expect(200);
    assert.deepEqual(forMarketing.body, { items: [{ id: 'photo-1', patient: { code: 'P-7KQ2M' } }] });
    for (const value of ['Jane', '1990-04-01', 'jane@example.test', '555']) {
      assert.ok(!forMarketing.text.includes(value), `marketing's answer carries ${value}`);
    }
    const forFrontDesk = await request(t.server)
      .get('/api/v1/probe-photos')
      .auth(frontDesk.token, { type: 'bearer' })
      .expect(200);
    assert.deepEqual(forFrontDesk.body.items[0].patient, PATIENT);
  });

  it('API keys: shown once, stored hashed, limited to grantable permissions, last use recorded, revocable', async () => {
    const refused = await request(t.server)
      .post('/api/v1/api-keys')
      .auth(admin.token, { type: 'bearer' })
      .send({ name: 'Escalation', permissions: ['photos.read', 'users.write'] })
      .expect(400);
    assert.equal(refused.body.errors[0].field, 'permissions');
    // An admin sees no patient data, and cannot get at it through a key either.
    for (const permission of ['patients.read', 'releases.read', 'photos.original', 'audit.read', 'api_keys.write']) {
      await request(t.server)
        .post('/api/v1/api-keys')
        .auth(admin.token, { type: 'bearer' })
        .send({ name: 'Escalation', permissions: [permission] })
        .expect(400);
    }

    const created = await request(t.server)
      .post('/api/v1/api-keys')
      .auth(admin.token, { type: 'bearer' })
      .send({ name: 'Clinic website', permissions: ['photos.read'] })
      .expect(201);
    const token = created.body.token as string;
    assert.match(token, /^pcs_k_[A-Za-z0-9_-]{43}$/);
    assert.equal(created.body.tokenPrefix, token.slice(0, 12));
    assert.equal(created.body.lastUsedAt, null);

    await request(t.server).get('/api/v1/probe-photos').auth(token, { type: 'bearer' }).expect(200);
    const listed = await request(t.server).get('/api/v1/api-keys').auth(admin.token, { type: 'bearer' }).expect(200);
    const entry = listed.body.find((key: { id: string }) => key.id === created.body.id);
    assert.equal(entry.token, undefined, 'the token is never shown again');
    assert.ok(entry.lastUsedAt, 'last use is recorded');
    assert.ok(!listed.text.includes(token));
    const stored = await t.database.query<{ token_hash: Buffer }>('SELECT token_hash FROM api_keys WHERE id = $1', [
      created.body.id,
    ]);
    assert.equal(stored[0]?.token_hash.length, 32);

    const forbidden = await request(t.server).get('/api/v1/audit').auth(token, { type: 'bearer' }).expect(403);
    assert.equal(forbidden.body.code, 'forbidden');
    const staffOnly = await request(t.server).get('/api/v1/auth/me').auth(token, { type: 'bearer' }).expect(403);
    assert.equal(staffOnly.body.code, 'staff_only');

    await request(t.server)
      .delete(`/api/v1/api-keys/${created.body.id}`)
      .auth(admin.token, { type: 'bearer' })
      .expect(204);
    const revoked = await request(t.server).get('/api/v1/probe-photos').auth(token, { type: 'bearer' }).expect(401);
    assert.equal(revoked.body.code, 'invalid_token');
    await request(t.server)
      .delete(`/api/v1/api-keys/${randomUUID()}`)
      .auth(admin.token, { type: 'bearer' })
      .expect(404);

    const events = await t.database.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [created.body.id],
    );
    assert.deepEqual(
      events.map((e) => e.action),
      ['api_key.create', 'api_key.revoke'],
    );
  });

  it('an admin cannot change their own role or disable themselves; two admins disabling each other leave one', async () => {
    const own = await request(t.server)
      .patch(`/api/v1/users/${admin.id}`)
      .auth(admin.token, { type: 'bearer' })
      .send({ role: 'privacy_officer' })
      .expect(409);
    assert.equal(own.body.code, 'own_account');

    const users = await request(t.server).get('/api/v1/users').auth(admin.token, { type: 'bearer' }).expect(200);
    for (const other of users.body as { id: string; role: string; active: boolean }[]) {
      if (other.role !== 'admin' || !other.active || other.id === admin.id) continue;
      await request(t.server)
        .patch(`/api/v1/users/${other.id}`)
        .auth(admin.token, { type: 'bearer' })
        .send({ active: false })
        .expect(200);
    }
    const second = await createSignedIn(t, 'admin');
    const [first, other] = await Promise.all([
      request(t.server)
        .patch(`/api/v1/users/${second.id}`)
        .auth(admin.token, { type: 'bearer' })
        .send({ active: false }),
      request(t.server)
        .patch(`/api/v1/users/${admin.id}`)
        .auth(second.token, { type: 'bearer' })
        .send({ active: false }),
    ]);
    assert.deepEqual([first.status, other.status].sort(), [200, 409]);
    const [{ count }] = (await t.database.query(
      `SELECT count(*)::int AS count FROM users WHERE role = 'admin' AND active`,
    )) as [{ count: number }];
    assert.equal(count, 1);
  });
});
