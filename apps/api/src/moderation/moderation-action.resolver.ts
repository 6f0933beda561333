import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionShape, mapConnection } from '../common/pagination';
import { GraphQLContext } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { ModerationLogService } from '../moderation-log/moderation-log.service';
import { readableTitle } from '../threads/post-visibility';
import { PostsService } from '../threads/posts.service';
import { questionByThreadId, threadsById } from '../threads/threads.loaders';
import { ThreadsService } from '../threads/threads.service';
import { ModerationActionConnection, ModerationActionType } from './moderation-action.type';
import { ModerationLogArgs } from './moderation.inputs';

/** Reading the public moderation log: the log itself, and each entry's title and actor. */
@Resolver(() => ModerationActionType)
export class ModerationActionResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
    private readonly log: ModerationLogService,
  ) {}

  @Query(() => ModerationActionConnection, {
    description: 'The public moderation log, newest first: every action, who, when, which rule. Public.',
  })
  async moderationLog(@Args() args: ModerationLogArgs): Promise<ConnectionShape<ModerationActionType>> {
    const page = await this.log.list(args.first, args.after, args.targetId);
    return mapConnection(page, (action) => ModerationActionType.from(action));
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The title of the thread (or idea) the action is about, as readers see it now ("Hidden question" when its question is hidden from them), or a banner’s title.',
  })
  async title(action: ModerationActionType, _args: unknown, ctx: GraphQLContext): Promise<string | null> {
    if (action.targetType === 'BANNER') return action.storedTitle;
    if (!action.threadId) return null;
    const [thread, question] = await Promise.all([
      threadsById(ctx, this.threads).load(action.threadId),
      questionByThreadId(ctx, this.posts).load(action.threadId),
    ]);
    return thread ? readableTitle(thread.title, question, ctx.req.viewer ?? null) : null;
  }

  @ResolveField(() => UserType, {
    description: 'Who acted: moderators, staff and experts sign with their name.',
  })
  async actor(action: ModerationActionType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return UserType.from((await usersById(ctx, this.identity).load(action.actorId))!, ctx.req.viewer ?? null);
  }
}
