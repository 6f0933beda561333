import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasAtLeastRole, Language, languageOrEnglish } from '@parvis/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { badInput, conflict, forbidden, notFound } from '../common/domain-error';
import { decodeCursor } from '../common/pagination';
import { isCheckViolation } from '../common/postgres-errors';
import { requireSignedIn, SignedInViewer, Viewer } from '../common/viewer';
import { ModerationLogService } from '../moderation-log/moderation-log.service';
import { startClocks } from './clocks.service';
import { newPost } from './post-rows';
import { Post } from './post.entity';
import { PostsService } from './posts.service';
import { ThreadEvents } from './thread-events';
import { lockThreadRow } from './thread-lock';
import { spaceRow } from '../spaces/space-row';
import { ThreadNoticesService } from './thread-notices.service';
import { Thread } from './thread.entity';
import { ThreadsArgs } from './thread.type';
import { CreateThreadInput, ThreadIdInput } from './threads.inputs';
import { answerPostIds, askedThreadIds, HOME_LISTS, HomeList, homeListRows } from './thread-lists.queries';
import { threadPageRows, ThreadPageRows, threadRow, ThreadsPage, threadsPage } from './threads.queries';
import { Actor, canResolve, speaksForBrand } from './threads.rules';

export interface StartThreadParams {
  spaceId: string;
  author: SignedInViewer;
  title: string;
  bodyMarkdown: string;
  language: Language;
  /** Pinned first in its space (announcements pinned to the home page). */
  pinned?: boolean;
  /** When it is asked: now unless given (the demo seed writes a past, its clocks running from then). */
  at?: Date;
}

/**
 * Threads: asking, resolving and reopening, and reading threads. `startThread` runs inside a
 * caller's transaction so another module (ideas) can create a thread and its own rows atomically;
 * it checks the thread rules but not who may post where, which is the caller's business
 * (`createThread` below, or the ideas service).
 */
