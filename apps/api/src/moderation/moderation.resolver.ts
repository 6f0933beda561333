import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionShape, mapConnection } from '../common/pagination';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { PostType } from '../threads/post.type';
import { ThreadType } from '../threads/thread.type';
import { PostsService } from '../threads/posts.service';
import { questionByThreadId, threadsById } from '../threads/threads.loaders';
import { ThreadsService } from '../threads/threads.service';
import { ModerationLogService } from '../moderation-log/moderation-log.service';
import { readableTitle } from '../threads/post-visibility';
import {
  FlagInput,
  HidePostInput,
  LockThreadInput,
  MarkAnsweredInput,
  ModerateThreadInput,
  ModerationLogArgs,
  ModerationQueueArgs,
  ModeratePostInput,
  MoveThreadInput,
  PublishCrisisBannerInput,
  TakeDownCrisisBannerInput,
} from './moderation.inputs';
import { moderationLoaders } from './moderation.loaders';
import { ModerationService } from './moderation.service';
import {
  CrisisBannerType,
  FlaggedPostType,
  FlagType,
  ModerationActionConnection,
  ModerationActionType,
  ModerationQueueType,
} from './moderation.types';

@Resolver(() => ModerationQueueType)
export class ModerationResolver {
  constructor(
    private readonly moderation: ModerationService,
    private readonly log: ModerationLogService,
  ) {}

