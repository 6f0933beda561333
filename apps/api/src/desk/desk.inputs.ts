import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { THREAD_LIMITS } from '@parvis/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { trim } from '../common/trim.transform';

const BODY_MESSAGE = `Write a note of at most ${THREAD_LIMITS.body.max.toLocaleString('en')} characters (it is empty or too long).`;
const trimBlankLines = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/^\s*\n|\s+$/g, '') : value;

@InputType()
export class AssignThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'threadId must be the id of a thread.' })
  threadId: string;

  @Field(() => ID, { description: 'An expert or a staff member.' })
  @IsUUID('all', { message: 'assigneeId must be the id of a person.' })
  assigneeId: string;
}

@InputType()
export class AddNoteInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'threadId must be the id of a thread.' })
  threadId: string;

  @Field(() => ID, { nullable: true, description: 'The post the note is about, if not the whole thread.' })
  @IsOptional()
  @IsUUID('all', { message: 'postId must be the id of a post.' })
  postId?: string | null;

  @Field({ description: 'Markdown; mentions of colleagues who may read notes tell them.' })
  @Transform(trimBlankLines)
  @IsString({ message: BODY_MESSAGE })
  @Length(THREAD_LIMITS.body.min, THREAD_LIMITS.body.max, { message: BODY_MESSAGE })
  bodyMarkdown: string;
}

@InputType()
export class EditNoteInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'noteId must be the id of a note.' })
  noteId: string;

  @Field()
  @Transform(trimBlankLines)
  @IsString({ message: BODY_MESSAGE })
  @Length(THREAD_LIMITS.body.min, THREAD_LIMITS.body.max, { message: BODY_MESSAGE })
  bodyMarkdown: string;
}

@InputType()
export class InviteExpertInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'threadId must be the id of a thread.' })
  threadId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be the id of an expert.' })
  userId: string;
}

@InputType()
export class OpeningPeriodInput {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday.' })
  @IsInt({ message: 'day must be 1 (Monday) to 7 (Sunday).' })
  @Min(1, { message: 'day must be 1 (Monday) to 7 (Sunday).' })
  @Max(7, { message: 'day must be 1 (Monday) to 7 (Sunday).' })
  day: number;

  @Field(() => Int, { description: 'Minutes after local midnight.' })
  @IsInt({ message: 'from must be minutes after midnight.' })
  @Min(0, { message: 'from must be minutes after midnight.' })
  @Max(1439, { message: 'from must be minutes after midnight.' })
  from: number;

  @Field(() => Int, { description: 'Minutes after local midnight (1440: the end of the day).' })
  @IsInt({ message: 'to must be minutes after midnight.' })
  @Min(1, { message: 'to must be minutes after midnight.' })
  @Max(1440, { message: 'to must be minutes after midnight.' })
  to: number;
}

const TIME_ZONE_MESSAGE = 'timeZone must be a time zone such as Europe/Paris.';

@InputType()
export class SetDutyScheduleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'spaceId must be the id of a space.' })
  spaceId: string;

  @Field({ description: 'An IANA time zone, e.g. Europe/Paris.' })
  @Transform(trim)
  @IsString({ message: TIME_ZONE_MESSAGE })
  @Length(1, 60, { message: TIME_ZONE_MESSAGE })
  timeZone: string;

  @Field(() => [OpeningPeriodInput])
  @IsArray()
  @ArrayMaxSize(70, { message: 'At most 70 periods a week.' })
  @ValidateNested({ each: true })
  @Type(() => OpeningPeriodInput)
  periods: OpeningPeriodInput[];
}

@InputType()
export class DutyPeriodInput {
  @Field(() => Int)
  @IsInt({ message: 'from must be minutes after midnight.' })
  @Min(0, { message: 'from must be minutes after midnight.' })
  @Max(1439, { message: 'from must be minutes after midnight.' })
  from: number;

  @Field(() => Int)
  @IsInt({ message: 'to must be minutes after midnight.' })
  @Min(1, { message: 'to must be minutes after midnight.' })
  @Max(1440, { message: 'to must be minutes after midnight.' })
  to: number;
}

@InputType()
export class SetDutyExceptionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'spaceId must be the id of a space.' })
  spaceId: string;

  @Field({ description: 'The local date, YYYY-MM-DD.' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: 'date must be a date such as 2026-12-24.',
  })
  date: string;

  @Field(() => [DutyPeriodInput], { description: 'The hours on duty that date; empty: a day off.' })
  @IsArray()
  @ArrayMaxSize(10, { message: 'At most 10 periods a day.' })
  @ValidateNested({ each: true })
  @Type(() => DutyPeriodInput)
  periods: DutyPeriodInput[];
}

@InputType()
export class SetOpeningHoursInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'spaceId must be the id of a space.' })
  spaceId: string;

  @Field()
  @Transform(trim)
  @IsString({ message: TIME_ZONE_MESSAGE })
  @Length(1, 60, { message: TIME_ZONE_MESSAGE })
  timeZone: string;

  @Field(() => [OpeningPeriodInput], {
    nullable: true,
    description: 'Null or empty: around the clock (24/7).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(70, { message: 'At most 70 periods a week.' })
  @ValidateNested({ each: true })
  @Type(() => OpeningPeriodInput)
  periods?: OpeningPeriodInput[] | null;
}
