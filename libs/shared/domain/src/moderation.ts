import { isOneOf } from './one-of';
import { hasAtLeastRole, Role } from './roles';

/**
 * Moderation that never deletes (DESIGN.md §1): a post breaking the charter is hidden with a
 * public notice, never removed. Pure rules shared by the API, which enforces them, and the web
 * app, which only offers what the API would accept.
 */

/**
 * The community charter's rules: the only reasons to flag or hide a post. Disagreeing with the
 * brand, or criticising it, is not one of them: such posts are answered, not hidden.
 */
export const CHARTER_RULES = ['PERSONAL_DATA', 'INSULT', 'SPAM', 'OFF_TOPIC', 'OTHER'] as const;
export type CharterRule = (typeof CHARTER_RULES)[number];

export const isCharterRule = isOneOf(CHARTER_RULES);

/** Every action of the public moderation log. */
export const MODERATION_ACTIONS = [
  'ANSWER_ACCEPTED',
  'POST_MARKED_ANSWERED',
  'THREAD_RESOLVED',
  'THREAD_REOPENED',
  'THREAD_LOCKED',
  'THREAD_UNLOCKED',
  'THREAD_PINNED',
  'THREAD_UNPINNED',
  'THREAD_MOVED',
  'POST_HIDDEN',
  'POST_RESTORED',
  'FLAGS_DISMISSED',
  'IDEA_STATUS_CHANGED',
  'IDEA_MERGED',
  'ROLE_CHANGED',
  'BANNER_PUBLISHED',
  'BANNER_TAKEN_DOWN',
  'ACCOUNT_CLOSED',
] as const;
export type ModerationActionName = (typeof MODERATION_ACTIONS)[number];

export const MODERATION_TARGETS = ['POST', 'THREAD', 'IDEA', 'USER', 'BANNER'] as const;
export type ModerationTarget = (typeof MODERATION_TARGETS)[number];

export const MODERATION_LIMITS = {
  flagNote: { max: 500 },
  hideNote: { max: 500 },
  lockReason: { min: 3, max: 300 },
  bannerTitle: { min: 5, max: 120 },
  bannerBody: { min: 1, max: 2_000 },
  /** Flags a member may raise per hour: enough for a real problem, too few to flood the queue. */
  flagsPerHour: 10,
} as const;

export interface Reader {
  id: string;
  role: Role;
}

/** Who hides and restores posts, locks, pins and moves threads, sees the flag queue. */
export function canModerate(reader: Reader | null): boolean {
  return reader !== null && hasAtLeastRole(reader.role, 'MODERATOR');
}

/** Experts, staff and moderators (and admins) mark a post as answered by a reply. */
export function canMarkAnswered(reader: Reader | null): boolean {
  return reader !== null && hasAtLeastRole(reader.role, 'EXPERT');
}

/** Staff and moderators (and admins) see the tone of posts; members and experts do not. */
export function canSeeTone(reader: Reader | null): boolean {
  return reader !== null && hasAtLeastRole(reader.role, 'STAFF');
}

/**
 * THE visibility rule of hidden content: a post that is not hidden is readable by everyone; a
 * hidden post's text is readable only by its author and by moderators. Everyone else sees the
 * public notice (who hid it, when, which rule) in its place.
 */
export function canReadPost(
  reader: Reader | null,
  post: { authorId: string; hiddenAt: Date | string | null },
): boolean {
  if (!post.hiddenAt) return true;
  return reader !== null && (reader.id === post.authorId || canModerate(reader));
}
