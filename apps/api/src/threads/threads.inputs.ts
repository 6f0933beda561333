import { Field, ID, InputType } from '@nestjs/graphql';
import { LANGUAGES, Language, THREAD_LIMITS } from '@parvis/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { TextLength, VisibleMarkdown } from '../common/text.validators';
import { trim } from '../common/trim.transform';

/** Trailing spaces are kept inside Markdown (two spaces make a line break); only outer blank lines go. */
const trimBlankLines = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/^\s*\n|\s+$/g, '') : value;

const { title, body } = THREAD_LIMITS;
const TITLE_MESSAGE = `The title must be ${title.min} to ${title.max} characters long.`;
const BODY_MESSAGE = `Write a message of at most ${body.max.toLocaleString('en')} characters (it is empty or too long).`;

/** Body rules shared by every input carrying Markdown. */
function MarkdownBody(): PropertyDecorator {
  return (target, key) => {
    Transform(trimBlankLines)(target, key);
    IsString({ message: BODY_MESSAGE })(target, key);
    VisibleMarkdown(body.max, { message: BODY_MESSAGE })(target, key);
  };
}

@InputType()
export class CreateThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'spaceId must be the id of a space.' })
  spaceId: string;

  @Field()
  @Transform(trim)
  @IsString({ message: TITLE_MESSAGE })
  @TextLength(title.min, title.max, { message: TITLE_MESSAGE })
  title: string;

  @Field({ description: 'The question, in Markdown.' })
  @MarkdownBody()
  bodyMarkdown: string;

  @Field(() => String, {
    nullable: true,
    description: 'fr, en or es; defaults to the asker’s language, else en.',
  })
  @IsOptional()
  @IsIn(LANGUAGES, { message: 'The language must be fr, en or es.' })
  language?: Language;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Announcements only: pinned first in the space and shown on the home page.',
  })
  @IsOptional()
  @IsBoolean({ message: 'pinned must be true or false.' })
  pinned?: boolean;
}

@InputType()
export class ReplyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'threadId must be the id of a thread.' })
  threadId: string;

  @Field()
  @MarkdownBody()
  bodyMarkdown: string;
}

@InputType()
export class EditPostInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'postId must be the id of a post.' })
  postId: string;

  @Field()
  @MarkdownBody()
  bodyMarkdown: string;
}

@InputType()
export class PostIdInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'postId must be the id of a post.' })
  postId: string;
}

@InputType()
export class ThreadIdInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'threadId must be the id of a thread.' })
  threadId: string;
}

@InputType()
export class StartPrivateFollowUpInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'threadId must be the id of a thread.' })
  threadId: string;

  @Field({ description: 'The first private message to the asker, in Markdown.' })
  @MarkdownBody()
  bodyMarkdown: string;
}

@InputType()
export class SendPrivateMessageInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'followUpId must be the id of a private follow-up.' })
  followUpId: string;

  @Field()
  @MarkdownBody()
  bodyMarkdown: string;
}
