import { RUNTIME_GROUP } from './roles';

/** What the schema is installed through: a TypeORM data source, or a plain connection's rows. */
export interface Queryable {
  query<T>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** pg-boss's schema (the mail queue and the other domains' timed jobs: mail/mail-queue.ts). */
const QUEUE_SCHEMA = 'pgboss';

/**
 * pg-boss's schema belongs to the runtime role: the queue creates a table per queue and attaches
 * it as a partition while the API runs, which needs ownership (jobs are not content; the
 * never-delete promise is about the `public` schema). Creating a schema needs a privilege on the
 * database that the runtime does not get, so the owner installs it here, after the migrations,
 * and hands every object in it to `parvis_runtime`: a database from before the two roles is
 * handed over the same way. Later pg-boss versions migrate their schema themselves, as its owner.
 */
export async function prepareQueueSchema(db: Queryable): Promise<void> {
  const [{ installed }] = await db.query<{ installed: boolean }[]>(
    `SELECT to_regclass($1) IS NOT NULL AS installed`,
    [`${QUEUE_SCHEMA}.version`],
  );
  if (!installed) {
    const { default: PgBoss } = await import('pg-boss');
    await db.query(PgBoss.getConstructionPlans(QUEUE_SCHEMA));
  }
  // Owned by the runtime: by its group, or by a login in it (the tables the queue adds as it runs);
  // the owner running this may be a member too (see below), and its objects are handed over.
  const runtimeOwns = (owner: string) =>
    `(${owner} = '${RUNTIME_GROUP}'::regrole OR ${owner} IN (SELECT member FROM pg_auth_members
       WHERE roleid = '${RUNTIME_GROUP}'::regrole AND member <> current_user::regrole))`;
  await db.query(`DO $$ DECLARE object record; BEGIN
    -- Handing objects to the runtime needs the owner to be a member of it (a superuser is).
    IF NOT pg_has_role(current_user, '${RUNTIME_GROUP}', 'MEMBER') THEN
      EXECUTE format('GRANT ${RUNTIME_GROUP} TO %I', current_user);
    END IF;
    IF NOT (SELECT ${runtimeOwns('nspowner')} FROM pg_namespace WHERE nspname = '${QUEUE_SCHEMA}') THEN
      ALTER SCHEMA ${QUEUE_SCHEMA} OWNER TO ${RUNTIME_GROUP};
    END IF;
    FOR object IN
      SELECT c.relname, c.relkind FROM pg_class c
       WHERE c.relnamespace = '${QUEUE_SCHEMA}'::regnamespace AND c.relkind IN ('r', 'p', 'S', 'v')
         AND NOT ${runtimeOwns('c.relowner')}
    LOOP
      EXECUTE format('ALTER %s ${QUEUE_SCHEMA}.%I OWNER TO ${RUNTIME_GROUP}',
        CASE object.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, object.relname);
    END LOOP;
    FOR object IN
      SELECT p.oid::regprocedure AS signature FROM pg_proc p
       WHERE p.pronamespace = '${QUEUE_SCHEMA}'::regnamespace AND NOT ${runtimeOwns('p.proowner')}
    LOOP
      EXECUTE format('ALTER FUNCTION %s OWNER TO ${RUNTIME_GROUP}', object.signature);
    END LOOP;
    FOR object IN
      SELECT t.typname FROM pg_type t
       WHERE t.typnamespace = '${QUEUE_SCHEMA}'::regnamespace AND t.typtype = 'e'
         AND NOT ${runtimeOwns('t.typowner')}
    LOOP
      EXECUTE format('ALTER TYPE ${QUEUE_SCHEMA}.%I OWNER TO ${RUNTIME_GROUP}', object.typname);
    END LOOP;
  END $$`);
}
