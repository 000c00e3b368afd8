import type { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
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

/** A PostgreSQL error code: the server answered, so the statement (a COMMIT too) took no effect. */
function hasSqlState(error: unknown): boolean {
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const sqlState = code ?? driverError?.code;
  return typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState);
}

/**
 * Runs `work` in a transaction whose rows reference the objects stored under `keys` beforehand.
 * When it fails, the objects are deleted if it certainly rolled back: an error inside it, or a
 * COMMIT the server refused. When the answer to COMMIT was lost with the connection, the rows may
 * have been written after all: the objects stay, and the orphan sweep removes them a day later if
 * no row references them.
 */
export async function transactionOwningObjects<T>(
  dataSource: DataSource,
  store: ObjectStore,
  keys: string[],
  logger: Logger,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  let committing = false;
  try {
    return await dataSource.transaction(async (manager) => {
      const result = await work(manager);
      committing = true;
      return result;
    });
  } catch (error) {
    if (!committing || hasSqlState(error)) {
      await deleteQuietly(store, keys, logger);
    } else {
      logger.warn(
        { err: error, keys },
        'Whether the transaction committed is unknown; its objects are left to the sweep',
      );
    }
    throw error;
  }
}
