// A second instance of the service, run as its own process so a test can kill it with SIGKILL in the
// middle of a job. Arguments: the database URL (the owner's, then the serving role's) and the time its clocks start at. It ticks its job
// clock on in real time so its workers poll, and prints "ready" once its workers run.
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startTestApp } from './app.js';

const [databaseUrl, servingUrl, startAt] = process.argv.slice(2);
if (!databaseUrl || !servingUrl || !startAt) {
  throw new Error('usage: job-worker-process <database url> <serving url> <start time>');
}
const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
const t = await startTestApp({
  database: {
    url: databaseUrl,
    servingUrl,
    query: async (sql, params = []) => (await pool.query(sql, params)).rows,
    drop: async () => undefined,
  },
  startAt: new Date(startAt),
});
process.stdout.write('ready\n');
for (;;) {
  await t.jobClock.tick(100);
  t.clock.set(new Date(t.jobClock.now()));
  await sleep(50);
}
