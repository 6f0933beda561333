import { DataSource, EntityManager } from 'typeorm';
import type { LiveNotification } from '../events/live-events.service';
import { ConnectionShape, decodeCursor, toConnection } from '../common/pagination';
import { User } from '../identity/user.entity';
import { Space } from '../spaces/space.entity';
import { PostRevision } from './post-revision.entity';
import { Post } from './post.entity';
import { PrivateFollowUp } from './private-follow-up.entity';
import { Thread } from './thread.entity';
import { ThreadsArgs } from './thread.type';

/** What a thread's title needs of its question (post-visibility.ts `readableTitle`). */
export interface QuestionState {
  authorId: string;
  hiddenAt: Date | null;
}

/**
 * A page of threads with the author of each, whom a list shows beside it, and each one's
 * question state (a hidden question hides the title); null for a thread without a question.
 */
export interface ThreadsPage {
  connection: ConnectionShape<Thread>;
  authors: User[];
  questions: Map<string, QuestionState | null>;
}

/**
 * Threads, pinned first, then by last activity or creation, newest first; keyset-paginated. One
 * statement, hand-written like the thread page's: the page, each thread with its author and what
 * its title needs of its question; and with it the total, from the counts the database keeps
 * (thread_counts, migration ThreadCounts): a sum over a few rows, not a count over the space's
 * threads.
 */
export async function threadsPage(db: DataSource | EntityManager, args: ThreadsArgs): Promise<ThreadsPage> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  const counted: string[] = [];
  if (args.spaceId) {
    const p = param(args.spaceId);
    where.push(`t.space_id = ${p}::uuid`);
    counted.push(`c.space_id = ${p}::uuid`);
  }
  if (args.status) {
    const p = param(args.status);
    where.push(`t.status = ${p}`);
    counted.push(`c.status = ${p}`);
  }
  if (args.unanswered) {
    where.push('t.replies_count = 0');
    counted.push('c.unanswered');
  }
  const column = args.sort === 'NEWEST' ? 't.created_at' : 't.last_activity_at';
  const field: 'createdAt' | 'lastActivityAt' = args.sort === 'NEWEST' ? 'createdAt' : 'lastActivityAt';
  if (args.after) {
    const [pinned, at, id] = decodeCursor(args.after, ['boolean', 'instant', 'uuid']);
    where.push(
      `(t.pinned, ${column}, t.id) < (${param(pinned)}::boolean, ${param(at)}::timestamptz, ${param(id)}::uuid)`,
    );
  }
  const limit = param(args.first + 1);
  const filter = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
  // The total's conditions use the first parameters only (the filters), the page's all of them.
  // The total's one row is joined to the page's rows, so that an empty page still carries it.
  const rows = await db.query<Record<string, unknown>[]>(
    `SELECT n.total AS "page.total", ${THREAD_COLUMNS}, ${AUTHOR_COLUMNS},
            q.author_id AS "question.authorId", q.hidden_at AS "question.hiddenAt"
       FROM (SELECT COALESCE(sum(c.threads), 0)::int AS total FROM thread_counts c ${filter(counted)}) n
       LEFT JOIN LATERAL (
         SELECT * FROM threads t ${filter(where)} ORDER BY t.pinned DESC, ${column} DESC, t.id DESC LIMIT ${limit}
       ) t ON true
       LEFT JOIN users u ON u.id = t.author_id
       LEFT JOIN posts q ON q.thread_id = t.id AND q.is_question
      ORDER BY t.pinned DESC, ${column} DESC, t.id DESC`,
    params,
  );
  const total = (rows[0]?.['page.total'] as number | undefined) ?? 0;
  const threads: Thread[] = [];
  const authors = new Map<string, User>();
  const questions = new Map<string, QuestionState | null>();
  const shape = rows.length ? new RowShape(rows[0], ['page.total']) : null;
  for (const row of rows) {
    if (row.id === null) continue; // the total's row, without a thread: an empty page
    threads.push(shape!.own(row, Thread));
    const authorId = row['author.id'] as string | null;
    if (authorId !== null && !authors.has(authorId)) authors.set(authorId, shape!.part(row, 'author', User)!);
    const askerId = row['question.authorId'] as string | null;
    questions.set(
      row.id as string,
      askerId === null ? null : { authorId: askerId, hiddenAt: row['question.hiddenAt'] as Date | null },
    );
  }
  return {
    connection: toConnection(threads, args.first, total, (t) => [t.pinned, t[field].toISOString(), t.id]),
    authors: [...authors.values()],
    questions,
  };
}

