import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasAtLeastRole, Language } from '@parvis/domain';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, conflict, forbidden, notFound } from '../common/domain-error';
import { markdownToText, renderMarkdown } from '../common/markdown';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { requireSignedIn, Viewer } from '../common/viewer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { User } from '../identity/user.entity';
import { Space } from '../spaces/space.entity';
import { CreateThreadInput, EditPostInput, ReplyInput } from './threads.inputs';
import { PostRevision } from './post-revision.entity';
import { Post } from './post.entity';
import { Thread } from './thread.entity';

export interface StartThreadParams {
  spaceId: string;
  author: User;
  title: string;
  bodyMarkdown: string;
  language: Language;
}

export interface AddReplyParams {
  threadId: string;
  author: User;
  bodyMarkdown: string;
}

/** Staff, moderators and admins write for the brand: their posts are official and they are not rate limited. */
export const speaksForBrand = (user: User) => hasAtLeastRole(user.role, 'STAFF');

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
    const thread = await this.lockedThread(tx, params.threadId);
    if (thread.locked) throw lockedError(thread);
    const now = new Date();
    const post = this.newPost(thread.id, params.author, params.bodyMarkdown, false, now);
    await tx.insert(Post, post);
    const countsAsFirstResponse =
      thread.firstResponseDueAt !== null &&
      thread.firstResponseAt === null &&
      params.author.id !== thread.authorId &&
      hasAtLeastRole(params.author.role, 'EXPERT');
    await tx.update(Thread, { id: thread.id }, {
      repliesCount: () => 'replies_count + 1',
      lastActivityAt: now,
      ...(countsAsFirstResponse ? { firstResponseAt: now } : {}),
    });
    return tx.findOneByOrFail(Post, { id: post.id });
  }

  /** Throws RATE_LIMITED when a member posted too much lately, else counts this post. Staff are not limited. */
  async countPost(author: User): Promise<void> {
    if (speaksForBrand(author)) return;
    const { perMember, windowSeconds } = this.config.postLimit;
    const key = `post:user:${author.id}`;
    await this.rateLimits.assertUnderLimit(
      [{ key, limit: perMember }],
      windowSeconds,
      `You have posted ${perMember} messages in the last ${Math.ceil(windowSeconds / 60)} minutes. Wait a few minutes, then post again.`,
    );
    await this.rateLimits.count([key], windowSeconds);
  }

  // ─── Public operations ──────────────────────────────────────────────────────────────────

  async createThread(viewer: Viewer, input: CreateThreadInput): Promise<Thread> {
    const author = requireSignedIn(viewer, 'ask a question');
    const space = await this.db.getRepository(Space).findOneBy({ id: input.spaceId });
    if (!space) throw notFound('There is no such space.');
    if (space.kind === 'IDEAS') throw badInput('spaceId', 'This space is the idea box: submit an idea instead.');
    if (space.kind === 'ANNOUNCEMENTS' && !speaksForBrand(author)) {
      throw forbidden('Only the brand’s staff can post in announcements.');
    }
    await this.countPost(author);
    const language = input.language ?? (isLanguageCode(author.locale) ? author.locale : 'en');
    return this.db.transaction((tx) =>
      this.startThread(tx, { spaceId: space.id, author, title: input.title, bodyMarkdown: input.bodyMarkdown, language }),
    );
  }

  async reply(viewer: Viewer, input: ReplyInput): Promise<Post> {
    const author = requireSignedIn(viewer, 'reply');
    await this.countPost(author);
    return this.db.transaction((tx) => this.addReply(tx, { threadId: input.threadId, author, bodyMarkdown: input.bodyMarkdown }));
  }

  /**
   * Only the author edits a post, and every edit keeps the previous version as a revision
   * (DESIGN.md §1: quietly editing what people wrote backfires). A locked thread is frozen.
   */
  async editPost(viewer: Viewer, input: EditPostInput): Promise<Post> {
    const editor = requireSignedIn(viewer, 'edit a post');
    return this.db.transaction(async (tx) => {
      const post = await tx.findOne(Post, { where: { id: input.postId }, lock: { mode: 'pessimistic_write' } });
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
      });
      const now = new Date();
      await tx.update(Post, { id: post.id }, {
        bodyMarkdown: input.bodyMarkdown,
        bodyHtml: renderMarkdown(input.bodyMarkdown),
        bodyText: markdownToText(input.bodyMarkdown),
        editedAt: now,
      });
      return tx.findOneByOrFail(Post, { id: post.id });
    });
  }

  // ─── Helpers ────────────────────────────────────────────────────────────────────────────

  private newPost(threadId: string, author: User, bodyMarkdown: string, isQuestion: boolean, now: Date): Post {
    return Object.assign(new Post(), {
      threadId,
      authorId: author.id,
      isQuestion,
      bodyMarkdown,
      bodyHtml: renderMarkdown(bodyMarkdown),
      bodyText: markdownToText(bodyMarkdown),
      isOfficial: speaksForBrand(author),
      createdAt: now,
    });
  }

  private async lockedThread(tx: EntityManager, threadId: string): Promise<Thread> {
    const thread = await tx.findOne(Thread, { where: { id: threadId }, lock: { mode: 'pessimistic_write' } });
    if (!thread) throw notFound('There is no such thread.');
    return thread;
  }
}

function lockedError(thread: Thread) {
  return conflict(`This thread is locked${thread.lockReason ? ` (${thread.lockReason})` : ''}: it accepts no new replies.`);
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

function isLanguageCode(value: string | null): value is Language {
  return value === 'fr' || value === 'en' || value === 'es';
}

