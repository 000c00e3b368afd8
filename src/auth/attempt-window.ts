import type { DataSource } from 'typeorm';

/** One count to take: which scope, whose key, how many a window allows. */
export interface AttemptCounter {
  scope: string;
  key: string;
  limit: number;
}

/**
 * Counts one attempt on each counter in the login_throttle table (fixed windows of `windowMs`,
 * shared by every instance), atomically, before the attempt is handled. Returns the seconds to wait
 * when any counter is over its limit, else 0. Windows that have run out are cleared as it goes.
 */
export async function countAttempts(
  dataSource: DataSource,
  counters: AttemptCounter[],
  now: Date,
  windowMs: number,
): Promise<number> {
  return Math.max(0, ...(await countAttemptsEach(dataSource, counters, now, windowMs)).values());
}

/** As countAttempts, with the seconds to wait for each counter's scope (0 where it is within its limit). */
export async function countAttemptsEach(
  dataSource: DataSource,
  counters: AttemptCounter[],
  now: Date,
  windowMs: number,
): Promise<Map<string, number>> {
  const windowStart = new Date(now.getTime() - windowMs);
  const scopes = counters.map((counter) => counter.scope);
  await dataSource.query('DELETE FROM login_throttle WHERE scope = ANY($1::text[]) AND window_started_at <= $2', [
    scopes,
    windowStart,
  ]);
  const rows = await dataSource.query<{ scope: string; key: string; window_started_at: Date; failures: number }[]>(
    `INSERT INTO login_throttle AS t (scope, key, window_started_at, failures)
     SELECT scope, key, $3, 1 FROM unnest($1::text[], $2::text[]) AS c(scope, key)
     ON CONFLICT (scope, key) DO UPDATE SET
       failures = CASE WHEN t.window_started_at <= $4 THEN 1 ELSE t.failures + 1 END,
       window_started_at = CASE WHEN t.window_started_at <= $4 THEN $3 ELSE t.window_started_at END
     RETURNING scope, key, window_started_at, failures`,
    [scopes, counters.map((counter) => counter.key), now, windowStart],
  );
  const waits = new Map(counters.map((counter) => [counter.scope, 0]));
  for (const row of rows) {
    const limit = counters.find((counter) => counter.scope === row.scope && counter.key === row.key)?.limit ?? 0;
    if (row.failures > limit) {
      const windowEnds = row.window_started_at.getTime() + windowMs;
      waits.set(row.scope, Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)));
    }
  }
  return waits;
}
