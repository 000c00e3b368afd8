import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { countAttempts } from '../auth/attempt-window.js';
import { addressKey } from '../auth/login-throttle.service.js';
import { generateToken, hashToken, tokenKind } from '../auth/secret-token.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import type { ReleaseFormShown } from '../releases/release-forms.service.js';
import type { RemoteSignatureDto, SigningLinkOpenDto } from './dto/signing.dto.js';
import { findRequest, SignatureRecorder, signerOf, type SignerView } from './signature-recorder.service.js';
import type { SigningRequestEntity } from './signing-request.entity.js';
import type { PatientEntity } from '../patients/patient.entity.js';
import { signingWords } from './signing-words.js';

const HOUR_MS = 60 * 60 * 1000;
/** Dates of birth tried on one link per hour: a patient who mistypes twice gets on; a guesser does not. */
const ATTEMPTS_PER_LINK = 5;
/** Link openings from one client address per hour. */
const ATTEMPTS_PER_ADDRESS = 30;
/**
 * Wrong dates of birth a link takes in all before it is withdrawn: the hourly limit alone would let
 * a guesser who knows the year try every day of it within the link's life.
 */
const FAILURES_PER_LINK = 10;
/** How long the proof of identity lasts: time enough to read the form and sign. */
const PROOF_LIFETIME_MS = 60 * 60 * 1000;

export interface OpenedSigningLink {
  proof: string;
  proofExpiresAt: Date;
  language: SigningRequestEntity['language'];
  form: ReleaseFormShown;
  signer: SignerView;
}

const LINK_INVALID = () =>
  new DomainError(
    'signing_link_invalid',
    401,
    'This signing link was used, has expired, was withdrawn, or was copied incompletely. Ask the clinic for a new one.',
  );

/**
 * Release forms signed through a link mailed to the signer: the link is opened with the patient's
 * date of birth (throttled per link and per address, as portal access is), which gives a short-lived
 * proof the signature must carry, so a forwarded link alone cannot sign.
 */
@Injectable()
export class SigningLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recorder: SignatureRecorder,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async open(input: SigningLinkOpenDto, caller: Caller): Promise<OpenedSigningLink> {
    const linkKey = createHash('sha256').update(input.token, 'utf8').digest('hex');
    await this.count([
      { scope: 'signing_link', key: linkKey, limit: ATTEMPTS_PER_LINK },
      { scope: 'signing_ip', key: addressKey(caller.clientIp), limit: ATTEMPTS_PER_ADDRESS },
    ]);
    const { request, patient } = await this.openRequest(input.token);
    if (patient.dateOfBirth !== input.dateOfBirth) {
      await this.recordFailure(request, patient, caller);
      throw new DomainError(
        'identity_not_proven',
        403,
        'That date of birth does not match the clinic’s record for the patient. Check it and try again.',
      );
    }
    const form = await this.recorder.currentForm(request);
    const proof = generateToken('signing_proof');
    const proofExpiresAt = new Date(
      Math.min(this.clock.now().getTime() + PROOF_LIFETIME_MS, request.expiresAt.getTime()),
    );
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE signing_requests SET proof_hash = $2, proof_expires_at = $3 WHERE id = $1 AND status = 'pending'`,
        [request.id, hashToken(proof), proofExpiresAt],
      );
      await this.audit.record(
        patientCaller(caller, request, patient),
        { action: 'signing_request.open', entityType: 'signing_request', entityId: request.id, patientId: patient.id },
        manager,
      );
    });
    return { proof, proofExpiresAt, language: request.language, form, signer: signerOf(request, patient) };
  }

  /** A wrong date of birth, counted on the request; the last one allowed withdraws the link. */
  private async recordFailure(request: SigningRequestEntity, patient: PatientEntity, caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [[counted]] = await manager.query<[{ failed_identity_checks: number }[], number]>(
        `UPDATE signing_requests SET failed_identity_checks = failed_identity_checks + 1
          WHERE id = $1 RETURNING failed_identity_checks`,
        [request.id],
      );
      const withdrawn = (counted?.failed_identity_checks ?? 0) >= FAILURES_PER_LINK;
      if (withdrawn) {
        await manager.query(
          `UPDATE signing_requests SET status = 'cancelled', cancelled_at = $2, proof_hash = NULL, proof_expires_at = NULL
            WHERE id = $1 AND status = 'pending'`,
          [request.id, this.clock.now()],
        );
      }
      await this.audit.record(
        patientCaller(caller, request, patient),
        {
          action: withdrawn ? 'signing_request.withdrawn_after_failures' : 'signing_request.identity_failed',
          entityType: 'signing_request',
          entityId: request.id,
          patientId: patient.id,
          details: { failures: counted?.failed_identity_checks ?? null },
        },
        manager,
      );
    });
  }

  /** The signature taken on the signer's own device, with the proof the link's opening gave. */
  async sign(input: RemoteSignatureDto, caller: Caller): Promise<string> {
    const { request, patient } = await this.openRequest(input.token);
    const proven =
      tokenKind(input.proof) === 'signing_proof' &&
      request.proofHash !== null &&
      request.proofHash.equals(hashToken(input.proof)) &&
      request.proofExpiresAt !== null &&
      request.proofExpiresAt > this.clock.now();
    if (!proven) {
      throw new DomainError(
        'identity_not_proven',
        403,
        'Confirm the patient’s date of birth again before signing: the proof is missing or has expired.',
      );
    }
    const words = signingWords(request.language);
    const [{ display_name: requestedBy }] = await this.dataSource.query<{ display_name: string }[]>(
      'SELECT display_name FROM users WHERE id = $1',
      [request.createdByUserId],
    );
    return this.recorder.record(request, patient, input, patientCaller(caller, request, patient), {
      witnessUserId: request.createdByUserId,
      witnessPresent: false,
      witness: words.noWitness(requestedBy),
      identityCheck: words.byLink,
    });
  }

  /** The pending request a link names; any other link (used, expired, cancelled, unknown) answers the same 401. */
  private async openRequest(token: string): Promise<{ request: SigningRequestEntity; patient: PatientEntity }> {
    if (tokenKind(token) !== 'signing_link') throw LINK_INVALID();
    const found = await findRequest(this.dataSource.manager, { linkHash: hashToken(token) });
    if (!found || this.recorder.stateOf(found.request) !== 'pending') throw LINK_INVALID();
    return found;
  }

  private async count(counters: Parameters<typeof countAttempts>[1]): Promise<void> {
    const wait = await countAttempts(this.dataSource, counters, this.clock.now(), HOUR_MS);
    if (wait > 0) {
      throw new DomainError(
        'too_many_requests',
        429,
        `Too many attempts. Try again in ${wait} seconds.`,
        { retryAfterSeconds: wait },
        { 'retry-after': String(wait) },
      );
    }
  }
}

/** The signer through a link acts as the patient (or a minor's guardian) in the audit trail. */
function patientCaller(caller: Caller, request: SigningRequestEntity, patient: PatientEntity): Caller {
  return {
    ...caller,
    principal: {
      kind: 'patient',
      patientId: patient.id,
      sessionId: request.id,
      holder: request.terms.signedBy.signerType,
      permissions: new Set(),
    },
  };
}
