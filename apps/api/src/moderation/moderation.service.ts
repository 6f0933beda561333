import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canMarkAnswered, CharterRule, MODERATION_LIMITS, ModerationActionName } from '@parvis/domain';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { badInput, conflict, forbidden, notFound } from '../common/domain-error';
import { renderMarkdown } from '../common/markdown';
import { isUniqueViolation } from '../common/postgres-errors';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { requireRole, requireSignedIn, SignedInViewer, Viewer } from '../common/viewer';
import { Space } from '../spaces/space.entity';
import { PostRevision } from '../threads/post-revision.entity';
import { Post } from '../threads/post.entity';
import { ThreadNoticesService } from '../threads/thread-notices.service';
import { Thread } from '../threads/thread.entity';
import { CrisisBanner } from './crisis-banner.entity';
import { Flag } from './flag.entity';
import { ModerationLogService } from '../moderation-log/moderation-log.service';
import {
  FlagInput,
  HidePostInput,
  LockThreadInput,
  MarkAnsweredInput,
  ModeratePostInput,
  ModerateThreadInput,
  MoveThreadInput,
  PublishCrisisBannerInput,
  TakeDownCrisisBannerInput,
} from './moderation.inputs';
import { ThreadEvents } from '../threads/thread-events';
import { lockThreadRow } from '../threads/thread-lock';
import { Actor } from '../threads/threads.rules';
import { postRow } from '../threads/post-rows';
import { spaceRow } from '../spaces/space-row';
import { laterReplyIds, postsFlaggedByMember, previousPostIds } from './moderation.queries';

export interface FlaggedPost {
  post: Post;
  flagsCount: number;
  reasons: CharterRule[];
  latestAt: Date;
}

/** A member's flag on a post; `at`: when it was raised, now unless given (the demo seed writes a past). */
export interface NewFlag {
  postId: string;
  memberId: string;
  reason: CharterRule;
  note: string | null;
  at?: Date;
}

const HOUR = 3600;