@Injectable()
export class ThreadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly posts: PostsService,
    private readonly moderationLog: ModerationLogService,
    private readonly events: ThreadEvents,
    private readonly notices: ThreadNoticesService,
  ) {}

  /** Creates a thread and its question (first post). Answer clocks start when the space is a HELP space. */
  async startThread(tx: EntityManager, params: StartThreadParams): Promise<Thread> {
    const space = await spaceRow(tx, params.spaceId);
    const now = params.at ?? new Date();
    const thread = tx.create(Thread, {
      spaceId: space.id,
      authorId: params.author.id,
      title: params.title,
      language: params.language,
      pinned: params.pinned ?? false,
      createdAt: now,
      lastActivityAt: now,
      ...startClocks(space, now),
    });
    await tx.insert(Thread, thread);
    const question = newPost(thread.id, params.author, params.bodyMarkdown, true, now);
    await tx.insert(Post, question);
    const started = await tx.findOneByOrFail(Thread, { id: thread.id });
    await this.notices.posted(tx, started, question, params.author, params.at);
    return started;
  }

  async createThread(viewer: Viewer, input: CreateThreadInput): Promise<Thread> {
    const author = requireSignedIn(viewer, 'ask a question');
    const space = await spaceRow(this.db.manager, input.spaceId);
    if (space.kind === 'IDEAS')
      throw badInput('spaceId', 'This space is the idea box: submit an idea instead.');
    if (space.kind === 'ANNOUNCEMENTS' && !speaksForBrand(author)) {
      throw forbidden(
        'Only the brand’s staff and moderators publish announcements; members comment on them.',
        'ANNOUNCEMENTS_BY_STAFF',
      );
    }
    if (input.pinned && space.kind !== 'ANNOUNCEMENTS') {
      throw badInput('pinned', 'Only announcements are pinned when published.', 'ANNOUNCEMENTS_ONLY');
    }
    const language = input.language ?? languageOrEnglish(author.locale);
    return this.db.transaction(async (tx) => {
      const thread = await this.startThread(tx, {
        spaceId: space.id,
        author,
        title: input.title,
        bodyMarkdown: input.bodyMarkdown,
        language,
        pinned: input.pinned,
      });
      await this.posts.countPost(tx, author);
      return thread;
    });
  }

  async resolveThread(viewer: Viewer, input: ThreadIdInput): Promise<Thread> {
    const actor = requireSignedIn(viewer, 'resolve a thread');
    return this.db.transaction(async (tx) => {
      const thread = await lockThreadRow(tx, input.threadId);
      if (!canResolve(actor, thread))
        throw forbidden('Only the person who asked or a moderator can resolve a thread.');
      if (thread.status === 'RESOLVED') throw conflict('This thread is already resolved.');
      await this.resolve(tx, thread, actor);
      await this.events.publish(tx, { kind: 'THREAD_STATUS_CHANGED', threadId: thread.id, postId: null });
      return tx.findOneByOrFail(Thread, { id: thread.id });
    });
  }

  /**
   * Resolves a thread in the caller's transaction, once the caller has checked who may (the
   * thread row locked): logged publicly when the actor is not the asker. `at`: now unless given.
   * The asker may close their own question; anyone else answers every complaint in it first: the
   * database holds that rule (trigger `threads_resolve_answered_complaints`), refused here as
   * UNANSWERED_COMPLAINT.
   */
  async resolve(tx: EntityManager, thread: Thread, actor: Actor, at: Date = new Date()): Promise<void> {
    try {
      await tx.update(
        Thread,
        { id: thread.id },
        { status: 'RESOLVED', resolvedAt: at, resolvedById: actor.id, lastActivityAt: at },
      );
    } catch (error) {
      if (!isCheckViolation(error, 'threads_resolve_answered_complaints_check')) throw error;
      throw conflict(
        'A negative post in this thread has no answer yet: answer it before resolving the thread.',
        'threadId',
        'UNANSWERED_COMPLAINT',
      );
    }
    await this.recordOnOthersThread(tx, 'THREAD_RESOLVED', actor, thread, at);
    await this.notices.resolved(tx, thread, actor, at);
  }

  /** Back to ANSWERED when an answer is accepted, else OPEN (and the answer clock runs again). */
  async reopenThread(viewer: Viewer, input: ThreadIdInput): Promise<Thread> {
    const actor = requireSignedIn(viewer, 'reopen a thread');
    return this.db.transaction(async (tx) => {
      const thread = await lockThreadRow(tx, input.threadId);
      if (!canResolve(actor, thread))
        throw forbidden('Only the person who asked or a moderator can reopen a thread.');
      if (thread.status !== 'RESOLVED')
        throw conflict('This thread is not resolved, so it cannot be reopened.');
      await tx.update(
        Thread,
        { id: thread.id },
        {
          status: thread.acceptedAnswerId ? 'ANSWERED' : 'OPEN',
          resolvedAt: null,
          resolvedById: null,
          lastActivityAt: new Date(),
        },
      );
      await this.recordOnOthersThread(tx, 'THREAD_REOPENED', actor, thread);
      await this.events.publish(tx, { kind: 'THREAD_STATUS_CHANGED', threadId: thread.id, postId: null });
      return tx.findOneByOrFail(Thread, { id: thread.id });
    });
  }

  // ─── Reading ────────────────────────────────────────────────────────────────────────────

  async thread(id: string): Promise<Thread> {
    const thread = await threadRow(this.db, id);
    if (!thread) throw notFound('There is no such thread.', 'THREAD_NOT_FOUND');
    return thread;
  }

  /**
   * The thread page's rows in one round trip (threads.queries.ts `threadPageRows`): the thread,
   * its space and follow-up, its opening posts with their authors and earlier versions, and which
   * of them the viewer (`viewerId`) thanks, the posts' Markdown source with `markdown`; NOT_FOUND.
   */
  async threadPage(
    id: string,
    page: { first: number; after?: string } | null,
    options: { viewerId?: string | null; markdown?: boolean } = {},
  ): Promise<ThreadPageRows> {
    const after = page?.after ? decodeCursor(page.after, ['instant', 'uuid']) : null;
    const rows = await threadPageRows(this.db, id, page && { first: page.first, after }, options);
    if (!rows) throw notFound('There is no such thread.', 'THREAD_NOT_FOUND');
    return rows;
  }

  /** Threads, pinned first, then by last activity or creation, newest first; keyset-paginated. */
  threads(args: ThreadsArgs): Promise<ThreadsPage> {
    return threadsPage(this.db, args);
  }

  /**
   * The home page's lists of threads for this reader (their ids, in order, by list): questions
   * nobody has replied to only for experts and above, followed threads only for a member.
   */
  async homeLists(viewer: Viewer, limit: number): Promise<Map<HomeList, string[]>> {
    const rows = await homeListRows(this.db, {
      limit,
      unanswered: viewer !== null && hasAtLeastRole(viewer.role, 'EXPERT'),
      followerId: viewer?.id ?? null,
    });
    const lists = new Map<HomeList, string[]>(HOME_LISTS.map((list) => [list, []]));
    for (const row of rows) lists.get(row.list)!.push(row.id);
    return lists;
  }

  /** A profile's latest questions, their ids newest first. */
  askedThreadIds(authorId: string, limit: number): Promise<string[]> {
    return askedThreadIds(this.db, authorId, limit);
  }

  /** A profile's latest public replies, their post ids newest first. */
  answerPostIds(authorId: string, limit: number): Promise<string[]> {
    return answerPostIds(this.db, authorId, limit);
  }

  /** For the per-request loader. */
  threadsByIds(ids: readonly string[]): Promise<Thread[]> {
    return this.db.getRepository(Thread).findBy({ id: In([...ids]) });
  }

  /** Moderation acts on someone else's thread: the asker resolving their own question is not logged. */
  private async recordOnOthersThread(
    tx: EntityManager,
    action: 'THREAD_RESOLVED' | 'THREAD_REOPENED',
    actor: Actor,
    thread: Thread,
    at?: Date,
  ): Promise<void> {
    if (actor.id === thread.authorId) return;
    await this.moderationLog.record(tx, {
      action,
      actorId: actor.id,
      targetType: 'THREAD',
      targetId: thread.id,
      details: { threadId: thread.id },
      at,
    });
  }
}
