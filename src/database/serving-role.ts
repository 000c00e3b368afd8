import { escapeIdentifier, escapeLiteral } from 'pg';
import { JOB_SCHEMA } from '../jobs/job-queue.js';

// The service serves requests as a role that may read and write the rows it works with and nothing
// more: it does not own the tables, so it cannot disable the audit triggers or alter a table, it
// may not TRUNCATE anything, may only add to the audit trail, and cannot read the migrations table.
// The role that runs migrations owns the schema and gives these grants after every migration run,
// so a table a migration adds is covered at once. The job queue's schema (pg-boss) belongs to the
// serving role: pg-boss installs and upgrades its own tables at start-up, and they hold no evidence.

/** Tables the serving role may add to and read, never change. */
const APPEND_ONLY_TABLES = ['audit_events', 'audit_seals'];
/** Tables the serving role has no use for. */
const UNREAD_TABLES = ['schema_migrations'];

export interface Queryable {
  query(sql: string): Promise<unknown>;
}

/** The user name in a PostgreSQL URL. */
export function roleOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).username);
}

/**
 * What the serving role may do, given by the migration role (the owner) on the migrated schema.
 * The owner must be able to act as the serving role (a member of it) to give it the job schema.
 */
export async function grantServingRole(owner: Queryable, servingRole: string): Promise<void> {
  const role = escapeIdentifier(plainName(servingRole));
  await owner.query(`CREATE SCHEMA IF NOT EXISTS ${JOB_SCHEMA} AUTHORIZATION ${role}`);
  await owner.query(transferOwnership(JOB_SCHEMA, servingRole));
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  // USAGE is what nextval needs; UPDATE would allow setval, which could wind the audit events' ids
  // back so that every audited insert fails.
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  // PostgreSQL before 15 lets every role create objects in `public`, where a planted function could
  // later run inside the owner's migrations; a warning, not an error, where the owner may not revoke.
  await owner.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  await owner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY_TABLES.join(', ')} FROM ${role}`);
  await owner.query(`REVOKE ALL ON ${UNREAD_TABLES.join(', ')} FROM ${role}`);
}

/**
 * A statement that makes `role` the owner of `schema` and of every table, view, sequence, routine
 * and type in it that another role owns (a database set up before the roles were split). Sequences
 * that belong to a column follow their table.
 */
export function transferOwnership(schema: string, role: string): string {
  const name = escapeLiteral(plainName(schema));
  const target = escapeLiteral(plainName(role));
  return `DO $transfer$
DECLARE
  target oid := (SELECT oid FROM pg_roles WHERE rolname = ${target});
  item record;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ${name} AND nspowner <> target) THEN
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', ${name}, ${target});
  END IF;
  FOR item IN
    SELECT format('ALTER %s %s OWNER TO %I',
                  CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                 ELSE 'TABLE' END,
                  c.oid::regclass, ${target}) AS statement
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ${name} AND c.relkind IN ('r', 'p', 'S', 'v', 'm') AND c.relowner <> target
       AND NOT (c.relkind = 'S' AND EXISTS (
             SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                        AND d.deptype IN ('a', 'i')))
    UNION ALL
    SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, ${target})
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = ${name} AND p.proowner <> target
    UNION ALL
    SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, ${target})
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = ${name} AND t.typtype IN ('e', 'd') AND t.typowner <> target
  LOOP
    EXECUTE item.statement;
  END LOOP;
END
$transfer$`;
}

/**
 * A role or schema name as the service's set-up makes and documents them; anything else (a `$`
 * that could end the DO block above, a quote) is refused rather than escaped.
 */
function plainName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Database role and schema names must be letters, digits and underscores: "${name}" is not.`);
  }
  return name;
}

/** Whether the connected role could switch the audit trail's triggers off: it owns the table, or is a superuser. */
export async function canDisableAuditTriggers(connection: { query<T>(sql: string): Promise<T[]> }): Promise<boolean> {
  const [row] = await connection.query<{ can: boolean }>(
    `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
            OR pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_events'::regclass), 'USAGE')
            AS can`,
  );
  return row?.can ?? true;
}
