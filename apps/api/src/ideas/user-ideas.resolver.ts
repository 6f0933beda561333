import { ResolveField, Resolver } from '@nestjs/graphql';
import { UserType } from '../identity/user.type';
import { IdeaType } from './idea.type';
import { IdeasService } from './ideas.service';

/** How many ideas a profile lists, newest first. */
export const PROFILE_IDEAS = 10;

/** A person's ideas on their profile: one statement for the one person a profile shows. */
@Resolver(() => UserType)
export class UserIdeasResolver {
  constructor(private readonly ideas: IdeasService) {}

  @ResolveField(() => [IdeaType], {
    description: `Their latest ideas (at most ${PROFILE_IDEAS}), hidden ones left out.`,
  })
  async recentIdeas(user: UserType): Promise<IdeaType[]> {
    return (await this.ideas.ideasByAuthor(user.id, PROFILE_IDEAS)).map((row) => IdeaType.from(row));
  }
}
