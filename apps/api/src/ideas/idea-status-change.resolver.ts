import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { IdeaStatusChangeType, IdeaType } from './idea.type';
import { ideaLoaders } from './ideas.loaders';
import { IdeasService } from './ideas.service';

/** Who made a status change, and where a merge sent the idea. */
@Resolver(() => IdeaStatusChangeType)
export class IdeaStatusChangeResolver {
  constructor(
    private readonly ideas: IdeasService,
    private readonly identity: IdentityService,
  ) {}

  @ResolveField(() => UserType, {
    description: 'The staff member or moderator who made the change, signing with their name.',
  })
  async changedBy(change: IdeaStatusChangeType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    const viewer = ctx.req.viewer ?? null;
    return UserType.from((await usersById(ctx, this.identity).load(change.changedById))!, viewer);
  }

  @ResolveField(() => IdeaType, {
    nullable: true,
    description: 'For a merge: the idea this one was merged into.',
  })
  async mergedInto(
    change: IdeaStatusChangeType,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<IdeaType | null> {
    if (!change.mergedIntoId) return null;
    const target = await ideaLoaders(ctx, this.ideas).byId.load(change.mergedIntoId);
    return target ? IdeaType.from(target) : null;
  }
}
