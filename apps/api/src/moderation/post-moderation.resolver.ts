import { ResolveField, Resolver } from '@nestjs/graphql';
import { canMarkAnswered, canModerate, canSeeTone } from '@parvis/domain';
import { GraphQLContext } from '../common/viewer';
import { PostType } from '../threads/post.type';
import { PostsService } from '../threads/posts.service';
import { postsById } from '../threads/threads.loaders';
import { moderationLoaders } from './moderation.loaders';
import { ModerationService } from './moderation.service';
import { PostModerationContextType } from './post-moderation-context.type';
import { PostHiddenType, PostToneType } from './post-moderation.type';

/**
 * The moderation side of a post: its hidden notice, its answered mark, its tone, the viewer's flag.
 *
 * Like PostsResolver, its fields take GraphQL's own arguments (the post, the field's arguments,
 * the context) without parameter decorators: resolved for every post of a page, they are then
 * called directly rather than through Nest's per-call parameter pipeline; and an answer that
 * needs no lookup (most posts were never marked answered) is returned as it is, not in a promise.
 */
@Resolver(() => PostType)
export class PostModerationResolver {
  constructor(
    private readonly moderation: ModerationService,
    private readonly posts: PostsService,
  ) {}

  @ResolveField(() => PostHiddenType, {
    nullable: true,
    description: 'Null, or the public notice of who hid the post, when, and under which charter rule.',
  })
  hidden(post: PostType): PostHiddenType | null {
    if (!post.hiddenAt || !post.hiddenById || !post.hiddenReason) return null;
    return Object.assign(new PostHiddenType(), {
      reason: post.hiddenReason,
      note: post.hiddenNote,
      at: post.hiddenAt,
      byId: post.hiddenById,
    });
  }

  @ResolveField(() => PostType, {
    nullable: true,
    description: 'Null, or the reply this post was marked answered by.',
  })
  answered(post: PostType, _args: unknown, ctx: GraphQLContext): PostType | null | Promise<PostType | null> {
    if (!post.answeredByPostId) return null;
    return postsById(ctx, this.posts)
      .load(post.answeredByPostId)
      .then((answer) => (answer ? PostType.from(answer) : null));
  }

  @ResolveField(() => Date, { nullable: true, description: 'When the post was marked answered.' })
  answeredAt(post: PostType): Date | null {
    return post.answeredAt;
  }

  @ResolveField(() => PostToneType, {
    nullable: true,
    description: 'How the post reads: for staff and moderators only (null for everyone else).',
  })
  tone(post: PostType, _args: unknown, ctx: GraphQLContext): PostToneType | null {
    const viewer = ctx.req.viewer ?? null;
    if (!canSeeTone(viewer) || !post.tone || post.toneScore === null) return null;
    return Object.assign(new PostToneType(), { label: post.tone, score: post.toneScore });
  }

  @ResolveField(() => PostModerationContextType, {
    nullable: true,
    description:
      'Where the post sits (its thread, the message before it, the replies after it): for moderators, null for everyone else.',
  })
  moderationContext(post: PostType, _args: unknown, ctx: GraphQLContext): PostModerationContextType | null {
    if (!canModerate(ctx.req.viewer ?? null)) return null;
    return Object.assign(new PostModerationContextType(), { postId: post.id, threadId: post.threadId });
  }

  @ResolveField(() => Boolean, { description: 'The viewer has an open flag on this post.' })
  viewerHasFlagged(post: PostType, _args: unknown, ctx: GraphQLContext): boolean | Promise<boolean> {
    // Nobody flags their own post (flag refuses it, and so does the database: flags_refuse_own_post):
    // a reply's answer asks nothing more.
    if (!ctx.req.viewer || ctx.req.viewer.id === post.authorId) return false;
    return moderationLoaders(ctx, this.moderation)
      .viewerFlagged.load(post.id)
      .then((flagged) => flagged ?? false);
  }

  @ResolveField(() => Boolean, {
    description: 'The viewer may flag this post (signed in, not its author, not hidden).',
  })
  viewerCanFlag(post: PostType, _args: unknown, ctx: GraphQLContext): boolean {
    const viewer = ctx.req.viewer ?? null;
    return viewer !== null && viewer.id !== post.authorId && !post.hiddenAt;
  }

  @ResolveField(() => Boolean, { description: 'The viewer may hide and restore this post (moderators).' })
  viewerCanModerate(_post: PostType, _args: unknown, ctx: GraphQLContext): boolean {
    return canModerate(ctx.req.viewer ?? null);
  }

  @ResolveField(() => Boolean, {
    description: 'The viewer may mark this post answered (experts, staff, moderators).',
  })
  viewerCanMarkAnswered(_post: PostType, _args: unknown, ctx: GraphQLContext): boolean {
    return canMarkAnswered(ctx.req.viewer ?? null);
  }
}
