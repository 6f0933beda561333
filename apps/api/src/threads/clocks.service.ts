import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasAtLeastRole } from '@parvis/domain';
import { DataSource } from 'typeorm';
import { ConnectionShape } from '../common/pagination';
import { requireRole, Viewer } from '../common/viewer';
import { Space } from '../spaces/space.entity';
import { QueuedThread, slaQueuePage } from './clocks.queries';
import { Thread } from './thread.entity';
import { Actor } from './threads.rules';

/**
 * The answer clocks of help threads (DESIGN.md §1): a first response and an answer are each due
 * within the space's minutes. They start with the thread; the first reply by an expert or staff
 * stops the first, an accepted answer stops the second.
 */
@Injectable()
export class ClocksService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The staff queue: open help threads by the deadline still running, overdue first. */
  slaQueue(viewer: Viewer, first: number, after?: string): Promise<ConnectionShape<QueuedThread>> {
    requireRole(viewer, 'STAFF', 'see the answer-time queue');
    return slaQueuePage(this.db, first, after);
  }
}

/** The deadlines of a thread started now: only threads of a HELP space have clocks. */
export function startClocks(space: Space, now: Date): Pick<Thread, 'firstResponseDueAt' | 'answerDueAt'> {
  if (space.kind !== 'HELP') return { firstResponseDueAt: null, answerDueAt: null };
  return {
    firstResponseDueAt: addMinutes(now, space.firstResponseMinutes),
    answerDueAt: addMinutes(now, space.answerMinutes),
  };
}

/** A reply stops the first-response clock when it is the first by an expert (or above) other than the asker. */
export function isFirstResponse(thread: Thread, author: Actor): boolean {
  return (
    thread.firstResponseDueAt !== null &&
    thread.firstResponseAt === null &&
    author.id !== thread.authorId &&
    hasAtLeastRole(author.role, 'EXPERT')
  );
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}
