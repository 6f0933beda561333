import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CharterRule } from '@parvis/domain';
import { DataSource, EntityManager } from 'typeorm';
import { mentionedUserIds } from '../common/markdown';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { IdentityService } from '../identity/identity.service';
import { NotificationsService } from '../notifications/notifications.service';
import { publicThreadTitles, threadsAtRisk } from './clocks.queries';
import { Post } from './post.entity';
import { PrivateFollowUp } from './private-follow-up.entity';
import { Thread } from './thread.entity';
import { Actor } from './threads.rules';

export const SLA_WARNING_JOB = 'sla-warnings';

/**
 * Who hears of what happens in threads, written by the pieces that make it happen, in their
 * transaction (so the demo seed, which calls the same pieces, notifies too). Notices carry ids
 * only; the thread's title and a post's text are resolved when read, through the visibility
 * rule (post-visibility.ts), and mails name a thread only by its public title.
 */
@Injectable()
export class ThreadNoticesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly identity: IdentityService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.notifications.describeSubjects('THREAD', publicThreadTitles);
    await this.notifications.schedule(SLA_WARNING_JOB, () => this.warnDeadlines(new Date()), '* * * * *');
  }

  /**
   * A post was written: its author follows the thread from now on (unless they unfollowed it), the
   * members it mentions are told, and, for a reply, so is everyone following the thread (its asker
   * among them) who was not mentioned already.
   */
  async posted(tx: EntityManager, thread: Thread, post: Post, author: Actor, at?: Date): Promise<void> {
    // A question's author follows it here; a reply's, with the followers' notice (one statement).
    if (post.isQuestion) await this.notifications.autoFollow(tx, [author.id], 'THREAD', thread.id);
    const named = mentionedUserIds(post.bodyMarkdown);
    const mentioned = named.length ? (await this.identity.usersByIds(named, tx)).map((u) => u.id) : [];
    const event = {
      subject: { type: 'THREAD', id: thread.id },
      actorId: author.id,
      data: { postId: post.id },
      at,
    } as const;
    if (mentioned.length) await this.notifications.notify(tx, mentioned, { kind: 'MENTIONED', ...event });
    if (!post.isQuestion) {
      await this.notifications.notify(tx, [], {
        kind: 'REPLY',
        ...event,
        followersOf: { type: 'THREAD', id: thread.id },
        exceptIds: mentioned,
        actorFollows: true,
      });
    }
  }

  /** A reply became the answer: its author is told, and the asker when someone else chose it. */
  async accepted(tx: EntityManager, thread: Thread, answer: Post, actor: Actor, at?: Date): Promise<void> {
    const event = {
      subject: { type: 'THREAD', id: thread.id },
      actorId: actor.id,
      data: { postId: answer.id },
      at,
    } as const;
    await this.notifications.notify(tx, [answer.authorId], { kind: 'ANSWER_ACCEPTED', ...event });
    await this.notifications.notify(tx, [thread.authorId], { kind: 'THREAD_ANSWERED', ...event });
  }

  /** A post (a complaint, say) was marked answered by a reply: its author is told, and by whom. */
  async markedAnswered(tx: EntityManager, post: Post, answer: Post, marker: Actor, at?: Date): Promise<void> {
    await this.notifications.notify(tx, [post.authorId], {
      kind: 'THREAD_ANSWERED',
      subject: { type: 'THREAD', id: post.threadId },
      actorId: marker.id,
      data: { postId: answer.id, markedPostId: post.id },
      at,
    });
  }

  async resolved(tx: EntityManager, thread: Thread, actor: Actor, at?: Date): Promise<void> {
    await this.notifications.notify(tx, [thread.authorId], {
      kind: 'THREAD_RESOLVED',
      subject: { type: 'THREAD', id: thread.id },
      actorId: actor.id,
      data: {},
      at,
    });
  }

  /** Thanks reach the post's author once per member, however often they take it back and give it again. */
  async thanked(tx: EntityManager, post: Post, member: Actor, at?: Date): Promise<void> {
    await this.notifications.notify(tx, [post.authorId], {
      kind: 'THANKED',
      subject: { type: 'THREAD', id: post.threadId },
      actorId: member.id,
      data: { postId: post.id },
      dedupeKey: `thanks:${post.id}:${member.id}`,
      at,
    });
  }

  /** A message in a private follow-up: the other side is told (the asker, or the agent). */
  async followUpMessage(
    tx: EntityManager,
    followUp: PrivateFollowUp,
    author: Actor,
    started: boolean,
    at?: Date,
  ): Promise<void> {
    await this.notifications.notify(tx, [followUp.askerId, followUp.agentId], {
      kind: 'PRIVATE_FOLLOW_UP',
      subject: { type: 'THREAD', id: followUp.threadId },
      actorId: author.id,
      data: { followUpId: followUp.id, started: started ? 'true' : null },
      at,
    });
  }

  /** A moderator hid a post, or restored it: its author is told, with the charter rule. */
  async moderated(
    tx: EntityManager,
    post: Post,
    moderator: Actor,
    kind: 'POST_HIDDEN' | 'POST_RESTORED',
    rule: CharterRule | null,
    at?: Date,
  ): Promise<void> {
    await this.notifications.notify(tx, [post.authorId], {
      kind,
      subject: { type: 'THREAD', id: post.threadId },
      actorId: moderator.id,
      data: { postId: post.id, rule },
      at,
    });
  }

  /**
   * Tells the assignee of each help thread about to miss its first-response or answer deadline (or
   * every agent, when nobody has it), once per thread and deadline (the dedupe key), whichever
   * process runs the check and however often.
   */
  async warnDeadlines(now: Date): Promise<number> {
    // Most minutes nothing is at risk: one read, no transaction.
    const atRisk = await threadsAtRisk(this.db.manager, now, this.config.notifications.slaWarningMinutes);
    if (atRisk.length === 0) return 0;
    return this.db.transaction(async (tx) => {
      const staff = await this.identity.staffIds(tx);
      let written = 0;
      for (const thread of atRisk) {
        const notices = await this.notifications.notify(tx, thread.assigneeId ? [thread.assigneeId] : staff, {
          kind: 'SLA_AT_RISK',
          subject: { type: 'THREAD', id: thread.id },
          actorId: null,
          data: { clock: thread.clock, dueAt: new Date(thread.dueAt).toISOString() },
          dedupeKey: `sla:${thread.clock}:${thread.id}:${new Date(thread.dueAt).toISOString()}`,
        });
        written += notices.length;
      }
      return written;
    });
  }
}
