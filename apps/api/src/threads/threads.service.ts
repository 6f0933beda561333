import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasAtLeastRole, Language, languageOrEnglish, REPUTATION, scoreTone } from '@parvis/domain';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { badInput, conflict, forbidden, notFound } from '../common/domain-error';
import { markdownToText, renderMarkdown } from '../common/markdown';
import { ConnectionShape, decodeCursor, pageInCreationOrder, toConnection } from '../common/pagination';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { requireRole, requireSignedIn, SignedInViewer, Viewer } from '../common/viewer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ModerationLogService } from '../moderation-log/moderation-log.service';
import { Space } from '../spaces/space.entity';
import { PostRevision } from './post-revision.entity';
import { Post } from './post.entity';
import { PrivateFollowUp, PrivateMessage } from './private-follow-up.entity';
import { Thanks } from './thanks.entity';
import { Thread } from './thread.entity';
import { ThreadsArgs } from './thread.type';
import {
  CreateThreadInput,
  EditPostInput,
  PostIdInput,
  ReplyInput,
  SendPrivateMessageInput,
  StartPrivateFollowUpInput,
  ThreadIdInput,
} from './threads.inputs';
import {
  canAcceptAnswer,
  canAcceptReply,
  canReadPrivateFollowUp,
  canResolve,
  canStartPrivateFollowUp,
  takesAnswers,
} from './threads.rules';

export interface StartThreadParams {
  spaceId: string;
  author: SignedInViewer;
  title: string;
  bodyMarkdown: string;
  language: Language;
}

export interface AddReplyParams {
  threadId: string;
  author: SignedInViewer;
  bodyMarkdown: string;
}

/** Staff, moderators and admins write for the brand: their posts are official and they are not rate limited. */
export const speaksForBrand = (user: SignedInViewer) => hasAtLeastRole(user.role, 'STAFF');

/**
 * Threads and posts: the rules of asking, replying and editing. The `tx` methods
 * (`startThread`, `addReply`) run inside a caller's transaction so another module (ideas) can
 * create a thread and its own rows atomically; they check the thread rules but not who may post
 * where, which is the caller's business (`createThread` and `reply` below, or the ideas service).
 */
