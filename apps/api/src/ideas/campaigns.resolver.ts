import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParseUUIDArg } from '../common/parse-uuid.arg';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { CampaignRankingEntry, CampaignType } from './campaign.type';
import { IdeaType } from './idea.type';
import { ideaLoaders } from './ideas.loaders';
import { CreateCampaignInput } from './ideas.inputs';
import { IdeasService } from './ideas.service';

@Resolver(() => CampaignType)
export class CampaignsResolver {
  constructor(private readonly ideas: IdeasService) {}

  @Query(() => [CampaignType], {
    description: 'Every campaign: open ones first, then upcoming, then closed. Public.',
  })
  async campaigns(): Promise<CampaignType[]> {
    const now = new Date();
    return (await this.ideas.campaigns()).map((c) => CampaignType.from(c, now));
  }

  @Query(() => CampaignType)
  async campaign(@Args('id', { type: () => ID }, ParseUUIDArg('id')) id: string): Promise<CampaignType> {
    return CampaignType.from(await this.ideas.campaign(id));
  }

  @Mutation(() => CampaignType, {
    description: 'Staff and moderators: asks the community a question for a limited time.',
  })
  async createCampaign(
    @Args('input') input: CreateCampaignInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CampaignType> {
    return CampaignType.from(await this.ideas.createCampaign(viewer, input));
  }

  @ResolveField(() => [CampaignRankingEntry], {
    description: 'Ideas by votes: live while open, frozen once closed.',
  })
  async ranking(
    campaign: CampaignType,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<CampaignRankingEntry[]> {
    const ranked = (await ideaLoaders(ctx, this.ideas).campaignRanking.load(campaign.id)) ?? [];
    return ranked.map((entry) => ({ rank: entry.rank, votes: entry.votes, idea: IdeaType.from(entry.idea) }));
  }

  @ResolveField(() => IdeaType, {
    nullable: true,
    description: 'Once closed: the most voted idea (the earliest on a tie).',
  })
  async winner(campaign: CampaignType, _args: unknown, ctx: GraphQLContext): Promise<IdeaType | null> {
    const ranking = (await ideaLoaders(ctx, this.ideas).campaignRanking.load(campaign.id)) ?? [];
    const winner = IdeasService.winnerOf(campaign, ranking);
    return winner ? IdeaType.from(winner) : null;
  }

  @ResolveField(() => Int, { description: 'Ideas proposed in the campaign.' })
  async ideasCount(campaign: CampaignType, _args: unknown, ctx: GraphQLContext): Promise<number> {
    return (await ideaLoaders(ctx, this.ideas).campaignIdeasCount.load(campaign.id)) ?? 0;
  }

  @ResolveField(() => Int, {
    description: 'Votes the signed-in person has in this campaign (0 for visitors).',
  })
  async viewerVotesUsed(campaign: CampaignType, _args: unknown, ctx: GraphQLContext): Promise<number> {
    return (await ideaLoaders(ctx, this.ideas).campaignVotesUsed.load(campaign.id)) ?? 0;
  }

  @ResolveField(() => Int, {
    nullable: true,
    description: 'Votes the signed-in person may still cast; null when there is no limit.',
  })
  async viewerVotesRemaining(
    campaign: CampaignType,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<number | null> {
    if (campaign.votesPerMember === null) return null;
    const used = (await ideaLoaders(ctx, this.ideas).campaignVotesUsed.load(campaign.id)) ?? 0;
    return Math.max(0, campaign.votesPerMember - used);
  }
}
