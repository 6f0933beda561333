/** HELP spaces hold peer-help threads, IDEAS spaces the idea box, ANNOUNCEMENTS the brand's news. */
export const SPACE_KINDS = ['HELP', 'IDEAS', 'ANNOUNCEMENTS'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];
