import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../common/viewer';
import { UserType } from '../identity/user.type';
import { AnswersService } from './answers.service';
import { contributionsByUserId } from './threads.loaders';

/** Thanks received and accepted answers on a person's profile. */
@Resolver(() => UserType)
export class UserContributionsResolver {
  constructor(private readonly answers: AnswersService) {}

  @ResolveField(() => Int, { description: 'Thanks received on their posts.' })
  async thanksReceived(@Parent() user: UserType, @Context() ctx: GraphQLContext): Promise<number> {
    return (await contributionsByUserId(ctx, this.answers).load(user.id))?.thanksReceived ?? 0;
  }

  @ResolveField(() => Int, { description: 'Their replies accepted as answers.' })
  async acceptedAnswers(@Parent() user: UserType, @Context() ctx: GraphQLContext): Promise<number> {
    return (await contributionsByUserId(ctx, this.answers).load(user.id))?.acceptedAnswers ?? 0;
  }
}
