import { Field, ObjectType } from '@nestjs/graphql';
import type { LoaderRegistry } from '../events/live-events.service';
import { PostType } from './post.type';
import { ThreadEventKind } from './thread-events';
import { ThreadType } from './thread.type';

@ObjectType('ThreadEvent', {
  description:
    'A change on an open thread page: the thread as it is now, and the post concerned (a new reply, an edited, hidden, restored or answered post, an accepted answer). The post’s text follows the usual rule: empty for readers a hidden post is hidden from.',
})
export class ThreadEventType {
  @Field(() => ThreadEventKind)
  kind: ThreadEventKind;

  @Field(() => ThreadType)
  thread: ThreadType;

  @Field(() => PostType, { nullable: true })
  post: PostType | null;

  /** Not a field: the loaders this event's fields resolve with (see eventLoaders). */
  loaders: LoaderRegistry;
}
