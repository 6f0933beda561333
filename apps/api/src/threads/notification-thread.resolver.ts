import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { NotificationGroupType } from '../notifications/notification.type';
import { PostType } from './post.type';
import { PostsService } from './posts.service';
import { ThreadType } from './thread.type';
import { postsById, threadsById } from './threads.loaders';
import { ThreadsService } from './threads.service';

/**
 * The thread and the post a notice is about, resolved when it is read, as Thread and Post always
 * are: the title and the text go through the visibility rule (post-visibility.ts), so a notice
 * never shows hidden text to someone who may not read it.
 */
@Resolver(() => NotificationGroupType)
export class NotificationThreadResolver {
  constructor(
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
  ) {}

  @ResolveField(() => ThreadType, { nullable: true })
  async thread(
    group: NotificationGroupType,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<ThreadType | null> {
    if (group.subjectType !== 'THREAD') return null;
    const thread = await threadsById(ctx, this.threads).load(group.subjectId);
    return thread ? ThreadType.from(thread) : null;
  }

  @ResolveField(() => PostType, {
    nullable: true,
    description: 'The post to open (its text as the reader may read it).',
  })
  async post(group: NotificationGroupType, _args: unknown, ctx: GraphQLContext): Promise<PostType | null> {
    if (!group.postId) return null;
    const post = await postsById(ctx, this.posts).load(group.postId);
    return post ? PostType.from(post) : null;
  }
}
