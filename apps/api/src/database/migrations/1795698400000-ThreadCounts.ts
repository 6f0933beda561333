import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * By hand (a table the API only reads, kept by triggers; no entity): `thread_counts`, how many
 * threads each (space, status, unanswered) holds, so that the thread list's `totalCount` sums a few
 * rows instead of counting the space's threads (a million-post community: 90,000 threads in one
 * space, 65–170 ms a request). Kept by triggers on threads: a new thread, a change of space or
 * status, a first reply (or a count back to zero). Deltas are applied in key order so that two
 * transactions moving threads in opposite directions lock the rows in the same order; a removal
 * is a plain update (the CHECK runs on the row an upsert proposes, before the conflict).
 */
export class ThreadCounts1795698400000 implements MigrationInterface {
  name = 'ThreadCounts1795698400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "thread_counts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "unanswered" boolean NOT NULL, "threads" integer NOT NULL DEFAULT '0', CONSTRAINT "thread_counts_threads_check" CHECK (threads >= 0), CONSTRAINT "thread_counts_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "thread_counts_key" ON "thread_counts" ("space_id", "status", "unanswered")`,
    );
    await queryRunner.query(
      `CREATE FUNCTION thread_counts_apply(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
       DECLARE
         d record;
       BEGIN
         FOR d IN SELECT x.space_id, x.status, x.unanswered, sum(x.delta)::int AS delta
                    FROM jsonb_to_recordset(deltas) AS x(space_id uuid, status varchar, unanswered boolean, delta int)
                   GROUP BY x.space_id, x.status, x.unanswered
                  HAVING sum(x.delta) <> 0
                   ORDER BY x.space_id, x.status, x.unanswered
         LOOP
           IF d.delta > 0 THEN
             INSERT INTO thread_counts AS c (space_id, status, unanswered, threads) VALUES (d.space_id, d.status, d.unanswered, d.delta)
             ON CONFLICT (space_id, status, unanswered) DO UPDATE SET threads = c.threads + EXCLUDED.threads;
           ELSE
             UPDATE thread_counts SET threads = threads + d.delta
              WHERE space_id = d.space_id AND status = d.status AND unanswered = d.unanswered;
           END IF;
         END LOOP;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION threads_count() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         deltas jsonb := '[]';
       BEGIN
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
           deltas := deltas || jsonb_build_object('space_id', NEW.space_id, 'status', NEW.status,
                                                  'unanswered', NEW.replies_count = 0, 'delta', 1);
         END IF;
         IF TG_OP IN ('DELETE', 'UPDATE') THEN
           deltas := deltas || jsonb_build_object('space_id', OLD.space_id, 'status', OLD.status,
                                                  'unanswered', OLD.replies_count = 0, 'delta', -1);
         END IF;
         PERFORM thread_counts_apply(deltas);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER threads_count AFTER INSERT OR DELETE ON threads FOR EACH ROW EXECUTE FUNCTION threads_count()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER threads_count_update AFTER UPDATE OF space_id, status, replies_count ON threads
       FOR EACH ROW WHEN (OLD.space_id IS DISTINCT FROM NEW.space_id OR OLD.status IS DISTINCT FROM NEW.status
                          OR (OLD.replies_count = 0) IS DISTINCT FROM (NEW.replies_count = 0))
       EXECUTE FUNCTION threads_count()`,
    );
    await queryRunner.query(
      `INSERT INTO thread_counts (space_id, status, unanswered, threads)
       SELECT space_id, status, replies_count = 0, count(*) FROM threads GROUP BY space_id, status, replies_count = 0`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER threads_count_update ON threads`);
    await queryRunner.query(`DROP TRIGGER threads_count ON threads`);
    await queryRunner.query(`DROP FUNCTION threads_count()`);
    await queryRunner.query(`DROP FUNCTION thread_counts_apply(jsonb)`);
    await queryRunner.query(`DROP TABLE "thread_counts"`);
  }
}
