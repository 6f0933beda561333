import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SpaceKind } from '@parvis/domain';
import { DataSource, In } from 'typeorm';
import { publicPostSql } from '../threads/post-visibility';
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
 * PostgreSQL full-text search over threads (titles) and posts (text), ranked, with highlighted
 * snippets. Every query here reads posts through `publicPostSql` (the posts' visibility rule, threads/post-visibility.ts): a hidden post
 * is found by nobody, and a thread whose question is hidden is found through none of its posts,
 * so its title stays out of search too. Snippets are built from the posts' plain text, then HTML-escaped here before the
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
          WHERE t.search_vector @@ q.query AND ${publicPostSql('p')}
         UNION ALL
         SELECT p.thread_id, p.id, ts_rank(p.search_vector, q.query)
           FROM posts p CROSS JOIN q
          WHERE p.search_vector @@ q.query AND ${publicPostSql('p')}
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
   * `similarIdeas` is this same list, so both show the same ideas.
   */
  async similarThreadIds(title: string, kind: SpaceKind, first: number): Promise<string[]> {
    if (title.length < 3) return [];
    const rows: { id: string }[] = await this.db.query(
      `WITH q AS (SELECT (${ANY_WORD_QUERY}) AS query)
       SELECT t.id
         FROM threads t
         JOIN spaces s ON s.id = t.space_id AND s.kind = $2
         JOIN posts p ON p.thread_id = t.id AND p.is_question AND ${publicPostSql('p')}
         CROSS JOIN q
        WHERE (t.search_vector @@ q.query OR p.search_vector @@ q.query)
          AND ($2 <> 'HELP' OR t.accepted_answer_id IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM ideas i WHERE i.thread_id = t.id AND i.status = 'MERGED')
        ORDER BY ts_rank(t.search_vector, q.query) * 2 + ts_rank(p.search_vector, q.query) DESC, t.last_activity_at DESC, t.id
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
