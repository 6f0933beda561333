import { hasAtLeastRole, Role, SpaceKind } from '@parvis/domain';

/**
 * Who may do what on a thread (DESIGN.md §2), as pure functions: the service enforces them and
 * the API tells the web app about them (`viewerCan…`) so buttons show only where they work.
 */
export interface Actor {
  id: string;
  role: Role;
}

export interface ThreadFacts {
  authorId: string;
  locked: boolean;
  status: 'OPEN' | 'ANSWERED' | 'RESOLVED';
}

/**
 * The asker accepts an answer on their own thread; experts and moderators (and admins) mark one on
 * any help thread (see `takesAnswers`). Staff answer, they do not judge answers.
 */
export function canAcceptAnswer(actor: Actor | null, thread: ThreadFacts): boolean {
  if (!actor) return false;
  return actor.id === thread.authorId || actor.role === 'EXPERT' || hasAtLeastRole(actor.role, 'MODERATOR');
}

/** Only help threads have answers: the replies to an idea or an announcement are comments. */
export function takesAnswers(spaceKind: SpaceKind): boolean {
  return spaceKind === 'HELP';
}

/**
 * Nobody judges their own reply, since the answer's author earns reputation: an expert or a
 * moderator does not mark their own reply. The asker may accept their own reply (it earns nothing).
 */
export function canAcceptReply(actor: Actor, thread: ThreadFacts, replyAuthorId: string): boolean {
  return replyAuthorId !== actor.id || actor.id === thread.authorId;
}

/** Moderators (and admins) or the asker close a thread as resolved and reopen it. */
export function canResolve(actor: Actor | null, thread: ThreadFacts): boolean {
  if (!actor) return false;
  return actor.id === thread.authorId || hasAtLeastRole(actor.role, 'MODERATOR');
}

/** Anyone signed in replies, unless the thread is locked. */
export function canReply(actor: Actor | null, thread: ThreadFacts): boolean {
  return actor !== null && !thread.locked;
}

/** Staff (and moderators, admins) move a case to a private follow-up with the asker. */
export function canStartPrivateFollowUp(actor: Actor | null): boolean {
  return actor !== null && hasAtLeastRole(actor.role, 'STAFF');
}

/** A private follow-up is read by its asker and by staff (and moderators, admins). */
export function canReadPrivateFollowUp(actor: Actor | null, askerId: string): boolean {
  return actor !== null && (actor.id === askerId || hasAtLeastRole(actor.role, 'STAFF'));
}

/** Staff, moderators and admins write for the brand: their posts are official and they are not rate limited. */
export function speaksForBrand(actor: Actor): boolean {
  return hasAtLeastRole(actor.role, 'STAFF');
}
