/** HELP spaces hold peer-help threads, IDEAS spaces the idea box, ANNOUNCEMENTS the brand's news. */
export const SPACE_KINDS = ['HELP', 'IDEAS', 'ANNOUNCEMENTS'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

/** A space's name and description, in any language: the API refuses longer ones, the form says so first. */
export const SPACE_TEXT_LIMITS = {
  name: { min: 1, max: 80 },
  description: { max: 500 },
} as const;