  @Query(() => ModerationQueueType, {
    description: 'Moderators: flagged posts grouped by post, then negative unanswered posts.',
  })
  async moderationQueue(
    @Args() args: ModerationQueueArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ModerationQueueType> {
    const [flagged, negative] = await Promise.all([
      this.moderation.flaggedPosts(viewer, args.first),
      this.moderation.negativeUnanswered(viewer, args.first),
    ]);
    return {
      flagged: flagged.map((f) =>
        Object.assign(new FlaggedPostType(), { ...f, post: PostType.from(f.post) }),
      ),
      negativeUnanswered: negative.map((post) => PostType.from(post)),
    };
  }

  @Query(() => ModerationActionConnection, {
    description: 'The public moderation log, newest first: every action, who, when, which rule. Public.',
  })
  async moderationLog(@Args() args: ModerationLogArgs): Promise<ConnectionShape<ModerationActionType>> {
    const page = await this.log.list(args.first, args.after, args.targetId);
    return mapConnection(page, (action) => ModerationActionType.from(action));
  }

  @Query(() => CrisisBannerType, {
    nullable: true,
    description: 'The official statement shown at the top of every page, if any. Public.',
  })
  async crisisBanner(): Promise<CrisisBannerType | null> {
    const banner = await this.moderation.activeBanner();
    return banner ? CrisisBannerType.from(banner) : null;
  }

  @Mutation(() => PostType, { description: 'Any member flags a post that breaks the charter, once.' })
  async flag(@Args('input') input: FlagInput, @CurrentViewer() viewer: Viewer): Promise<PostType> {
    return PostType.from(await this.moderation.flag(viewer, input));
  }

  @Mutation(() => PostType, { description: 'Moderators close a post’s open flags without hiding it.' })
  async dismissFlags(
    @Args('input') input: ModeratePostInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PostType> {
    return PostType.from(await this.moderation.dismissFlags(viewer, input));
  }

  @Mutation(() => PostType, {
    description: 'Moderators hide a post for a charter breach; a public notice stays in its place.',
  })
  async hidePost(@Args('input') input: HidePostInput, @CurrentViewer() viewer: Viewer): Promise<PostType> {
    return PostType.from(await this.moderation.hidePost(viewer, input));
  }

  @Mutation(() => PostType, { description: 'Moderators bring a hidden post back.' })
  async restorePost(
    @Args('input') input: ModeratePostInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PostType> {
    return PostType.from(await this.moderation.restorePost(viewer, input));
  }

  @Mutation(() => PostType, {
    description: 'Experts, staff and moderators mark a post answered by a reply of its thread.',
  })
  async markAnswered(
    @Args('input') input: MarkAnsweredInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PostType> {
    return PostType.from(await this.moderation.markAnswered(viewer, input));
  }

  @Mutation(() => ThreadType, { description: 'Moderators lock a thread: still readable, no more replies.' })
  async lockThread(
    @Args('input') input: LockThreadInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ThreadType> {
    return ThreadType.from(await this.moderation.lockThread(viewer, input));
  }

  @Mutation(() => ThreadType)
  async unlockThread(
    @Args('input') input: ModerateThreadInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ThreadType> {
    return ThreadType.from(await this.moderation.unlockThread(viewer, input));
  }

  @Mutation(() => ThreadType, { description: 'Moderators pin a thread at the top of its space.' })
  async pinThread(
    @Args('input') input: ModerateThreadInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ThreadType> {
    return ThreadType.from(await this.moderation.pinThread(viewer, input));
  }

  @Mutation(() => ThreadType)
  async unpinThread(
    @Args('input') input: ModerateThreadInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ThreadType> {
    return ThreadType.from(await this.moderation.unpinThread(viewer, input));
  }

  @Mutation(() => ThreadType, {
    description: 'Moderators move a thread to another help or announcements space.',
  })
  async moveThread(
    @Args('input') input: MoveThreadInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ThreadType> {
    return ThreadType.from(await this.moderation.moveThread(viewer, input));
  }

  @Mutation(() => CrisisBannerType, {
    description: 'Moderators publish an official statement on every page, pinning its discussion thread.',
  })
  async publishCrisisBanner(
    @Args('input') input: PublishCrisisBannerInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CrisisBannerType> {
    return CrisisBannerType.from(await this.moderation.publishBanner(viewer, input));
  }

  @Mutation(() => CrisisBannerType, {
    description: 'Moderators take the crisis banner down (it stays in the log).',
  })
  async takeDownCrisisBanner(
    @Args('input') input: TakeDownCrisisBannerInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CrisisBannerType> {
    return CrisisBannerType.from(await this.moderation.takeDownBanner(viewer, input));
  }
}

@Resolver(() => FlaggedPostType)
export class FlaggedPostResolver {
  constructor(private readonly moderation: ModerationService) {}

  @ResolveField(() => [FlagType], { description: 'The open flags, newest first.' })
  async flags(@Parent() flagged: FlaggedPostType, @Context() ctx: GraphQLContext): Promise<FlagType[]> {
    return (
      (await moderationLoaders(ctx, this.moderation).openFlagsByPostId.load(flagged.post.id)) ?? []
    ).map((flag) => FlagType.from(flag));
  }
}

@Resolver(() => FlagType)
export class FlagResolver {
  constructor(private readonly identity: IdentityService) {}

  @ResolveField(() => UserType, { description: 'Who flagged (moderators only see flags).' })
  async member(@Parent() flag: FlagType, @Context() ctx: GraphQLContext): Promise<UserType> {
    return UserType.from((await usersById(ctx, this.identity).load(flag.memberId))!, ctx.req.viewer ?? null);
  }
}

@Resolver(() => ModerationActionType)
export class ModerationActionResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The title of the thread (or idea) the action is about, as readers see it now ("Hidden question" when its question is hidden from them), or a banner’s title.',
  })
  async title(
    @Parent() action: ModerationActionType,
    @Context() ctx: GraphQLContext,
  ): Promise<string | null> {
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
  async actor(@Parent() action: ModerationActionType, @Context() ctx: GraphQLContext): Promise<UserType> {
    return UserType.from((await usersById(ctx, this.identity).load(action.actorId))!, ctx.req.viewer ?? null);
  }
}

@Resolver(() => CrisisBannerType)
export class CrisisBannerResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly threads: ThreadsService,
  ) {}

  @ResolveField(() => ThreadType, { nullable: true, description: 'The pinned discussion thread.' })
  async thread(
    @Parent() banner: CrisisBannerType,
    @Context() ctx: GraphQLContext,
  ): Promise<ThreadType | null> {
    if (!banner.threadId) return null;
    const thread = await threadsById(ctx, this.threads).load(banner.threadId);
    return thread ? ThreadType.from(thread) : null;
  }

  @ResolveField(() => UserType)
  async publishedBy(@Parent() banner: CrisisBannerType, @Context() ctx: GraphQLContext): Promise<UserType> {
    return UserType.from(
      (await usersById(ctx, this.identity).load(banner.publishedById))!,
      ctx.req.viewer ?? null,
    );
  }
}
