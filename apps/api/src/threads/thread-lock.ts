import { EntityManager } from 'typeorm';
import { conflict, notFound } from '../common/domain-error';
import { Thread } from './thread.entity';
import { threadRow } from './threads.queries';

/**
 * The thread's row, locked until the transaction ends (FOR UPDATE), so that two changes to one
 * thread (two replies, an accept and a resolve, a lock and a reply) happen one after the other.
 * Hand-written (threads.queries.ts), as every reply and every decision on a thread reads it.
 */
export async function lockThreadRow(tx: EntityManager, threadId: string): Promise<Thread> {
  const thread = await threadRow(tx, threadId, { forUpdate: true });
  if (!thread) throw notFound('There is no such thread.', 'THREAD_NOT_FOUND');
  return thread;
}

/** Why a locked thread refuses a reply (CONFLICT), with the moderator's reason when there is one. */
export function lockedError(thread: Thread) {
  return conflict(
    `This thread is locked${thread.lockReason ? ` (${thread.lockReason})` : ''}: it accepts no new replies.`,
    undefined,
    'THREAD_LOCKED',
  );
}
