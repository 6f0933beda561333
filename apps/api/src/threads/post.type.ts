import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CharterRule, Tone } from '@parvis/domain';
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

  /** Not fields as such: resolved as `bodyHtml` / `bodyMarkdown` by PostsResolver, empty for readers a hidden post is hidden from. */
  bodyHtml: string;
  bodyMarkdown: string;

  /** Moderation (apps/api/src/moderation): resolved as `hidden`, `answered`, `tone` by PostModerationResolver. */
  hiddenAt: Date | null;
  hiddenById: string | null;
  hiddenReason: CharterRule | null;
  hiddenNote: string | null;
  answeredByPostId: string | null;
  answeredAt: Date | null;
  answeredMarkedById: string | null;
  tone: Tone | null;
  toneScore: number | null;

  @Field({ description: 'Written by the brand’s staff: an official answer.' })
  isOfficial: boolean;

  @Field(() => Int)
  thanksCount: number;

  @Field()
  createdAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the post was last edited; its earlier versions are in revisions.',
  })
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
      hiddenAt: post.hiddenAt,
      hiddenById: post.hiddenById,
      hiddenReason: post.hiddenReason,
      hiddenNote: post.hiddenNote,
      answeredByPostId: post.answeredByPostId,
      answeredAt: post.answeredAt,
      answeredMarkedById: post.answeredMarkedById,
      tone: post.tone,
      toneScore: post.toneScore,
    });
  }
}

@ObjectType('PostRevision', {
  description: 'An earlier version of a post, readable by everyone who may read it (see Post.revisions).',
})
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
