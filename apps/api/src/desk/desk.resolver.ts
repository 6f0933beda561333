import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { SpaceType } from '../spaces/space.type';
import { ThreadType } from '../threads/thread.type';
import { AssignmentsService } from './assignments.service';
import { canRelease, canTake, runsDesk } from './desk.rules';
import { AddNoteInput, AssignThreadInput, EditNoteInput, InviteExpertInput } from './desk.inputs';
import {
  assignmentHistoryByThreadId,
  dutyBySpaceId,
  noteRevisionsByNoteId,
  notesByThreadId,
  notesReadable,
} from './desk.loaders';
import { AssignmentEventType, InternalNoteRevisionType, InternalNoteType } from './desk.type';
import { DutyService } from './duty.service';
import { NotesService } from './notes.service';
import { ThreadIdInput } from '../threads/threads.inputs';

/**
 * The desk's side of a thread: its assignee, internal history and notes, for the people who may
 * see them (null for anyone else, so no public path carries them), and the assignment mutations.
 */
@Resolver(() => ThreadType)
export class DeskThreadResolver {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly notesService: NotesService,
    private readonly duty: DutyService,
    private readonly identity: IdentityService,
  ) {}

  @Mutation(() => ThreadType, {
    description: 'Staff and moderators assign a thread (or an idea’s thread) to an expert or staff member.',
  })
  async assignThread(
    @Args('input') input: AssignThreadInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ThreadType> {
    return ThreadType.from(await this.assignments.assign(viewer, input.threadId, input.assigneeId));
  }

  @Mutation(() => ThreadType, { description: 'Take a thread yourself: experts one nobody has, staff any.' })
  async takeThread(
    @Args('input') input: ThreadIdInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ThreadType> {
    return ThreadType.from(await this.assignments.take(viewer, input.threadId));
  }

  @Mutation(() => ThreadType, {
    description: 'Nobody has the thread any more (its assignee, staff or moderators).',
  })
  async releaseThread(
    @Args('input') input: ThreadIdInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ThreadType> {
    return ThreadType.from(await this.assignments.release(viewer, input.threadId));
  }

  @Mutation(() => Boolean, {
    description: 'Staff and moderators invite an expert to read and write a thread’s notes.',
  })
  async inviteExpertToNotes(
    @Args('input') input: InviteExpertInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    await this.notesService.inviteExpert(viewer, input);
    return true;
  }

  @Mutation(() => InternalNoteType, { description: 'An internal note on a thread or one of its posts.' })
  async addNote(
    @Args('input') input: AddNoteInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<InternalNoteType> {
    return InternalNoteType.from(await this.notesService.addNote(viewer, input));
  }

  @Mutation(() => InternalNoteType, { description: 'Its author edits a note; the previous version is kept.' })
  async editNote(
    @Args('input') input: EditNoteInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<InternalNoteType> {
    return InternalNoteType.from(await this.notesService.editNote(viewer, input));
  }

  @Query(() => [UserType], {
    description: 'Staff and moderators: the experts and staff a thread can be assigned to.',
  })
  async assignableUsers(@CurrentViewer() viewer: Viewer): Promise<UserType[]> {
    return (await this.assignments.assignable(viewer)).map((u) => UserType.from(u, viewer));
  }

  @ResolveField(() => UserType, {
    nullable: true,
    description:
      'Who has the thread; shown to staff, moderators and the assignee only (null for anyone else).',
  })
  async assignee(thread: ThreadType, _args: unknown, ctx: GraphQLContext): Promise<UserType | null> {
    const viewer = ctx.req.viewer ?? null;
    if (!thread.assigneeId || !viewer || !(runsDesk(viewer) || viewer.id === thread.assigneeId)) return null;
    const user = await usersById(ctx, this.identity).load(thread.assigneeId);
    return user ? UserType.from(user, viewer) : null;
  }

  @ResolveField(() => [AssignmentEventType], {
    nullable: true,
    description:
      'The internal assignment history, oldest first: staff and moderators only (null for anyone else).',
  })
  async assignmentHistory(
    thread: ThreadType,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<AssignmentEventType[] | null> {
    if (!runsDesk(ctx.req.viewer ?? null)) return null;
    const events = (await assignmentHistoryByThreadId(ctx, this.assignments).load(thread.id)) ?? [];
    return events.map((e) => AssignmentEventType.from(e));
  }

  @ResolveField(() => [InternalNoteType], {
    nullable: true,
    description:
      'Internal notes, oldest first: staff, moderators and invited experts only (null for anyone else).',
  })
  async notes(thread: ThreadType, _args: unknown, ctx: GraphQLContext): Promise<InternalNoteType[] | null> {
    if (!(await notesReadable(ctx, this.notesService).load(thread.id))) return null;
    const notes = (await notesByThreadId(ctx, this.notesService).load(thread.id)) ?? [];
    return notes.map((n) => InternalNoteType.from(n));
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the viewer reads and writes this thread’s internal notes.',
  })
  async viewerCanReadNotes(thread: ThreadType, _args: unknown, ctx: GraphQLContext): Promise<boolean> {
    return (await notesReadable(ctx, this.notesService).load(thread.id)) ?? false;
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may assign this thread to someone.' })
  viewerCanAssign(_parent: unknown, _args: unknown, ctx: GraphQLContext): boolean {
    return runsDesk(ctx.req.viewer ?? null);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may take this thread.' })
  viewerCanTake(thread: ThreadType, _args: unknown, ctx: GraphQLContext): boolean {
    const viewer = ctx.req.viewer ?? null;
    return thread.assigneeId !== viewer?.id && canTake(viewer, thread.assigneeId);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may release this thread.' })
  viewerCanRelease(thread: ThreadType, _args: unknown, ctx: GraphQLContext): boolean {
    return canRelease(ctx.req.viewer ?? null, thread.assigneeId);
  }

  @ResolveField(() => [UserType], {
    nullable: true,
    description:
      'Staff and moderators: for an open thread nobody has, the managers on duty in its space right now, to whom it is offered first (null for anyone else).',
  })
  async offeredTo(thread: ThreadType, _args: unknown, ctx: GraphQLContext): Promise<UserType[] | null> {
    const viewer = ctx.req.viewer ?? null;
    if (!runsDesk(viewer)) return null;
    if (thread.assigneeId || thread.status !== 'OPEN') return [];
    const duty = await dutyBySpaceId(ctx, this.duty).load(thread.spaceId);
    const users = await usersById(ctx, this.identity).loadMany(duty?.now ?? []);
    return users.filter((u) => u && !(u instanceof Error)).map((u) => UserType.from(u as never, viewer));
  }
}

@Resolver(() => SpaceType)
export class DeskSpaceResolver {
  constructor(
    private readonly duty: DutyService,
    private readonly identity: IdentityService,
  ) {}

  @ResolveField(() => [UserType], {
    description: 'The community managers on duty in this space today (in their own time zones), by name.',
  })
  async managersOnDutyToday(space: SpaceType, _args: unknown, ctx: GraphQLContext): Promise<UserType[]> {
    const duty = await dutyBySpaceId(ctx, this.duty).load(space.id);
    const users = await usersById(ctx, this.identity).loadMany(duty?.today ?? []);
    return users
      .filter((u) => u && !(u instanceof Error))
      .map((u) => UserType.from(u as never, ctx.req.viewer ?? null))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }
}

@Resolver(() => AssignmentEventType)
export class AssignmentEventResolver {
  constructor(private readonly identity: IdentityService) {}

  private async user(ctx: GraphQLContext, id: string | null): Promise<UserType | null> {
    if (!id) return null;
    const user = await usersById(ctx, this.identity).load(id);
    return user ? UserType.from(user, ctx.req.viewer ?? null) : null;
  }

  @ResolveField(() => UserType)
  async actor(e: AssignmentEventType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return (await this.user(ctx, e.actorId))!;
  }

  @ResolveField(() => UserType, { nullable: true })
  assignee(e: AssignmentEventType, _args: unknown, ctx: GraphQLContext): Promise<UserType | null> {
    return this.user(ctx, e.assigneeId);
  }

  @ResolveField(() => UserType, { nullable: true })
  previousAssignee(e: AssignmentEventType, _args: unknown, ctx: GraphQLContext): Promise<UserType | null> {
    return this.user(ctx, e.previousAssigneeId);
  }
}

@Resolver(() => InternalNoteType)
export class InternalNoteResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly notes: NotesService,
  ) {}

  @ResolveField(() => UserType)
  async author(note: InternalNoteType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return UserType.from((await usersById(ctx, this.identity).load(note.authorId))!, ctx.req.viewer ?? null);
  }

  @ResolveField(() => [InternalNoteRevisionType], { description: 'Earlier versions, newest first.' })
  async revisions(
    note: InternalNoteType,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<InternalNoteRevisionType[]> {
    const rows = (await noteRevisionsByNoteId(ctx, this.notes).load(note.id)) ?? [];
    return rows.map((r) => InternalNoteRevisionType.from(r));
  }
}
