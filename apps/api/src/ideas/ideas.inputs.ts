import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IDEA_LIMITS,
  IDEA_SORTS,
  IDEA_STATUSES,
  IdeaSort as IdeaSortName,
  IdeaStatus as IdeaStatusName,
  LANGUAGES,
  Language,
  SETTABLE_IDEA_STATUSES,
  SettableIdeaStatus,
} from '@parvis/domain';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { TextLength, TextMaxLength, VisibleMarkdown } from '../common/text.validators';
import { PageArgs } from '../common/pagination';
import { IdeaSort, IdeaStatus } from './idea.type';
import { trim } from '../common/trim.transform';

const { title, body, response, campaignTitle, campaignQuestion, votesPerMember } = IDEA_LIMITS;

@InputType()
export class SubmitIdeaInput {
  @Field()
  @Transform(trim)
  @IsString()
  @TextLength(title.min, title.max, {
    message: `The title must be ${title.min} to ${title.max} characters long.`,
  })
  title: string;

  @Field({ description: 'Markdown.' })
  @Transform(trim)
  @IsString()
  @VisibleMarkdown(body.max, { message: `Describe your idea in ${body.min} to ${body.max} characters.` })
  body: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Propose the idea in this campaign (it must not be closed).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'campaignId must be the id of a campaign.' })
  campaignId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The IDEAS space; by default the campaign’s, or the first idea box.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'spaceId must be the id of a space.' })
  spaceId?: string;

  @Field(() => String, { nullable: true, description: 'fr, en or es; by default the author’s language.' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: 'The language must be fr, en or es.' })
  language?: Language;
}

@InputType()
export class VoteInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'ideaId must be the id of an idea.' })
  ideaId: string;
}

@InputType()
export class SetIdeaStatusInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'ideaId must be the id of an idea.' })
  ideaId: string;

  @Field(() => IdeaStatus)
  @IsIn(SETTABLE_IDEA_STATUSES, {
    message:
      'status must be NEW, UNDER_REVIEW, PLANNED, IN_PROGRESS, LAUNCHED or DECLINED (MERGED comes from merging).',
  })
  status: SettableIdeaStatus;

  @Field({
    nullable: true,
    description: 'The official response (Markdown); required for PLANNED and DECLINED.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextMaxLength(response.max, { message: `The response must be at most ${response.max} characters long.` })
  response?: string;
}

@InputType()
export class MergeIdeaInput {
  @Field(() => ID, { description: 'The duplicate, which becomes MERGED.' })
  @IsUUID('all', { message: 'sourceId must be the id of an idea.' })
  sourceId: string;

  @Field(() => ID, { description: 'The idea that keeps the votes.' })
  @IsUUID('all', { message: 'intoId must be the id of an idea.' })
  intoId: string;
}

@InputType()
export class CreateCampaignInput {
  @Field(() => ID, { nullable: true, description: 'The IDEAS space; the first idea box by default.' })
  @IsOptional()
  @IsUUID('all', { message: 'spaceId must be the id of a space.' })
  spaceId?: string;

  @Field()
  @Transform(trim)
  @IsString()
  @TextLength(campaignTitle.min, campaignTitle.max, {
    message: `The title must be ${campaignTitle.min} to ${campaignTitle.max} characters long.`,
  })
  title: string;

  @Field({ description: 'The question put to the community.' })
  @Transform(trim)
  @IsString()
  @TextLength(campaignQuestion.min, campaignQuestion.max, {
    message: `The question must be ${campaignQuestion.min} to ${campaignQuestion.max} characters long.`,
  })
  question: string;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'opensAt must be a date and time.' })
  opensAt: Date;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'closesAt must be a date and time.' })
  closesAt: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'How many ideas of the campaign each member may vote for; no limit when omitted.',
  })
  @IsOptional()
  @IsInt({ message: 'votesPerMember must be a whole number.' })
  @Min(votesPerMember.min, { message: `votesPerMember must be at least ${votesPerMember.min}.` })
  @Max(votesPerMember.max, { message: `votesPerMember must be at most ${votesPerMember.max}.` })
  votesPerMember?: number;
}

@ArgsType()
export class IdeasArgs extends PageArgs {
  @Field(() => IdeaSort, { nullable: true, defaultValue: 'TOP' })
  @IsOptional()
  @IsIn(IDEA_SORTS, { message: 'sort must be TOP, TRENDING or NEW.' })
  sort: IdeaSortName = 'TOP';

  @Field(() => IdeaStatus, {
    nullable: true,
    description: 'Only ideas in this status; merged ideas are left out unless asked for.',
  })
  @IsOptional()
  @IsIn(IDEA_STATUSES, { message: 'status must be an idea status.' })
  status?: IdeaStatusName;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'campaignId must be the id of a campaign.' })
  campaignId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'spaceId must be the id of a space.' })
  spaceId?: string;
}

@ArgsType()
export class IdeaVotesArgs {
  @Field(() => ID, { nullable: true, description: 'Only the ideas of this campaign (its ranking page).' })
  @IsOptional()
  @IsUUID('all', { message: 'campaignId must be the id of a campaign.' })
  campaignId?: string;
}
