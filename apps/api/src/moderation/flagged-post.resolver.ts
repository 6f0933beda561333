import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { FlagType } from './flag.type';
import { moderationLoaders } from './moderation.loaders';
import { FlaggedPostType } from './moderation-queue.type';
import { ModerationService } from './moderation.service';

@Resolver(() => FlaggedPostType)
export class FlaggedPostResolver {
  constructor(private readonly moderation: ModerationService) {}

  @ResolveField(() => [FlagType], { description: 'The open flags, newest first.' })
  async flags(flagged: FlaggedPostType, _args: unknown, ctx: GraphQLContext): Promise<FlagType[]> {
    return (
      (await moderationLoaders(ctx, this.moderation).openFlagsByPostId.load(flagged.post.id)) ?? []
    ).map((flag) => FlagType.from(flag));
  }
}
