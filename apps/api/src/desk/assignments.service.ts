import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { badInput, conflict, forbidden } from '../common/domain-error';
import { requireSignedIn, Viewer } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { User } from '../identity/user.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { ClocksService } from '../threads/clocks.service';
import { ThreadEvents } from '../threads/thread-events';
import { lockThreadRow } from '../threads/thread-lock';
import { Thread } from '../threads/thread.entity';
import { AssignmentEvent, AssignmentKind } from './assignment-event.entity';
import { canBeAssigned, canRelease, canTake, DeskActor, runsDesk } from './desk.rules';
import { NoteReader } from './internal-note.entity';

/**
 * Assignment of threads (help threads and ideas, which are threads) to the people who answer them:
 * assign, take, hand over, release. Each change writes the thread's current assignee, an event of
 * its internal history, and tells the new assignee; the first assignment of a help thread is its
 * public acknowledgement (threads' ClocksService). Nothing of it goes to the public moderation log.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clocks: ClocksService,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationsService,
    private readonly events: ThreadEvents,
  ) {}

  /** The desk gives a thread to an expert or a staff member (handing it over when someone has it). */
  async assign(viewer: Viewer, threadId: string, assigneeId: string): Promise<Thread> {
    const actor = requireSignedIn(viewer, 'assign a thread');
    if (!runsDesk(actor)) throw forbidden('Only staff and moderators assign threads.');
    return this.db.transaction(async (tx) => {
      const [assignee] = await this.identity.usersByIds([assigneeId], tx);
      if (!assignee) throw badInput('assigneeId', 'There is no such person.');
      if (!canBeAssigned(assignee.role))
        throw badInput('assigneeId', 'A thread can be assigned only to an expert or a staff member.');
      const thread = await lockThreadRow(tx, threadId);
      if (thread.assigneeId === assignee.id)
        throw conflict(`This thread is already assigned to ${assignee.displayName}.`);
      const kind: AssignmentKind =
        assignee.id === actor.id ? 'TAKEN' : thread.assigneeId ? 'HANDED_OVER' : 'ASSIGNED';
      await this.change(tx, thread, actor, assignee, kind);
      return tx.findOneByOrFail(Thread, { id: thread.id });
    });
  }

  /** An expert takes a thread nobody has; staff and moderators take any thread. */
  async take(viewer: Viewer, threadId: string): Promise<Thread> {
    const actor = requireSignedIn(viewer, 'take a thread');
    return this.db.transaction(async (tx) => {
      const thread = await lockThreadRow(tx, threadId);
      if (thread.assigneeId === actor.id) throw conflict('This thread is already yours.');
      if (!canTake(actor, thread.assigneeId)) {
        throw forbidden(
          actor.role === 'EXPERT'
            ? 'Someone already has this thread: ask the staff to hand it over to you.'
            : 'Only experts, staff and moderators take threads.',
        );
      }
      await this.change(tx, thread, actor, actor, 'TAKEN');
      return tx.findOneByOrFail(Thread, { id: thread.id });
    });
  }

  /** Nobody has the thread any more: the desk releases any thread, an expert their own. */
  async release(viewer: Viewer, threadId: string): Promise<Thread> {
    const actor = requireSignedIn(viewer, 'release a thread');
    return this.db.transaction(async (tx) => {
      const thread = await lockThreadRow(tx, threadId);
      if (thread.assigneeId === null) throw conflict('This thread is not assigned to anyone.');
      if (!canRelease(actor, thread.assigneeId))
        throw forbidden('Only the thread’s assignee, staff and moderators release a thread.');
      await this.change(tx, thread, actor, null, 'RELEASED');
      return tx.findOneByOrFail(Thread, { id: thread.id });
    });
  }

  /**
   * One change of assignee, in the caller's transaction with the thread row locked: the demo seed
   * calls it too. `at`: now unless given.
   */
  async change(
    tx: EntityManager,
    thread: Thread,
    actor: DeskActor,
    assignee: DeskActor | null,
    kind: AssignmentKind,
    at: Date = new Date(),
  ): Promise<void> {
    await tx.insert(AssignmentEvent, {
      threadId: thread.id,
      kind,
      actorId: actor.id,
      assigneeId: assignee?.id ?? null,
      previousAssigneeId: thread.assigneeId,
      createdAt: at,
    });
    await this.clocks.setAssignee(tx, thread.id, assignee?.id ?? null);
    if (!assignee) return;
    // An expert who is given a thread reads and writes its internal notes from then on.
    if (assignee.role === 'EXPERT') {
      await tx
        .createQueryBuilder()
        .insert()
        .into(NoteReader)
        .values({ threadId: thread.id, userId: assignee.id, invitedById: actor.id, createdAt: at })
        .orIgnore()
        .execute();
    }
    await this.clocks.acknowledge(tx, thread.id, assignee.id, at);
    await this.notifications.notify(tx, [assignee.id], {
      kind: 'THREAD_ASSIGNED',
      subject: { type: 'THREAD', id: thread.id },
      actorId: actor.id,
      data: {},
      at,
    });
    // Readers' pages show the acknowledgement as it happens.
    await this.events.publish(tx, { kind: 'THREAD_STATUS_CHANGED', threadId: thread.id, postId: null });
  }

  /** The experts and staff (and moderators, admins) a thread can go to, by name. */
  assignable(viewer: Viewer): Promise<User[]> {
    const actor = requireSignedIn(viewer, 'assign a thread');
    if (!runsDesk(actor)) throw forbidden('Only staff and moderators assign threads.');
    return this.db.getRepository(User).find({
      where: { role: In(['EXPERT', 'STAFF', 'MODERATOR', 'ADMIN']) },
      order: { displayName: 'ASC' },
      take: 200,
    });
  }

  /** The internal history of threads, oldest first (for the per-request loader). */
  historyByThreadIds(threadIds: readonly string[]): Promise<AssignmentEvent[]> {
    return this.db
      .getRepository(AssignmentEvent)
      .find({ where: { threadId: In([...threadIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
