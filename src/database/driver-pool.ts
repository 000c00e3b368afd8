import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * TypeORM's pg pool, for named prepared statements outside transactions: PostgreSQL then plans a
 * hot query once per connection instead of on every request.
 */
export function driverPool(dataSource: DataSource): pg.Pool {
  // TypeORM types the PostgreSQL driver's pool as any; it is the pg.Pool it made.
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}
