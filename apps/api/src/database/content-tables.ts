/**
 * The tables that hold what people wrote and what was done with it. Parvis never deletes from
 * them: each carries a trigger (function parvis_refuse_delete, created by migrations) that refuses
 * DELETE and TRUNCATE; moderation hides, members withdraw, threads resolve, posts are revised
 * instead. This is the one list in code (migrations keep their own copy, as written when they
 * ran); the never-delete test compares it with the triggers the database actually carries.
 */
export const CONTENT_TABLES = [
  'threads',
  'posts',
  'post_revisions',
  'thanks',
  'private_follow_ups',
  'private_messages',
  'campaigns',
  'ideas',
  'idea_votes',
  'idea_status_changes',
  'notifications',
  'flags',
  'moderation_actions',
  'crisis_banners',
  'assignment_events',
  'internal_notes',
  'internal_note_revisions',
  'uploads',
] as const;
