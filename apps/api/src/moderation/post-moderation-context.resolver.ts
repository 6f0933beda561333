import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { Post } from '../threads/post.entity';
import { PostType } from '../threads/post.type';
import { PostsService } from '../threads/posts.service';
import { ThreadType } from '../threads/thread.type';
import { postsById, threadsById } from '../threads/threads.loaders';
import { ThreadsService } from '../threads/threads.service';
import { moderationLoaders } from './moderation.loaders';
import { ModerationService } from './moderation.service';
import { PostModerationContextType } from './post-moderation-context.type';

/** Each relation costs one statement per request, whatever the number of queue items. */
@Resolver(() => PostModerationContextType)
export class PostModerationContextResolver {
  constructor(
    private readonly moderation: ModerationService,
    private readonly posts: PostsService,
    private readonly threads: ThreadsService,
  ) {}

  @ResolveField(() => ThreadType, { description: 'The thread the post belongs to (its title, its space).' })
  async thread(context: PostModerationContextType, _args: unknown, ctx: GraphQLContext): Promise<ThreadType> {
    return ThreadType.from((await threadsById(ctx, this.threads).load(context.threadId))!);
  }

  @ResolveField(() => PostType, {
    nullable: true,
    description:
      'The message just before the post in its thread (the question for the first reply); null for a question.',
  })
  async previous(
    context: PostModerationContextType,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<PostType | null> {
    const id = await moderationLoaders(ctx, this.moderation).previousPostId.load(context.postId);
    if (!id) return null;
    const post = await postsById(ctx, this.posts).load(id);
    return post ? PostType.from(post) : null;
  }

  @ResolveField(() => [PostType], {
    description:
      'The first visible replies after the post by someone else, oldest first (at most 5): its possible answers. Empty: nobody has answered it yet.',
  })
  async laterReplies(
    context: PostModerationContextType,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<PostType[]> {
    const ids = (await moderationLoaders(ctx, this.moderation).laterReplyIds.load(context.postId)) ?? [];
    const posts = await postsById(ctx, this.posts).loadMany(ids);
    return posts.filter((p): p is Post => p !== null && !(p instanceof Error)).map((p) => PostType.from(p));
  }
}
