import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SpaceKind } from '@parvis/domain';
import { DataSource, In } from 'typeorm';
import { Post } from '../threads/post.entity';
import { Thread } from '../threads/thread.entity';

export interface SearchHit {
  thread: Thread;
  post: Post;
  titleHtml: string;
  snippetHtml: string;
  rank: number;
}

/** The query in the three languages at once: a French query finds French threads, and so on. */
const ANY_LANGUAGE_QUERY = `(websearch_to_tsquery('parvis_french', $1) || websearch_to_tsquery('parvis_english', $1) || websearch_to_tsquery('parvis_spanish', $1))`;
/** For a title being typed: any of its words (OR), in the three languages. */
const ANY_WORD_QUERY = ['french', 'english', 'spanish']
  .map((c) => `replace(plainto_tsquery('parvis_${c}', $1)::text, ' & ', ' | ')::tsquery`)
  .join(' || ');

/** Highlight markers: private-use characters that never occur in post text (markdownToText strips them). */
const START = '\uE000';
const STOP = '\uE001';
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * How many of the matching threads are ranked, at most, per pre-filter: the newest matches of the
 * title and question (`head`), and the newest matches of the whole thread (document and replies).
 * A rare word matches fewer threads than this, so all of them are ranked; an everyday word matching
 * tens of thousands of threads has its candidates bounded before the (costly) ranking, so it
 * answers as fast.
 * When the heads alone match `head` threads or more, the documents are not searched at all: an
 * everyday word's title and question matches are the best ranked anyway (weights A and B against
 * D for replies), and finding the newest of its thousands of matches in the replies is what cost
 * most (a million posts: the documents' index and rows for ~6,000 matching threads, against ~200
 * for the heads).
 */
export const SEARCH_CANDIDATES = { head: 100, document: 150 };

/** The replies of a result thread looked at for its best matching post (as many as its document holds). */
const REPLIES_LOOKED_AT = 201;

/**
 * PostgreSQL full-text search, ranking THREADS by their search document (kept by triggers: title,
 * question and accepted answer in thread_search_documents, the first visible replies in chunks of
 * thread_search_replies, weighted; the ranked candidates' chunks are put back together behind their
 * document, so that a thread ranks as its whole text did in one document), then, for
 * the few threads shown, picking the post that matched best and its highlighted snippet. Hidden
 * posts are never in a document, and a thread whose question is hidden has an empty one, so it is
 * found neither by its title nor by its replies: search is not a place to read hidden content,
 * whoever asks. The best post is picked among visible posts only (`publicPostSql`'s rule: the
 * question is visible, or the thread would not match). Snippets are built from the posts' plain
 * text, then HTML-escaped here before the markers become <mark>: a snippet can only carry <mark> tags.
 */
