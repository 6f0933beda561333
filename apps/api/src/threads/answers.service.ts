import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REPUTATION } from '@parvis/domain';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { badInput, forbidden } from '../common/domain-error';
import { requireSignedIn, Viewer } from '../common/viewer';
import { ReputationService } from '../identity/reputation.service';
import { ModerationLogService } from '../moderation-log/moderation-log.service';
import { Space } from '../spaces/space.entity';
import { Contributions, contributionsOf } from './answers.queries';
import { Post } from './post.entity';
import { Thanks } from './thanks.entity';
import { ThreadEvents } from './thread-events';
import { lockThreadRow } from './thread-lock';
import { postRow } from './post-rows';
import { ThreadNoticesService } from './thread-notices.service';
import { Thread } from './thread.entity';
import { PostIdInput } from './threads.inputs';
import { Actor, canAcceptAnswer, canAcceptReply, takesAnswers } from './threads.rules';

/**
 * What people earn for helping: accepted answers and thanks, and the reputation they bring
 * (REPUTATION in libs/shared/domain), moved in the same transaction as the answer or the thanks.
 */
@Injectable()
export class AnswersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reputation: ReputationService,
    private readonly moderationLog: ModerationLogService,
    private readonly events: ThreadEvents,
    private readonly notices: ThreadNoticesService,
  ) {}

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
      const post = await postRow(tx, input.postId);
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
      await this.accept(tx, thread, post, actor);
      await this.events.publish(tx, { kind: 'ANSWER_ACCEPTED', threadId: thread.id, postId: post.id });
      return tx.findOneByOrFail(Thread, { id: thread.id });
    });
  }

  /**
   * What accepting `post` as the answer of `thread` (its row locked) does, in the caller's
   * transaction, once the caller has checked who may: the points move to the answer's author,
   * the thread becomes ANSWERED (a resolved one stays RESOLVED) and the answer clock stops, and
   * the acceptance is logged publicly when the actor is not the asker. `at`: now unless given.
   */
  async accept(
    tx: EntityManager,
    thread: Thread,
    post: Post,
    actor: Actor,
    at: Date = new Date(),
  ): Promise<void> {
    const rewardOnThread = async (authorId: string, points: number) => {
      if (authorId !== thread.authorId) await this.reputation.add(tx, authorId, points);
    };
    if (thread.acceptedAnswerId) {
      const previous = await tx.findOneByOrFail(Post, { id: thread.acceptedAnswerId });
      await rewardOnThread(previous.authorId, -REPUTATION.acceptedAnswer);
    }
    await rewardOnThread(post.authorId, REPUTATION.acceptedAnswer);
    await tx.update(
      Thread,
      { id: thread.id },
      {
        acceptedAnswerId: post.id,
        acceptedById: actor.id,
        status: thread.status === 'RESOLVED' ? 'RESOLVED' : 'ANSWERED',
        answeredAt: thread.answeredAt ?? at,
        lastActivityAt: at,
      },
    );
    if (actor.id !== thread.authorId) {
      await this.moderationLog.record(tx, {
        action: 'ANSWER_ACCEPTED',
        actorId: actor.id,
        targetType: 'THREAD',
        targetId: thread.id,
        details: { threadId: thread.id, answerPostId: post.id },
        at,
      });
    }
    await this.notices.accepted(tx, thread, post, actor, at);
  }

  /**
   * Thanks a post, or takes the thanks back when the member already thanked it. The post's
   * count and its author's reputation (REPUTATION.thanksReceived) move in the same transaction.
   */
  async thank(viewer: Viewer, input: PostIdInput): Promise<Post> {
    const member = requireSignedIn(viewer, 'thank a post');
    return this.db.transaction(async (tx) => {
      const post = await postRow(tx, input.postId, true);
      if (post.authorId === member.id) throw forbidden('You cannot thank your own post.');
      await this.toggleThanks(tx, post, member);
      return tx.findOneByOrFail(Post, { id: post.id });
    });
  }

  /**
   * Thanks `post` from `member`, or takes the thanks back, in the caller's transaction (the post
   * row locked, its author not the member): the count and the author's reputation move with it.
   */
  async toggleThanks(tx: EntityManager, post: Post, member: Actor): Promise<void> {
    const existing = await tx.findOneBy(Thanks, { postId: post.id, userId: member.id });
    const thanking = !existing || existing.withdrawnAt !== null;
    if (!existing) await tx.insert(Thanks, { postId: post.id, userId: member.id });
    else await tx.update(Thanks, { id: existing.id }, { withdrawnAt: thanking ? null : new Date() });
    const delta = thanking ? 1 : -1;
    await tx.update(Post, { id: post.id }, { thanksCount: () => `thanks_count + ${delta}` });
    await this.reputation.add(tx, post.authorId, delta * REPUTATION.thanksReceived);
    if (thanking) await this.notices.thanked(tx, post, member);
  }

  // ─── Batch reads for the per-request loaders ────────────────────────────────────────────

  /** Which of these posts the member currently thanks. */
  async thankedPostIds(userId: string, postIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.getRepository(Thanks).find({
      select: { postId: true },
      where: { userId, postId: In([...postIds]), withdrawnAt: IsNull() },
    });
    return new Set(rows.map((r) => r.postId));
  }

  /** Thanks received and accepted answers of many people, for their profiles. */
  contributionsByUserIds(userIds: readonly string[]): Promise<Contributions[]> {
    return contributionsOf(this.db, userIds);
  }
}
