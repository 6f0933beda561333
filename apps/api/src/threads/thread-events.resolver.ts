import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { canReadPost } from '@parvis/domain';
import { ParseUUIDArg } from '../common/parse-uuid.arg';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { EventStream } from '../events/event-stream';
import { eventLoaders, LiveEvents, sharedPayload } from '../events/live-events.service';
import { PostType } from './post.type';
import { PostsService } from './posts.service';
import { ThreadEventType } from './thread-event.type';
import { ThreadEventData, threadTopic } from './thread-events';
import { ThreadType } from './thread.type';
import { ThreadsService } from './threads.service';

/** The live thread page: what changes on a thread, as each subscriber may see it. */
@Resolver(() => ThreadEventType)
export class ThreadEventsResolver {
  constructor(
    private readonly live: LiveEvents,
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
  ) {}

  @Subscription(() => ThreadEventType, {
    description:
      'The changes of a thread while its page is open (public: visitors get the events too). Each event is loaded once per API process and checked against the subscriber’s rights: a hidden post’s text reaches only those who may read it, and edits of a post hidden from the subscriber are not sent at all.',
    resolve: (event: ThreadEventType, _args: unknown, ctx: GraphQLContext): ThreadEventType => {
      ctx.loaders = event.loaders;
      return event;
    },
  })
  async threadEvents(
    @Args('threadId', { type: () => ID }, ParseUUIDArg('threadId')) threadId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<EventStream<ThreadEventType>> {
    await this.threads.thread(threadId); // NOT_FOUND for a thread that does not exist
    return this.live.stream(threadTopic(threadId), async (data, delivery) => {
      const event = data as ThreadEventData;
      const { thread, post } = await delivery.once('rows', async () => {
        const [threadRow] = await this.threads.threadsByIds([event.threadId]);
        const [postRow] = event.postId ? await this.posts.postsByIds([event.postId]) : [];
        return { thread: threadRow, post: postRow ?? null };
      });
      if (!thread || (event.postId && !post)) return null;
      // An edit of a post hidden from this subscriber changes nothing they may see.
      if (event.kind === 'POST_EDITED' && post && !canReadPost(viewer, post)) return null;
      // One payload per viewer and event: subscribers with the same viewer (the visitors) share
      // its execution (events/shared-execution.ts).
      return sharedPayload(delivery, viewer, async () =>
        Object.assign(new ThreadEventType(), {
          kind: event.kind,
          thread: ThreadType.from(thread),
          post: post ? PostType.from(post) : null,
          loaders: await eventLoaders(delivery, viewer),
        }),
      );
    });
  }
}
