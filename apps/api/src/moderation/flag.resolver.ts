import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { FlagType } from './flag.type';

@Resolver(() => FlagType)
export class FlagResolver {
  constructor(private readonly identity: IdentityService) {}

  @ResolveField(() => UserType, { description: 'Who flagged (moderators only see flags).' })
  async member(flag: FlagType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return UserType.from((await usersById(ctx, this.identity).load(flag.memberId))!, ctx.req.viewer ?? null);
  }
}
