import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { NotificationGroupType } from '../notifications/notification.type';
import { CampaignType } from './campaign.type';
import { IdeaType } from './idea.type';
import { ideaLoaders } from './ideas.loaders';
import { IdeasService } from './ideas.service';

/** The idea or campaign a group of notices is about, and a closed campaign's winner. */
@Resolver(() => NotificationGroupType)
export class NotificationGroupIdeaResolver {
  constructor(private readonly ideas: IdeasService) {}

  @ResolveField(() => IdeaType, { nullable: true })
  async idea(group: NotificationGroupType, _args: unknown, ctx: GraphQLContext): Promise<IdeaType | null> {
    if (group.subjectType !== 'IDEA') return null;
    const idea = await ideaLoaders(ctx, this.ideas).byId.load(group.subjectId);
    return idea ? IdeaType.from(idea) : null;
  }

  @ResolveField(() => IdeaType, { nullable: true, description: 'For a closed campaign: the idea that won.' })
  async winnerIdea(
    group: NotificationGroupType,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<IdeaType | null> {
    if (!group.winnerIdeaId) return null;
    const idea = await ideaLoaders(ctx, this.ideas).byId.load(group.winnerIdeaId);
    return idea ? IdeaType.from(idea) : null;
  }

  @ResolveField(() => CampaignType, { nullable: true })
  async campaign(
    group: NotificationGroupType,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<CampaignType | null> {
    if (group.subjectType !== 'CAMPAIGN') return null;
    const campaign = await ideaLoaders(ctx, this.ideas).campaign.load(group.subjectId);
    return campaign ? CampaignType.from(campaign) : null;
  }
}
