import { Injectable } from '@nestjs/common';

/**
 * What owns the objects stored under a key prefix: rows of one feature, whose ids the keys carry as
 * their next segment (`photos/{photoId}/web`). Each feature declares the prefixes it stores under
 * and registers them (ObjectOwners), so that the orphan sweep knows every owner without knowing any
 * feature.
 */
export interface ObjectOwner {
  prefix: string;
  /** What the rows with the ids in $1 reference, each as `ref`: see wholeRow. */
  referencedSql: string;
  /**
   * Whether a row owns everything under its id (a photo's renditions, a release's form), so `ref`
   * is the id; otherwise `ref` is the key after the prefix of each object a row names.
   */
  wholeRow: boolean;
}

/** Everything under `{prefix}{id}/` belongs to the row of `table` with that id while it exists. */
export function ownedByRows(prefix: string, table: string): ObjectOwner {
  return { prefix, referencedSql: `SELECT id::text AS ref FROM ${table} WHERE id = ANY($1::uuid[])`, wholeRow: true };
}

/** The owners of stored objects, registered by the features when their modules start. */
@Injectable()
export class ObjectOwners {
  private readonly owners: ObjectOwner[] = [];

  register(owner: ObjectOwner): void {
    const clash = this.owners.find(
      (other) => other.prefix.startsWith(owner.prefix) || owner.prefix.startsWith(other.prefix),
    );
    // Two owners of one key would each sweep what only the other references.
    if (clash) throw new Error(`Object key prefix ${owner.prefix} overlaps ${clash.prefix}, registered before`);
    this.owners.push(owner);
  }

  get all(): readonly ObjectOwner[] {
    return this.owners;
  }
}
