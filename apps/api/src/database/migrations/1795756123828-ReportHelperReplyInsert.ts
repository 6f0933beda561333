import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new reply adds itself to its author's report row with one upsert.
 *
 * `report_helper_posts` handled an insert like an update: its deltas built as JSON by a function
 * of three branches (the reply, the thanks it holds, the answers it is accepted as), read back as
 * records, grouped, then applied in a loop: 0.5 ms of PostgreSQL time, the largest trigger of a
 * reply's INSERT after the search document's. A new post holds no thanks and is no accepted answer
 * yet, so its only delta is "one reply more" (when not written by the thread's asker): that is one
 * `INSERT … ON CONFLICT DO UPDATE` now. Updates (a post moved or given to another author) keep the
 * general path.
 */
export class ReportHelperReplyInsert1795756123828 implements MigrationInterface {
  name = 'ReportHelperReplyInsert1795756123828';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION report_helper_posts() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         deltas jsonb := '[]';
         whole boolean := TG_OP = 'UPDATE' AND (OLD.author_id IS DISTINCT FROM NEW.author_id
                                                OR OLD.thread_id IS DISTINCT FROM NEW.thread_id);
       BEGIN
         IF TG_OP = 'INSERT' THEN
           INSERT INTO report_helper_days AS r (day, user_id, space_id, language, replies)
           SELECT (NEW.created_at AT TIME ZONE 'UTC')::date, NEW.author_id, t.space_id, t.language, 1
             FROM threads t WHERE t.id = NEW.thread_id AND NOT NEW.is_question AND NEW.author_id <> t.author_id
           ON CONFLICT (day, user_id, space_id, language) DO UPDATE SET replies = r.replies + 1;
           RETURN NULL;
         END IF;
         deltas := report_helper_post_deltas(OLD.id, OLD.thread_id, OLD.author_id, OLD.is_question,
                                             OLD.created_at, whole, -1)
                || report_helper_post_deltas(NEW.id, NEW.thread_id, NEW.author_id, NEW.is_question,
                                             NEW.created_at, whole, 1);
         PERFORM report_helper_apply(deltas);
         RETURN NULL;
       END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION report_helper_posts() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         deltas jsonb := '[]';
         whole boolean := TG_OP = 'UPDATE' AND (OLD.author_id IS DISTINCT FROM NEW.author_id
                                                OR OLD.thread_id IS DISTINCT FROM NEW.thread_id);
       BEGIN
         IF TG_OP = 'UPDATE' THEN
           deltas := report_helper_post_deltas(OLD.id, OLD.thread_id, OLD.author_id, OLD.is_question,
                                               OLD.created_at, whole, -1);
         END IF;
         deltas := deltas || report_helper_post_deltas(NEW.id, NEW.thread_id, NEW.author_id, NEW.is_question,
                                                        NEW.created_at, whole, 1);
         PERFORM report_helper_apply(deltas);
         RETURN NULL;
       END $$`);
  }
}
