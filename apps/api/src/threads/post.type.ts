import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination';
import { Post } from './post.entity';

/**
 * A post as clients see it: a question, a reply, an idea's body or one of its comments. Its
 * relations (author, revisions, whether it is the accepted answer, whether the viewer thanked
 * it) are resolved by PostResolver through per-request loaders.
 */
@ObjectType('Post')
export class PostType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  threadId: string;

  /** Not a field: resolved as `author` through the users loader. */
  authorId: string;

  @Field({ description: 'The first post of a thread: its question (or an idea’s body).' })
  isQuestion: boolean;

  @Field({ description: 'Sanitized HTML rendered on the server from bodyMarkdown.' })
  bodyHtml: string;

  @Field({ description: 'The Markdown the author wrote.' })
  bodyMarkdown: string;

  @Field({ description: 'Written by the brand’s staff: an official answer.' })
  isOfficial: boolean;

  @Field(() => Int)
  thanksCount: number;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the post was last edited; its earlier versions are in revisions.' })
  editedAt: Date | null;

  static from(post: Post): PostType {
    return Object.assign(new PostType(), {
      id: post.id,
      threadId: post.threadId,
      authorId: post.authorId,
      isQuestion: post.isQuestion,
      bodyHtml: post.bodyHtml,
      bodyMarkdown: post.bodyMarkdown,
      isOfficial: post.isOfficial,
      thanksCount: post.thanksCount,
      createdAt: post.createdAt,
      editedAt: post.editedAt,
    });
  }
}

@ObjectType('PostRevision', { description: 'An earlier version of a post, readable by everyone.' })
export class PostRevisionType {
  @Field(() => ID)
  id: string;

  @Field()
  bodyHtml: string;

  @Field()
  bodyMarkdown: string;

  @Field({ description: 'When this version was written.' })
  writtenAt: Date;

  @Field({ description: 'When this version was replaced by an edit.' })
  replacedAt: Date;
}

export const PostConnection = Connection(PostType, 'Post');
