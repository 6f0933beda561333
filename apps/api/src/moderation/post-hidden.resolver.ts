import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { PostHiddenType } from './post-moderation.type';

@Resolver(() => PostHiddenType)
export class PostHiddenResolver {
  constructor(private readonly identity: IdentityService) {}

  @ResolveField(() => UserType, { description: 'The moderator who hid the post.' })
  async by(hidden: PostHiddenType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return UserType.from((await usersById(ctx, this.identity).load(hidden.byId))!, ctx.req.viewer ?? null);
  }
}
