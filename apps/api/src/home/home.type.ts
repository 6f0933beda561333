import { Field, ObjectType } from '@nestjs/graphql';
import { ThreadType } from '../threads/thread.type';

/**
 * What the home page shows, for its reader. The thread lists are read together in one statement
 * (threads' thread-lists.queries.ts); the ideas and the campaign are resolved only when asked.
 */
@ObjectType('Home')
export class HomeType {
  @Field(() => ThreadType, {
    nullable: true,
    description: 'The announcement pinned to the home page, else the latest one; null when there is none.',
  })
  announcement: ThreadType | null;

  @Field(() => [ThreadType], { description: 'The newest questions of the help spaces.' })
  latestQuestions: ThreadType[];

  @Field(() => [ThreadType], {
    description: 'The help threads answered last (an answer accepted or marked).',
  })
  recentlyAnswered: ThreadType[];

  @Field(() => [ThreadType], {
    nullable: true,
    description:
      'For experts, staff and moderators: open questions nobody has replied to yet. Null for others.',
  })
  unanswered: ThreadType[] | null;

  @Field(() => [ThreadType], {
    nullable: true,
    description:
      'For a signed-in member: the threads they follow with notices they have not read. Null for visitors.',
  })
  followedActivity: ThreadType[] | null;
}
