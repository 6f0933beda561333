import { Args, Context, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { canReadPost, THREAD_LIMITS } from '@parvis/domain';
import { badInput, notFound } from '../common/domain-error';
import { ParseUUIDArg } from '../common/parse-uuid.arg';
import { renderMarkdown } from '../common/markdown';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { primeViewerRow, usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { readableBody, readableRevisions } from './post-visibility';
import { PostRevisionType, PostType } from './post.type';
import { EditPostInput, ReplyInput } from './threads.inputs';
import { AnswersService } from './answers.service';
import { PostsService } from './posts.service';
import { postsById, revisionsByPostId, threadsById, viewerThanksPostId } from './threads.loaders';
import { ThreadsService } from './threads.service';

/**
 * Posts wherever they appear (thread questions and replies, idea bodies and comments).
 *
 * Its field resolvers take GraphQL's own arguments (the post, the field's arguments, the
 * context) without parameter decorators: a field resolved for every post of a page is then
 * called directly, not through Nest's per-call parameter pipeline (each decorated parameter
 * goes through the pipes, asynchronously), which a profile of the thread page showed costing
 * more than the fields themselves. For the same reason a field whose answer needs no lookup
 * (a post never edited has no earlier versions; a visitor thanks nothing) returns it as it is,
 * not in a promise: a promise per field per post is garbage and a turn of the microtask queue.
 */
@Resolver(() => PostType)
export class PostsResolver {
  constructor(
    private readonly posts: PostsService,
    private readonly threads: ThreadsService,
    private readonly answers: AnswersService,
    private readonly identity: IdentityService,
  ) {}

  @Query(() => String, {
    description: 'The sanitized HTML a Markdown body will be shown as: the editors’ preview. Public.',
  })
  markdownPreview(@Args('bodyMarkdown') bodyMarkdown: string): string {
    if (bodyMarkdown.length > THREAD_LIMITS.body.max) {
      throw badInput(
        'bodyMarkdown',
        `Write a message of at most ${THREAD_LIMITS.body.max.toLocaleString('en')} characters.`,
      );
    }
    return renderMarkdown(bodyMarkdown);
  }

  @Query(() => PostType, {
    description:
      'One post: what a page that shows it asks again for, such as the Markdown source when its author opens the editor (pages show `bodyHtml`). Public; hidden text as `bodyHtml` says.',
  })
  async post(
    @Args('id', { type: () => ID }, ParseUUIDArg('id')) id: string,
    @Context() ctx: GraphQLContext,
  ): Promise<PostType> {
    const post = await postsById(ctx, this.posts).load(id);
    if (!post) throw notFound('There is no such post.');
    return PostType.from(post);
  }

  @Mutation(() => PostType, { description: 'Replies to a thread; refused on a locked thread.' })
  async reply(
    @Args('input') input: ReplyInput,
    @CurrentViewer() viewer: Viewer,
    @Context() ctx: GraphQLContext,
  ): Promise<PostType> {
    const { post, thread } = await this.posts.reply(viewer, input);
    // What the answer shows of the reply's thread and author is already known: no read after commit.
    threadsById(ctx, this.threads).prime(thread.id, thread);
    primeViewerRow(ctx, this.identity);
    return PostType.from(post);
  }

  @Mutation(() => PostType, {
    description: 'The author edits their post; the previous version is kept in revisions.',
  })
  async editPost(@Args('input') input: EditPostInput, @CurrentViewer() viewer: Viewer): Promise<PostType> {
    return PostType.from(await this.posts.editPost(viewer, input));
  }

  @ResolveField(() => UserType, {
    description: 'The author, with their role (the badge: Expert, Staff, Moderator).',
  })
  async author(post: PostType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return UserType.from((await usersById(ctx, this.identity).load(post.authorId))!, ctx.req.viewer ?? null);
  }

  @ResolveField(() => String, {
    description:
      'Sanitized HTML rendered on the server from bodyMarkdown; empty when the post is hidden from the viewer (see `hidden`).',
  })
  bodyHtml(post: PostType, _args: unknown, ctx: GraphQLContext): string {
    return readableBody(post, ctx.req.viewer ?? null).bodyHtml;
  }

  @ResolveField(() => String, {
    description:
      'The Markdown the author wrote; empty when the post is hidden from the viewer (see `hidden`).',
  })
  bodyMarkdown(post: PostType, _args: unknown, ctx: GraphQLContext): string {
    return readableBody(post, ctx.req.viewer ?? null).bodyMarkdown;
  }

  @ResolveField(() => [PostRevisionType], {
    description:
      'Earlier versions, newest first. A version hidden with its post (even once the post is restored) is left out for readers who may not read hidden content; its author and moderators still get it.',
  })
  revisions(
    post: PostType,
    _args: unknown,
    ctx: GraphQLContext,
  ): PostRevisionType[] | Promise<PostRevisionType[]> {
    const reader = ctx.req.viewer ?? null;
    if (!post.editedAt || !canReadPost(reader, post)) return [];
    return revisionsByPostId(ctx, this.posts)
      .load(post.id)
      .then((revisions) =>
        readableRevisions(post, revisions ?? [], reader).map((r) =>
          Object.assign(new PostRevisionType(), {
            id: r.id,
            bodyHtml: r.bodyHtml,
            bodyMarkdown: r.bodyMarkdown,
            writtenAt: r.writtenAt,
            replacedAt: r.createdAt,
          }),
        ),
      );
  }

  @ResolveField(() => Int, { description: 'How many earlier versions there are.' })
  revisionsCount(post: PostType, args: unknown, ctx: GraphQLContext): number | Promise<number> {
    const revisions = this.revisions(post, args, ctx);
    return Array.isArray(revisions) ? revisions.length : revisions.then((found) => found.length);
  }

  @ResolveField(() => Boolean, { description: 'This post is its thread’s accepted answer.' })
  isAcceptedAnswer(post: PostType, _args: unknown, ctx: GraphQLContext): boolean | Promise<boolean> {
    if (post.isQuestion) return false;
    return threadsById(ctx, this.threads)
      .load(post.threadId)
      .then((thread) => thread?.acceptedAnswerId === post.id);
  }

  @ResolveField(() => Boolean, { description: 'The viewer thanks this post (false for visitors).' })
  viewerHasThanked(post: PostType, _args: unknown, ctx: GraphQLContext): boolean | Promise<boolean> {
    // Nobody thanks a post whose count is 0 (the count moves in the transaction of each thanks):
    // most posts of a page, and every reply just written, need no lookup.
    if (!ctx.req.viewer || post.thanksCount === 0) return false;
    return viewerThanksPostId(ctx, this.answers)
      .load(post.id)
      .then((thanked) => thanked ?? false);
  }

  @ResolveField(() => Boolean, { description: 'The viewer wrote this post and may edit it.' })
  viewerCanEdit(post: PostType, _args: unknown, ctx: GraphQLContext): boolean {
    return ctx.req.viewer?.id === post.authorId;
  }
}
