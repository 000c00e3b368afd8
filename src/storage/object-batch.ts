import type { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { unreferencedKeys } from './object-references.js';
import type { ObjectStore } from './object-store.js';

/**
 * Stores every object or none: when one put fails, the others are deleted and the failure is
 * thrown. Returns each key's SHA-256 as stored.
 */
export async function putAllOrNone(
  store: ObjectStore,
  objects: [key: string, bytes: Buffer][],
  logger: Logger,
): Promise<Map<string, string>> {
  const results = await Promise.allSettled(objects.map(([key, bytes]) => store.put(key, bytes)));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    await deleteQuietly(
      store,
      objects.map(([key]) => key),
      logger,
    );
    throw failure.reason;
  }
  const digests = new Map<string, string>();
  for (const result of results) if (result.status === 'fulfilled') digests.set(result.value.key, result.value.sha256);
  return digests;
}

/** Deletes what it can; what it cannot is logged and left to the orphan sweep. */
export async function deleteQuietly(store: ObjectStore, keys: string[], logger: Logger): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => store.delete(key)));
  for (const [index, result] of results.entries()) {
    if (result.status === 'rejected') {
      const reason: unknown = result.reason;
      logger.warn({ err: reason, key: keys[index] }, 'Could not delete a stored object; the sweep will');
    }
  }
}

/**
 * After the transaction of the rows that were to reference them failed: deletes the objects no row
 * references. A COMMIT whose answer was lost with its connection may have written the rows after
 * all, so the objects they name stay; when the database cannot tell, all of them stay, and the
 * orphan sweep deletes the unreferenced ones a day later.
 */
export async function deleteUnlessReferenced(
  manager: EntityManager,
  store: ObjectStore,
  keys: string[],
  logger: Logger,
): Promise<void> {
  let unreferenced: string[];
  try {
    unreferenced = await unreferencedKeys(manager, keys);
  } catch (error) {
    logger.warn({ err: error, keys }, 'Could not tell whether stored objects are referenced; the sweep will');
    return;
  }
  await deleteQuietly(store, unreferenced, logger);
}
