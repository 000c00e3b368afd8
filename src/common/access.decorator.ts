import { SetMetadata } from '@nestjs/common';
import type { Permission } from './roles.js';

/**
 * What a route requires of its caller. The access guard denies every route that declares none of
 * these, and a test fails on any such route. The OpenAPI document derives each operation's
 * security from it (src/openapi/openapi-document.ts).
 */
export type AccessRule =
  | { kind: 'public' }
  /** Any signed-in staff member, whatever their role: their own account and session. */
  | { kind: 'signed_in'; allowedBeforeTotpEnrolment: boolean }
  /** `staffOnly`: a staff member's session, never an API key (a person must be there, e.g. as witness). */
  | { kind: 'permission'; permission: Permission; staffOnly?: boolean }
  /** A patient signed in to the portal; staff and API keys are refused. */
  | { kind: 'patient' };

export const ACCESS_RULE = 'pcs:access-rule';

/** Reachable without credentials. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/**
 * Any signed-in staff member. `allowedBeforeTotpEnrolment` marks the few routes a user who must set
 * up a second factor can use before doing so (who am I, enrol, verify, log out).
 */
export const SignedIn = (options: { allowedBeforeTotpEnrolment?: boolean } = {}): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, {
    kind: 'signed_in',
    allowedBeforeTotpEnrolment: options.allowedBeforeTotpEnrolment ?? false,
  } satisfies AccessRule);

/** A patient's portal session (and nobody else). */
export const PatientSession = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'patient' } satisfies AccessRule);

/** A staff member whose role grants the permission, or (unless `staffOnly`) an API key granted it. */
export const RequirePermission = (
  permission: Permission,
  options: { staffOnly?: boolean } = {},
): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, {
    kind: 'permission',
    permission,
    ...(options.staffOnly ? { staffOnly: true } : {}),
  } satisfies AccessRule);
