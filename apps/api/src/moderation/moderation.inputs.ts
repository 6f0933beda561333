import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { CHARTER_RULES, CharterRule as CharterRuleName, MODERATION_LIMITS } from '@parvis/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { TextLength, TextMaxLength, VisibleMarkdown } from '../common/text.validators';
import { PageArgs } from '../common/pagination';
import { CharterRule } from './moderation-enums.type';
import { trim } from '../common/trim.transform';

const emptyToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;
const RULES = CHARTER_RULES.join(', ');
const { flagNote, hideNote, lockReason, bannerTitle, bannerBody } = MODERATION_LIMITS;

@InputType()
export class FlagInput {
  @Field(() => ID, {
    description: 'The post (a question, a reply, an idea’s body or comment) that breaks the charter.',
  })
  @IsUUID('all', { message: 'targetId must be the id of a post.' })
  targetId: string;

  // Nullable in the schema so that a missing rule gets the charter's sentence, not a schema error.
  @Field(() => CharterRule, {
    nullable: true,
    description: 'Which charter rule the post breaks. Disagreeing with the brand is not one.',
  })
  @IsIn(CHARTER_RULES, {
    message: `Choose the charter rule this post breaks (${RULES}); disagreeing with the brand is not a reason to flag.`,
  })
  reason: CharterRuleName;

  @Field(() => String, {
    nullable: true,
    description: 'What moderators should know (seen by moderators only).',
  })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @TextMaxLength(flagNote.max, { message: `Keep the note under ${flagNote.max} characters.` })
  note?: string | null;
}

@InputType()
export class HidePostInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'postId must be the id of a post.' })
  postId: string;

  @Field(() => CharterRule, {
    nullable: true,
    description: 'The charter rule the post breaks: a post is hidden for nothing else.',
  })
  @IsIn(CHARTER_RULES, {
    message: `A post is hidden only for a breach of the charter: choose the rule it breaks (${RULES}).`,
  })
  reason: CharterRuleName;

  @Field(() => String, { nullable: true, description: 'A public explanation shown with the notice.' })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @TextMaxLength(hideNote.max, { message: `Keep the explanation under ${hideNote.max} characters.` })
  note?: string | null;
}

@InputType()
export class ModeratePostInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'postId must be the id of a post.' })
  postId: string;
}

@InputType()
export class MarkAnsweredInput {
  @Field(() => ID, { description: 'The post that was answered (typically a complaint).' })
  @IsUUID('all', { message: 'postId must be the id of a post.' })
  postId: string;

  @Field(() => ID, { description: 'The reply that answers it, in the same thread.' })
  @IsUUID('all', { message: 'answerPostId must be the id of a reply.' })
  answerPostId: string;
}

@InputType()
export class LockThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'threadId must be the id of a thread.' })
  threadId: string;

  @Field({ description: 'Why the thread accepts no more replies (shown on the thread and in the log).' })
  @Transform(trim)
  @IsString({
    message: `Say why the thread is locked, in ${lockReason.min} to ${lockReason.max} characters.`,
  })
  @TextLength(lockReason.min, lockReason.max, {
    message: `Say why the thread is locked, in ${lockReason.min} to ${lockReason.max} characters.`,
  })
  reason: string;
}

@InputType()
export class ModerateThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'threadId must be the id of a thread.' })
  threadId: string;
}

@InputType()
export class MoveThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'threadId must be the id of a thread.' })
  threadId: string;

  @Field(() => ID, { description: 'The space to move it to (a HELP or ANNOUNCEMENTS space).' })
  @IsUUID('all', { message: 'spaceId must be the id of a space.' })
  spaceId: string;
}

@InputType()
export class PublishCrisisBannerInput {
  @Field()
  @Transform(trim)
  @IsString({ message: `The title must be ${bannerTitle.min} to ${bannerTitle.max} characters long.` })
  @TextLength(bannerTitle.min, bannerTitle.max, {
    message: `The title must be ${bannerTitle.min} to ${bannerTitle.max} characters long.`,
  })
  title: string;

  @Field({ description: 'The official statement, in Markdown.' })
  @Transform(trim)
  @IsString({
    message: `Write a statement of at most ${bannerBody.max} characters (it is empty or too long).`,
  })
  @VisibleMarkdown(bannerBody.max, {
    message: `Write a statement of at most ${bannerBody.max} characters (it is empty or too long).`,
  })
  bodyMarkdown: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The discussion thread the banner links to; it is pinned.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'threadId must be the id of a thread.' })
  threadId?: string | null;
}

@InputType()
export class TakeDownCrisisBannerInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'bannerId must be the id of a banner.' })
  bannerId: string;
}

@ArgsType()
export class ModerationLogArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Only the actions on this post, thread, idea, person or banner.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'targetId must be an id.' })
  targetId?: string;
}

@ArgsType()
export class ModerationQueueArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 50,
    description: 'At most this many items in each section.',
  })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be at least 1.' })
  @Max(100, { message: 'first must be at most 100.' })
  first: number = 50;
}
