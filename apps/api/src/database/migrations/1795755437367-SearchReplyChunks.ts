import { MigrationInterface, QueryRunner } from 'typeorm';

/** How many replies a thread's search holds at most (unchanged from SearchDocumentsIdeaCounts). */
const REPLIES_IN_DOCUMENT = 200;
/** How many replies one chunk row holds: a reply rewrites and re-indexes at most this many. */
const REPLIES_PER_CHUNK = 10;

/** The thread's question is hidden: then nothing of the thread is searchable. */
const QUESTION_HIDDEN = (thread: string) =>
  `EXISTS (SELECT 1 FROM posts q WHERE q.thread_id = ${thread} AND q.is_question AND q.hidden_at IS NOT NULL)`;

/**
 * A reply no longer rewrites its thread's whole search document.
 *
 * Until now each reply appended its words to `thread_search_documents.document` (title, question,
 * accepted answer and up to 200 replies in one TOASTed value): the biggest single trigger of a
 * reply, measured at ~1.5 ms of PostgreSQL time, because the row was rewritten whole and every
 * lexeme of `head` and `document` re-inserted into their two GIN indexes. Now the replies' vectors
 * live in `thread_search_replies`, ten replies to a row: a reply appends to its thread's last
 * chunk (or starts the next one), and `document` keeps the title, question and accepted answer,
 * rewritten only on the rare events that change them.
 *
 * Search ranks with the same figure as before: `ts_rank` of the document followed by the thread's
 * chunks in order, which is the document as it was (matching only needs the chunks, ranking the few
 * candidates puts them back together). Same rules: the first 200 visible replies, never a hidden
 * one, nothing of a thread whose question is hidden.
 *
 * Concurrency: two replies to one thread append in turn (the chunk's row lock); when the last chunk
 * is full both may start the next, and the second adds itself to it (ON CONFLICT), so a reply never
 * fails for its search rows. A rebuild rewrites the thread's chunks the same way and empties the
 * ones left over: an empty chunk matches nothing.
 */
export class SearchReplyChunks1795755437367 implements MigrationInterface {
  name = 'SearchReplyChunks1795755437367';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "thread_search_replies" ("thread_id" uuid NOT NULL, "chunk" smallint NOT NULL, "thread_created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "replies" smallint NOT NULL, "vector" tsvector NOT NULL DEFAULT ''::tsvector, CONSTRAINT "thread_search_replies_pkey" PRIMARY KEY ("thread_id", "chunk"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "thread_search_replies" ADD CONSTRAINT "thread_search_replies_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // As for the documents: the vectors out of the rows, so that finding the newest matches reads small rows.
    await queryRunner.query(`ALTER TABLE "thread_search_replies" SET (toast_tuple_target = 128)`);

    // Rebuilt in place: the chunks the replies fill are rewritten, the ones left over emptied
    // (never deleted: the runtime role deletes nothing of the community's tables).
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION thread_search_document_refresh(thread uuid) RETURNS void LANGUAGE plpgsql AS $$
       DECLARE
         filled int := 0;
       BEGIN
         IF ${QUESTION_HIDDEN('thread')} THEN
           UPDATE thread_search_documents SET head = '', document = '' WHERE thread_id = thread;
         ELSE
           UPDATE thread_search_documents d
              SET head = x.head, document = x.head || x.answer
             FROM (
               SELECT setweight(COALESCE(t.search_vector, ''), 'A')
                        || setweight(COALESCE((SELECT q.search_vector FROM posts q WHERE q.thread_id = t.id AND q.is_question), ''), 'B') AS head,
                      setweight(COALESCE((SELECT a.search_vector FROM posts a
                                           WHERE a.id = t.accepted_answer_id AND a.hidden_at IS NULL), ''), 'B') AS answer
                 FROM threads t WHERE t.id = thread
             ) x
            WHERE d.thread_id = thread;
           INSERT INTO thread_search_replies AS c (thread_id, chunk, thread_created_at, replies, vector)
           SELECT t.id, (r.n - 1) / ${REPLIES_PER_CHUNK}, t.created_at, count(*),
                  setweight(parvis_tsvector_agg(COALESCE(r.search_vector, '') ORDER BY r.n), 'D')
             FROM threads t
             CROSS JOIN LATERAL (
               SELECT p.search_vector, row_number() OVER (ORDER BY p.created_at, p.id) AS n FROM posts p
                WHERE p.thread_id = t.id AND NOT p.is_question AND p.hidden_at IS NULL
                  AND p.id IS DISTINCT FROM t.accepted_answer_id
                ORDER BY p.created_at, p.id LIMIT ${REPLIES_IN_DOCUMENT}
             ) r
            WHERE t.id = thread
            GROUP BY t.id, t.created_at, (r.n - 1) / ${REPLIES_PER_CHUNK}
           ON CONFLICT (thread_id, chunk) DO UPDATE SET replies = EXCLUDED.replies, vector = EXCLUDED.vector;
           GET DIAGNOSTICS filled = ROW_COUNT;
         END IF;
         UPDATE thread_search_replies SET replies = 0, vector = ''
          WHERE thread_id = thread AND chunk >= filled AND replies > 0;
       END $$`,
    );
    // A new reply goes into its thread's first chunk with room (the chunks fill in order, so that is
    // the last one written), else starts the next one, up to the bound; a question rebuilds the head.
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION thread_search_document_append() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.is_question THEN
           PERFORM thread_search_document_refresh(NEW.thread_id);
         ELSIF NEW.hidden_at IS NULL AND NOT ${QUESTION_HIDDEN('NEW.thread_id')} THEN
           UPDATE thread_search_replies c
              SET vector = c.vector || setweight(COALESCE(NEW.search_vector, ''), 'D'), replies = c.replies + 1
            WHERE c.thread_id = NEW.thread_id AND c.replies < ${REPLIES_PER_CHUNK}
              AND c.chunk = (SELECT min(l.chunk) FROM thread_search_replies l
                              WHERE l.thread_id = NEW.thread_id AND l.replies < ${REPLIES_PER_CHUNK});
           IF NOT FOUND THEN
             INSERT INTO thread_search_replies AS c (thread_id, chunk, thread_created_at, replies, vector)
             SELECT NEW.thread_id, COALESCE(max(l.chunk) + 1, 0), (SELECT t.created_at FROM threads t WHERE t.id = NEW.thread_id),
                    1, setweight(COALESCE(NEW.search_vector, ''), 'D')
               FROM thread_search_replies l WHERE l.thread_id = NEW.thread_id
             HAVING COALESCE(max(l.chunk) + 1, 0) < ${REPLIES_IN_DOCUMENT / REPLIES_PER_CHUNK}
             ON CONFLICT (thread_id, chunk) DO UPDATE SET vector = c.vector || EXCLUDED.vector, replies = c.replies + 1;
           END IF;
         END IF;
         RETURN NULL;
       END $$`,
    );

