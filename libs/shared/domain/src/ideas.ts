import { isOneOf } from './one-of';

/**
 * The idea box (DESIGN.md §1): members propose ideas and vote, the brand answers
 * with a status and an official response, duplicates are merged, campaigns ask a question
 * for a limited time. Pure rules, shared by the API (which enforces them) and the web app
 * (which only offers what the API would accept).
 */

/** The statuses staff and moderators can set with setIdeaStatus (MERGED comes only from mergeIdea). */
export const SETTABLE_IDEA_STATUSES = [
  'NEW',
  'UNDER_REVIEW',
  'PLANNED',
  'IN_PROGRESS',
  'LAUNCHED',
  'DECLINED',
] as const;
export type SettableIdeaStatus = (typeof SETTABLE_IDEA_STATUSES)[number];

/**
 * An idea's life. NEW → UNDER_REVIEW → PLANNED → IN_PROGRESS → LAUNCHED is the brand's road;
 * DECLINED is the honest "no"; MERGED is set only by merging a duplicate, never by a status change.
 */
export const IDEA_STATUSES = [...SETTABLE_IDEA_STATUSES, 'MERGED'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const isIdeaStatus = isOneOf(IDEA_STATUSES);

const ROAD: readonly IdeaStatus[] = ['NEW', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'LAUNCHED'];

/**
 * Which status changes are allowed:
 * - forward along the road, skipping steps if the brand moves fast (NEW → PLANNED, UNDER_REVIEW → LAUNCHED…);
 * - one step back while the work is not done (plans slip: IN_PROGRESS → PLANNED, PLANNED → UNDER_REVIEW,
 *   UNDER_REVIEW → NEW), so a mistaken click can be corrected in the open, with a history entry;
 * - DECLINED from any status that is not LAUNCHED;
 * - a DECLINED idea can be reconsidered: DECLINED → UNDER_REVIEW;
 * - LAUNCHED and MERGED are final: nothing leaves them, and nothing but a merge enters MERGED.
 * Staying in the same status is not a change.
 */
export function canChangeIdeaStatus(from: IdeaStatus, to: IdeaStatus): boolean {
  if (from === to || to === 'MERGED' || from === 'MERGED' || from === 'LAUNCHED') return false;
  if (from === 'DECLINED') return to === 'UNDER_REVIEW';
  if (to === 'DECLINED') return true;
  const step = ROAD.indexOf(to) - ROAD.indexOf(from);
  return step > 0 || step === -1;
}

/** The statuses an idea in `from` can be moved to, in road order (for the staff controls). */
export function nextIdeaStatuses(from: IdeaStatus): SettableIdeaStatus[] {
  return SETTABLE_IDEA_STATUSES.filter((to) => canChangeIdeaStatus(from, to));
}

/** Saying "yes, we will" or "no" to a community owes it an explanation. */
export function ideaStatusRequiresResponse(status: IdeaStatus): boolean {
  return status === 'PLANNED' || status === 'DECLINED';
}

/** Votes are frozen once the brand has launched or declined an idea, or merged it into another. */
export function isIdeaVotingClosed(status: IdeaStatus): boolean {
  return status === 'LAUNCHED' || status === 'DECLINED' || status === 'MERGED';
}

/** The roadmap's columns, left to right. */
export const ROADMAP_STATUSES = [
  'PLANNED',
  'IN_PROGRESS',
  'LAUNCHED',
] as const satisfies readonly IdeaStatus[];

export const IDEA_SORTS = ['TOP', 'TRENDING', 'NEW'] as const;
export type IdeaSort = (typeof IDEA_SORTS)[number];

/** Limits shared by the API's validation and the web app's forms. */
export const IDEA_LIMITS = {
  title: { min: 5, max: 150 },
  body: { min: 1, max: 20_000 },
  response: { max: 5_000 },
  campaignTitle: { min: 5, max: 120 },
  campaignQuestion: { min: 5, max: 500 },
  votesPerMember: { min: 1, max: 100 },
  /** A campaign opens and closes between this many years ago and this many years from now. */
  campaignYears: { past: 1, future: 5 },
} as const;

/**
 * TRENDING: each active vote of the last TRENDING_WINDOW_DAYS weighs 1 / (1 + ageHours / 24) ^ 1.5,
 * so a vote cast now counts 1, a day-old vote ~0.35, a three-day-old vote 0.125 and a week-old
 * vote ~0.09; older votes count 0. The API computes the same sum in SQL (ideas.queries.ts).
 */
export const TRENDING_WINDOW_DAYS = 7;
export const TRENDING_GRAVITY = 1.5;

export function trendingWeight(ageHours: number): number {
  if (ageHours < 0 || ageHours > TRENDING_WINDOW_DAYS * 24) return ageHours < 0 ? 1 : 0;
  return 1 / Math.pow(1 + ageHours / 24, TRENDING_GRAVITY);
}

export function trendingScore(voteAgesHours: readonly number[]): number {
  return voteAgesHours.reduce((sum, age) => sum + trendingWeight(age), 0);
}

/**
 * A campaign asks the community a question between opensAt and closesAt. Ideas can be
 * proposed into it until it closes (so the choices are ready when voting opens); votes are
 * accepted only while it is OPEN; once CLOSED its ranking is final.
 */
export const CAMPAIGN_PHASES = ['UPCOMING', 'OPEN', 'CLOSED'] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

export function campaignPhase(opensAt: Date, closesAt: Date, now: Date): CampaignPhase {
  if (now.getTime() < opensAt.getTime()) return 'UPCOMING';
  if (now.getTime() < closesAt.getTime()) return 'OPEN';
  return 'CLOSED';
}

/** Why a vote cannot be cast or withdrawn now: the idea is closed, or its campaign is not open. */
export type VotingRefusal = 'IDEA_CLOSED' | 'CAMPAIGN_NOT_OPEN';

/**
 * "Voting is open": the idea is not closed (isIdeaVotingClosed) and, when it belongs to a
 * campaign, that campaign is OPEN at `now`. Casting and withdrawing a vote follow this one rule;
 * the database's vote trigger enforces the same rule on every insert and stays the authority.
 */
export function votingRefusal(
  status: IdeaStatus,
  campaign: { opensAt: Date; closesAt: Date } | null,
  now: Date,
): VotingRefusal | null {
  if (isIdeaVotingClosed(status)) return 'IDEA_CLOSED';
  if (campaign && campaignPhase(campaign.opensAt, campaign.closesAt, now) !== 'OPEN')
    return 'CAMPAIGN_NOT_OPEN';
  return null;
}

export function isVotingOpen(
  status: IdeaStatus,
  campaign: { opensAt: Date; closesAt: Date } | null,
  now: Date,
): boolean {
  return votingRefusal(status, campaign, now) === null;
}

/** Votes a member may still cast in a campaign; null when the campaign sets no limit. */
export function remainingCampaignVotes(votesPerMember: number | null, votesUsed: number): number | null {
  return votesPerMember === null ? null : Math.max(0, votesPerMember - votesUsed);
}

/**
 * Authors vote for their own idea automatically when they submit it (as on Fider): proposing
 * an idea is wanting it, and it keeps every idea's count honest from the start. The author
 * may withdraw that vote like any other. Inside a campaign with a vote limit, the automatic
 * vote uses one of the author's votes, and is skipped when they have none left or the
 * campaign is not open yet.
 */
export const AUTHOR_VOTES_FOR_OWN_IDEA = true;
