import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service.js';
import { ACCESS_RULE, type AccessRule } from '../common/access.decorator.js';
import { ApiKeysService } from './api-keys.service.js';
import { ForbiddenError, UnauthenticatedError } from './auth.errors.js';
import { AuthService } from './auth.service.js';
import { CSRF_HEADER, passesCsrfCheck, SESSION_COOKIE } from './browser-session.js';
import { callerOf, type Principal } from '../common/caller.js';
import { PatientSessionsService } from './patient-sessions.service.js';
import { tokenKind } from './secret-token.js';

/**
 * The one gate in front of every route (registered globally). A route that declares no access rule
 * is refused; credentials are a bearer token (a staff session, an API key or a patient session) or
 * a browser's staff session cookie (src/auth/browser-session.ts). Every refusal is audited with the
 * route's pattern, never its concrete path or query.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeysService,
    private readonly patientSessions: PatientSessionsService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    try {
      request.principal = await this.authenticate(request);
      authorize(rule, request.principal);
      return true;
    } catch (error) {
      if (error instanceof UnauthenticatedError || error instanceof ForbiddenError) {
        await this.audit.record(callerOf(request), {
          action: 'access.denied',
          outcome: 'denied',
          details: { route: `${request.method} ${request.routeOptions.url ?? ''}`, reason: error.code },
        });
      }
      throw error;
    }
  }

  private async authenticate(request: FastifyRequest): Promise<Principal> {
    const header = request.headers.authorization;
    if (!header) {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) return this.authenticateBrowser(request, cookie);
      throw new UnauthenticatedError('unauthenticated');
    }
    const match = /^Bearer +(\S+)$/i.exec(header);
    const token = match?.[1];
    const kind = token ? tokenKind(token) : undefined;
    if (!token || !kind) throw new UnauthenticatedError('invalid_token');
    if (kind === 'api_key') return this.apiKeys.authenticate(token, request.ip ?? null);
    if (kind === 'patient_session') return this.patientSessions.authenticate(token);
    if (kind === 'session') return this.auth.authenticate(token);
    // A portal link is exchanged for a session, and signing links and proofs travel in bodies: none is a bearer.
    throw new UnauthenticatedError('invalid_token');
  }

  /** Only a staff session rides in the cookie; a change also needs the session's CSRF token. */
  private async authenticateBrowser(request: FastifyRequest, token: string): Promise<Principal> {
    if (tokenKind(token) !== 'session') throw new UnauthenticatedError('invalid_token');
    const principal = await this.auth.authenticate(token);
    if (!passesCsrfCheck(request.method, token, request.headers[CSRF_HEADER])) {
      throw new ForbiddenError(
        'csrf_failed',
        'A change made with the browser session needs its CSRF token in the X-CSRF-Token header.',
      );
    }
    return principal;
  }
}

function authorize(rule: AccessRule | undefined, principal: Principal): void {
  if (!rule) {
    // Default deny: a route someone forgot to declare is closed, and the route test names it.
    throw new ForbiddenError('forbidden', 'This route declares no access rule and is closed.');
  }
  if (rule.kind === 'public') return;
  if (rule.kind === 'patient' || principal.kind === 'patient') {
    if (rule.kind !== 'patient') throw new ForbiddenError('staff_only', 'This route is for staff, not patients.');
    if (principal.kind !== 'patient') {
      throw new ForbiddenError('patients_only', 'This route is for patients signed in to the portal.');
    }
    return;
  }
  if (principal.kind === 'api_key') {
    if (rule.kind === 'signed_in' || rule.staffOnly)
      throw new ForbiddenError('staff_only', 'This route is for signed-in staff, not API keys.');
    if (!principal.permissions.has(rule.permission)) throw missingPermission(rule.permission);
    return;
  }
  if (principal.totpEnrolmentRequired && !(rule.kind === 'signed_in' && rule.allowedBeforeTotpEnrolment)) {
    throw new ForbiddenError(
      'totp_enrolment_required',
      'Your role needs a second factor: set one up with POST /api/v1/auth/totp/enrol, then /auth/totp/verify.',
    );
  }
  if (rule.kind === 'permission' && !principal.permissions.has(rule.permission))
    throw missingPermission(rule.permission);
}

function missingPermission(permission: string): ForbiddenError {
  return new ForbiddenError('forbidden', `This needs the permission ${permission}, which you do not have.`);
}