@Injectable()
export class SearchService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(query: string, first: number): Promise<SearchHit[]> {
    const rows: { thread_id: string; post_id: string; rank: number; title: string; snippet: string }[] =
      await this.db.query(
        `WITH q AS MATERIALIZED (SELECT ${ANY_LANGUAGE_QUERY} AS query),
       head AS MATERIALIZED (
         SELECT d.thread_id FROM thread_search_documents d CROSS JOIN q
          WHERE d.head @@ q.query ORDER BY d.thread_created_at DESC LIMIT ${SEARCH_CANDIDATES.head}
       ),
       candidates AS (
         SELECT thread_id FROM head
         UNION
         (SELECT m.thread_id FROM (
             SELECT d.thread_id, d.thread_created_at FROM thread_search_documents d CROSS JOIN q WHERE d.document @@ q.query
             UNION
             SELECT r.thread_id, r.thread_created_at FROM thread_search_replies r CROSS JOIN q WHERE r.vector @@ q.query
           ) m
           WHERE (SELECT count(*) FROM head) < ${SEARCH_CANDIDATES.head}
           ORDER BY m.thread_created_at DESC LIMIT ${SEARCH_CANDIDATES.document})
       ),
       ranked AS (
         SELECT c.thread_id, ts_rank(d.document || replies.vector, q.query) AS rank, t.last_activity_at
           FROM candidates c JOIN thread_search_documents d ON d.thread_id = c.thread_id
           JOIN threads t ON t.id = c.thread_id CROSS JOIN q
           CROSS JOIN LATERAL (
             SELECT parvis_tsvector_agg(r.vector ORDER BY r.chunk) AS vector FROM thread_search_replies r
              WHERE r.thread_id = c.thread_id
           ) replies
          ORDER BY rank DESC, t.last_activity_at DESC, c.thread_id
          LIMIT $2
       )
       SELECT r.thread_id, p.id AS post_id, r.rank,
              ts_headline(parvis_search_config(t.language), t.title, q.query, 'StartSel=${START}, StopSel=${STOP}, HighlightAll=true') AS title,
              ts_headline(parvis_search_config(t.language), p.body_text, q.query, '${HEADLINE}') AS snippet
         FROM ranked r CROSS JOIN q
         JOIN threads t ON t.id = r.thread_id
         JOIN LATERAL (
           SELECT b.id FROM (
             SELECT b.id, b.is_question, b.search_vector FROM posts b
              WHERE b.thread_id = r.thread_id AND b.hidden_at IS NULL
              ORDER BY b.created_at, b.id LIMIT ${REPLIES_LOOKED_AT}
           ) b
           WHERE b.is_question OR b.search_vector @@ q.query
           ORDER BY CASE WHEN b.is_question AND t.search_vector @@ q.query THEN 2 WHEN b.search_vector @@ q.query THEN 1 ELSE 0 END DESC,
                    ts_rank(b.search_vector, q.query) DESC, b.id
           LIMIT 1
         ) best ON true
         JOIN posts p ON p.id = best.id
        ORDER BY r.rank DESC, r.last_activity_at DESC, r.thread_id`,
        [query, first],
      );
    if (rows.length === 0) return [];
    // Side by side (two connections of the pool): the answer waits for one round trip, not two.
    const [threads, posts] = await Promise.all([
      this.db.getRepository(Thread).findBy({ id: In(rows.map((r) => r.thread_id)) }),
      this.db.getRepository(Post).findBy({ id: In(rows.map((r) => r.post_id)) }),
    ]);
    return rows.map((row) => ({
      thread: threads.find((t) => t.id === row.thread_id)!,
      post: posts.find((p) => p.id === row.post_id)!,
      titleHtml: highlighted(row.title),
      snippetHtml: highlighted(row.snippet),
      rank: Number(row.rank),
    }));
  }

  /** Threads close to a title being typed, best first (see `similarThreadIds`). */
  async similar(title: string, kind: SpaceKind, first: number): Promise<Thread[]> {
    const ids = await this.similarThreadIds(title, kind, first);
    if (ids.length === 0) return [];
    const threads = await this.db.getRepository(Thread).findBy({ id: In(ids) });
    return ids.map((id) => threads.find((t) => t.id === id)!);
  }

  /**
   * The ids of threads close to a title being typed, best first, for deflection: in HELP, threads
   * with an accepted answer (so the asker may find their answer before posting); in IDEAS, ideas
   * of any status but MERGED (a merged idea sends its votes elsewhere). The idea box's
   * `similarIdeas` is this same list, so both show the same ideas. Matched against the threads'
   * `head` (title and question; empty when the question is hidden), newest candidates first.
   */
  async similarThreadIds(title: string, kind: SpaceKind, first: number): Promise<string[]> {
    if (title.length < 3) return [];
    const rows: { id: string }[] = await this.db.query(
      `WITH q AS MATERIALIZED (SELECT (${ANY_WORD_QUERY}) AS query),
       candidates AS (
         SELECT d.thread_id, d.head, t.last_activity_at
           FROM thread_search_documents d CROSS JOIN q
           JOIN threads t ON t.id = d.thread_id
           JOIN spaces s ON s.id = t.space_id AND s.kind = $2
          WHERE d.head @@ q.query
            AND ($2 <> 'HELP' OR t.accepted_answer_id IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM ideas i WHERE i.thread_id = t.id AND i.status = 'MERGED')
          ORDER BY d.thread_created_at DESC
          LIMIT ${SEARCH_CANDIDATES.document}
       )
       SELECT c.thread_id AS id FROM candidates c CROSS JOIN q
        ORDER BY ts_rank(c.head, q.query) DESC, c.last_activity_at DESC, c.thread_id
        LIMIT $3`,
      [title, kind, first],
    );
    return rows.map((r) => r.id);
  }
}

/** Escapes a headline's text for HTML, then turns its markers into <mark> elements. */
export function highlighted(headline: string): string {
  const escaped = headline.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
  return escaped.split(START).join('<mark>').split(STOP).join('</mark>');
}
