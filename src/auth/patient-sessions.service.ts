import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { UnauthenticatedError } from './auth.errors.js';
import type { Caller, PatientPrincipal } from '../common/caller.js';
import { generateToken, hashToken } from './secret-token.js';

const NO_PERMISSIONS: ReadonlySet<never> = new Set();

export interface StartedPatientSession {
  token: string;
  patientId: string;
  expiresAt: Date;
}

/**
 * Patients' portal sessions (docs/architecture.md §5): a one-time link, mailed to the address on file, is
 * exchanged once, before it expires, for a short session. Only hashes of either token are stored.
 */
@Injectable()
export class PatientSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Issues a link token for the patient inside the caller's transaction; returns it and its expiry. */
  async issueLink(
    manager: EntityManager,
    patientId: string,
    holder: PatientPrincipal['holder'],
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = generateToken('portal_link');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.portal.linkLifetimeMs);
    await manager.query(
      'INSERT INTO portal_links (patient_id, holder, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [patientId, holder, hashToken(token), now, expiresAt],
    );
    return { token, expiresAt };
  }

  /**
   * Exchanges a link for a session. The link is spent in the same statement that checks it, so two
   * exchanges of one link cannot both succeed. Replayed, expired, unknown and malformed links all
   * answer the same 401.
   */
  async start(linkToken: string, caller: Caller): Promise<StartedPatientSession> {
    const now = this.clock.now();
    const started = await this.dataSource.transaction(async (manager) => {
      // An UPDATE … RETURNING answers [rows, count] through TypeORM.
      const [[link]] = await manager.query<
        [{ id: string; patient_id: string; holder: PatientPrincipal['holder'] }[], number]
      >(
        `UPDATE portal_links SET used_at = $2
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
          RETURNING id, patient_id, holder`,
        [hashToken(linkToken), now],
      );
      if (!link) return null;
      const token = generateToken('patient_session');
      const expiresAt = new Date(now.getTime() + this.config.portal.sessionLifetimeMs);
      const [session] = await manager.query<{ id: string }[]>(
        `INSERT INTO patient_sessions (patient_id, link_id, holder, token_hash, created_at, expires_at, client_ip)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [link.patient_id, link.id, link.holder, hashToken(token), now, expiresAt, caller.clientIp],
      );
      const principal: PatientPrincipal = {
        kind: 'patient',
        patientId: link.patient_id,
        sessionId: session.id,
        holder: link.holder,
        permissions: NO_PERMISSIONS,
      };
      await this.audit.record(
        { ...caller, principal },
        {
          action: 'portal.session_start',
          entityType: 'patient_session',
          entityId: session.id,
          patientId: link.patient_id,
          details: { holder: link.holder },
        },
        manager,
      );
      return { token, patientId: link.patient_id, expiresAt };
    });
    if (!started) {
      await this.audit.record(caller, { action: 'portal.session_start', outcome: 'denied' });
      throw new UnauthenticatedError('portal_link_invalid');
    }
    return started;
  }

  async authenticate(token: string): Promise<PatientPrincipal> {
    const [row] = await this.dataSource.query<
      { id: string; patient_id: string; holder: PatientPrincipal['holder']; expires_at: Date; ended_at: Date | null }[]
    >('SELECT id, patient_id, holder, expires_at, ended_at FROM patient_sessions WHERE token_hash = $1', [
      hashToken(token),
    ]);
    if (!row || row.ended_at) throw new UnauthenticatedError('invalid_token');
    if (this.clock.now().getTime() >= row.expires_at.getTime()) throw new UnauthenticatedError('session_expired');
    return {
      kind: 'patient',
      patientId: row.patient_id,
      sessionId: row.id,
      holder: row.holder,
      permissions: NO_PERMISSIONS,
    };
  }

  async end(principal: PatientPrincipal, caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE patient_sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL', [
        principal.sessionId,
        this.clock.now(),
      ]);
      await this.audit.record(
        caller,
        {
          action: 'portal.session_end',
          entityType: 'patient_session',
          entityId: principal.sessionId,
          patientId: principal.patientId,
        },
        manager,
      );
    });
  }
}
