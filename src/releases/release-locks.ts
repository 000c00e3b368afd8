import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';

/** How often the set of current release versions may change under the caller before it gives up. */
const MAX_LOCK_ATTEMPTS = 5;

/**
 * The advisory lock of a patient's consent changes: the first key of its two-key form, the second
 * being the patient id's hashtext(). Two patients sharing a hash only wait for each other. The
 * two-key form is a key space of its own, apart from the service's one-key locks.
 */
const CONSENT_CHANGE_LOCK_SPACE = 742_011_357;

/**
 * Locks a patient for a change that ends or narrows consent (a hold, a revocation, the expiry
 * job), in two steps.
 *
 * First the patient's consent-change lock, exclusively. Recording a release or an amendment takes
 * it shared (`waitForConsentChanges`), so a new release, which no release lock covers, cannot be
 * recorded beside such a change and then published under, unseen by both. An advisory lock rather
 * than the patient row: FOR UPDATE on the row would also hold back every insert that refers to the
 * patient (photo uploads, portal sign-ins) for as long as a revocation's fan-out takes.
 *
 * Then the lock the publish path takes (it share-locks the release governing a use) on every
 * current version of the patient's releases. An amendment committing meanwhile makes a new current
 * version that a read did not see, so the set is read again, each time with a new snapshot, until
 * a read made after the previous one's locks were granted finds no version it had not locked. The
 * first read is never enough, even when it finds none: a version superseded while the read waited
 * for its lock drops out of the result, and the version that superseded it is not in that read's
 * snapshot.
 */
export async function lockCurrentReleases(manager: EntityManager, patientId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CONSENT_CHANGE_LOCK_SPACE, patientId]);
  const locked = new Set<string>();
  for (let attempt = 0; attempt < MAX_LOCK_ATTEMPTS; attempt++) {
    const rows = await manager.query<{ id: string }[]>(
      'SELECT id FROM releases WHERE patient_id = $1 AND superseded_at IS NULL ORDER BY id FOR UPDATE',
      [patientId],
    );
    if (attempt > 0 && rows.every((row) => locked.has(row.id))) return;
    for (const row of rows) locked.add(row.id);
  }
  throw new DomainError(
    'release_changing',
    503,
    "The patient's releases changed repeatedly while this change was recorded; try again.",
    {},
    { 'retry-after': '1' },
  );
}

/**
 * Waits for a hold, revocation or expiry of the patient being written (see lockCurrentReleases)
 * and keeps one from starting until the caller commits; its holders do not wait for each other.
 * Taken before any release lock, in the order lockCurrentReleases takes them, so that the two
 * cannot deadlock.
 */
export async function waitForConsentChanges(manager: EntityManager, patientId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock_shared($1, hashtext($2))', [CONSENT_CHANGE_LOCK_SPACE, patientId]);
}
