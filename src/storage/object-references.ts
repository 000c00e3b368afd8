import type { EntityManager } from 'typeorm';

// Which rows reference which stored objects: what the orphan sweep keeps, and what a failed
// write may delete again.

interface Owner {
  /** Each prefix the service stores under; the key's next segment is the owning row's id. */
  prefix: string;
  /** What the rows with the ids in $1 reference, each as `ref`: see wholeRow. */
  referencedSql: string;
  /**
   * Whether a row owns everything under its id (a photo's renditions, a release's form), so `ref`
   * is the id; otherwise `ref` is the key after the prefix of each object a row names.
   */
  wholeRow: boolean;
}

const rowOwner = (prefix: string, table: string): Owner => ({
  prefix,
  referencedSql: `SELECT id::text AS ref FROM ${table} WHERE id = ANY($1::uuid[])`,
  wholeRow: true,
});

const OWNERS: Owner[] = [
  rowOwner('photos/', 'photos'),
  rowOwner('releases/', 'releases'),
  rowOwner('revocations/', 'revocations'),
  // A task keeps only the screenshot its evidence names: one stored by an attempt that never
  // committed (the process died before its row was updated) is an orphan under a task that exists.
  {
    prefix: 'removal-tasks/',
    // Tasks completed with a screenshot before each had an id of its own kept it at <task>/screenshot.
    referencedSql: `SELECT id::text || '/screenshots/' || (evidence->>'screenshotId') AS ref
                      FROM removal_tasks WHERE id = ANY($1::uuid[]) AND evidence->>'screenshotId' IS NOT NULL
                    UNION ALL
                    SELECT id::text || '/screenshot' FROM removal_tasks
                     WHERE id = ANY($1::uuid[]) AND evidence_kind = 'screenshot' AND evidence->>'screenshotId' IS NULL`,
    wholeRow: false,
  },
];

interface StoredObject {
  key: string;
  /** The owning row's id, or null when the key holds none (nothing can reference it). */
  ownerId: string | null;
  /** What a row must reference for the object to stay. */
  ref: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The prefixes the service stores objects under, each owned by rows of one table. */
export const OWNED_PREFIXES: readonly string[] = OWNERS.map((owner) => owner.prefix);

/**
 * The keys among `keys` that no row references: under an owner's prefix but not named by a row
 * of it, or under no owner's prefix at all.
 */
export async function unreferencedKeys(manager: EntityManager, keys: readonly string[]): Promise<string[]> {
  const unreferenced: string[] = [];
  for (const owner of OWNERS) {
    const objects: StoredObject[] = keys
      .filter((key) => key.startsWith(owner.prefix))
      .map((key) => {
        const path = key.slice(owner.prefix.length);
        const ownerId = path.split('/', 1)[0] ?? '';
        return { key, ownerId: UUID.test(ownerId) ? ownerId : null, ref: owner.wholeRow ? ownerId : path };
      });
    if (objects.length === 0) continue;
    const ids = [...new Set(objects.flatMap((entry) => (entry.ownerId ? [entry.ownerId] : [])))];
    const rows = await manager.query<{ ref: string }[]>(owner.referencedSql, [ids]);
    const referenced = new Set(rows.map((row) => row.ref));
    for (const entry of objects) if (!entry.ownerId || !referenced.has(entry.ref)) unreferenced.push(entry.key);
  }
  unreferenced.push(...keys.filter((key) => !OWNERS.some((owner) => key.startsWith(owner.prefix))));
  return unreferenced;
}
