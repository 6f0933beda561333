import { Client } from 'pg';

/**
 * Two roles, so that the never-delete promise holds against the API's own connection too:
 *
 * - the OWNER (whoever runs the migrations) owns every table, function and trigger;
 * - the API connects as a RUNTIME login role, a member of the group `parvis_runtime`, which the
 *   migrations grant only SELECT, INSERT and UPDATE on the tables (DELETE only on the few
 *   non-content tables the app really prunes) and the ownership of pg-boss's own schema.
 *   It owns nothing of Parvis's, so it cannot DISABLE or DROP a trigger, TRUNCATE, or DELETE
 *   from a content table; it is no superuser, so it cannot set `session_replication_role`.
 *
 * The group is created by the migrations too (when missing), so that any login role can be
 * made the runtime one with a single command (see `runtimeRoleSql`).
 */
export const RUNTIME_GROUP = 'parvis_runtime';

/** The login role the embedded PostgreSQL, docker-compose and the tests create for the API. */
export const RUNTIME_LOGIN = 'parvis_app';

/** The SQL that creates (or updates) a runtime login role: the README's one command for an external server. */
export function runtimeRoleSql(login: string, password: string): string[] {
  const role = quoteIdent(login);
  const secret = literal(password);
  return [
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${RUNTIME_GROUP}') THEN
         CREATE ROLE ${RUNTIME_GROUP} NOLOGIN;
       END IF;
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(login)}) THEN
         CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
       END IF;
     END $$`,
    `ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${secret}`,
    `GRANT ${RUNTIME_GROUP} TO ${role}`,
  ];
}

/** Creates the runtime login role (or resets its password) on the server of `ownerUrl`, as that owner. */
export async function ensureRuntimeRole(
  ownerUrl: string,
  password: string,
  login = RUNTIME_LOGIN,
): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // Roles are shared by every database of a server: two processes creating them at once would
    // collide on pg_authid's unique index, so this takes a server-wide lock first.
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(727384102)');
    for (const sql of runtimeRoleSql(login, password)) await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * What the connection's role may do to Parvis's tables: `owner` when it owns them (or may become
 * their owner, or is a superuser), so it could switch the database's own protections off
 * (`DISABLE TRIGGER`, `session_replication_role`, a body changed without a revision);
 * `runtime` when it only has the runtime role's privileges.
 */
export type DatabaseRole = 'owner' | 'runtime';

/** The SQL answering `DatabaseRole` for the connection that runs it (one row, column `role`). */
export const DATABASE_ROLE_SQL = `SELECT CASE WHEN r.rolsuper OR pg_has_role(current_user, c.relowner, 'MEMBER')
  THEN 'owner' ELSE 'runtime' END AS role
  FROM pg_roles r LEFT JOIN pg_class c ON c.oid = to_regclass('public.posts') WHERE r.rolname = current_user`;

/** The `DatabaseRole` of `url`'s user (on a migrated database). */
export async function databaseRoleOf(url: string): Promise<DatabaseRole> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: DatabaseRole }>(DATABASE_ROLE_SQL);
    return rows[0].role;
  } finally {
    await client.end();
  }
}

/** Said at every start while the API connects as the owner (README, "A role for the API"). */
export const OWNER_ROLE_WARNING =
  'DATABASE_URL connects as the owner of the database (or a superuser), so the database cannot protect ' +
  'what people wrote from the API itself: this role may disable the triggers that refuse deletes and keep ' +
  'every revision. Run the migrations as the owner (MIGRATION_DATABASE_URL) and the API as a runtime role ' +
  '(DATABASE_URL): see the README.';

/** `url` with another user and password (same server and database). */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** Where the migrations run and where the API connects. */
export interface DatabaseUrls {
  migrations: string;
  runtime: string;
}

/**
 * The two URLs of a start: with the embedded PostgreSQL, its owner and its runtime role; with
 * `DATABASE_URL`, the runtime role is that URL's user and the migrations run as
 * `MIGRATION_DATABASE_URL`'s (when unset, as the same user: the README says why not to).
 */
export function databaseUrls(
  databaseUrl: string,
  migrationDatabaseUrl: string | null,
  embedded?: { runtimeUrl(database: string): string } | null,
): DatabaseUrls {
  if (embedded)
    return { migrations: databaseUrl, runtime: embedded.runtimeUrl(new URL(databaseUrl).pathname.slice(1)) };
  return { migrations: migrationDatabaseUrl ?? databaseUrl, runtime: databaseUrl };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
