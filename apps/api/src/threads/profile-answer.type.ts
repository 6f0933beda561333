import { Field, ObjectType } from '@nestjs/graphql';
import { PostType } from './post.type';
import { ThreadType } from './thread.type';

/** A reply on a person's profile, with the thread it answers (`post.isAcceptedAnswer` marks the accepted ones). */
@ObjectType('ProfileAnswer')
export class ProfileAnswerType {
  @Field(() => PostType)
  post: PostType;

  @Field(() => ThreadType)
  thread: ThreadType;
}
