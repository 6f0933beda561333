import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { conflict, forbidden } from '../common/domain-error';
import { ConnectionShape, pageInCreationOrder } from '../common/pagination';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { requireSignedIn, SignedInViewer, Viewer } from '../common/viewer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { isFirstResponse } from './clocks.service';
import { PostRevision } from './post-revision.entity';
import { bodyColumns, newPost, postRow } from './post-rows';
import { Post } from './post.entity';
import { ThreadEvents } from './thread-events';
import { lockedError, lockThreadRow } from './thread-lock';
import { ThreadNoticesService } from './thread-notices.service';
import { Thread } from './thread.entity';
import { EditPostInput, ReplyInput } from './threads.inputs';
import { countReply } from './threads.queries';
import { speaksForBrand } from './threads.rules';

export interface AddReplyParams {
  threadId: string;
  author: SignedInViewer;
  bodyMarkdown: string;
  /** When it is posted: now unless given (the demo seed writes a past). */
  at?: Date;
}

/**
 * Posts: replying, editing (every edit keeps a revision), the posting limit, and reading posts.
 * `addReply`, `revise` and `countPost` run inside a caller's transaction; `reply` and `editPost` own theirs.
 */
@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: ThreadEvents,
    private readonly notices: ThreadNoticesService,
  ) {}

  /**
   * Adds a reply, locking the thread row so that counters and clocks stay right when people
   * reply at the same time. A locked thread accepts no reply.
   */
  async addReply(tx: EntityManager, params: AddReplyParams): Promise<Post> {
    return (await this.writeReply(tx, params)).post;
  }

  /** `addReply`, also giving the thread's row as the reply left it (no need to read it again). */
  private async writeReply(
    tx: EntityManager,
    params: AddReplyParams,
  ): Promise<{ post: Post; thread: Thread }> {
    const locked = await lockThreadRow(tx, params.threadId);
    if (locked.locked) throw lockedError(locked);
    const now = params.at ?? new Date();
    // The insert fills in the post's id (RETURNING): the row needs no second read.
    const post = newPost(locked.id, params.author, params.bodyMarkdown, false, now);
    await tx.insert(Post, post);
    const firstResponse = isFirstResponse(locked, params.author);
    const changes = {
      lastActivityAt: now,
      ...(firstResponse ? { firstResponseAt: now, firstResponseById: params.author.id } : {}),
    };
    // The thread's counters and the page's live event: one statement.
    await countReply(
      tx,
      locked.id,
      now,
      firstResponse ? params.author.id : null,
      this.events.notification({ kind: 'REPLY_ADDED', threadId: locked.id, postId: post.id }),
    );
    // The row is locked until commit: this is what it now holds.
    const thread = Object.assign(new Thread(), locked, { repliesCount: locked.repliesCount + 1, ...changes });
    await this.notices.posted(tx, locked, post, params.author, params.at);
    return { post, thread };
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

  /** A member's reply, in its own transaction; with the thread's row as the reply left it. */
  async reply(viewer: Viewer, input: ReplyInput): Promise<{ post: Post; thread: Thread }> {
    const author = requireSignedIn(viewer, 'reply');
    return this.db.transaction(async (tx) => {
      const written = await this.writeReply(tx, {
        threadId: input.threadId,
        author,
        bodyMarkdown: input.bodyMarkdown,
      });
      await this.countPost(tx, author);
      return written;
    });
  }

  /**
   * Only the author edits a post, and every edit keeps the previous version as a revision
   * (DESIGN.md §1: quietly editing what people wrote backfires). A locked thread is frozen.
   */
  async editPost(viewer: Viewer, input: EditPostInput): Promise<Post> {
    const editor = requireSignedIn(viewer, 'edit a post');
    return this.db.transaction(async (tx) => {
      const post = await postRow(tx, input.postId, true);
      if (post.authorId !== editor.id) throw forbidden('Only its author can edit a post.');
      const thread = await tx.findOneByOrFail(Thread, { id: post.threadId });
      if (thread.locked) throw conflict('This thread is locked: its posts can no longer be edited.');
      if (post.bodyMarkdown === input.bodyMarkdown) return post;
      await this.revise(tx, post, input.bodyMarkdown);
      await this.events.publish(tx, { kind: 'POST_EDITED', threadId: post.threadId, postId: post.id });
      return tx.findOneByOrFail(Post, { id: post.id });
    });
  }

  /**
   * Replaces a post's body in the caller's transaction, once the caller has checked who may edit.
   * The previous version is kept as a revision by the database itself (trigger
   * posts_keep_revision, signed with the post's author, who is the only editor): no change of a
   * body, from here or from SQL, can skip the history. `at`: now unless given.
   */
  async revise(tx: EntityManager, post: Post, bodyMarkdown: string, at?: Date): Promise<void> {
    await tx.update(Post, { id: post.id }, { ...bodyColumns(bodyMarkdown), editedAt: at ?? new Date() });
  }

  // ─── Reading ────────────────────────────────────────────────────────────────────────────

  /** A thread's replies (the question excluded), oldest first. `total` is the thread's replies count. */
  replies(threadId: string, total: number, first: number, after?: string): Promise<ConnectionShape<Post>> {
    const query = this.db
      .getRepository(Post)
      .createQueryBuilder('p')
      .where('p.thread_id = :threadId AND NOT p.is_question', { threadId });
    return pageInCreationOrder(query, 'p', { first, after }, 'ASC', total);
  }

  // ─── Batch reads for the per-request loaders ────────────────────────────────────────────

  postsByIds(ids: readonly string[]): Promise<Post[]> {
    return this.db.getRepository(Post).findBy({ id: In([...ids]) });
  }

  questionsByThreadIds(threadIds: readonly string[]): Promise<Post[]> {
    return this.db.getRepository(Post).findBy({ threadId: In([...threadIds]), isQuestion: true });
  }

  /** Revisions of many posts, newest first. */
  revisionsByPostIds(postIds: readonly string[]): Promise<PostRevision[]> {
    return this.db
      .getRepository(PostRevision)
      .find({ where: { postId: In([...postIds]) }, order: { createdAt: 'DESC', id: 'DESC' } });
  }
}
