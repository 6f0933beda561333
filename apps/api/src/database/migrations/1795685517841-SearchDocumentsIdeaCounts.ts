import { MigrationInterface, QueryRunner } from 'typeorm';

/** How many replies a thread's search document holds at most: see `thread_search_document_append`. */
const REPLIES_IN_DOCUMENT = 200;

/**
 * Search at a million posts, and the idea board's total without counting.
 *
 * `thread_search_documents`: one document per thread, which is what search ranks (instead of
 * every matching post, then one per thread). Built by triggers from what the API already keeps:
 * the title's vector (weight A), the question's (B), the accepted answer's (B) and the first
 * ${REPLIES_IN_DOCUMENT} visible replies' (D). A new reply is appended; an edit, a hide, a restore,
 * a new accepted answer, a title or language change rebuild the thread's document. Hidden posts
 * are never in it, and a thread whose question is hidden has an empty document. The documents are
 * moved out of the table's rows (toast_tuple_target) so that picking the newest matches of an
 * everyday word reads small rows.
 *
 * `idea_counts`: ideas per (space, campaign, status), kept by triggers on ideas (insert, status or
 * campaign change) and threads (space change); deltas are applied in key order so that two
 * transactions moving ideas in opposite directions lock the rows in the same order.
 */
export class SearchDocumentsIdeaCounts1795685517841 implements MigrationInterface {
  name = 'SearchDocumentsIdeaCounts1795685517841';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idea_counts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "campaign_id" uuid, "status" character varying(16) NOT NULL, "ideas" integer NOT NULL DEFAULT '0', CONSTRAINT "idea_counts_status_check" CHECK (status IN ('NEW', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'LAUNCHED', 'DECLINED', 'MERGED')), CONSTRAINT "idea_counts_ideas_check" CHECK (ideas >= 0), CONSTRAINT "idea_counts_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "thread_search_documents" ("thread_id" uuid NOT NULL, "thread_created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "replies_indexed" integer NOT NULL DEFAULT '0', "head" tsvector NOT NULL DEFAULT ''::tsvector, "document" tsvector NOT NULL DEFAULT ''::tsvector, CONSTRAINT "thread_search_documents_pkey" PRIMARY KEY ("thread_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "thread_search_documents" ADD CONSTRAINT "thread_search_documents_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // ─── Search documents ─────────────────────────────────────────────────────────────────────
    await queryRunner.query(`ALTER TABLE "thread_search_documents" SET (toast_tuple_target = 128)`);
    await queryRunner.query(
      `CREATE AGGREGATE parvis_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')`,
    );
    await queryRunner.query(
      `CREATE FUNCTION thread_search_document_refresh(thread uuid) RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         IF EXISTS (SELECT 1 FROM posts q WHERE q.thread_id = thread AND q.is_question AND q.hidden_at IS NOT NULL) THEN
           UPDATE thread_search_documents SET head = '', document = '', replies_indexed = 0 WHERE thread_id = thread;
           RETURN;
         END IF;
         UPDATE thread_search_documents d
            SET head = x.head, document = x.head || x.answer || x.replies, replies_indexed = x.n
           FROM (
             SELECT setweight(COALESCE(t.search_vector, ''), 'A')
                      || setweight(COALESCE((SELECT q.search_vector FROM posts q WHERE q.thread_id = t.id AND q.is_question), ''), 'B') AS head,
                    setweight(COALESCE((SELECT a.search_vector FROM posts a
                                         WHERE a.id = t.accepted_answer_id AND a.hidden_at IS NULL), ''), 'B') AS answer,
                    setweight(COALESCE(r.replies, ''), 'D') AS replies, COALESCE(r.n, 0) AS n
               FROM threads t
               LEFT JOIN LATERAL (
                 SELECT parvis_tsvector_agg(COALESCE(p.search_vector, '') ORDER BY p.created_at, p.id) AS replies, count(*)::int AS n
                   FROM (SELECT p.search_vector, p.created_at, p.id FROM posts p
                          WHERE p.thread_id = t.id AND NOT p.is_question AND p.hidden_at IS NULL
                            AND p.id IS DISTINCT FROM t.accepted_answer_id
                          ORDER BY p.created_at, p.id LIMIT ${REPLIES_IN_DOCUMENT}) p
               ) r ON true
              WHERE t.id = thread
           ) x
          WHERE d.thread_id = thread;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION thread_search_document_insert() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO thread_search_documents (thread_id, thread_created_at, head, document)
         VALUES (NEW.id, NEW.created_at, setweight(COALESCE(NEW.search_vector, ''), 'A'), setweight(COALESCE(NEW.search_vector, ''), 'A'));
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER threads_search_document_insert AFTER INSERT ON threads
       FOR EACH ROW EXECUTE FUNCTION thread_search_document_insert()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION thread_search_document_thread_update() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM thread_search_document_refresh(NEW.id);
         RETURN NULL;
       END $$`,
    );
    // Named to sort after threads_language_reindex_posts: triggers run in name order, so the posts are re-indexed first.
    await queryRunner.query(
      `CREATE TRIGGER threads_search_document_update AFTER UPDATE OF title, language, accepted_answer_id ON threads
       FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.language IS DISTINCT FROM NEW.language
                          OR OLD.accepted_answer_id IS DISTINCT FROM NEW.accepted_answer_id)
       EXECUTE FUNCTION thread_search_document_thread_update()`,
    );
    // A new reply is appended (the frequent case: no rebuild), up to the bound; a question rebuilds the head.
    await queryRunner.query(
      `CREATE FUNCTION thread_search_document_append() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.is_question THEN
           PERFORM thread_search_document_refresh(NEW.thread_id);
         ELSIF NEW.hidden_at IS NULL THEN
           UPDATE thread_search_documents d
              SET document = d.document || setweight(COALESCE(NEW.search_vector, ''), 'D'), replies_indexed = d.replies_indexed + 1
            WHERE d.thread_id = NEW.thread_id AND d.replies_indexed < ${REPLIES_IN_DOCUMENT}
              AND NOT EXISTS (SELECT 1 FROM posts q WHERE q.thread_id = NEW.thread_id AND q.is_question AND q.hidden_at IS NOT NULL);
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER posts_search_document_append AFTER INSERT ON posts
       FOR EACH ROW EXECUTE FUNCTION thread_search_document_append()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION thread_search_document_post_update() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM thread_search_document_refresh(NEW.thread_id);
         IF OLD.thread_id IS DISTINCT FROM NEW.thread_id THEN
           PERFORM thread_search_document_refresh(OLD.thread_id);
         END IF;
         RETURN NULL;
       END $$`,
    );
    // An edit, a hide or a restore: rare enough to rebuild the thread's document.
    await queryRunner.query(
      `CREATE TRIGGER posts_search_document_update AFTER UPDATE OF body_text, hidden_at, is_question, thread_id ON posts
       FOR EACH ROW WHEN (OLD.body_text IS DISTINCT FROM NEW.body_text OR OLD.hidden_at IS DISTINCT FROM NEW.hidden_at
                          OR OLD.is_question IS DISTINCT FROM NEW.is_question OR OLD.thread_id IS DISTINCT FROM NEW.thread_id)
       EXECUTE FUNCTION thread_search_document_post_update()`,
    );
    await queryRunner.query(
      `INSERT INTO thread_search_documents (thread_id, thread_created_at) SELECT id, created_at FROM threads`,
    );
    await queryRunner.query(`SELECT thread_search_document_refresh(id) FROM threads`);
    await queryRunner.query(
      `CREATE INDEX "thread_search_documents_head_idx" ON "thread_search_documents" USING gin ("head")`,
    );
    await queryRunner.query(
      `CREATE INDEX "thread_search_documents_document_idx" ON "thread_search_documents" USING gin ("document")`,
    );

    // ─── Idea counts ──────────────────────────────────────────────────────────────────────────
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idea_counts_key" ON "idea_counts" ("space_id", "status", "campaign_id") NULLS NOT DISTINCT`,
    );
    await queryRunner.query(
      // A CHECK runs on the row an upsert proposes, before the conflict: so removals are plain updates.
      `CREATE FUNCTION idea_counts_apply(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
       DECLARE
         d record;
       BEGIN
         FOR d IN SELECT x.space_id, x.campaign_id, x.status, sum(x.delta)::int AS delta
                    FROM jsonb_to_recordset(deltas) AS x(space_id uuid, campaign_id uuid, status varchar, delta int)
                   GROUP BY x.space_id, x.status, x.campaign_id
                  HAVING sum(x.delta) <> 0
                   ORDER BY x.space_id, x.status, x.campaign_id
         LOOP
           IF d.delta > 0 THEN
             INSERT INTO idea_counts AS c (space_id, campaign_id, status, ideas) VALUES (d.space_id, d.campaign_id, d.status, d.delta)
             ON CONFLICT (space_id, status, campaign_id) DO UPDATE SET ideas = c.ideas + EXCLUDED.ideas;
           ELSE
             UPDATE idea_counts SET ideas = ideas + d.delta
              WHERE space_id = d.space_id AND status = d.status AND campaign_id IS NOT DISTINCT FROM d.campaign_id;
           END IF;
         END LOOP;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION ideas_count() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         deltas jsonb := '[]';
       BEGIN
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
           deltas := deltas || jsonb_build_object('space_id', (SELECT space_id FROM threads WHERE id = NEW.thread_id),
                                                  'campaign_id', NEW.campaign_id, 'status', NEW.status, 'delta', 1);
         END IF;
         IF TG_OP IN ('DELETE', 'UPDATE') THEN
           deltas := deltas || jsonb_build_object('space_id', (SELECT space_id FROM threads WHERE id = OLD.thread_id),
                                                  'campaign_id', OLD.campaign_id, 'status', OLD.status, 'delta', -1);
         END IF;
         PERFORM idea_counts_apply(deltas);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ideas_count AFTER INSERT OR DELETE ON ideas FOR EACH ROW EXECUTE FUNCTION ideas_count()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ideas_count_update AFTER UPDATE OF status, campaign_id, thread_id ON ideas
       FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.campaign_id IS DISTINCT FROM NEW.campaign_id
                          OR OLD.thread_id IS DISTINCT FROM NEW.thread_id)
       EXECUTE FUNCTION ideas_count()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION threads_space_idea_count() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM idea_counts_apply(jsonb_build_array(
           jsonb_build_object('space_id', NEW.space_id, 'campaign_id', i.campaign_id, 'status', i.status, 'delta', 1),
           jsonb_build_object('space_id', OLD.space_id, 'campaign_id', i.campaign_id, 'status', i.status, 'delta', -1)))
           FROM ideas i WHERE i.thread_id = NEW.id;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER threads_space_idea_count AFTER UPDATE OF space_id ON threads
       FOR EACH ROW WHEN (OLD.space_id IS DISTINCT FROM NEW.space_id) EXECUTE FUNCTION threads_space_idea_count()`,
    );
    await queryRunner.query(
      `INSERT INTO idea_counts (space_id, campaign_id, status, ideas)
       SELECT t.space_id, i.campaign_id, i.status, count(*) FROM ideas i JOIN threads t ON t.id = i.thread_id
        GROUP BY t.space_id, i.campaign_id, i.status`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER threads_space_idea_count ON threads`);
    await queryRunner.query(`DROP FUNCTION threads_space_idea_count()`);
    await queryRunner.query(`DROP TRIGGER ideas_count_update ON ideas`);
    await queryRunner.query(`DROP TRIGGER ideas_count ON ideas`);
    await queryRunner.query(`DROP FUNCTION ideas_count()`);
    await queryRunner.query(`DROP FUNCTION idea_counts_apply(jsonb)`);
    await queryRunner.query(`DROP TRIGGER posts_search_document_update ON posts`);
    await queryRunner.query(`DROP FUNCTION thread_search_document_post_update()`);
    await queryRunner.query(`DROP TRIGGER posts_search_document_append ON posts`);
    await queryRunner.query(`DROP FUNCTION thread_search_document_append()`);
    await queryRunner.query(`DROP TRIGGER threads_search_document_update ON threads`);
    await queryRunner.query(`DROP FUNCTION thread_search_document_thread_update()`);
    await queryRunner.query(`DROP TRIGGER threads_search_document_insert ON threads`);
    await queryRunner.query(`DROP FUNCTION thread_search_document_insert()`);
    await queryRunner.query(`DROP FUNCTION thread_search_document_refresh(uuid)`);
    await queryRunner.query(`DROP AGGREGATE parvis_tsvector_agg(tsvector)`);
    await queryRunner.query(
      `ALTER TABLE "thread_search_documents" DROP CONSTRAINT "thread_search_documents_thread_id_fkey"`,
    );
    await queryRunner.query(`DROP TABLE "thread_search_documents"`);
    await queryRunner.query(`DROP TABLE "idea_counts"`);
  }
}
