import { loaderFor } from '../common/loaders';
import type { GraphQLContext } from '../common/viewer';
import type { AssignmentEvent } from './assignment-event.entity';
import type { AssignmentsService } from './assignments.service';
import type { DutyService } from './duty.service';
import type { InternalNote, InternalNoteRevision } from './internal-note.entity';
import type { NotesService } from './notes.service';

const groupBy = <T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] => {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
};

/** Whether the request's viewer may read each thread's notes (one query for a page of threads). */
export const notesReadable = (ctx: GraphQLContext, notes: NotesService) =>
  loaderFor<string, boolean>(ctx, 'desk.notesReadable', async (ids) => {
    const readable = await notes.readableThreads(ctx.req.viewer ?? null, ids);
    return ids.map((id) => readable.has(id));
  });

export const notesByThreadId = (ctx: GraphQLContext, notes: NotesService) =>
  loaderFor<string, InternalNote[]>(ctx, 'desk.notesByThreadId', async (ids) =>
    groupBy(ids, await notes.notesByThreadIds(ids), (n) => n.threadId),
  );

export const noteRevisionsByNoteId = (ctx: GraphQLContext, notes: NotesService) =>
  loaderFor<string, InternalNoteRevision[]>(ctx, 'desk.noteRevisions', async (ids) =>
    groupBy(ids, await notes.revisionsByNoteIds(ids), (r) => r.noteId),
  );

export const assignmentHistoryByThreadId = (ctx: GraphQLContext, assignments: AssignmentsService) =>
  loaderFor<string, AssignmentEvent[]>(ctx, 'desk.history', async (ids) =>
    groupBy(ids, await assignments.historyByThreadIds(ids), (e) => e.threadId),
  );

/** Who is on duty in each space, today and now, as the request sees one instant. */
export const dutyBySpaceId = (ctx: GraphQLContext, duty: DutyService) =>
  loaderFor<string, { today: string[]; now: string[] }>(ctx, 'desk.duty', async (ids) => {
    const bySpace = await duty.onDuty(ids, new Date());
    return ids.map((id) => bySpace.get(id) ?? { today: [], now: [] });
  });
