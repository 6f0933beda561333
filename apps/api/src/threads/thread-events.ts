import { Injectable } from '@nestjs/common';
import { registerEnumType } from '@nestjs/graphql';
import { EntityManager } from 'typeorm';
import { LiveEvents, LiveNotification, liveNotification } from '../events/live-events.service';

export const THREAD_EVENT_KINDS = [
  'REPLY_ADDED',
  'POST_EDITED',
  'POST_HIDDEN',
  'POST_RESTORED',
  'POST_MARKED_ANSWERED',
  'ANSWER_ACCEPTED',
  'THREAD_STATUS_CHANGED',
] as const;
export type ThreadEventKind = (typeof THREAD_EVENT_KINDS)[number];

export const ThreadEventKind = Object.fromEntries(THREAD_EVENT_KINDS.map((k) => [k, k])) as {
  [K in ThreadEventKind]: K;
};
registerEnumType(ThreadEventKind, {
  name: 'ThreadEventKind',
  description:
    'What happened on a thread page: a reply, an edit, a post hidden or restored, a post marked answered, an answer accepted, the thread resolved or reopened.',
});

/** What travels between processes: ids and a kind, never content (each subscriber's process loads it). */
export interface ThreadEventData {
  kind: ThreadEventKind;
  threadId: string;
  postId: string | null;
}

export const threadTopic = (threadId: string): string => `thread:${threadId}`;

/**
 * Announces a change of a thread to the people who have its page open, when the caller's
 * transaction commits. Every service that changes what a thread page shows calls this in its
 * transaction (threads, answers, moderation).
 */
@Injectable()
export class ThreadEvents {
  constructor(private readonly live: LiveEvents) {}

  publish(tx: EntityManager, event: ThreadEventData): Promise<void> {
    return this.live.publish(tx, threadTopic(event.threadId), event);
  }

  /** The same event, for a write that sends it in its own statement (see `liveNotification`). */
  notification(event: ThreadEventData): LiveNotification {
    return liveNotification(threadTopic(event.threadId), event);
  }
}
