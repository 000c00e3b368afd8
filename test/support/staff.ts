import assert from 'node:assert/strict';
import request from 'supertest';
import type { Role } from '../../src/common/roles.js';
import { SYSTEM_CALLER } from '../../src/common/caller.js';
import { totpCode, totpStep } from '../../src/auth/totp.js';
import { UsersService } from '../../src/auth/users.service.js';
import type { TestApp } from './app.js';

export interface StaffMember {
  id: string;
  email: string;
  displayName: string;
  password: string;
  role: Role;
  /** The confirmed second-factor secret, once enrolled. */
  totpSecret?: string;
}

export interface SignedInStaff extends StaffMember {
  token: string;
}

let counter = 0;

/** A passphrase the password policy accepts. */
export function strongPassword(): string {
  counter += 1;
  return `velvet otter compass ${counter} drizzle`;
}

/** Creates an account directly through the service (as the system), without signing in. */
export async function createStaff(testApp: TestApp, role: Role, email?: string): Promise<StaffMember> {
  counter += 1;
  const password = strongPassword();
  const address = email ?? `${role.replace('_', '-')}-${counter}@clinic.test`;
  const displayName = `Test ${role} ${counter}`;
  const user = await testApp.app
    .get(UsersService)
    .create({ email: address, displayName, role, password }, SYSTEM_CALLER);
  return { id: user.id, email: address, displayName, password, role };
}

/**
 * The current code for a secret. The clock moves one step first, so a code is never one already
 * used (the service refuses replays).
 */
export function nextTotpCode(testApp: TestApp, secret: string): string {
  testApp.clock.advance(30_000);
  return totpCode(secret, totpStep(testApp.clock.now()));
}

/** Signs in through HTTP; a role that must use a second factor enrols one on its first sign-in. */
export async function signIn(testApp: TestApp, member: StaffMember): Promise<SignedInStaff> {
  const body: Record<string, string> = { email: member.email, password: member.password };
  if (member.totpSecret) body.totpCode = nextTotpCode(testApp, member.totpSecret);
  const login = await request(testApp.server).post('/api/v1/auth/login').send(body);
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const token = login.body.token as string;
  if (login.body.totpEnrolmentRequired) {
    const enrolment = await request(testApp.server).post('/api/v1/auth/totp/enrol').auth(token, { type: 'bearer' });
    assert.equal(enrolment.status, 200, JSON.stringify(enrolment.body));
    member.totpSecret = enrolment.body.secret as string;
    const verify = await request(testApp.server)
      .post('/api/v1/auth/totp/verify')
      .auth(token, { type: 'bearer' })
      .send({ code: nextTotpCode(testApp, member.totpSecret) });
    assert.equal(verify.status, 200, JSON.stringify(verify.body));
  }
  return { ...member, token };
}

export async function createSignedIn(testApp: TestApp, role: Role): Promise<SignedInStaff> {
  return signIn(testApp, await createStaff(testApp, role));
}
