import { hasAtLeastRole, Role } from '@parvis/domain';

/**
 * Who may do what at the brand's desk (assignment, internal notes, duty), as pure functions the
 * services enforce and the API reports (`viewerCan…`).
 */
export interface DeskActor {
  id: string;
  role: Role;
}

/** Staff and moderators (and admins) run the desk: they assign, hand over and release any thread. */
export function runsDesk(actor: DeskActor | null): boolean {
  return actor !== null && hasAtLeastRole(actor.role, 'STAFF');
}

/** A thread goes to someone who answers for the brand or as an expert, never to a plain member. */
export function canBeAssigned(role: Role): boolean {
  return hasAtLeastRole(role, 'EXPERT');
}

/** Experts take a thread nobody has; the desk takes any thread, handing it over from its assignee. */
export function canTake(actor: DeskActor | null, assigneeId: string | null): boolean {
  if (!actor || !canBeAssigned(actor.role)) return false;
  return runsDesk(actor) || assigneeId === null;
}

/** The desk releases any assignment; an expert only their own. */
export function canRelease(actor: DeskActor | null, assigneeId: string | null): boolean {
  if (!actor || assigneeId === null) return false;
  return runsDesk(actor) || assigneeId === actor.id;
}

/** Notes are read by the desk always, by an expert invited to the thread, by nobody else. */
export function canReadNotes(actor: DeskActor | null, invited: boolean): boolean {
  if (!actor) return false;
  return runsDesk(actor) || (actor.role === 'EXPERT' && invited);
}
