import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { SPACE_KINDS, SpaceKind as SpaceKindName, THREAD_LIMITS } from '@parvis/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { TextLength } from '../common/text.validators';
import { SpaceKind } from '../spaces/space.type';
import { PostType } from '../threads/post.type';
import { ThreadType } from '../threads/thread.type';
import { trim } from '../common/trim.transform';

export const MAX_QUERY_LENGTH = 200;

@ObjectType('SearchResult', { description: 'A thread matching a search, with the best matching post.' })
export class SearchResultType {
  @Field(() => ThreadType)
  thread: ThreadType;

  @Field(() => PostType, { description: 'The post that matched best (the question when the title matched).' })
  post: PostType;

  @Field({ description: 'The title, HTML-escaped, with the matched words in <mark>.' })
  titleHtml: string;

  @Field({ description: 'An excerpt of the post’s text, HTML-escaped, with the matched words in <mark>.' })
  snippetHtml: string;

  @Field(() => Float)
  rank: number;
}

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Words to find; "quotes" for a phrase, -word to exclude, or for either.' })
  @Transform(trim)
  @IsString()
  @TextLength(1, MAX_QUERY_LENGTH, { message: `Type 1 to ${MAX_QUERY_LENGTH} characters to search for.` })
  query: string;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be at least 1.' })
  @Max(50, { message: 'first must be at most 50.' })
  first: number = 20;
}

@ArgsType()
export class SimilarArgs {
  @Field({ description: 'The title being typed.' })
  @Transform(trim)
  @IsString()
  @TextLength(0, THREAD_LIMITS.title.max, {
    message: `The title must be at most ${THREAD_LIMITS.title.max} characters long.`,
  })
  title: string;

  @Field(() => SpaceKind, {
    description: 'HELP: answered help threads; IDEAS: threads of idea spaces (any status).',
  })
  @IsIn(SPACE_KINDS, { message: 'kind must be HELP, IDEAS or ANNOUNCEMENTS.' })
  kind: SpaceKindName;

  @Field(() => Int, { nullable: true, defaultValue: 5 })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be at least 1.' })
  @Max(20, { message: 'first must be at most 20.' })
  first: number = 5;
}