/**
 * A reply was written in the thread (whose row the caller locked): its reply count and last
 * activity, and its first response when `firstResponseById` gave it; in the same statement, the
 * page's live event, delivered when the transaction commits.
 */
export async function countReply(
  tx: EntityManager,
  threadId: string,
  at: Date,
  firstResponseById: string | null,
  event: LiveNotification,
): Promise<void> {
  const firstResponse = firstResponseById ? ', first_response_at = $2, first_response_by_id = $5' : '';
  await tx.query(
    `UPDATE threads SET replies_count = replies_count + 1, last_activity_at = $2${firstResponse}
      WHERE id = $1 RETURNING pg_notify($3, $4)`,
    [threadId, at, event.channel, event.payload, ...(firstResponseById ? [firstResponseById] : [])],
  );
}

/** A public page for search engines' sitemap: its id and when it last changed. */
export interface SitemapRow {
  id: string;
  lastActivityAt: Date;
}

/**
 * The threads search engines may list: every thread outside the idea spaces (an idea's page is
 * /ideas/<id>), a thread whose question is hidden included (its page is public, with the notice);
 * private follow-ups are not threads. By id, `limit` from `offset`.
 */
export function sitemapThreads(
  db: DataSource | EntityManager,
  offset: number,
  limit: number,
): Promise<SitemapRow[]> {
  return db.query(
    `SELECT t.id, t.last_activity_at AS "lastActivityAt"
       FROM threads t JOIN spaces s ON s.id = t.space_id
      WHERE s.kind <> 'IDEAS'
      ORDER BY t.id LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
}

export async function sitemapThreadsCount(db: DataSource | EntityManager): Promise<number> {
  const [{ count }] = await db.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM threads t JOIN spaces s ON s.id = t.space_id WHERE s.kind <> 'IDEAS'`,
  );
  return count;
}

/*
 * The thread page's reads, hand-written: a plain statement per kind of row, its rows turned into
 * entities by naming each column as its property, without TypeORM's query builder and entity
 * hydration (which a profile of the page showed costing more than the statements themselves).
 * The same rows as the repositories give: every column the entities read (not search's).
 */

/**
 * A post's columns, each named as its property, as the post entity reads them (not `body_text`,
 * search's source) but for `body_markdown`, which the page adds when it is asked for.
 */
const POST_COLUMNS = (
  [
    ['id', 'id'],
    ['thread_id', 'threadId'],
    ['author_id', 'authorId'],
    ['is_question', 'isQuestion'],
    ['body_html', 'bodyHtml'],
    ['is_official', 'isOfficial'],
    ['thanks_count', 'thanksCount'],
    ['edited_at', 'editedAt'],
    ['hidden_at', 'hiddenAt'],
    ['hidden_by_id', 'hiddenById'],
    ['hidden_reason', 'hiddenReason'],
    ['hidden_note', 'hiddenNote'],
    ['answered_by_post_id', 'answeredByPostId'],
    ['answered_at', 'answeredAt'],
    ['answered_marked_by_id', 'answeredMarkedById'],
    ['tone', 'tone'],
    ['tone_score', 'toneScore'],
    ['created_at', 'createdAt'],
  ] as const
)
  .map(([column, property]) => `p.${column} AS "${property}"`)
  .join(', ');

const THREAD_COLUMNS = `t.id, t.space_id AS "spaceId", t.author_id AS "authorId", t.title, t.language, t.status,
  t.locked, t.lock_reason AS "lockReason", t.pinned, t.accepted_answer_id AS "acceptedAnswerId",
  t.accepted_by_id AS "acceptedById", t.first_response_due_at AS "firstResponseDueAt",
  t.answer_due_at AS "answerDueAt", t.first_response_at AS "firstResponseAt",
  t.first_response_by_id AS "firstResponseById", t.assignee_id AS "assigneeId", t.answered_at AS "answeredAt",
  t.resolved_at AS "resolvedAt", t.resolved_by_id AS "resolvedById", t.replies_count AS "repliesCount", t.last_activity_at AS "lastActivityAt",
  t.created_at AS "createdAt"`;

/**
 * The thread with this id, or null; with `forUpdate`, its row locked until the caller's
 * transaction ends (thread-lock.ts).
 */
