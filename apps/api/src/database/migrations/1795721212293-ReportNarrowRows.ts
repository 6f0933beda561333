import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * By hand (tables the API only reads, kept by triggers; no entity): narrow copies of the few
 * columns three of the staff report's sections read, so that a 90-day range is an index-only range
 * scan of small rows instead of the wide rows of threads, posts and ideas joined to their threads.
 * Their figures need every row (medians, 90th percentiles, a deadline per post), so these are rows,
 * not counts:
 *
 * - `report_questions`: per thread, its space, content language, creation and answer clocks
 *   (answer times and deadlines met or missed);
 * - `report_negative_posts`: per post the tone scorer found negative (still `negative`, or not
 *   since), its thread's space and language, its creation and when it was marked answered (mood);
 * - `report_idea_stays`: per idea, one row for its submission (its NEW stay) and one per status
 *   change, with its thread's space and language (the ideas' flow and time in status).
 *
 * Kept exact by triggers where those columns can move: a thread written, moved to another space,
 * its content language or clocks changed; a post's tone scored or changed, marked answered or not,
 * moved; an idea submitted or moved to another thread; a status change written (a status changed
 * back is a change like any other). Hiding or restoring a post changes none of these figures (the
 * report counts what was written), so it moves nothing. Backfilled from the rows.
 */
