import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ASK_EVENTS, AskEvent } from './reports.service';
import type { Granularity } from './reports.queries';

export enum ReportGranularity {
  DAY = 'day',
  WEEK = 'week',
  MONTH = 'month',
}
registerEnumType(ReportGranularity, {
  name: 'ReportGranularity',
  description: 'The periods a report is cut into: days, ISO weeks (from Monday) or months, in its time zone.',
});

export enum AskEventKind {
  STARTED = 'STARTED',
  SUGGESTIONS_SHOWN = 'SUGGESTIONS_SHOWN',
  SUGGESTION_OPENED = 'SUGGESTION_OPENED',
  POSTED = 'POSTED',
}
registerEnumType(AskEventKind, {
  name: 'AskEventKind',
  description:
    'A step of asking a question: form opened, similar answered questions shown, one opened, posted.',
});

@ArgsType()
export class ReportArgs {
  @Field({ description: 'The start of the range (included).' })
  @Type(() => Date)
  @IsDate()
  from: Date;

  @Field({ description: 'The end of the range (excluded).' })
  @Type(() => Date)
  @IsDate()
  to: Date;

  @Field(() => ReportGranularity, { defaultValue: ReportGranularity.DAY })
  @IsIn(Object.values(ReportGranularity))
  granularity: Granularity = 'day';

