import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CharterRule as CharterRuleName } from '@parvis/domain';
import { PostType } from '../threads/post.type';
import { CharterRule } from './moderation-enums.type';

@ObjectType('FlaggedPost', { description: 'The open flags on one post, grouped.' })
export class FlaggedPostType {
  @Field(() => PostType)
  post: PostType;

  @Field(() => Int)
  flagsCount: number;

  @Field(() => [CharterRule], { description: 'The rules members named, most named first.' })
  reasons: CharterRuleName[];

  @Field({ description: 'When the latest flag was raised.' })
  latestAt: Date;
}

@ObjectType('ModerationQueue', {
  description: 'What moderators look at: flagged posts, then negative posts nobody has answered.',
})
export class ModerationQueueType {
  @Field(() => [FlaggedPostType], {
    description: 'Open flags grouped by post, most flagged first, then latest first.',
  })
  flagged: FlaggedPostType[];

  @Field(() => [PostType], {
    description:
      'Negative posts not yet marked answered, in threads not resolved, the longest waiting first.',
  })
  negativeUnanswered: PostType[];
}
