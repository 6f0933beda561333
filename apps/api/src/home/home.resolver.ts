import { Context, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { hasAtLeastRole } from '@parvis/domain';
import { CurrentViewer, type GraphQLContext, type Viewer } from '../common/viewer';
import { CampaignType } from '../ideas/campaign.type';
import { IdeasArgs } from '../ideas/ideas.inputs';
import { IdeaType } from '../ideas/idea.type';
import { IdeasService } from '../ideas/ideas.service';
import { ThreadType } from '../threads/thread.type';
import { threadsById } from '../threads/threads.loaders';
import { ThreadsService } from '../threads/threads.service';
import { HomeType } from './home.type';

/** How many threads or ideas each list of the home page shows. */
export const HOME_LIST_SIZE = 5;

@Resolver(() => HomeType)
export class HomeResolver {
  constructor(
    private readonly threads: ThreadsService,
    private readonly ideas: IdeasService,
  ) {}

  @Query(() => HomeType, {
    description: 'The home page: what is happening in the community, for its reader. Public.',
  })
  async home(@CurrentViewer() viewer: Viewer, @Context() ctx: GraphQLContext): Promise<HomeType> {
    const lists = await this.threads.homeLists(viewer, HOME_LIST_SIZE);
    const loader = threadsById(ctx, this.threads);
    const load = async (ids: string[]) =>
      (await loader.loadMany(ids)).flatMap((t) => (t && !(t instanceof Error) ? [ThreadType.from(t)] : []));
    const [announcement, latestQuestions, recentlyAnswered, unanswered, followedActivity] = await Promise.all(
      [
        load(lists.get('ANNOUNCEMENT')!),
        load(lists.get('QUESTIONS')!),
        load(lists.get('ANSWERED')!),
        load(lists.get('UNANSWERED')!),
        load(lists.get('FOLLOWED')!),
      ],
    );
    return {
      announcement: announcement[0] ?? null,
      latestQuestions,
      recentlyAnswered,
      unanswered: viewer && hasAtLeastRole(viewer.role, 'EXPERT') ? unanswered : null,
      followedActivity: viewer ? followedActivity : null,
    };
  }

  @ResolveField(() => [IdeaType], { description: 'The ideas gathering votes fastest now.' })
  async trendingIdeas(_home: HomeType): Promise<IdeaType[]> {
    const page = await this.ideas.list(
      Object.assign(new IdeasArgs(), { sort: 'TRENDING', first: HOME_LIST_SIZE }),
    );
    return page.edges.map((edge) => IdeaType.from(edge.node));
  }

  @ResolveField(() => CampaignType, {
    nullable: true,
    description: 'The campaign open for votes (the one closing soonest), else null.',
  })
  async openCampaign(_home: HomeType): Promise<CampaignType | null> {
    const now = new Date();
    const open = (await this.ideas.campaigns())
      .map((c) => CampaignType.from(c, now))
      .find((c) => c.phase === 'OPEN');
    return open ?? null;
  }
}