    // The existing threads: their replies into chunks, their documents without the replies.
    await queryRunner.query(
      `INSERT INTO thread_search_replies (thread_id, chunk, thread_created_at, replies, vector)
       SELECT r.thread_id, (r.n - 1) / ${REPLIES_PER_CHUNK}, r.created_at, count(*),
              setweight(parvis_tsvector_agg(COALESCE(r.search_vector, '') ORDER BY r.n), 'D')
         FROM (
           SELECT p.thread_id, t.created_at, p.search_vector,
                  row_number() OVER (PARTITION BY p.thread_id ORDER BY p.created_at, p.id) AS n
             FROM posts p JOIN threads t ON t.id = p.thread_id
            WHERE NOT p.is_question AND p.hidden_at IS NULL AND p.id IS DISTINCT FROM t.accepted_answer_id
              AND NOT ${QUESTION_HIDDEN('t.id')}
         ) r
        WHERE r.n <= ${REPLIES_IN_DOCUMENT}
        GROUP BY r.thread_id, r.created_at, (r.n - 1) / ${REPLIES_PER_CHUNK}`,
    );
    await queryRunner.query(
      `CREATE INDEX "thread_search_replies_vector_idx" ON "thread_search_replies" USING gin ("vector")`,
    );
    // Rebuilt after the rewrite rather than updated row by row.
    await queryRunner.query(`DROP INDEX "thread_search_documents_document_idx"`);
    await queryRunner.query(
      `UPDATE thread_search_documents d
          SET document = d.head || setweight(COALESCE(a.search_vector, ''), 'B')
         FROM threads t LEFT JOIN posts a ON a.id = t.accepted_answer_id AND a.hidden_at IS NULL
        WHERE t.id = d.thread_id AND NOT ${QUESTION_HIDDEN('t.id')}`,
    );
    await queryRunner.query(
      `CREATE INDEX "thread_search_documents_document_idx" ON "thread_search_documents" USING gin ("document")`,
    );
    await queryRunner.query(`ALTER TABLE "thread_search_documents" DROP COLUMN "replies_indexed"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "thread_search_documents" ADD "replies_indexed" integer NOT NULL DEFAULT '0'`,
    );
    // The functions as SearchDocumentsIdeaCounts made them, then every document rebuilt by them.
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION thread_search_document_refresh(thread uuid) RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         IF ${QUESTION_HIDDEN('thread')} THEN
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
      `CREATE OR REPLACE FUNCTION thread_search_document_append() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.is_question THEN
           PERFORM thread_search_document_refresh(NEW.thread_id);
         ELSIF NEW.hidden_at IS NULL THEN
           UPDATE thread_search_documents d
              SET document = d.document || setweight(COALESCE(NEW.search_vector, ''), 'D'), replies_indexed = d.replies_indexed + 1
            WHERE d.thread_id = NEW.thread_id AND d.replies_indexed < ${REPLIES_IN_DOCUMENT}
              AND NOT ${QUESTION_HIDDEN('NEW.thread_id')};
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(`SELECT thread_search_document_refresh(id) FROM threads`);
    await queryRunner.query(`DROP TABLE "thread_search_replies"`);
  }
}