@Injectable()
export class ThreadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moderationLog: ModerationLogService,
  ) {}

  // ─── Building blocks usable in another module's transaction ─────────────────────────────

  /** Creates a thread and its question (first post). Answer clocks start when the space is a HELP space. */
  async startThread(tx: EntityManager, params: StartThreadParams): Promise<Thread> {
    const space = await tx.findOneBy(Space, { id: params.spaceId });
    if (!space) throw notFound('There is no such space.');
    const now = new Date();
    const clocks =
      space.kind === 'HELP'
        ? {
            firstResponseDueAt: addMinutes(now, space.firstResponseMinutes),
            answerDueAt: addMinutes(now, space.answerMinutes),
          }
        : { firstResponseDueAt: null, answerDueAt: null };
    const thread = tx.create(Thread, {
      spaceId: space.id,
      authorId: params.author.id,
      title: params.title,
      language: params.language,
      createdAt: now,
      lastActivityAt: now,
      ...clocks,
    });
    await tx.insert(Thread, thread);
    await tx.insert(Post, this.newPost(thread.id, params.author, params.bodyMarkdown, true, now));
    return tx.findOneByOrFail(Thread, { id: thread.id });
  }

  /**
   * Adds a reply, locking the thread row so that counters and clocks stay right when people
   * reply at the same time. A locked thread accepts no reply.
   */
  async addReply(tx: EntityManager, params: AddReplyParams): Promise<Post> {
    const thread = await lockThreadRow(tx, params.threadId);
    if (thread.locked) throw lockedError(thread);
    const now = new Date();
    const post = this.newPost(thread.id, params.author, params.bodyMarkdown, false, now);
    await tx.insert(Post, post);
    const countsAsFirstResponse =
      thread.firstResponseDueAt !== null &&
      thread.firstResponseAt === null &&
      params.author.id !== thread.authorId &&
      hasAtLeastRole(params.author.role, 'EXPERT');
    await tx.update(
      Thread,
      { id: thread.id },
      {
        repliesCount: () => 'replies_count + 1',
        lastActivityAt: now,
        ...(countsAsFirstResponse ? { firstResponseAt: now } : {}),
      },
    );
    return tx.findOneByOrFail(Post, { id: post.id });
  }

  /**
   * Counts a post in the transaction that writes it, once the post passed its own checks (so a
   * refused post uses up no budget), and throws RATE_LIMITED, undoing the post, when the member
   * posted too much lately. Staff are not limited.
   */
  async countPost(tx: EntityManager, author: SignedInViewer): Promise<void> {
    if (speaksForBrand(author)) return;
    const { perMember, windowSeconds } = this.config.postLimit;
    await this.rateLimits.hit(
      [{ key: `post:user:${author.id}`, limit: perMember }],
      windowSeconds,
      `You have posted ${perMember} messages in the last ${Math.ceil(windowSeconds / 60)} minutes. Wait a few minutes, then post again.`,
      tx,
    );
  }

  // ─── Public operations ──────────────────────────────────────────────────────────────────

  async createThread(viewer: Viewer, input: CreateThreadInput): Promise<Thread> {
    const author = requireSignedIn(viewer, 'ask a question');
    const space = await this.db.getRepository(Space).findOneBy({ id: input.spaceId });
    if (!space) throw notFound('There is no such space.');
    if (space.kind === 'IDEAS')
      throw badInput('spaceId', 'This space is the idea box: submit an idea instead.');
    if (space.kind === 'ANNOUNCEMENTS' && !speaksForBrand(author)) {
      throw forbidden('Only the brand’s staff can post in announcements.');
    }
    const language = input.language ?? languageOrEnglish(author.locale);
    return this.db.transaction(async (tx) => {
      const thread = await this.startThread(tx, {
        spaceId: space.id,
        author,
        title: input.title,
        bodyMarkdown: input.bodyMarkdown,
        language,
      });
      await this.countPost(tx, author);
      return thread;
    });
  }

  async reply(viewer: Viewer, input: ReplyInput): Promise<Post> {
    const author = requireSignedIn(viewer, 'reply');
    return this.db.transaction(async (tx) => {
      const post = await this.addReply(tx, {
        threadId: input.threadId,
        author,
        bodyMarkdown: input.bodyMarkdown,
      });
      await this.countPost(tx, author);
      return post;
    });
  }

  /**
   * Only the author edits a post, and every edit keeps the previous version as a revision
   * (DESIGN.md §1: quietly editing what people wrote backfires). A locked thread is frozen.
   */
  async editPost(viewer: Viewer, input: EditPostInput): Promise<Post> {
    const editor = requireSignedIn(viewer, 'edit a post');
    return this.db.transaction(async (tx) => {
      const post = await tx.findOne(Post, {
        where: { id: input.postId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!post) throw notFound('There is no such post.');
      if (post.authorId !== editor.id) throw forbidden('Only its author can edit a post.');
      const thread = await tx.findOneByOrFail(Thread, { id: post.threadId });
      if (thread.locked) throw conflict('This thread is locked: its posts can no longer be edited.');
      if (post.bodyMarkdown === input.bodyMarkdown) return post;
      await tx.insert(PostRevision, {
        postId: post.id,
        bodyMarkdown: post.bodyMarkdown,
        bodyHtml: post.bodyHtml,
        writtenAt: post.editedAt ?? post.createdAt,
        editorId: editor.id,
        // A version replaced while the post is hidden stays hidden after a restore (issue 5).
        hiddenAt: post.hiddenAt,
        hiddenReason: post.hiddenReason,
      });
      const now = new Date();
      await tx.update(
        Post,
        { id: post.id },
        {
          bodyMarkdown: input.bodyMarkdown,
          bodyHtml: renderMarkdown(input.bodyMarkdown),
          bodyText: markdownToText(input.bodyMarkdown),
          editedAt: now,
          ...toneColumns(input.bodyMarkdown),
        },
      );
      return tx.findOneByOrFail(Post, { id: post.id });
    });
  }

  /**
   * Accepts a visible reply of a help thread as its answer: by the asker, or marked by an expert
   * or moderator who did not write it. The thread becomes ANSWERED (a resolved thread stays
   * RESOLVED), the answer clock stops, and the answer's author earns REPUTATION.acceptedAnswer
   * points; accepting another reply moves the points to its author. The asker earns nothing for
   * accepting their own reply.
   */
  async acceptAnswer(viewer: Viewer, input: PostIdInput): Promise<Thread> {
    const actor = requireSignedIn(viewer, 'accept an answer');
    return this.db.transaction(async (tx) => {
      const post = await tx.findOneBy(Post, { id: input.postId });
      if (!post) throw notFound('There is no such post.');
      const thread = await lockThreadRow(tx, post.threadId);
      if (!canAcceptAnswer(actor, thread)) {
        throw forbidden('Only the person who asked, an expert or a moderator can accept an answer.');
      }
      if (post.isQuestion) throw badInput('postId', 'The question cannot be its own answer: accept a reply.');
      const space = await tx.findOneByOrFail(Space, { id: thread.spaceId });
      if (!takesAnswers(space.kind)) {
        throw badInput(
          'postId',
          'Only replies in a help space can be accepted as answers: ideas and announcements take comments.',
        );
      }
      if (!canAcceptReply(actor, thread, post.authorId)) {
        throw forbidden('You cannot mark your own reply as the answer: the asker or another expert can.');
      }
      if (post.hiddenAt) throw badInput('postId', 'This reply is hidden: it cannot be the answer.');
      if (thread.acceptedAnswerId === post.id) return thread;
      if (thread.acceptedAnswerId) {
        const previous = await tx.findOneByOrFail(Post, { id: thread.acceptedAnswerId });
        await this.addReputation(tx, previous.authorId, thread.authorId, -REPUTATION.acceptedAnswer);
      }
      await this.addReputation(tx, post.authorId, thread.authorId, REPUTATION.acceptedAnswer);
      const now = new Date();
      await tx.update(
        Thread,
        { id: thread.id },
        {
          acceptedAnswerId: post.id,
          acceptedById: actor.id,
          status: thread.status === 'RESOLVED' ? 'RESOLVED' : 'ANSWERED',
          answeredAt: thread.answeredAt ?? now,
          lastActivityAt: now,
        },
      );
      if (actor.id !== thread.authorId) {
        await this.moderationLog.record(tx, {
          action: 'ANSWER_ACCEPTED',
          actorId: actor.id,
          targetType: 'THREAD',
          targetId: thread.id,
          details: { threadId: thread.id, answerPostId: post.id },
        });
      }
      return tx.findOneByOrFail(Thread, { id: thread.id });
    });
  }

  async resolveThread(viewer: Viewer, input: ThreadIdInput): Promise<Thread> {
    const actor = requireSignedIn(viewer, 'resolve a thread');
    return this.db.transaction(async (tx) => {
      const thread = await lockThreadRow(tx, input.threadId);
      if (!canResolve(actor, thread))
        throw forbidden('Only the person who asked or a moderator can resolve a thread.');
      if (thread.status === 'RESOLVED') throw conflict('This thread is already resolved.');
      const now = new Date();
      await tx.update(
        Thread,
        { id: thread.id },
        { status: 'RESOLVED', resolvedAt: now, lastActivityAt: now },
      );
      await this.recordOnOthersThread(tx, 'THREAD_RESOLVED', actor, thread);
      return tx.findOneByOrFail(Thread, { id: thread.id });
    });
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
          lastActivityAt: new Date(),
        },
      );
      await this.recordOnOthersThread(tx, 'THREAD_REOPENED', actor, thread);
      return tx.findOneByOrFail(Thread, { id: thread.id });
    });
  }

  /**
   * Thanks a post, or takes the thanks back when the member already thanked it. The post's
   * count and its author's reputation (REPUTATION.thanksReceived) move in the same transaction.
   */
  async thank(viewer: Viewer, input: PostIdInput): Promise<Post> {
    const member = requireSignedIn(viewer, 'thank a post');
    return this.db.transaction(async (tx) => {
      const post = await tx.findOne(Post, {
        where: { id: input.postId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!post) throw notFound('There is no such post.');
      if (post.authorId === member.id) throw forbidden('You cannot thank your own post.');
      const existing = await tx.findOneBy(Thanks, { postId: post.id, userId: member.id });
      const thanking = !existing || existing.withdrawnAt !== null;
      if (!existing) await tx.insert(Thanks, { postId: post.id, userId: member.id });
      else await tx.update(Thanks, { id: existing.id }, { withdrawnAt: thanking ? null : new Date() });
      const delta = thanking ? 1 : -1;
      await tx.update(Post, { id: post.id }, { thanksCount: () => `thanks_count + ${delta}` });
      await this.addReputation(tx, post.authorId, null, delta * REPUTATION.thanksReceived);
      return tx.findOneByOrFail(Post, { id: post.id });
    });
  }

  // ─── Private follow-up ──────────────────────────────────────────────────────────────────

  /**
   * Moves a confidential case to a conversation between the asker and staff. The public thread
   * stays as it is, open to replies, with a notice naming the agent. A second start reuses the
   * same conversation. It acknowledges the asker, so it counts as the first response.
   */
  async startPrivateFollowUp(viewer: Viewer, input: StartPrivateFollowUpInput): Promise<PrivateFollowUp> {
    const agent = requireSignedIn(viewer, 'start a private follow-up');
    if (!canStartPrivateFollowUp(agent))
      throw forbidden('Only the brand’s staff can start a private follow-up.');
    return this.db.transaction(async (tx) => {
      const thread = await lockThreadRow(tx, input.threadId);
      let followUp = await tx.findOneBy(PrivateFollowUp, { threadId: thread.id });
      if (!followUp) {
        followUp = tx.create(PrivateFollowUp, {
          threadId: thread.id,
          askerId: thread.authorId,
          agentId: agent.id,
        });
        await tx.insert(PrivateFollowUp, followUp);
      }
      await this.insertMessage(tx, followUp.id, agent, input.bodyMarkdown);
      if (thread.firstResponseDueAt && !thread.firstResponseAt) {
        await tx.update(Thread, { id: thread.id }, { firstResponseAt: new Date() });
      }
      return tx.findOneByOrFail(PrivateFollowUp, { id: followUp.id });
    });
  }

  async sendPrivateMessage(viewer: Viewer, input: SendPrivateMessageInput): Promise<PrivateMessage> {
    const author = requireSignedIn(viewer, 'write in a private follow-up');
    const followUp = await this.privateFollowUp(author, input.followUpId);
    return this.db.transaction(async (tx) => {
      const message = await this.insertMessage(tx, followUp.id, author, input.bodyMarkdown);
      await this.countPost(tx, author);
      return message;
    });
  }

  /** Only its asker and staff read a private follow-up; anyone else is told it is not theirs to read. */
  async privateFollowUp(viewer: Viewer, id: string): Promise<PrivateFollowUp> {
    const reader = requireSignedIn(viewer, 'read a private follow-up');
    const followUp = await this.db.getRepository(PrivateFollowUp).findOneBy({ id });
    if (!followUp) throw notFound('There is no such private follow-up.');
    if (!canReadPrivateFollowUp(reader, followUp.askerId)) {
      throw forbidden('This private follow-up is only for the person who asked and the brand’s staff.');
    }
    return followUp;
  }

  /** The viewer's private follow-ups, newest first: their own cases, or every case for staff. */
  async privateFollowUps(
    viewer: Viewer,
    first: number,
    after?: string,
  ): Promise<ConnectionShape<PrivateFollowUp>> {
    const reader = requireSignedIn(viewer, 'see private follow-ups');
    const query = this.db.getRepository(PrivateFollowUp).createQueryBuilder('f');
    if (!hasAtLeastRole(reader.role, 'STAFF')) query.where('f.asker_id = :reader', { reader: reader.id });
    return pageInCreationOrder(query, 'f', { first, after }, 'DESC');
  }

  // ─── Reading ────────────────────────────────────────────────────────────────────────────

  async thread(id: string): Promise<Thread> {
    const thread = await this.db.getRepository(Thread).findOneBy({ id });
    if (!thread) throw notFound('There is no such thread.');
    return thread;
  }

  /** Threads, pinned first, then by last activity or creation, newest first; keyset-paginated. */
  async threads(args: ThreadsArgs): Promise<ConnectionShape<Thread>> {
    const query = this.db.getRepository(Thread).createQueryBuilder('t');
    if (args.spaceId) query.andWhere('t.space_id = :spaceId', { spaceId: args.spaceId });
    if (args.status) query.andWhere('t.status = :status', { status: args.status });
    if (args.unanswered) query.andWhere('t.replies_count = 0');
    const total = await query.getCount();
    const column = args.sort === 'NEWEST' ? 't.created_at' : 't.last_activity_at';
    const field: 'createdAt' | 'lastActivityAt' = args.sort === 'NEWEST' ? 'createdAt' : 'lastActivityAt';
    if (args.after) {
      const [pinned, at, id] = decodeCursor(args.after, ['boolean', 'instant', 'uuid']);
      query.andWhere(`(t.pinned, ${column}, t.id) < (:pinned, :at, :id)`, { pinned, at, id });
    }
    const rows = await query
      .orderBy('t.pinned', 'DESC')
      .addOrderBy(column, 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(args.first + 1)
      .getMany();
    return toConnection(
      rows,
      args.first,
      total,
      (t) => [t.pinned, t[field].toISOString(), t.id],
      (t) => t,
    );
  }

  /** A thread's replies (the question excluded), oldest first. `total` is the thread's replies count. */
  async replies(
    threadId: string,
    total: number,
    first: number,
    after?: string,
  ): Promise<ConnectionShape<Post>> {
    const query = this.db
      .getRepository(Post)
      .createQueryBuilder('p')
      .where('p.thread_id = :threadId AND NOT p.is_question', { threadId });
    return pageInCreationOrder(query, 'p', { first, after }, 'ASC', total);
  }

  /** A thread's question and accepted answer, in one query (the thread page shows both first). */
  headPosts(thread: Thread): Promise<Post[]> {
    return this.db
      .getRepository(Post)
      .createQueryBuilder('p')
      .where('p.thread_id = :threadId AND (p.is_question OR p.id = :answerId)', {
        threadId: thread.id,
        answerId: thread.acceptedAnswerId,
      })
      .getMany();
  }

  /**
   * The staff queue (DESIGN.md §1): open help threads by the deadline still running (the first
   * response, then the answer), earliest first, so overdue threads come first.
   */
  async slaQueue(
    viewer: Viewer,
    first: number,
    after?: string,
  ): Promise<ConnectionShape<Thread & { nextDueAt: Date }>> {
    requireRole(viewer, 'STAFF', 'see the answer-time queue');
    const next = `CASE WHEN t.first_response_at IS NULL THEN t.first_response_due_at ELSE t.answer_due_at END`;
    const query = this.db
      .getRepository(Thread)
      .createQueryBuilder('t')
      .where(`t.status = 'OPEN' AND t.first_response_due_at IS NOT NULL`);
    const total = await query.getCount();
    if (after) {
      const [at, id] = decodeCursor(after, ['instant', 'uuid']);
      query.andWhere(`(${next}, t.id) > (:at, :id)`, { at, id });
    }
    const rows = await query
      .orderBy(next, 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(first + 1)
      .getMany();
    const withDue = rows.map((t) =>
      Object.assign(t, { nextDueAt: (t.firstResponseAt ? t.answerDueAt : t.firstResponseDueAt) as Date }),
    );
    return toConnection(
      withDue,
      first,
      total,
      (t) => [t.nextDueAt.toISOString(), t.id],
      (t) => t,
    );
  }

  // ─── Batch reads for the per-request loaders ────────────────────────────────────────────

  threadsByIds(ids: readonly string[]): Promise<Thread[]> {
    return this.db.getRepository(Thread).findBy({ id: In([...ids]) });
  }

  postsByIds(ids: readonly string[]): Promise<Post[]> {
    return this.db.getRepository(Post).findBy({ id: In([...ids]) });
  }

  questionsByThreadIds(threadIds: readonly string[]): Promise<Post[]> {
    return this.db.getRepository(Post).findBy({ threadId: In([...threadIds]), isQuestion: true });
  }

  spacesByIds(ids: readonly string[]): Promise<Space[]> {
    return this.db.getRepository(Space).findBy({ id: In([...ids]) });
  }

  /** Revisions of many posts, newest first. */
  revisionsByPostIds(postIds: readonly string[]): Promise<PostRevision[]> {
    return this.db
      .getRepository(PostRevision)
      .find({ where: { postId: In([...postIds]) }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** Which of these posts the member currently thanks. */
  async thankedPostIds(userId: string, postIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.getRepository(Thanks).find({
      select: { postId: true },
      where: { userId, postId: In([...postIds]), withdrawnAt: IsNull() },
    });
    return new Set(rows.map((r) => r.postId));
  }

  followUpsByThreadIds(threadIds: readonly string[]): Promise<PrivateFollowUp[]> {
    return this.db.getRepository(PrivateFollowUp).findBy({ threadId: In([...threadIds]) });
  }

  messagesByFollowUpIds(ids: readonly string[]): Promise<PrivateMessage[]> {
    return this.db
      .getRepository(PrivateMessage)
      .find({ where: { followUpId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Thanks received and accepted answers of many people, for their profiles. */
  async contributionsByUserIds(
    userIds: readonly string[],
  ): Promise<{ userId: string; thanksReceived: number; acceptedAnswers: number }[]> {
    const rows: { user_id: string; thanks: string; accepted: string }[] = await this.db.query(
      `SELECT p.author_id AS user_id, COALESCE(SUM(p.thanks_count), 0) AS thanks, COUNT(t.id) AS accepted
         FROM posts p LEFT JOIN threads t ON t.accepted_answer_id = p.id
        WHERE p.author_id = ANY($1) GROUP BY p.author_id`,
      [[...userIds]],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      thanksReceived: Number(r.thanks),
      acceptedAnswers: Number(r.accepted),
    }));
  }

  // ─── Helpers ────────────────────────────────────────────────────────────────────────────

  /** Moderation acts on someone else's thread: the asker resolving their own question is not logged. */
  private async recordOnOthersThread(
    tx: EntityManager,
    action: 'THREAD_RESOLVED' | 'THREAD_REOPENED',
    actor: SignedInViewer,
    thread: Thread,
  ): Promise<void> {
    if (actor.id === thread.authorId) return;
    await this.moderationLog.record(tx, {
      action,
      actorId: actor.id,
      targetType: 'THREAD',
      targetId: thread.id,
      details: { threadId: thread.id },
    });
  }

  /** Reputation moves in the caller's transaction; nobody earns points from their own thread's acceptance. */
  private async addReputation(
    tx: EntityManager,
    userId: string,
    unlessUserId: string | null,
    points: number,
  ): Promise<void> {
    if (userId === unlessUserId || points === 0) return;
    await tx.query('UPDATE users SET reputation = reputation + $1 WHERE id = $2', [points, userId]);
  }

  private async insertMessage(
    tx: EntityManager,
    followUpId: string,
    author: SignedInViewer,
    bodyMarkdown: string,
  ): Promise<PrivateMessage> {
    const message = tx.create(PrivateMessage, {
      followUpId,
      authorId: author.id,
      bodyMarkdown,
      bodyHtml: renderMarkdown(bodyMarkdown),
    });
    await tx.insert(PrivateMessage, message);
    return tx.findOneByOrFail(PrivateMessage, { id: message.id });
  }

  private newPost(
    threadId: string,
    author: SignedInViewer,
    bodyMarkdown: string,
    isQuestion: boolean,
    now: Date,
  ): Post {
    return Object.assign(new Post(), {
      threadId,
      authorId: author.id,
      isQuestion,
      bodyMarkdown,
      bodyHtml: renderMarkdown(bodyMarkdown),
      bodyText: markdownToText(bodyMarkdown),
      isOfficial: speaksForBrand(author),
      createdAt: now,
      ...toneColumns(bodyMarkdown),
    });
  }
}

function lockedError(thread: Thread) {
  return conflict(
    `This thread is locked${thread.lockReason ? ` (${thread.lockReason})` : ''}: it accepts no new replies.`,
  );
}

/** The tone of a body (issue 5), scored on its plain text at every write. */
function toneColumns(bodyMarkdown: string): Pick<Post, 'tone' | 'toneScore'> {
  const { tone, score } = scoreTone(markdownToText(bodyMarkdown));
  return { tone, toneScore: score };
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/**
 * The thread's row, locked until the transaction ends (FOR UPDATE), so that two changes to one
 * thread (two replies, an accept and a resolve, a lock and a reply) happen one after the other.
 */
export async function lockThreadRow(tx: EntityManager, threadId: string): Promise<Thread> {
  const thread = await tx.findOne(Thread, { where: { id: threadId }, lock: { mode: 'pessimistic_write' } });
  if (!thread) throw notFound('There is no such thread.');
  return thread;
}
