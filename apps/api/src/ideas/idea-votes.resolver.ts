import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { EventStream } from '../events/event-stream';
import { eventLoaders, LiveEvents, LoaderRegistry, sharedPayload } from '../events/live-events.service';
import { IdeaType } from './idea.type';
import { IdeaVotesEventData, IDEA_VOTES_TOPIC } from './idea-votes-events';
import { IdeaVotesArgs } from './ideas.inputs';
import { IdeasService } from './ideas.service';

type IdeaWithLoaders = IdeaType & { loaders?: LoaderRegistry };

/** Live vote counts for the idea board and campaign rankings. */
@Resolver(() => IdeaType)
export class IdeaVotesResolver {
  constructor(
    private readonly live: LiveEvents,
    private readonly ideas: IdeasService,
  ) {}

  @Subscription(() => IdeaType, {
    description:
      'An idea whose vote count changed (a vote, a withdrawn vote, a merge), as it is now; only ideas of `campaignId` when given. Public, like the board.',
    resolve: (idea: IdeaWithLoaders, _args: unknown, ctx: GraphQLContext): IdeaType => {
      ctx.loaders = idea.loaders;
      return idea;
    },
  })
  ideaVotes(@Args() { campaignId }: IdeaVotesArgs, @CurrentViewer() viewer: Viewer): EventStream<IdeaType> {
    return this.live.stream(IDEA_VOTES_TOPIC, async (data, delivery) => {
      const event = data as IdeaVotesEventData;
      if (campaignId && event.campaignId !== campaignId) return null;
      const row = await delivery.once('idea', () => this.ideas.idea(event.ideaId));
      if (campaignId && row.campaignId !== campaignId) return null;
      return sharedPayload(delivery, viewer, async () =>
        Object.assign(IdeaType.from(row), { loaders: await eventLoaders(delivery, viewer) }),
      );
    });
  }
}
