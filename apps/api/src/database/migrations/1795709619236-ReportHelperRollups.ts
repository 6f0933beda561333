import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * By hand (a table the API only reads, kept by triggers; no entity): `report_helper_days`, the
 * staff report's "who helps" figures per UTC day, helper, space and content language — replies
 * (not the question, not by the thread's author, by the post's creation), accepted answers (by the
 * thread's `answered_at`, credited to the answer's author) and thanks not withdrawn (by the thanks'
 * creation, credited to the post's author). A report sums the whole UTC days inside its range from
 * here and counts the rest (at most a part of a day at each end) from the rows, so every figure is
 * exact in every time zone (a range begins and ends at any instant).
 *
 * Kept exact by triggers where the figures can move: a reply written (or its author, thread,
 * creation or question flag changed), a thanks given, withdrawn or given again, an answer accepted,
 * changed or un-accepted, a thread moved to another space, its content language or author changed
 * (the thread's whole contribution leaves its old key for the new). Hiding a post changes none of
 * these figures (the report counts what was written), so it moves nothing. Deltas are applied in
 * key order so that concurrent transactions lock the rows in one order; a removal is a plain update
 * (the CHECKs run on the row an upsert proposes, before the conflict).
 */
export class ReportHelperRollups1795709619236 implements MigrationInterface {
  name = 'ReportHelperRollups1795709619236';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_helper_days" ("day" date NOT NULL, "user_id" uuid NOT NULL, "space_id" uuid NOT NULL, "language" character varying(2) NOT NULL, "replies" integer NOT NULL DEFAULT '0', "accepted" integer NOT NULL DEFAULT '0', "thanks" integer NOT NULL DEFAULT '0', CONSTRAINT "report_helper_days_counts_check" CHECK (replies >= 0 AND accepted >= 0 AND thanks >= 0), CONSTRAINT "report_helper_days_pkey" PRIMARY KEY ("day", "user_id", "space_id", "language"))`,
    );
    // A helper's days (top helpers counts the few who can rank, by person) and the days with an
    // accepted answer (who answers, and who can rank), each read from its index alone.
    await queryRunner.query(
      `CREATE INDEX "report_helper_days_user_idx" ON "report_helper_days" ("user_id", "day") INCLUDE ("space_id", "language", "replies", "accepted", "thanks")`,
    );
    await queryRunner.query(
      `CREATE INDEX "report_helper_days_accepted_idx" ON "report_helper_days" ("day") INCLUDE ("user_id", "space_id", "language", "accepted") WHERE accepted > 0`,
    );
    await queryRunner.query(
      `CREATE FUNCTION report_helper_apply(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
       DECLARE
         d record;
       BEGIN
         FOR d IN SELECT x.day, x.user_id, x.space_id, x.language,
                         sum(x.replies)::int AS replies, sum(x.accepted)::int AS accepted, sum(x.thanks)::int AS thanks
                    FROM jsonb_to_recordset(deltas) AS x(day date, user_id uuid, space_id uuid, language varchar,
                                                         replies int, accepted int, thanks int)
                   GROUP BY x.day, x.user_id, x.space_id, x.language
                  HAVING sum(x.replies) <> 0 OR sum(x.accepted) <> 0 OR sum(x.thanks) <> 0
                   ORDER BY x.day, x.user_id, x.space_id, x.language
         LOOP
           IF d.replies >= 0 AND d.accepted >= 0 AND d.thanks >= 0 THEN
             INSERT INTO report_helper_days AS r (day, user_id, space_id, language, replies, accepted, thanks)
             VALUES (d.day, d.user_id, d.space_id, d.language, d.replies, d.accepted, d.thanks)
             ON CONFLICT (day, user_id, space_id, language) DO UPDATE
               SET replies = r.replies + EXCLUDED.replies, accepted = r.accepted + EXCLUDED.accepted,
                   thanks = r.thanks + EXCLUDED.thanks;
           ELSE
             UPDATE report_helper_days
                SET replies = replies + d.replies, accepted = accepted + d.accepted, thanks = thanks + d.thanks
              WHERE day = d.day AND user_id = d.user_id AND space_id = d.space_id AND language = d.language;
           END IF;
         END LOOP;
       END $$`,
    );
    // A thread's whole contribution under the given attributes (its replies, the thanks on its
    // posts, its accepted answer), times `sign`: what leaves the old key and arrives at the new
    // one when the thread moves, changes language or author.
    await queryRunner.query(
      `CREATE FUNCTION report_helper_thread_deltas(th uuid, sp uuid, lang varchar, asker uuid, answer uuid,
                                                   answered timestamptz, sign int) RETURNS jsonb
       LANGUAGE sql STABLE AS $$
         SELECT coalesce(jsonb_agg(jsonb_build_object('day', x.day, 'user_id', x.user_id, 'space_id', sp,
                                  'language', lang, 'replies', sign * x.replies, 'accepted', sign * x.accepted,
                                  'thanks', sign * x.thanks)), '[]')
           FROM (SELECT day, user_id, sum(replies)::int AS replies, sum(accepted)::int AS accepted,
                        sum(thanks)::int AS thanks
                   FROM (SELECT (p.created_at AT TIME ZONE 'UTC')::date AS day, p.author_id AS user_id,
                                1 AS replies, 0 AS accepted, 0 AS thanks
                           FROM posts p WHERE p.thread_id = th AND NOT p.is_question AND p.author_id <> asker
                         UNION ALL
                         SELECT (answered AT TIME ZONE 'UTC')::date, a.author_id, 0, 1, 0
                           FROM posts a WHERE a.id = answer AND answered IS NOT NULL
                         UNION ALL
                         SELECT (k.created_at AT TIME ZONE 'UTC')::date, p.author_id, 0, 0, 1
                           FROM posts p JOIN thanks k ON k.post_id = p.id
                          WHERE p.thread_id = th AND k.withdrawn_at IS NULL) c
                  GROUP BY day, user_id) x
       $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION report_helper_threads() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         deltas jsonb := '[]';
       BEGIN
         IF TG_OP = 'UPDATE' AND (OLD.space_id IS DISTINCT FROM NEW.space_id OR OLD.language IS DISTINCT FROM NEW.language
                                  OR OLD.author_id IS DISTINCT FROM NEW.author_id) THEN
           deltas := report_helper_thread_deltas(OLD.id, OLD.space_id, OLD.language, OLD.author_id,
                                                 OLD.accepted_answer_id, OLD.answered_at, -1)
                  || report_helper_thread_deltas(NEW.id, NEW.space_id, NEW.language, NEW.author_id,
                                                 NEW.accepted_answer_id, NEW.answered_at, 1);
         ELSE
           IF TG_OP = 'UPDATE' AND OLD.accepted_answer_id IS NOT NULL AND OLD.answered_at IS NOT NULL THEN
             deltas := deltas || (SELECT jsonb_build_object('day', (OLD.answered_at AT TIME ZONE 'UTC')::date,
                                   'user_id', a.author_id, 'space_id', OLD.space_id, 'language', OLD.language,
                                   'replies', 0, 'accepted', -1, 'thanks', 0)
                                    FROM posts a WHERE a.id = OLD.accepted_answer_id);
           END IF;
           IF NEW.accepted_answer_id IS NOT NULL AND NEW.answered_at IS NOT NULL THEN
             deltas := deltas || (SELECT jsonb_build_object('day', (NEW.answered_at AT TIME ZONE 'UTC')::date,
                                   'user_id', a.author_id, 'space_id', NEW.space_id, 'language', NEW.language,
                                   'replies', 0, 'accepted', 1, 'thanks', 0)
                                    FROM posts a WHERE a.id = NEW.accepted_answer_id);
           END IF;
         END IF;
         PERFORM report_helper_apply(deltas);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_helper_threads_insert AFTER INSERT ON threads
       FOR EACH ROW WHEN (NEW.accepted_answer_id IS NOT NULL AND NEW.answered_at IS NOT NULL)
       EXECUTE FUNCTION report_helper_threads()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_helper_threads_update
       AFTER UPDATE OF space_id, language, author_id, accepted_answer_id, answered_at ON threads
       FOR EACH ROW WHEN (OLD.space_id IS DISTINCT FROM NEW.space_id OR OLD.language IS DISTINCT FROM NEW.language
                          OR OLD.author_id IS DISTINCT FROM NEW.author_id
                          OR OLD.accepted_answer_id IS DISTINCT FROM NEW.accepted_answer_id
                          OR OLD.answered_at IS DISTINCT FROM NEW.answered_at)
       EXECUTE FUNCTION report_helper_threads()`,
    );
    // A post's own contribution, times `sign`: its reply; with `whole`, also the thanks it holds
    // and the answers it is accepted as (those move only when its author or thread does).
    await queryRunner.query(
      `CREATE FUNCTION report_helper_post_deltas(post uuid, th uuid, author uuid, question boolean,
                                                 created timestamptz, whole boolean, sign int) RETURNS jsonb
       LANGUAGE sql STABLE AS $$
         SELECT coalesce(jsonb_agg(jsonb_build_object('day', c.day, 'user_id', author, 'space_id', c.space_id,
                                  'language', c.language, 'replies', sign * c.replies,
                                  'accepted', sign * c.accepted, 'thanks', sign * c.thanks)), '[]')
           FROM (SELECT (created AT TIME ZONE 'UTC')::date AS day, t.space_id, t.language,
                        1 AS replies, 0 AS accepted, 0 AS thanks
                   FROM threads t WHERE t.id = th AND NOT question AND author <> t.author_id
                 UNION ALL
                 SELECT (k.created_at AT TIME ZONE 'UTC')::date, t.space_id, t.language, 0, 0, 1
                   FROM thanks k JOIN threads t ON t.id = th
                  WHERE whole AND k.post_id = post AND k.withdrawn_at IS NULL
                 UNION ALL
                 SELECT (t.answered_at AT TIME ZONE 'UTC')::date, t.space_id, t.language, 0, 1, 0
                   FROM threads t WHERE whole AND t.accepted_answer_id = post AND t.answered_at IS NOT NULL) c
       $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION report_helper_posts() RETURNS trigger LANGUAGE plpgsql AS $$
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
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_helper_posts_insert AFTER INSERT ON posts
       FOR EACH ROW WHEN (NOT NEW.is_question) EXECUTE FUNCTION report_helper_posts()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_helper_posts_update AFTER UPDATE OF thread_id, author_id, is_question, created_at ON posts
       FOR EACH ROW WHEN (OLD.thread_id IS DISTINCT FROM NEW.thread_id OR OLD.author_id IS DISTINCT FROM NEW.author_id
                          OR OLD.is_question IS DISTINCT FROM NEW.is_question
                          OR OLD.created_at IS DISTINCT FROM NEW.created_at)
       EXECUTE FUNCTION report_helper_posts()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION report_helper_thanks() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         deltas jsonb := '[]';
       BEGIN
         IF TG_OP = 'UPDATE' AND OLD.withdrawn_at IS NULL THEN
           deltas := deltas || (SELECT jsonb_build_object('day', (OLD.created_at AT TIME ZONE 'UTC')::date,
                                 'user_id', p.author_id, 'space_id', t.space_id, 'language', t.language,
                                 'replies', 0, 'accepted', 0, 'thanks', -1)
                                  FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = OLD.post_id);
         END IF;
         IF NEW.withdrawn_at IS NULL THEN
           deltas := deltas || (SELECT jsonb_build_object('day', (NEW.created_at AT TIME ZONE 'UTC')::date,
                                 'user_id', p.author_id, 'space_id', t.space_id, 'language', t.language,
                                 'replies', 0, 'accepted', 0, 'thanks', 1)
                                  FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = NEW.post_id);
         END IF;
         PERFORM report_helper_apply(deltas);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_helper_thanks_insert AFTER INSERT ON thanks
       FOR EACH ROW WHEN (NEW.withdrawn_at IS NULL) EXECUTE FUNCTION report_helper_thanks()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_helper_thanks_update AFTER UPDATE OF post_id, withdrawn_at, created_at ON thanks
       FOR EACH ROW WHEN (OLD.post_id IS DISTINCT FROM NEW.post_id OR OLD.created_at IS DISTINCT FROM NEW.created_at
                          OR (OLD.withdrawn_at IS NULL) IS DISTINCT FROM (NEW.withdrawn_at IS NULL))
       EXECUTE FUNCTION report_helper_thanks()`,
    );
    // The new-question form's attempts per UTC hour (of started_at), space and language: a report
    // period is made of whole hours in every zone a whole number of hours off UTC; the hours a
    // period boundary cuts (and the range's ends) are counted from the rows.
    await queryRunner.query(
      `CREATE TABLE "report_ask_hours" ("hour" TIMESTAMP WITH TIME ZONE NOT NULL, "space_id" uuid NOT NULL, "language" character varying(2) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "suggestions_shown" integer NOT NULL DEFAULT '0', "suggestion_opened" integer NOT NULL DEFAULT '0', "not_posted" integer NOT NULL DEFAULT '0', CONSTRAINT "report_ask_hours_counts_check" CHECK (attempts >= 0 AND suggestions_shown >= 0 AND suggestion_opened >= 0 AND not_posted >= 0), CONSTRAINT "report_ask_hours_pkey" PRIMARY KEY ("hour", "space_id", "language"))`,
    );
    await queryRunner.query(
      `CREATE FUNCTION report_ask_hours_count() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         d record;
       BEGIN
         FOR d IN SELECT x.hour, x.space_id, x.language, sum(x.attempts)::int AS attempts,
                         sum(x.shown)::int AS shown, sum(x.opened)::int AS opened, sum(x.not_posted)::int AS not_posted
                    FROM (SELECT date_trunc('hour', OLD.started_at, 'UTC') AS hour, OLD.space_id, OLD.language::varchar AS language,
                                 -1 AS attempts, -(OLD.suggestions_shown_at IS NOT NULL)::int AS shown,
                                 -(OLD.suggestion_opened_at IS NOT NULL)::int AS opened,
                                 -(OLD.suggestions_shown_at IS NOT NULL AND OLD.posted_at IS NULL)::int AS not_posted
                           WHERE TG_OP = 'UPDATE'
                          UNION ALL
                          SELECT date_trunc('hour', NEW.started_at, 'UTC'), NEW.space_id, NEW.language, 1,
                                 (NEW.suggestions_shown_at IS NOT NULL)::int, (NEW.suggestion_opened_at IS NOT NULL)::int,
                                 (NEW.suggestions_shown_at IS NOT NULL AND NEW.posted_at IS NULL)::int) x
                   GROUP BY x.hour, x.space_id, x.language
                  HAVING sum(x.attempts) <> 0 OR sum(x.shown) <> 0 OR sum(x.opened) <> 0 OR sum(x.not_posted) <> 0
                   ORDER BY x.hour, x.space_id, x.language
         LOOP
           IF d.attempts >= 0 AND d.shown >= 0 AND d.opened >= 0 AND d.not_posted >= 0 THEN
             INSERT INTO report_ask_hours AS r (hour, space_id, language, attempts, suggestions_shown, suggestion_opened, not_posted)
             VALUES (d.hour, d.space_id, d.language, d.attempts, d.shown, d.opened, d.not_posted)
             ON CONFLICT (hour, space_id, language) DO UPDATE
               SET attempts = r.attempts + EXCLUDED.attempts, suggestions_shown = r.suggestions_shown + EXCLUDED.suggestions_shown,
                   suggestion_opened = r.suggestion_opened + EXCLUDED.suggestion_opened, not_posted = r.not_posted + EXCLUDED.not_posted;
           ELSE
             UPDATE report_ask_hours
                SET attempts = attempts + d.attempts, suggestions_shown = suggestions_shown + d.shown,
                    suggestion_opened = suggestion_opened + d.opened, not_posted = not_posted + d.not_posted
              WHERE hour = d.hour AND space_id = d.space_id AND language = d.language;
           END IF;
         END LOOP;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_ask_hours_insert AFTER INSERT ON ask_attempts FOR EACH ROW EXECUTE FUNCTION report_ask_hours_count()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_ask_hours_update
       AFTER UPDATE OF started_at, space_id, language, suggestions_shown_at, suggestion_opened_at, posted_at ON ask_attempts
       FOR EACH ROW EXECUTE FUNCTION report_ask_hours_count()`,
    );
    await queryRunner.query(
      `INSERT INTO report_ask_hours (hour, space_id, language, attempts, suggestions_shown, suggestion_opened, not_posted)
       SELECT date_trunc('hour', started_at, 'UTC'), space_id, language, count(*), count(suggestions_shown_at),
              count(suggestion_opened_at), count(*) FILTER (WHERE suggestions_shown_at IS NOT NULL AND posted_at IS NULL)
         FROM ask_attempts GROUP BY 1, 2, 3`,
    );
    // Votes not withdrawn per idea and UTC day (of the vote's creation): top and trending ideas
    // count the range's votes of the few ideas that can rank from here, the range's partial days
    // from the votes.
    await queryRunner.query(
      `CREATE TABLE "report_idea_vote_days" ("idea_id" uuid NOT NULL, "day" date NOT NULL, "votes" integer NOT NULL DEFAULT '0', CONSTRAINT "report_idea_vote_days_votes_check" CHECK (votes >= 0), CONSTRAINT "report_idea_vote_days_pkey" PRIMARY KEY ("idea_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "report_idea_vote_days_day_idx" ON "report_idea_vote_days" ("day") INCLUDE ("idea_id", "votes")`,
    );
    await queryRunner.query(
      `CREATE FUNCTION report_idea_vote_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         d record;
       BEGIN
         FOR d IN SELECT x.idea_id, x.day, sum(x.votes)::int AS votes
                    FROM (SELECT OLD.idea_id AS idea_id, (OLD.created_at AT TIME ZONE 'UTC')::date AS day, -1 AS votes
                           WHERE TG_OP = 'UPDATE' AND OLD.withdrawn_at IS NULL
                          UNION ALL
                          SELECT NEW.idea_id, (NEW.created_at AT TIME ZONE 'UTC')::date, 1 WHERE NEW.withdrawn_at IS NULL) x
                   GROUP BY x.idea_id, x.day
                  HAVING sum(x.votes) <> 0
                   ORDER BY x.idea_id, x.day
         LOOP
           IF d.votes > 0 THEN
             INSERT INTO report_idea_vote_days AS r (idea_id, day, votes) VALUES (d.idea_id, d.day, d.votes)
             ON CONFLICT (idea_id, day) DO UPDATE SET votes = r.votes + EXCLUDED.votes;
           ELSE
             UPDATE report_idea_vote_days SET votes = votes + d.votes WHERE idea_id = d.idea_id AND day = d.day;
           END IF;
         END LOOP;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_idea_vote_days_insert AFTER INSERT ON idea_votes
       FOR EACH ROW WHEN (NEW.withdrawn_at IS NULL) EXECUTE FUNCTION report_idea_vote_days_count()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER report_idea_vote_days_update AFTER UPDATE OF idea_id, created_at, withdrawn_at ON idea_votes
       FOR EACH ROW WHEN (OLD.idea_id IS DISTINCT FROM NEW.idea_id OR OLD.created_at IS DISTINCT FROM NEW.created_at
                          OR (OLD.withdrawn_at IS NULL) IS DISTINCT FROM (NEW.withdrawn_at IS NULL))
       EXECUTE FUNCTION report_idea_vote_days_count()`,
    );
    await queryRunner.query(
      `INSERT INTO report_idea_vote_days (idea_id, day, votes)
       SELECT idea_id, (created_at AT TIME ZONE 'UTC')::date, count(*) FROM idea_votes WHERE withdrawn_at IS NULL GROUP BY 1, 2`,
    );
    // The history so far, from the rows (the same figures the triggers keep from now on).
    await queryRunner.query(
      `INSERT INTO report_helper_days (day, user_id, space_id, language, replies, accepted, thanks)
       SELECT day, user_id, space_id, language, sum(replies), sum(accepted), sum(thanks)
         FROM (SELECT (p.created_at AT TIME ZONE 'UTC')::date AS day, p.author_id AS user_id, t.space_id, t.language,
                      1 AS replies, 0 AS accepted, 0 AS thanks
                 FROM posts p JOIN threads t ON t.id = p.thread_id
                WHERE NOT p.is_question AND p.author_id <> t.author_id
               UNION ALL
               SELECT (t.answered_at AT TIME ZONE 'UTC')::date, a.author_id, t.space_id, t.language, 0, 1, 0
                 FROM threads t JOIN posts a ON a.id = t.accepted_answer_id
                WHERE t.answered_at IS NOT NULL
               UNION ALL
               SELECT (k.created_at AT TIME ZONE 'UTC')::date, p.author_id, t.space_id, t.language, 0, 0, 1
                 FROM thanks k JOIN posts p ON p.id = k.post_id JOIN threads t ON t.id = p.thread_id
                WHERE k.withdrawn_at IS NULL) c
        GROUP BY day, user_id, space_id, language`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER report_idea_vote_days_update ON idea_votes`);
    await queryRunner.query(`DROP TRIGGER report_idea_vote_days_insert ON idea_votes`);
    await queryRunner.query(`DROP FUNCTION report_idea_vote_days_count()`);
    await queryRunner.query(`DROP TABLE "report_idea_vote_days"`);
    await queryRunner.query(`DROP TRIGGER report_ask_hours_update ON ask_attempts`);
    await queryRunner.query(`DROP TRIGGER report_ask_hours_insert ON ask_attempts`);
    await queryRunner.query(`DROP FUNCTION report_ask_hours_count()`);
    await queryRunner.query(`DROP TABLE "report_ask_hours"`);
    await queryRunner.query(`DROP TRIGGER report_helper_thanks_update ON thanks`);
    await queryRunner.query(`DROP TRIGGER report_helper_thanks_insert ON thanks`);
    await queryRunner.query(`DROP FUNCTION report_helper_thanks()`);
    await queryRunner.query(`DROP TRIGGER report_helper_posts_update ON posts`);
    await queryRunner.query(`DROP TRIGGER report_helper_posts_insert ON posts`);
    await queryRunner.query(`DROP FUNCTION report_helper_posts()`);
    await queryRunner.query(
      `DROP FUNCTION report_helper_post_deltas(uuid, uuid, uuid, boolean, timestamptz, boolean, int)`,
    );
    await queryRunner.query(`DROP TRIGGER report_helper_threads_update ON threads`);
    await queryRunner.query(`DROP TRIGGER report_helper_threads_insert ON threads`);
    await queryRunner.query(`DROP FUNCTION report_helper_threads()`);
    await queryRunner.query(
      `DROP FUNCTION report_helper_thread_deltas(uuid, uuid, varchar, uuid, uuid, timestamptz, int)`,
    );
    await queryRunner.query(`DROP FUNCTION report_helper_apply(jsonb)`);
    await queryRunner.query(`DROP TABLE "report_helper_days"`);
  }
}
