import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { PrivateFollowUpNoticeType } from './thread.type';

@Resolver(() => PrivateFollowUpNoticeType)
export class PrivateFollowUpNoticeResolver {
  constructor(private readonly identity: IdentityService) {}

  @ResolveField(() => UserType, { description: 'The staff member the case continues with.' })
  async agent(notice: PrivateFollowUpNoticeType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return UserType.from((await usersById(ctx, this.identity).load(notice.agentId))!, ctx.req.viewer ?? null);
  }
}
