import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '../common/viewer';
import { PostType } from '../threads/post.type';
import { ThreadType } from '../threads/thread.type';
import { CrisisBannerType } from './crisis-banner.type';
import {
  FlagInput,
  HidePostInput,
  LockThreadInput,
  MarkAnsweredInput,
  ModerateThreadInput,
  ModerationQueueArgs,
  ModeratePostInput,
  MoveThreadInput,
  PublishCrisisBannerInput,
  TakeDownCrisisBannerInput,
} from './moderation.inputs';
import { FlaggedPostType, ModerationQueueType } from './moderation-queue.type';
import { ModerationService } from './moderation.service';

@Resolver(() => ModerationQueueType)
export class ModerationResolver {
  constructor(private readonly moderation: ModerationService) {}

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
