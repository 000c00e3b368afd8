import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';

/** How often the set of current release versions may change under the caller before it gives up. */
const MAX_LOCK_ATTEMPTS = 5;

/**
 * Locks the patient row for a change that ends or narrows consent (a hold, a revocation, the
 * expiry job). Recording a release or an amendment, and deciding a publication, take the same row
 * FOR KEY SHARE first (`lockPatientForConsentUse`), so none of them runs beside such a change: a
 * new release, which no other lock covers, cannot be recorded and published under while a
 * revocation that ends it is being written, unseen by both.
 *
 * Then takes the lock the publish path takes (it share-locks the release governing a use) on every
 * current version of the patient's releases. An amendment committing meanwhile makes a new current
 * version that a read did not see, so the set is read again, each time with a new snapshot, until
 * a read made after the previous one's locks were granted finds no version it had not locked. The
 * first read is never enough, even when it finds none: a version superseded while the read waited
 * for its lock drops out of the result, and the version that superseded it is not in that read's
 * snapshot.
 */
export async function lockCurrentReleases(manager: EntityManager, patientId: string): Promise<void> {
  await manager.query('SELECT id FROM patients WHERE id = $1 FOR UPDATE', [patientId]);
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
 * Waits for any change that ends or narrows the patient's consent being written (see
 * lockCurrentReleases) and keeps one from starting until the caller commits. Taken before any
 * release lock, in the order lockCurrentReleases takes them, so that the two cannot deadlock. KEY
 * SHARE does not wait for edits of the patient's own fields, and its holders do not wait for each
 * other.
 */
export async function lockPatientForConsentUse(manager: EntityManager, patientId: string): Promise<void> {
  await manager.query('SELECT id FROM patients WHERE id = $1 FOR KEY SHARE', [patientId]);
}
