/** A help thread's life: OPEN until an answer is accepted (ANSWERED), then closed by a moderator or the asker (RESOLVED). */
export const THREAD_STATUSES = ['OPEN', 'ANSWERED', 'RESOLVED'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** Limits shared by the API's validation and the web app's forms. */
export const THREAD_LIMITS = {
  title: { min: 5, max: 150 },
  body: { min: 1, max: 20_000 },
} as const;

/**
 * Reputation points (DESIGN.md §1: "reputation for members whose answers are accepted").
 * An accepted answer earns its author ACCEPTED_ANSWER points (none when the asker accepts
 * their own reply); each thanks received earns THANKS_RECEIVED, and taking the thanks back
 * takes the points back.
 */
export const REPUTATION = {
  acceptedAnswer: 15,
  thanksReceived: 2,
} as const;
