import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { PrivateMessageType } from './private-follow-up.type';

@Resolver(() => PrivateMessageType)
export class PrivateMessageResolver {
  constructor(private readonly identity: IdentityService) {}

  @ResolveField(() => UserType)
  async author(message: PrivateMessageType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return UserType.from(
      (await usersById(ctx, this.identity).load(message.authorId))!,
      ctx.req.viewer ?? null,
    );
  }
}
