import type { EntityManager } from 'typeorm';

/**
 * The advisory lock of a patient's consent changes: the first key of its two-key form, the second
 * being the patient id's hashtext(). Two patients sharing a hash only wait for each other. The
 * two-key form is a key space of its own, apart from the service's one-key locks.
 */
export const CONSENT_CHANGE_LOCK_SPACE = 742_011_357;

/**
 * Locks a patient for a change of consent, in two steps; ConsentChanges takes it for every one
 * (recording a release or an amendment, a revocation, placing or lifting a hold, the expiry job, a
 * correction of the date of birth).
 *
 * First the patient's consent-change lock, exclusively: such changes of one patient happen one at
 * a time, so a new release, which no release lock covers, cannot be recorded beside a revocation
 * and then published under, unseen by both; and no version is superseded meanwhile, so one read
 * finds every current version. An advisory lock rather than the patient row: FOR UPDATE on the
 * row would also hold back every insert that refers to the patient (photo uploads, portal
 * sign-ins) for as long as a revocation's fan-out takes.
 *
 * Then the lock the publish path takes (it share-locks the release governing a use) on every
 * current version of the patient's releases, so that a publication being decided commits first
 * or waits and sees the change.
 */
export async function lockCurrentReleases(manager: EntityManager, patientId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CONSENT_CHANGE_LOCK_SPACE, patientId]);
  await manager.query(
    'SELECT id FROM releases WHERE patient_id = $1 AND superseded_at IS NULL ORDER BY id FOR UPDATE',
    [patientId],
  );
}
