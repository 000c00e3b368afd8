import type { EntityManager } from 'typeorm';
import type { AuditEntry } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import type { ClearanceDecision } from './clearance.js';

/** A live publication, as the clearance rule decides it after a change. */
export interface DecidedPublication {
  id: string;
  photo_id: string;
  channel: string;
  hosted: boolean;
  decision: ClearanceDecision;
}

/** What opened a removal case: its origin and the record it points at. */
export type RemovalCaseSource =
  | { origin: 'revocation'; revocationId: string }
  | { origin: 'release_expiry' | 'release_narrowed'; releaseId: string }
  | { origin: 'date_of_birth_corrected' };

/** A removal case a change asks for: due REMOVAL_DEADLINE_DAYS after `startsAt`. */
export interface RemovalCaseRequest {
  source: RemovalCaseSource;
  startsAt: Date;
  publications: DecidedPublication[];
}

export interface OpenedRemovalCase {
  caseId: string;
  open: boolean;
  auditEntries: AuditEntry[];
}

/** The live publications of the patient the facts refuse once the change is written. */
export interface RefusedPublications {
  /** Every one refused now. */
  now: DecidedPublication[];
  /**
   * Those refused for a reason they were not refused for before the change (with
   * `compareWithBefore`); one already refused for another reason counts too (on hold, or expired
   * with the daily job still to run), as neither a lifted hold nor that job would see the new reason.
   */
  newly: DecidedPublication[];
}

/** One change of a patient's consent, in the steps ConsentChanges runs it in. */
export interface ConsentChangeSteps<W, T> {
  /** The change's own rows, written under the patient's consent locks. */
  write(manager: EntityManager): Promise<W>;
  /** The removal cases to open for what the change no longer clears; none when left out. */
  removalCases?(written: W, refused: RefusedPublications, manager: EntityManager): Promise<RemovalCaseRequest[]>;
  /**
   * The change's answer and its own audit entries, once its cases are open (their entries are
   * recorded after these, in the same statement).
   */
  record(
    written: W,
    opened: OpenedRemovalCase[],
    manager: EntityManager,
  ): Promise<{ result: T; auditEntries: AuditEntry[] }>;
}

export interface ConsentChangeOptions<T, R> {
  caller: Caller;
  /**
   * Runs the change in a transaction the caller opens (one that owns stored objects, or that runs
   * once per Idempotency-Key); a plain transaction when left out.
   */
  transaction?: (work: (manager: EntityManager) => Promise<T>) => Promise<R>;
  /** Decide the patient's live publications before the write too, for RefusedPublications.newly. */
  compareWithBefore?: boolean;
}

/**
 * The unit of work of every change of a patient's consent (docs/architecture.md §3): recording a
 * release or an amendment, a revocation, placing or lifting a hold, a release's expiry, a
 * correction of the date of birth. In one transaction it takes the patient's consent locks,
 * decides the live publications before (when asked) and after the change's own write, opens the
 * removal cases the change asks for, and records the audit events; once committed it announces the
 * change to this instance's kept clearance facts (other instances hear the database's NOTIFY).
 *
 * Declared here, beneath every feature that changes consent (patients among them, which every
 * record refers to), and implemented by src/consent/, which reads those records.
 */
export abstract class ConsentChanges {
  abstract run<W, T, R = T>(
    patientId: string,
    steps: ConsentChangeSteps<W, T>,
    options: ConsentChangeOptions<T, R>,
  ): Promise<R>;
}