export class ReportNarrowRows1795721212293 implements MigrationInterface {
  name = 'ReportNarrowRows1795721212293';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_questions" ("thread_id" uuid NOT NULL, "space_id" uuid NOT NULL, "language" character varying(2) NOT NULL, "asked_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "first_response_at" TIMESTAMP WITH TIME ZONE, "first_response_due_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "answer_due_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "report_questions_pkey" PRIMARY KEY ("thread_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "report_questions_asked_idx" ON "report_questions" ("asked_at") INCLUDE ("space_id", "language", "first_response_at", "first_response_due_at", "answered_at", "answer_due_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "report_questions_space_asked_idx" ON "report_questions" ("space_id", "asked_at") INCLUDE ("language", "first_response_at", "first_response_due_at", "answered_at", "answer_due_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_negative_posts" ("post_id" uuid NOT NULL, "thread_id" uuid NOT NULL, "space_id" uuid NOT NULL, "language" character varying(2) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, "negative" boolean NOT NULL, CONSTRAINT "report_negative_posts_pkey" PRIMARY KEY ("post_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "report_negative_posts_created_idx" ON "report_negative_posts" ("created_at") INCLUDE ("space_id", "language", "answered_at") WHERE negative`,
    );
    await queryRunner.query(
      `CREATE INDEX "report_negative_posts_thread_idx" ON "report_negative_posts" ("thread_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_idea_stays" ("stay_id" uuid NOT NULL, "idea_id" uuid NOT NULL, "thread_id" uuid NOT NULL, "submitted" boolean NOT NULL, "status" character varying(16) NOT NULL, "began" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "space_id" uuid NOT NULL, "language" character varying(2) NOT NULL, CONSTRAINT "report_idea_stays_pkey" PRIMARY KEY ("stay_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "report_idea_stays_began_idx" ON "report_idea_stays" ("began") INCLUDE ("idea_id", "submitted", "status", "space_id", "language")`,
    );
    await queryRunner.query(
      `CREATE INDEX "report_idea_stays_idea_idx" ON "report_idea_stays" ("idea_id", "began") INCLUDE ("status", "space_id", "language")`,
    );
    await queryRunner.query(
      `CREATE INDEX "report_idea_stays_thread_idx" ON "report_idea_stays" ("thread_id")`,
    );

    // Threads: the question's row follows the thread; a thread that moves or changes language takes
    // its negative posts and its idea's stays with it.
    await queryRunner.query(
      `CREATE FUNCTION report_rows_threads() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO report_questions AS q (thread_id, space_id, language, asked_at, first_response_at,
                                            first_response_due_at, answered_at, answer_due_at)
         VALUES (NEW.id, NEW.space_id, NEW.language, NEW.created_at, NEW.first_response_at,
                 NEW.first_response_due_at, NEW.answered_at, NEW.answer_due_at)
         ON CONFLICT (thread_id) DO UPDATE
           SET space_id = EXCLUDED.space_id, language = EXCLUDED.language, asked_at = EXCLUDED.asked_at,
               first_response_at = EXCLUDED.first_response_at, first_response_due_at = EXCLUDED.first_response_due_at,
               answered_at = EXCLUDED.answered_at, answer_due_at = EXCLUDED.answer_due_at;
         IF TG_OP = 'UPDATE' AND (OLD.space_id IS DISTINCT FROM NEW.space_id OR OLD.language IS DISTINCT FROM NEW.language) THEN
           UPDATE report_negative_posts SET space_id = NEW.space_id, language = NEW.language WHERE thread_id = NEW.id;
           UPDATE report_idea_stays SET space_id = NEW.space_id, language = NEW.language WHERE thread_id = NEW.id;
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_rows_threads_insert AFTER INSERT ON threads
       FOR EACH ROW EXECUTE FUNCTION report_rows_threads()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_rows_threads_update
       AFTER UPDATE OF space_id, language, created_at, first_response_at, first_response_due_at, answered_at, answer_due_at
       ON threads
       FOR EACH ROW WHEN (OLD.space_id IS DISTINCT FROM NEW.space_id OR OLD.language IS DISTINCT FROM NEW.language
                          OR OLD.created_at IS DISTINCT FROM NEW.created_at
                          OR OLD.first_response_at IS DISTINCT FROM NEW.first_response_at
                          OR OLD.first_response_due_at IS DISTINCT FROM NEW.first_response_due_at
                          OR OLD.answered_at IS DISTINCT FROM NEW.answered_at
                          OR OLD.answer_due_at IS DISTINCT FROM NEW.answer_due_at)
       EXECUTE FUNCTION report_rows_threads()`,
    );

    // Posts: a post scored negative has its row; one scored otherwise since keeps it, not negative
    // (the runtime role deletes nothing here).
    await queryRunner.query(
      `CREATE FUNCTION report_rows_posts() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO report_negative_posts AS n (post_id, thread_id, space_id, language, created_at, answered_at, negative)
         SELECT NEW.id, NEW.thread_id, t.space_id, t.language, NEW.created_at, NEW.answered_at,
                NEW.tone IS NOT DISTINCT FROM 'NEGATIVE'
           FROM threads t WHERE t.id = NEW.thread_id
         ON CONFLICT (post_id) DO UPDATE
           SET thread_id = EXCLUDED.thread_id, space_id = EXCLUDED.space_id, language = EXCLUDED.language,
               created_at = EXCLUDED.created_at, answered_at = EXCLUDED.answered_at, negative = EXCLUDED.negative;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_rows_posts_insert AFTER INSERT ON posts
       FOR EACH ROW WHEN (NEW.tone = 'NEGATIVE') EXECUTE FUNCTION report_rows_posts()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_rows_posts_update AFTER UPDATE OF tone, answered_at, created_at, thread_id ON posts
       FOR EACH ROW WHEN ((OLD.tone IS DISTINCT FROM NEW.tone AND (OLD.tone = 'NEGATIVE' OR NEW.tone = 'NEGATIVE'))
                          OR (NEW.tone = 'NEGATIVE' AND (OLD.answered_at IS DISTINCT FROM NEW.answered_at
                                                        OR OLD.created_at IS DISTINCT FROM NEW.created_at
                                                        OR OLD.thread_id IS DISTINCT FROM NEW.thread_id)))
       EXECUTE FUNCTION report_rows_posts()`,
    );

    // Ideas: the submission begins the NEW stay; an idea moved to another thread takes its stays.
    await queryRunner.query(
      `CREATE FUNCTION report_rows_ideas() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO report_idea_stays AS s (stay_id, idea_id, thread_id, submitted, status, began, space_id, language)
         SELECT NEW.id, NEW.id, NEW.thread_id, true, 'NEW', NEW.created_at, t.space_id, t.language
           FROM threads t WHERE t.id = NEW.thread_id
         ON CONFLICT (stay_id) DO UPDATE SET began = EXCLUDED.began;
         IF TG_OP = 'UPDATE' AND OLD.thread_id IS DISTINCT FROM NEW.thread_id THEN
           UPDATE report_idea_stays s SET thread_id = t.id, space_id = t.space_id, language = t.language
             FROM threads t WHERE t.id = NEW.thread_id AND s.idea_id = NEW.id;
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_rows_ideas_insert AFTER INSERT ON ideas
       FOR EACH ROW EXECUTE FUNCTION report_rows_ideas()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_rows_ideas_update AFTER UPDATE OF created_at, thread_id ON ideas
       FOR EACH ROW WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.thread_id IS DISTINCT FROM NEW.thread_id)
       EXECUTE FUNCTION report_rows_ideas()`,
    );

    // Status changes: each begins a stay in the status it moved to.
    await queryRunner.query(
      `CREATE FUNCTION report_rows_idea_status_changes() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO report_idea_stays AS s (stay_id, idea_id, thread_id, submitted, status, began, space_id, language)
         SELECT NEW.id, NEW.idea_id, i.thread_id, false, NEW.to_status, NEW.created_at, t.space_id, t.language
           FROM ideas i JOIN threads t ON t.id = i.thread_id WHERE i.id = NEW.idea_id
         ON CONFLICT (stay_id) DO UPDATE
           SET idea_id = EXCLUDED.idea_id, thread_id = EXCLUDED.thread_id, status = EXCLUDED.status,
               began = EXCLUDED.began, space_id = EXCLUDED.space_id, language = EXCLUDED.language;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_rows_idea_status_changes_insert AFTER INSERT ON idea_status_changes
       FOR EACH ROW EXECUTE FUNCTION report_rows_idea_status_changes()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_rows_idea_status_changes_update AFTER UPDATE OF idea_id, to_status, created_at
       ON idea_status_changes
       FOR EACH ROW WHEN (OLD.idea_id IS DISTINCT FROM NEW.idea_id OR OLD.to_status IS DISTINCT FROM NEW.to_status
                          OR OLD.created_at IS DISTINCT FROM NEW.created_at)
       EXECUTE FUNCTION report_rows_idea_status_changes()`,
    );

    // The rows written before these triggers.
    await queryRunner.query(
      `INSERT INTO report_questions (thread_id, space_id, language, asked_at, first_response_at,
                                     first_response_due_at, answered_at, answer_due_at)
       SELECT id, space_id, language, created_at, first_response_at, first_response_due_at, answered_at, answer_due_at
         FROM threads`,
    );
    await queryRunner.query(
      `INSERT INTO report_negative_posts (post_id, thread_id, space_id, language, created_at, answered_at, negative)
       SELECT p.id, p.thread_id, t.space_id, t.language, p.created_at, p.answered_at, true
         FROM posts p JOIN threads t ON t.id = p.thread_id
        WHERE p.tone = 'NEGATIVE'`,
    );
    await queryRunner.query(
      `INSERT INTO report_idea_stays (stay_id, idea_id, thread_id, submitted, status, began, space_id, language)
       SELECT i.id, i.id, i.thread_id, true, 'NEW', i.created_at, t.space_id, t.language
         FROM ideas i JOIN threads t ON t.id = i.thread_id
       UNION ALL
       SELECT c.id, c.idea_id, i.thread_id, false, c.to_status, c.created_at, t.space_id, t.language
         FROM idea_status_changes c JOIN ideas i ON i.id = c.idea_id JOIN threads t ON t.id = i.thread_id`,
    );
    await queryRunner.query(`ANALYZE report_questions, report_negative_posts, report_idea_stays`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER report_rows_idea_status_changes_update ON idea_status_changes`);
    await queryRunner.query(`DROP TRIGGER report_rows_idea_status_changes_insert ON idea_status_changes`);
    await queryRunner.query(`DROP FUNCTION report_rows_idea_status_changes()`);
    await queryRunner.query(`DROP TRIGGER report_rows_ideas_update ON ideas`);
    await queryRunner.query(`DROP TRIGGER report_rows_ideas_insert ON ideas`);
    await queryRunner.query(`DROP FUNCTION report_rows_ideas()`);
    await queryRunner.query(`DROP TRIGGER report_rows_posts_update ON posts`);
    await queryRunner.query(`DROP TRIGGER report_rows_posts_insert ON posts`);
    await queryRunner.query(`DROP FUNCTION report_rows_posts()`);
    await queryRunner.query(`DROP TRIGGER report_rows_threads_update ON threads`);
    await queryRunner.query(`DROP TRIGGER report_rows_threads_insert ON threads`);
    await queryRunner.query(`DROP FUNCTION report_rows_threads()`);
    await queryRunner.query(`DROP TABLE "report_idea_stays"`);
    await queryRunner.query(`DROP TABLE "report_negative_posts"`);
    await queryRunner.query(`DROP TABLE "report_questions"`);
  }
}
