import type { EntityManager } from 'typeorm';
import { PublicationEntity } from './publication.entity.js';

// Every write of publications.status, in one place. A publication is recorded `live` (consent
// cleared it) or `removal_pending` (found after its removal case opened); from `live` it is taken
// down (a hosted one `removed` at once, its URL answering 410 from the commit; another
// `removal_pending` with a task), and a pending one ends `removed` or, approved, `not_removable`.
// Each change is conditional on the status it leaves, so a change racing another takes effect once.

/** A publication to record, with every column but its status and the ones the database sets. */
export type NewPublication = Omit<PublicationEntity, 'id' | 'status' | 'statusChangedAt' | 'createdAt' | 'updatedAt'>;

/** Records a publication in use (`live`) or one found already under removal (`removal_pending`); returns its id. */
export async function recordPublication(
  manager: EntityManager,
  publication: NewPublication,
  status: 'live' | 'removal_pending',
): Promise<string> {
  const created = manager.create(PublicationEntity, { ...publication, status });
  await manager.insert(PublicationEntity, created);
  return created.id;
}

/** A publication as takeDown left it. */
export interface TakenDown {
  id: string;
  hosted: boolean;
  mediaToken: string | null;
  channel: string;
}

/**
 * The UPDATE of takeDown, for a caller that writes from the rows it returns (id, hosted,
 * media_token, channel) in the same statement, as a data-modifying WITH: `ids` is the parameter
 * holding the publications' ids.
 */
export function takeDownSql(ids: string): string {
  return `UPDATE publications SET status = CASE WHEN hosted THEN 'removed' ELSE 'removal_pending' END,
                 status_changed_at = now(), updated_at = now()
           WHERE id = ANY(${ids}::uuid[]) AND status = 'live'
           RETURNING id, hosted, media_token, channel`;
}

/**
 * Takes down those of `ids` still live: hosted ones `removed` (the service serves them no longer),
 * the others `removal_pending` for someone to take down.
 */
export async function takeDown(manager: EntityManager, ids: readonly string[]): Promise<TakenDown[]> {
  if (ids.length === 0) return [];
  // TypeORM answers an UPDATE … RETURNING with the rows and the count.
  const [rows] = await manager.query<
    [{ id: string; hosted: boolean; media_token: string | null; channel: string }[], number]
  >(takeDownSql('$1'), [ids]);
  return rows.map((row) => ({ id: row.id, hosted: row.hosted, mediaToken: row.media_token, channel: row.channel }));
}

/** Withdraws the patient's hosted live publications (of `photoIds`, or of every photo): `removed` at once. */
export async function withdrawHosted(
  manager: EntityManager,
  patientId: string,
  photoIds: readonly string[] | null,
): Promise<string[]> {
  const [rows] = await manager.query<[{ id: string }[], number]>(
    `UPDATE publications SET status = 'removed', status_changed_at = now(), updated_at = now()
      WHERE patient_id = $1 AND hosted AND status = 'live' AND ($2::uuid[] IS NULL OR photo_id = ANY($2::uuid[]))
      RETURNING id`,
    [patientId, photoIds],
  );
  return rows.map((row) => row.id);
}

/**
 * Ends the removal of a pending publication: `removed` once taken down, `not_removable` once
 * leaving it up was approved. False when it was not pending.
 */
export async function settleRemoval(
  manager: EntityManager,
  id: string,
  outcome: 'removed' | 'not_removable',
): Promise<boolean> {
  const [, count] = await manager.query<[unknown[], number]>(
    `UPDATE publications SET status = $2, status_changed_at = now(), updated_at = now()
      WHERE id = $1 AND status = 'removal_pending'`,
    [id, outcome],
  );
  return count > 0;
}