/**
 * Moderation that never deletes: flags, hiding and restoring with a public notice,
 * answered marks, thread locks, pins and moves, the moderators' queue and the crisis banner.
 * Every action writes its public log entry in the SAME transaction as the change (ModerationLogService),
 * so the log can never miss an action nor record one that did not happen.
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: ModerationLogService,
    private readonly rateLimits: RateLimitService,
    private readonly threadEvents: ThreadEvents,
    private readonly notices: ThreadNoticesService,
  ) {}

  // ─── Flags ──────────────────────────────────────────────────────────────────────────────

  /** Any member flags a post once (while their flag is open), under a charter rule; rate limited. */
  async flag(viewer: Viewer, input: FlagInput): Promise<Post> {
    const member = requireSignedIn(viewer, 'flag a post');
    const post = await postRow(this.db.manager, input.targetId);
    if (post.authorId === member.id) throw forbidden('You cannot flag your own post: edit it instead.');
    if (post.hiddenAt) throw conflict('This post is already hidden by a moderator.');
    try {
      // The flag is counted with its insert, so a refused flag (a duplicate) uses up no budget.
      await this.db.transaction(async (tx) => {
        await this.addFlag(tx, {
          postId: post.id,
          memberId: member.id,
          reason: input.reason,
          note: input.note ?? null,
        });
        await this.rateLimits.hit(
          [{ key: `flag:user:${member.id}`, limit: MODERATION_LIMITS.flagsPerHour }],
          HOUR,
          `You have flagged ${MODERATION_LIMITS.flagsPerHour} posts in the last hour. Moderators will look at them; wait a while before flagging more.`,
          tx,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'flags_one_open_per_member_key')) {
        throw conflict(
          'You have already flagged this post; moderators will look at it.',
          'targetId',
          'ALREADY_FLAGGED',
        );
      }
      throw error;
    }
    return post;
  }

  /**
   * Writes a member's flag in the caller's transaction, once the caller has checked the post may
   * be flagged; a second open flag by the same member is refused (flags_one_open_per_member_key).
   */
  async addFlag(tx: EntityManager, flag: NewFlag): Promise<void> {
    const { at, ...fields } = flag;
    await tx.insert(Flag, { ...fields, createdAt: at });
  }

  /** Moderators close the open flags on a post without hiding it (the post breaks no rule). */
  async dismissFlags(viewer: Viewer, input: ModeratePostInput): Promise<Post> {
    const moderator = requireRole(viewer, 'MODERATOR', 'dismiss flags');
    return this.db.transaction(async (tx) => {
      const post = await postRow(tx, input.postId, true);
      const dismissed = await this.resolveFlags(tx, post.id, moderator, 'DISMISSED');
      if (dismissed === 0) throw conflict('This post has no open flag to dismiss.');
      await this.record(tx, 'FLAGS_DISMISSED', moderator, post, { flags: dismissed });
      return post;
    });
  }

  // ─── Hide and restore ───────────────────────────────────────────────────────────────────

  /**
   * Hides a post for a charter breach: the post stays, its author and moderators still read it,
   * everyone else sees who hid it, when and under which rule. Its open flags are resolved, and
   * its earlier versions are hidden with it for good (restorePost does not bring them back).
   */
  async hidePost(viewer: Viewer, input: HidePostInput): Promise<Post> {
    const moderator = requireRole(viewer, 'MODERATOR', 'hide posts');
    return this.db.transaction(async (tx) => {
      const post = await postRow(tx, input.postId, true);
      if (post.hiddenAt) throw conflict('This post is already hidden.');
      await this.hide(tx, post, moderator, input.reason, input.note ?? null);
      await this.threadEvents.publish(tx, { kind: 'POST_HIDDEN', threadId: post.threadId, postId: post.id });
      return tx.findOneByOrFail(Post, { id: post.id });
    });
  }

  /**
   * What hiding does, in the caller's transaction, once the caller has checked the moderator and
   * that the post (locked) is visible: the post and its earlier versions hidden under the rule,
   * its open flags resolved, the public log. `hiddenAt`: now unless given.
   */
  async hide(
    tx: EntityManager,
    post: Post,
    moderator: Actor,
    rule: CharterRule,
    note: string | null,
    hiddenAt: Date = new Date(),
  ): Promise<void> {
    await tx.update(
      Post,
      { id: post.id },
      { hiddenAt, hiddenById: moderator.id, hiddenReason: rule, hiddenNote: note },
    );
    // The breach may be in earlier versions too; a restore brings back only the current text.
    await tx.update(PostRevision, { postId: post.id, hiddenAt: IsNull() }, { hiddenAt, hiddenReason: rule });
    const flags = await this.resolveFlags(tx, post.id, moderator, 'HIDDEN', hiddenAt);
    await this.record(tx, 'POST_HIDDEN', moderator, post, { flags }, rule, note, hiddenAt);
    await this.notices.moderated(tx, post, moderator, 'POST_HIDDEN', rule, hiddenAt);
  }

  async restorePost(viewer: Viewer, input: ModeratePostInput): Promise<Post> {
    const moderator = requireRole(viewer, 'MODERATOR', 'restore posts');
    return this.db.transaction(async (tx) => {
      const post = await postRow(tx, input.postId, true);
      if (!post.hiddenAt) throw conflict('This post is not hidden.');
      await tx.update(
        Post,
        { id: post.id },
        { hiddenAt: null, hiddenById: null, hiddenReason: null, hiddenNote: null },
      );
      await this.record(tx, 'POST_RESTORED', moderator, post, {}, post.hiddenReason);
      await this.threadEvents.publish(tx, {
        kind: 'POST_RESTORED',
        threadId: post.threadId,
        postId: post.id,
      });
      await this.notices.moderated(tx, post, moderator, 'POST_RESTORED', post.hiddenReason);
      return tx.findOneByOrFail(Post, { id: post.id });
    });
  }

  // ─── Answered marks ─────────────────────────────────────────────────────────────────────

  /**
   * Experts, staff and moderators mark a post (typically a complaint) as answered by a reply of
   * the same thread; the post then links to its answer. Marking it with another reply moves the mark.
   */
  async markAnswered(viewer: Viewer, input: MarkAnsweredInput): Promise<Post> {
    const marker = requireSignedIn(viewer, 'mark a post answered');
    if (!canMarkAnswered(marker))
      throw forbidden('Only experts, staff and moderators can mark a post answered.');
    if (input.postId === input.answerPostId)
      throw badInput('answerPostId', 'A post cannot answer itself: choose a reply to it.');
    return this.db.transaction(async (tx) => {
      const post = await postRow(tx, input.postId, true);
      const answer = await tx.findOneBy(Post, { id: input.answerPostId });
      if (!answer) throw notFound('There is no such answer.', 'POST_NOT_FOUND');
      if (answer.threadId !== post.threadId)
        throw badInput('answerPostId', 'The answer must be a reply in the same thread.');
      if (answer.isQuestion)
        throw badInput('answerPostId', 'The question cannot be the answer: choose a reply.');
      if (answer.hiddenAt) throw badInput('answerPostId', 'This reply is hidden: it cannot be the answer.');
      if (post.answeredByPostId === answer.id) return post;
      await this.markAnsweredBy(tx, post, answer, marker);
      await this.threadEvents.publish(tx, {
        kind: 'POST_MARKED_ANSWERED',
        threadId: post.threadId,
        postId: post.id,
      });
      return tx.findOneByOrFail(Post, { id: post.id });
    });
  }

  /**
   * Marks `post` answered by `answer`, in the caller's transaction, once the caller has checked
   * the marker and the answer; logged publicly. `at`: now unless given.
   */
  async markAnsweredBy(
    tx: EntityManager,
    post: Post,
    answer: Post,
    marker: Actor,
    at: Date = new Date(),
  ): Promise<void> {
    await tx.update(
      Post,
      { id: post.id },
      { answeredByPostId: answer.id, answeredAt: at, answeredMarkedById: marker.id },
    );
    await this.record(tx, 'POST_MARKED_ANSWERED', marker, post, { answerPostId: answer.id }, null, null, at);
    await this.notices.markedAnswered(tx, post, answer, marker, at);
  }

  // ─── Threads: lock, pin, move ───────────────────────────────────────────────────────────

  async lockThread(viewer: Viewer, input: LockThreadInput): Promise<Thread> {
    return this.changeThread(viewer, input.threadId, 'lock threads', async (tx, thread, moderator) => {
      if (thread.locked) throw conflict('This thread is already locked.');
      await tx.update(Thread, { id: thread.id }, { locked: true, lockReason: input.reason });
      await this.recordThread(tx, 'THREAD_LOCKED', moderator, thread, {}, input.reason);
    });
  }

  async unlockThread(viewer: Viewer, input: ModerateThreadInput): Promise<Thread> {
    return this.changeThread(viewer, input.threadId, 'unlock threads', async (tx, thread, moderator) => {
      if (!thread.locked) throw conflict('This thread is not locked.');
      await tx.update(Thread, { id: thread.id }, { locked: false, lockReason: null });
      await this.recordThread(tx, 'THREAD_UNLOCKED', moderator, thread);
    });
  }

  async pinThread(viewer: Viewer, input: ModerateThreadInput): Promise<Thread> {
    return this.changeThread(viewer, input.threadId, 'pin threads', async (tx, thread, moderator) => {
      if (thread.pinned) throw conflict('This thread is already pinned.');
      await this.pin(tx, thread, moderator);
    });
  }

  async unpinThread(viewer: Viewer, input: ModerateThreadInput): Promise<Thread> {
    return this.changeThread(viewer, input.threadId, 'unpin threads', async (tx, thread, moderator) => {
      if (!thread.pinned) throw conflict('This thread is not pinned.');
      await tx.update(Thread, { id: thread.id }, { pinned: false });
      await this.recordThread(tx, 'THREAD_UNPINNED', moderator, thread);
    });
  }

  /** Moves a help thread or an announcement to another such space; ideas stay in the idea box. */
  async moveThread(viewer: Viewer, input: MoveThreadInput): Promise<Thread> {
    return this.changeThread(viewer, input.threadId, 'move threads', async (tx, thread, moderator) => {
      // One after the other: queries of a transaction share its single connection.
      const from = await tx.findOneByOrFail(Space, { id: thread.spaceId });
      const to = await spaceRow(tx, input.spaceId);
      if (to.id === from.id) throw badInput('spaceId', 'The thread is already in this space.');
      if (from.kind === 'IDEAS' || to.kind === 'IDEAS') {
        throw badInput(
          'spaceId',
          'Ideas live in the idea box: merge a duplicate idea instead of moving threads in or out of it.',
        );
      }
      await tx.update(Thread, { id: thread.id }, { spaceId: to.id });
      await this.recordThread(tx, 'THREAD_MOVED', moderator, thread, {
        from: from.name,
        to: to.name,
        fromSpaceId: from.id,
        toSpaceId: to.id,
      });
    });
  }

  // ─── Queue ──────────────────────────────────────────────────────────────────────────────

  /** Open flags grouped by post (most flagged, then latest, first). */
  async flaggedPosts(viewer: Viewer, first: number): Promise<FlaggedPost[]> {
    requireRole(viewer, 'MODERATOR', 'see the moderation queue');
    const groups: { post_id: string; n: number; reasons: CharterRule[]; latest: Date }[] =
      await this.db.query(
        `SELECT post_id, count(*)::int AS n, max(created_at) AS latest,
              array_agg(reason ORDER BY reason) AS reasons
         FROM flags WHERE resolved_at IS NULL
        GROUP BY post_id ORDER BY n DESC, latest DESC, post_id LIMIT $1`,
        [first],
      );
    if (groups.length === 0) return [];
    const posts = await this.db.getRepository(Post).findBy({ id: In(groups.map((g) => g.post_id)) });
    return groups.map((g) => ({
      post: posts.find((p) => p.id === g.post_id)!,
      flagsCount: g.n,
      reasons: byFrequency(g.reasons),
      latestAt: g.latest,
    }));
  }

  /** Negative posts nobody has marked answered, in help threads and announcements not resolved, not official, the longest waiting first. */
  async negativeUnanswered(viewer: Viewer, first: number): Promise<Post[]> {
    requireRole(viewer, 'MODERATOR', 'see the moderation queue');
    return (
      this.db
        .getRepository(Post)
        .createQueryBuilder('p')
        .innerJoin(Thread, 't', 't.id = p.thread_id')
        // Help threads and announcements: a comment on an idea is not a complaint waiting for the brand.
        .innerJoin(Space, 's', `s.id = t.space_id AND s.kind <> 'IDEAS'`)
        .where(
          `p.tone = 'NEGATIVE' AND p.answered_by_post_id IS NULL AND p.hidden_at IS NULL AND NOT p.is_official`,
        )
        .andWhere(`t.status <> 'RESOLVED' AND (NOT p.is_question OR t.accepted_answer_id IS NULL)`)
        .orderBy('p.created_at', 'ASC')
        .addOrderBy('p.id', 'ASC')
        .limit(first)
        .getMany()
    );
  }

  openFlagsByPostIds(postIds: readonly string[]): Promise<Flag[]> {
    return this.db.getRepository(Flag).find({
      where: { postId: In([...postIds]), resolvedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** For the queue's context: the post before each of these in its thread. */
  previousPostIds(postIds: readonly string[]): Promise<Map<string, string>> {
    return previousPostIds(this.db, postIds);
  }

  /** For the queue's context: the replies after each of these posts, its possible answers. */
  laterReplyIds(postIds: readonly string[]): Promise<Map<string, string[]>> {
    return laterReplyIds(this.db, postIds);
  }

  /** Which of these posts the member has an open flag on. */
  flaggedByMember(memberId: string, postIds: readonly string[]): Promise<Set<string>> {
    return postsFlaggedByMember(this.db, memberId, postIds);
  }

  // ─── Crisis banner ──────────────────────────────────────────────────────────────────────

  activeBanner(): Promise<CrisisBanner | null> {
    return this.db.getRepository(CrisisBanner).findOneBy({ takenDownAt: IsNull() });
  }

  /** Publishes the official statement shown on every page, pinning the thread it links to. One at a time. */
  async publishBanner(viewer: Viewer, input: PublishCrisisBannerInput): Promise<CrisisBanner> {
    const moderator = requireRole(viewer, 'MODERATOR', 'publish a crisis banner');
    try {
      return await this.db.transaction(async (tx) => {
        const thread = input.threadId ? await lockThreadRow(tx, input.threadId) : null;
        const banner = tx.create(CrisisBanner, {
          title: input.title,
          bodyMarkdown: input.bodyMarkdown,
          bodyHtml: renderMarkdown(input.bodyMarkdown),
          threadId: thread?.id ?? null,
          publishedById: moderator.id,
        });
        await tx.insert(CrisisBanner, banner);
        if (thread && !thread.pinned) await this.pin(tx, thread, moderator);
        await this.log.record(tx, {
          action: 'BANNER_PUBLISHED',
          actorId: moderator.id,
          targetType: 'BANNER',
          targetId: banner.id,
          details: { title: input.title, threadId: thread?.id ?? null },
        });
        return tx.findOneByOrFail(CrisisBanner, { id: banner.id });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'crisis_banners_one_active_key')) {
        throw conflict('A crisis banner is already shown: take it down before publishing another.');
      }
      throw error;
    }
  }

  async takeDownBanner(viewer: Viewer, input: TakeDownCrisisBannerInput): Promise<CrisisBanner> {
    const moderator = requireRole(viewer, 'MODERATOR', 'take down a crisis banner');
    return this.db.transaction(async (tx) => {
      const banner = await tx.findOne(CrisisBanner, {
        where: { id: input.bannerId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!banner) throw notFound('There is no such banner.', 'BANNER_NOT_FOUND');
      if (banner.takenDownAt) throw conflict('This banner is already taken down.');
      await tx.update(
        CrisisBanner,
        { id: banner.id },
        { takenDownAt: new Date(), takenDownById: moderator.id },
      );
      await this.log.record(tx, {
        action: 'BANNER_TAKEN_DOWN',
        actorId: moderator.id,
        targetType: 'BANNER',
        targetId: banner.id,
        details: { title: banner.title, threadId: banner.threadId },
      });
      return tx.findOneByOrFail(CrisisBanner, { id: banner.id });
    });
  }

  bannersByIds(ids: readonly string[]): Promise<CrisisBanner[]> {
    return this.db.getRepository(CrisisBanner).findBy({ id: In([...ids]) });
  }

  // ─── Helpers ────────────────────────────────────────────────────────────────────────────

  private changeThread(
    viewer: Viewer,
    threadId: string,
    action: string,
    change: (tx: EntityManager, thread: Thread, moderator: SignedInViewer) => Promise<void>,
  ): Promise<Thread> {
    const moderator = requireRole(viewer, 'MODERATOR', action);
    return this.db.transaction(async (tx) => {
      const thread = await lockThreadRow(tx, threadId);
      await change(tx, thread, moderator);
      return tx.findOneByOrFail(Thread, { id: thread.id });
    });
  }

  private async pin(tx: EntityManager, thread: Thread, moderator: SignedInViewer): Promise<void> {
    await tx.update(Thread, { id: thread.id }, { pinned: true });
    await this.recordThread(tx, 'THREAD_PINNED', moderator, thread);
  }

  private async resolveFlags(
    tx: EntityManager,
    postId: string,
    moderator: Actor,
    resolution: 'HIDDEN' | 'DISMISSED',
    at: Date = new Date(),
  ): Promise<number> {
    const result = await tx.update(
      Flag,
      { postId, resolvedAt: IsNull() },
      { resolvedAt: at, resolvedById: moderator.id, resolution },
    );
    return result.affected ?? 0;
  }

  /**
   * Logs an action on a post, with its thread to link to: never the post's text, nor the thread's
   * title (part of the question, which may be hidden later: the log resolves it when read).
   */
  private async record(
    tx: EntityManager,
    action: ModerationActionName,
    actor: Actor,
    post: Post,
    details: Record<string, string | number | null>,
    rule: CharterRule | null = null,
    reason: string | null = null,
    at?: Date,
  ): Promise<void> {
    await this.log.record(tx, {
      action,
      actorId: actor.id,
      targetType: 'POST',
      targetId: post.id,
      rule,
      reason,
      details: {
        threadId: post.threadId,
        isQuestion: post.isQuestion ? 'yes' : 'no',
        ...details,
      },
      at,
    });
  }

  private recordThread(
    tx: EntityManager,
    action: ModerationActionName,
    actor: SignedInViewer,
    thread: Thread,
    details: Record<string, string | number | null> = {},
    reason: string | null = null,
  ): Promise<void> {
    return this.log.record(tx, {
      action,
      actorId: actor.id,
      targetType: 'THREAD',
      targetId: thread.id,
      reason,
      details: { threadId: thread.id, ...details },
    });
  }
}

/** The distinct rules, most named first. */
function byFrequency(reasons: CharterRule[]): CharterRule[] {
  const counts = new Map<CharterRule, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r]) => r);
}