export async function threadRow(
  db: DataSource | EntityManager,
  id: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
): Promise<Thread | null> {
  const [row] = await db.query<Thread[]>(
    `SELECT ${THREAD_COLUMNS} FROM threads t WHERE t.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ? Object.assign(new Thread(), row) : null;
}

const SPACE_COLUMNS = `s.id AS "space.id", s.slug AS "space.slug", s.name AS "space.name",
  s.description AS "space.description", s.language AS "space.language", s.translations AS "space.translations",
  s.kind AS "space.kind", s.position AS "space.position", s.first_response_minutes AS "space.firstResponseMinutes",
  s.answer_minutes AS "space.answerMinutes", s.opening_periods AS "space.openingPeriods",
  s.time_zone AS "space.timeZone", s.created_at AS "space.createdAt"`;

const FOLLOW_UP_COLUMNS = `f.id AS "followUp.id", f.thread_id AS "followUp.threadId", f.asker_id AS "followUp.askerId",
  f.agent_id AS "followUp.agentId", f.created_at AS "followUp.createdAt"`;

const AUTHOR_COLUMNS = `u.id AS "author.id", u.email AS "author.email", u.display_name AS "author.displayName",
  u.password_hash AS "author.passwordHash", u.role AS "author.role", u.reputation AS "author.reputation",
  u.locale AS "author.locale", u.created_at AS "author.createdAt",
  u.email_confirmed_at AS "author.emailConfirmedAt", u.closed_at AS "author.closedAt"`;

/**
 * How the rows of one statement split into entities: its main table's columns, named as their
 * properties, and each joined table's, named `<prefix>.<property>`. Worked out once from the
 * statement's first row (all its rows have the same columns), not by testing every column's name
 * of every row; each entity is filled in place, without an object in between.
 */
class RowShape {
  private readonly owned: string[] = [];
  private readonly joined = new Map<string, { id: string; columns: [string, string][] }>();

  /** `extra`: columns of the row that are neither the main table's nor a joined one's. */
  constructor(row: Record<string, unknown>, extra: readonly string[] = []) {
    for (const column of Object.keys(row)) {
      if (extra.includes(column)) continue;
      const dot = column.indexOf('.');
      if (dot < 0) {
        this.owned.push(column);
        continue;
      }
      const prefix = column.slice(0, dot);
      let part = this.joined.get(prefix);
      if (!part) this.joined.set(prefix, (part = { id: `${prefix}.id`, columns: [] }));
      part.columns.push([column, column.slice(dot + 1)]);
    }
  }

  /** A `Type` with the main table's columns of `row`. */
  own<T extends object>(row: Record<string, unknown>, Type: new () => T): T {
    const entity = new Type() as Record<string, unknown>;
    for (const column of this.owned) entity[column] = row[column];
    return entity as T;
  }

  /** A `Type` with the columns of `row` named `<prefix>.…`; null when its id is null (an outer join that found nothing). */
  part<T extends object>(row: Record<string, unknown>, prefix: string, Type: new () => T): T | null {
    const part = this.joined.get(prefix);
    if (!part || row[part.id] === null || row[part.id] === undefined) return null;
    const entity = new Type() as Record<string, unknown>;
    for (const [column, property] of part.columns) entity[property] = row[column];
    return entity as T;
  }
}

/** Everything the thread page shows but what the viewer flagged: see `threadPageRows`. */
export interface ThreadPageRows {
  thread: Thread;
  space: Space;
  followUp: PrivateFollowUp | null;
  /**
   * The question, the accepted answer and the page of replies, oldest first; without
   * `bodyMarkdown` unless `markdown` was asked (pages show `bodyHtml`).
   */
  posts: Post[];
  /** The page of replies, `first + 1` at most (the extra one tells there is a next page); null without a page. */
  replies: Post[] | null;
  /** The authors of `posts`. */
  authors: User[];
  /** The earlier versions of each of `posts`, newest first (none for a post never edited). */
  revisions: Map<string, PostRevision[]>;
  /** Which of `posts` the viewer thanks (thanks not withdrawn); null for a visitor. */
  thankedByViewer: Set<string> | null;
}

/**
 * The thread page in two statements sent at once, whatever the thread's length: the thread with
 * its space and private follow-up; and its question, its accepted answer and, when `page` is
 * given, one page of replies (keyset: the index on (thread_id, created_at, id) is read from the
 * cursor on, so a deep page costs what the first one does), each with its author and, for an
 * edited post, its earlier versions, and whether the viewer (`viewerId`, if any) thanks it. The
 * accepted answer is found from the thread's row inside the second statement, so both run at
 * once. Null when there is no such thread. Rows as stored: who may read what is decided by the
 * resolvers (post-visibility.ts), as for rows from loaders. The posts' Markdown source only with
 * `markdown`: the page shows their HTML, and the Markdown is as long again on every row.
 */
export async function threadPageRows(
  db: DataSource | EntityManager,
  threadId: string,
  page: { first: number; after: [string, string] | null } | null,
  { viewerId = null, markdown = true }: { viewerId?: string | null; markdown?: boolean } = {},
): Promise<ThreadPageRows | null> {
  const head = `p.is_question OR p.id = (SELECT t.accepted_answer_id FROM threads t WHERE t.id = $1)`;
  const revisions = `CASE WHEN p.edited_at IS NOT NULL THEN (
      SELECT json_agg(json_build_object('id', r.id, 'postId', r.post_id, 'bodyMarkdown', r.body_markdown,
               'bodyHtml', r.body_html, 'writtenAt', r.written_at, 'editorId', r.editor_id, 'createdAt', r.created_at,
               'hiddenAt', r.hidden_at, 'hiddenReason', r.hidden_reason) ORDER BY r.created_at DESC, r.id DESC)
        FROM post_revisions r WHERE r.post_id = p.id) END AS revisions`;
  const postParams: unknown[] = page ? [threadId, page.first + 1, ...(page.after ?? [])] : [threadId];
  const thanked = viewerId
    ? `EXISTS (SELECT 1 FROM thanks k WHERE k.post_id = p.id AND k.user_id = $${postParams.push(viewerId)}::uuid
         AND k.withdrawn_at IS NULL) AS "viewerThanked"`
    : `false AS "viewerThanked"`;
  const postColumns = markdown ? `${POST_COLUMNS}, p.body_markdown AS "bodyMarkdown"` : POST_COLUMNS;
  const [[threadRowFound], postRows] = await Promise.all([
    db.query<Record<string, unknown>[]>(
      `SELECT ${THREAD_COLUMNS}, ${SPACE_COLUMNS}, ${FOLLOW_UP_COLUMNS}
         FROM threads t JOIN spaces s ON s.id = t.space_id LEFT JOIN private_follow_ups f ON f.thread_id = t.id
        WHERE t.id = $1`,
      [threadId],
    ),
    db.query<
      (Post & {
        inPage: boolean;
        revisions: Record<string, unknown>[] | null;
        viewerThanked: boolean;
      } & Record<string, unknown>)[]
    >(
      page
        ? `WITH page AS (
             SELECT r.id FROM posts r WHERE r.thread_id = $1 AND NOT r.is_question
             ${page.after ? 'AND (r.created_at, r.id) > ($3::timestamptz, $4::uuid)' : ''}
             ORDER BY r.created_at, r.id LIMIT $2)
           SELECT ${postColumns}, p.id IN (SELECT id FROM page) AS "inPage", ${AUTHOR_COLUMNS}, ${revisions}, ${thanked}
             FROM posts p JOIN users u ON u.id = p.author_id
            WHERE p.thread_id = $1 AND (${head} OR p.id IN (SELECT id FROM page))
            ORDER BY p.created_at, p.id`
        : `SELECT ${postColumns}, false AS "inPage", ${AUTHOR_COLUMNS}, ${revisions}, ${thanked}
             FROM posts p JOIN users u ON u.id = p.author_id WHERE p.thread_id = $1 AND (${head})
            ORDER BY p.created_at, p.id`,
      postParams,
    ),
  ]);
  if (!threadRowFound) return null;
  const threadShape = new RowShape(threadRowFound);
  const rows: ThreadPageRows = {
    thread: threadShape.own(threadRowFound, Thread),
    space: threadShape.part(threadRowFound, 'space', Space)!,
    followUp: threadShape.part(threadRowFound, 'followUp', PrivateFollowUp),
    posts: [],
    replies: page ? [] : null,
    authors: [],
    revisions: new Map(),
    thankedByViewer: viewerId ? new Set() : null,
  };
  const authors = new Map<string, User>();
  const postShape = postRows.length
    ? new RowShape(postRows[0], ['inPage', 'revisions', 'viewerThanked'])
    : null;
  for (const row of postRows) {
    const post = postShape!.own(row, Post);
    rows.posts.push(post);
    if (row.viewerThanked) rows.thankedByViewer?.add(post.id);
    if (row.inPage) rows.replies?.push(post);
    if (!authors.has(post.authorId)) authors.set(post.authorId, postShape!.part(row, 'author', User)!);
    rows.revisions.set(
      post.id,
      (row.revisions ?? []).map((r) =>
        Object.assign(new PostRevision(), r, {
          writtenAt: new Date(r.writtenAt as string),
          createdAt: new Date(r.createdAt as string),
          hiddenAt: r.hiddenAt ? new Date(r.hiddenAt as string) : null,
        }),
      ),
    );
  }
  rows.authors = [...authors.values()];
  return rows;
}
