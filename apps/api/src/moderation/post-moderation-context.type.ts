import { ObjectType } from '@nestjs/graphql';

/**
 * Where a post sits, for a moderator deciding on it (the queue): its thread, the message before
 * it, the replies after it. Its fields are resolved by PostModerationContextResolver.
 */
@ObjectType('PostModerationContext', {
  description: 'Where a post sits, for moderators: its thread, the message before it, the replies after it.',
})
export class PostModerationContextType {
  postId: string;
  threadId: string;
}
