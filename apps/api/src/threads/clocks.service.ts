import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addBusinessMinutes, hasAtLeastRole, OpeningHours } from '@parvis/domain';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { ConnectionShape } from '../common/pagination';
import { requireRole, Viewer } from '../common/viewer';
import { Space } from '../spaces/space.entity';
import { QueuedThread, SlaQueueView, slaQueuePage } from './clocks.queries';
import { SLA_QUEUE_DUTY, SlaQueueDuty } from './sla-queue.port';
import { Thread } from './thread.entity';
import { Actor } from './threads.rules';

/**
 * The answer clocks of help threads (DESIGN.md §1): a first response and an answer are each due
 * within the space's minutes, counted in the space's opening hours when it has some (else 24/7).
 * They start with the thread; the first reply by an expert or staff, or the thread's assignment
 * to someone (the desk acknowledging it), stops the first; an accepted answer stops the second.
 */
@Injectable()
export class ClocksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() @Inject(SLA_QUEUE_DUTY) private readonly duty?: SlaQueueDuty,
  ) {}

  /**
   * The staff queue: open help threads nobody has in the spaces where the viewer is on duty first,
   * then by the deadline still running, overdue first.
   */
  slaQueue(
    viewer: Viewer,
    first: number,
    after?: string,
    view: SlaQueueView = 'ALL',
  ): Promise<ConnectionShape<QueuedThread>> {
    const staff = requireRole(viewer, 'STAFF', 'see the answer-time queue');
    return slaQueuePage(this.db, first, after, view, staff.id, (asOf) =>
      this.duty ? this.duty.spacesOnDuty(staff.id, asOf) : Promise.resolve([]),
    );
  }

  /**
   * Someone takes charge of a thread for the brand (assigned to them, in the caller's transaction):
   * the first acknowledgement readers see, and it stops the first-response clock when it is the first.
   */
  async acknowledge(tx: EntityManager, threadId: string, byId: string, at: Date = new Date()): Promise<void> {
    await tx.update(
      Thread,
      { id: threadId, firstResponseAt: IsNull(), firstResponseDueAt: Not(IsNull()) },
      { firstResponseAt: at, firstResponseById: byId },
    );
  }

  /** Records who the thread is assigned to now (null: nobody), in the caller's transaction (desk/). */
  async setAssignee(tx: EntityManager, threadId: string, assigneeId: string | null): Promise<void> {
    await tx.update(Thread, { id: threadId }, { assigneeId });
  }

  /**
   * The space's opening hours changed: the running deadlines of its open threads are counted again
   * from when each was asked, in the caller's transaction (clocks already stopped keep their record).
   */
  async recountDeadlines(tx: EntityManager, space: Space): Promise<number> {
    const open = await tx.find(Thread, {
      where: { spaceId: space.id, status: 'OPEN', firstResponseDueAt: Not(IsNull()) },
    });
    for (const thread of open) {
      await tx.update(Thread, { id: thread.id }, startClocks(space, thread.createdAt));
    }
    return open.length;
  }
}

/** The hours a space's clocks count, or null around the clock. */
export function openingHoursOf(space: Space): OpeningHours | null {
  return space.openingPeriods?.length ? { timeZone: space.timeZone, periods: space.openingPeriods } : null;
}

/** The deadlines of a thread started now: only threads of a HELP space have clocks. */
export function startClocks(space: Space, now: Date): Pick<Thread, 'firstResponseDueAt' | 'answerDueAt'> {
  if (space.kind !== 'HELP') return { firstResponseDueAt: null, answerDueAt: null };
  return {
    firstResponseDueAt: addBusinessMinutes(now, space.firstResponseMinutes, openingHoursOf(space)),
    answerDueAt: addBusinessMinutes(now, space.answerMinutes, openingHoursOf(space)),
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
