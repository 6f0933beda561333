import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SpaceKind } from '@parvis/domain';
import { DataSource, In } from 'typeorm';
import { publicPostSql } from '../moderation/post-visibility';
import { Post } from '../threads/post.entity';
import { Thread } from '../threads/thread.entity';

export interface SearchHit {
  thread: Thread;
  post: Post;
  titleHtml: string;
  snippetHtml: string;
  rank: number;
}

/**
 * THE one place that decides which posts search may show. Every search query (results, snippets,
 * similar threads) goes through it, so when moderation hides a post (issue 5) adding the condition
 * here keeps hidden content out of search everywhere. A thread is found only through its visible
 * question, so hiding a question hides its thread's title from search too.
 */
export function searchablePost(alias: string): string {
  return publicPostSql(alias);
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
 * PostgreSQL full-text search over threads (titles) and posts (text), ranked, with highlighted
 * snippets. Snippets are built from the posts' plain text, then HTML-escaped here before the
 * markers become <mark>: whatever a post contains, a snippet can only carry <mark> tags.
 */
@Injectable()
export class SearchService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(query: string, first: number): Promise<SearchHit[]> {
    const rows: { thread_id: string; post_id: string; rank: number; title: string; snippet: string }[] =
      await this.db.query(
        `WITH q AS (SELECT ${ANY_LANGUAGE_QUERY} AS query),
       hits AS (
         SELECT t.id AS thread_id, p.id AS post_id, ts_rank(t.search_vector, q.query) * 2 AS rank
           FROM threads t CROSS JOIN q JOIN posts p ON p.thread_id = t.id AND p.is_question
          WHERE t.search_vector @@ q.query AND ${searchablePost('p')}
         UNION ALL
         SELECT p.thread_id, p.id, ts_rank(p.search_vector, q.query)
           FROM posts p CROSS JOIN q
          WHERE p.search_vector @@ q.query AND ${searchablePost('p')}
       ),
       best AS (SELECT DISTINCT ON (thread_id) thread_id, post_id, rank FROM hits ORDER BY thread_id, rank DESC, post_id)
       SELECT b.thread_id, b.post_id, b.rank,
              ts_headline(parvis_search_config(t.language), t.title, q.query, 'StartSel=${START}, StopSel=${STOP}, HighlightAll=true') AS title,
              ts_headline(parvis_search_config(t.language), p.body_text, q.query, '${HEADLINE}') AS snippet
         FROM best b JOIN threads t ON t.id = b.thread_id JOIN posts p ON p.id = b.post_id CROSS JOIN q
        ORDER BY b.rank DESC, t.last_activity_at DESC, b.thread_id
        LIMIT $2`,
        [query, first],
      );
    if (rows.length === 0) return [];
    const threads = await this.db.getRepository(Thread).findBy({ id: In(rows.map((r) => r.thread_id)) });
    const posts = await this.db.getRepository(Post).findBy({ id: In(rows.map((r) => r.post_id)) });
    return rows.map((row) => ({
      thread: threads.find((t) => t.id === row.thread_id)!,
      post: posts.find((p) => p.id === row.post_id)!,
      titleHtml: highlighted(row.title),
      snippetHtml: highlighted(row.snippet),
      rank: Number(row.rank),
    }));
  }

  /**
   * Threads close to a title being typed, for deflection: in HELP, threads with an accepted
   * answer (so the asker may find their answer before posting); in IDEAS, threads of idea
   * spaces whatever their status (the ideas module maps them to ideas).
   */
  async similar(title: string, kind: SpaceKind, first: number): Promise<Thread[]> {
    if (title.length < 3) return [];
    const rows: { id: string }[] = await this.db.query(
      `WITH q AS (SELECT (${ANY_WORD_QUERY}) AS query)
       SELECT t.id
         FROM threads t
         JOIN spaces s ON s.id = t.space_id AND s.kind = $2
         JOIN posts p ON p.thread_id = t.id AND p.is_question AND ${searchablePost('p')}
         CROSS JOIN q
        WHERE (t.search_vector @@ q.query OR p.search_vector @@ q.query)
          AND ($2 <> 'HELP' OR t.accepted_answer_id IS NOT NULL)
        ORDER BY ts_rank(t.search_vector, q.query) * 2 + ts_rank(p.search_vector, q.query) DESC, t.last_activity_at DESC, t.id
        LIMIT $3`,
      [title, kind, first],
    );
    if (rows.length === 0) return [];
    const threads = await this.db.getRepository(Thread).findBy({ id: In(rows.map((r) => r.id)) });
    return rows.map((r) => threads.find((t) => t.id === r.id)!);
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
