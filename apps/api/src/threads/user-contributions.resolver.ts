import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../common/viewer';
import { UserType } from '../identity/user.type';
import { threadLoaders } from './threads.loaders';
import { ThreadsService } from './threads.service';

/** Thanks received and accepted answers on a person's profile. */
@Resolver(() => UserType)
export class UserContributionsResolver {
  constructor(private readonly threads: ThreadsService) {}

  @ResolveField(() => Int, { description: 'Thanks received on their posts.' })
  async thanksReceived(@Parent() user: UserType, @Context() ctx: GraphQLContext): Promise<number> {
    return (await threadLoaders(ctx, this.threads).contributionsByUserId.load(user.id))?.thanksReceived ?? 0;
  }

  @ResolveField(() => Int, { description: 'Their replies accepted as answers.' })
  async acceptedAnswers(@Parent() user: UserType, @Context() ctx: GraphQLContext): Promise<number> {
    return (await threadLoaders(ctx, this.threads).contributionsByUserId.load(user.id))?.acceptedAnswers ?? 0;
  }
}
