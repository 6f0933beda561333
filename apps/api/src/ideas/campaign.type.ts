import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { campaignPhase, CampaignPhase as CampaignPhaseName } from '@parvis/domain';
import { Campaign } from './campaign.entity';
import { CampaignPhase, IdeaType } from './idea.type';

@ObjectType('Campaign')
export class CampaignType {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  question: string;

  @Field()
  opensAt: Date;

  @Field()
  closesAt: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'How many ideas each member may vote for; null: no limit.',
  })
  votesPerMember: number | null;

  @Field(() => CampaignPhase, { description: 'UPCOMING until opensAt, OPEN until closesAt, then CLOSED.' })
  phase: CampaignPhaseName;

  @Field(() => ID)
  spaceId: string;

  @Field()
  createdAt: Date;

  static from(campaign: Campaign, now = new Date()): CampaignType {
    return Object.assign(new CampaignType(), {
      id: campaign.id,
      title: campaign.title,
      question: campaign.question,
      opensAt: campaign.opensAt,
      closesAt: campaign.closesAt,
      votesPerMember: campaign.votesPerMember,
      phase: campaignPhase(campaign.opensAt, campaign.closesAt, now),
      spaceId: campaign.spaceId,
      createdAt: campaign.createdAt,
    });
  }
}

/** A place in a campaign's ranking: live while it is open, final once it is closed. */
@ObjectType('CampaignRankingEntry')
export class CampaignRankingEntry {
  @Field(() => Int, { description: '1 for the most voted; ideas with as many votes share a rank.' })
  rank: number;

  @Field(() => Int, {
    description: 'Votes cast before the campaign closed and not withdrawn before it closed.',
  })
  votes: number;

  @Field(() => IdeaType)
  idea: IdeaType;
}
