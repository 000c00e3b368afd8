import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IDENTIFIED_DATA_PERMISSION, type Permission, type Role } from './roles.js';

export interface StaffPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  sessionId: string;
  permissions: ReadonlySet<Permission>;
  /** The role must use a second factor and the user has not set one up: only enrolment is open. */
  totpEnrolmentRequired: boolean;
}

export interface ApiKeyPrincipal {
  kind: 'api_key';
  apiKeyId: string;
  name: string;
  permissions: ReadonlySet<Permission>;
}

/** A patient signed in to the portal through a one-time link: their own records only. */
export interface PatientPrincipal {
  kind: 'patient';
  patientId: string;
  sessionId: string;
  /** Who holds the session: the patient, or the guardian of a minor patient (the link went to them). */
  holder: 'patient' | 'guardian';
  /** None: staff permissions never apply to a patient. */
  permissions: ReadonlySet<Permission>;
}

export type Principal = StaffPrincipal | ApiKeyPrincipal | PatientPrincipal;

/** Who is asking, and from where: what authorization decides on and what the audit trail records. */
export interface Caller {
  /** Absent for anonymous callers of public routes and for the system itself. */
  principal?: Principal;
  /** True for work the service does on its own (start-up, jobs). */
  system?: boolean;
  requestId: string | null;
  clientIp: string | null;
  userAgent: string | null;
}

export const SYSTEM_CALLER: Caller = { system: true, requestId: null, clientIp: null, userAgent: null };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the access guard once the credentials are checked. */
    principal?: Principal;
  }
}

export function callerOf(request: FastifyRequest): Caller {
  const userAgent = request.headers['user-agent'];
  return {
    principal: request.principal,
    requestId: request.id,
    clientIp: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
  };
}

/** The caller of the current request: `@CurrentCaller() caller: Caller`. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller =>
  callerOf(context.switchToHttp().getRequest<FastifyRequest>()),
);

/** The signed-in staff member; only for routes the guard lets only staff sessions through. */
export function staffOf(caller: Caller): StaffPrincipal {
  if (caller.principal?.kind !== 'user') throw new Error('this route is for staff sessions only');
  return caller.principal;
}

/** The signed-in patient; only for routes the guard lets only patient sessions through. */
export function patientOf(caller: Caller): PatientPrincipal {
  if (caller.principal?.kind !== 'patient') throw new Error('this route is for patient sessions only');
  return caller.principal;
}

/** The staff member acting, for a row's "by whom" column; null for an API key or the system. */
export function actingUserId(caller: Caller): string | null {
  return caller.principal?.kind === 'user' ? caller.principal.userId : null;
}

/** Whether the caller may see patients' identifying fields (and so whether reading them is audited). */
export function maySeeIdentified(caller: Caller): boolean {
  return caller.principal?.permissions.has(IDENTIFIED_DATA_PERMISSION) ?? false;
}