  @Field({ nullable: true, description: 'An IANA time zone for the periods; the community’s by default.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  timeZone?: string;

  @Field(() => ID, { nullable: true, description: 'One space only.' })
  @IsOptional()
  @IsUUID('all', { message: 'spaceId must be an id.' })
  spaceId?: string;

  @Field({ nullable: true, description: 'One content language only (fr, en, es).' })
  @IsOptional()
  @IsString()
  language?: string;
}

@ObjectType('ReportResponsePeriod', {
  description: 'Questions asked in a period and how their answer clocks ended.',
})
export class ReportResponsePeriodType {
  @Field(() => String, {
    nullable: true,
    description: 'The period’s first day (YYYY-MM-DD); null for the total.',
  })
  period: string | null;
  @Field(() => Int) questions: number;
  @Field(() => Float, { nullable: true, description: 'Minutes to the first response, median.' })
  firstResponseMedian: number | null;
  @Field(() => Float, { nullable: true, description: 'Minutes to the first response, 90th percentile.' })
  firstResponseP90: number | null;
  @Field(() => Float, { nullable: true, description: 'Minutes to the answer, median.' })
  answerMedian: number | null;
  @Field(() => Float, { nullable: true, description: 'Minutes to the answer, 90th percentile.' })
  answerP90: number | null;
  @Field(() => Int) firstResponseMet: number;
  @Field(() => Int) firstResponseMissed: number;
  @Field(() => Int) answerMet: number;
  @Field(() => Int) answerMissed: number;
}

@ObjectType('ReportAnswerers', { description: 'Accepted answers by who wrote them.' })
export class ReportAnswerersType {
  @Field(() => Int, { description: 'By members of the community.' }) community: number;
  @Field(() => Int) experts: number;
  @Field(() => Int, { description: 'By the brand’s staff, moderators and admins.' }) staff: number;
}

@ObjectType('ReportHelper')
export class ReportHelperType {
  @Field(() => ID) userId: string;
  @Field({ description: 'As stored: "Former member" once the account is closed.' }) displayName: string;
  @Field({ description: 'The account was closed (the web app words its name in the reader’s language).' })
  closed: boolean;
  @Field() role: string;
  @Field(() => Int) acceptedAnswers: number;
  @Field(() => Int) replies: number;
  @Field(() => Int) thanks: number;
}

@ObjectType('ReportDeflectionPeriod', {
  description: 'Attempts to ask in a period, and how many the community answered first.',
})
export class ReportDeflectionPeriodType {
  @Field(() => String, { nullable: true }) period: string | null;
  @Field(() => Int) attempts: number;
  @Field(() => Int, { description: 'Similar answered questions were shown while typing.' })
  suggestionsShown: number;
  @Field(() => Int, { description: 'One of them was opened.' }) suggestionOpened: number;
  @Field(() => Int, { description: 'Shown suggestions, and no question posted.' }) notPosted: number;
}

@ObjectType('ReportMoodPeriod', {
  description: 'Negative posts (the tone scorer’s) and whether the brand answered them in time.',
})
export class ReportMoodPeriodType {
  @Field(() => String, { nullable: true }) period: string | null;
  @Field(() => Int) negativePosts: number;
  @Field(() => Int, { description: 'Marked answered within the space’s first-response time.' })
  answeredInTime: number;
  @Field(() => Int) answeredLate: number;
}

@ObjectType('ReportIdeaPeriod', {
  description: 'Ideas submitted in a period, and ideas moved into each status.',
})
export class ReportIdeaPeriodType {
  @Field(() => String, { nullable: true }) period: string | null;
  @Field(() => Int) submitted: number;
  @Field(() => Int) underReview: number;
  @Field(() => Int) planned: number;
  @Field(() => Int) inProgress: number;
  @Field(() => Int) launched: number;
  @Field(() => Int) declined: number;
}

@ObjectType('ReportStatusDwell', {
  description: 'How long ideas stayed in a status (stays begun in the range).',
})
export class ReportStatusDwellType {
  @Field() status: string;
  @Field(() => Int) stays: number;
  @Field(() => Float, { nullable: true }) medianDays: number | null;
  @Field(() => Float, { nullable: true }) averageDays: number | null;
}

@ObjectType('ReportIdeaVotes')
export class ReportIdeaVotesType {
  @Field(() => ID) ideaId: string;
  @Field() title: string;
  @Field() status: string;
  @Field(() => Int, { description: 'Votes cast in the window.' }) votesInRange: number;
  @Field(() => Int) votesTotal: number;
}

@ObjectType('ReportCampaign', { description: 'A campaign that closed in the range, and the idea that won.' })
export class ReportCampaignType {
  @Field(() => ID) campaignId: string;
  @Field() title: string;
  @Field() closesAt: Date;
  @Field(() => Int) ideas: number;
  @Field(() => Int) votes: number;
  @Field(() => ID, { nullable: true }) winnerIdeaId: string | null;
  @Field(() => String, { nullable: true }) winnerTitle: string | null;
  @Field(() => Int, { nullable: true }) winnerVotes: number | null;
}

@ObjectType('Report', {
  description:
    'The staff report for a range: every table’s rows per period and its total (period null). The same figures are served as CSV at /reports/<table>.csv.',
})
export class ReportType {
  @Field() from: Date;
  @Field() to: Date;
  @Field(() => ReportGranularity) granularity: Granularity;
  @Field() timeZone: string;
  @Field(() => [ReportResponsePeriodType]) responseTimes: ReportResponsePeriodType[];
  @Field(() => ReportAnswerersType) answerers: ReportAnswerersType;
  @Field(() => [ReportHelperType]) topHelpers: ReportHelperType[];
  @Field(() => [ReportDeflectionPeriodType]) deflection: ReportDeflectionPeriodType[];
  @Field(() => [ReportMoodPeriodType]) mood: ReportMoodPeriodType[];
  @Field(() => [ReportIdeaPeriodType]) ideaFlow: ReportIdeaPeriodType[];
  @Field(() => [ReportStatusDwellType]) timeInStatus: ReportStatusDwellType[];
  @Field(() => [ReportIdeaVotesType], { description: 'Most votes cast in the range.' })
  topIdeas: ReportIdeaVotesType[];
  @Field(() => [ReportIdeaVotesType], { description: 'Most votes cast in the range’s last seven days.' })
  trendingIdeas: ReportIdeaVotesType[];
  @Field(() => [ReportCampaignType]) campaigns: ReportCampaignType[];
}

@InputType()
export class RecordAskEventInput {
  @Field(() => ID, { description: 'The form’s own id for this attempt (a UUID it made up when it opened).' })
  @IsUUID('all', { message: 'attemptId must be an id.' })
  attemptId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'spaceId must be an id.' })
  spaceId: string;

  @Field(() => AskEventKind)
  @IsIn(ASK_EVENTS)
  event: AskEvent;

  @Field({ description: 'The interface language while asking.' })
  @IsString()
  language: string;

  @Field(() => ID, { nullable: true, description: 'For POSTED: the thread the question became.' })
  @IsOptional()
  @IsUUID('all', { message: 'threadId must be an id.' })
  threadId?: string;
}
