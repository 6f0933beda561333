import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rendered public pages are cached by every API process for signed-out readers (pages/). Each
 * change to what a public page shows announces, from the database itself and in the change's
 * own transaction, the subjects it touched (as the pages' cache ids: `Thread:<id>`, `Idea:<id>`,
 * and lists as `Query.<field>`) on the live-event channel every process LISTENs on: no service can
 * forget to, and a rolled-back change announces nothing. PostgreSQL folds identical
 * notifications of one transaction into one.
 */
export class PageInvalidation1795685686487 implements MigrationInterface {
  name = 'PageInvalidation1795685686487';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION parvis_pages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tags text[];
      BEGIN
        CASE TG_TABLE_NAME
          WHEN 'threads' THEN
            tags := ARRAY['Thread:' || NEW.id, 'Space:' || NEW.space_id, 'Query.threads', 'Query.search', 'Query.ideas'];
          WHEN 'posts' THEN
            tags := ARRAY['Post:' || NEW.id, 'Thread:' || NEW.thread_id, 'User:' || NEW.author_id, 'Query.threads', 'Query.search'];
          WHEN 'post_revisions' THEN
            tags := ARRAY['Post:' || NEW.post_id];
          WHEN 'thanks' THEN
            tags := ARRAY['Post:' || NEW.post_id];
          WHEN 'private_follow_ups' THEN
            tags := ARRAY['Thread:' || NEW.thread_id];
          WHEN 'ideas' THEN
            tags := ARRAY['Idea:' || NEW.id, 'Thread:' || NEW.thread_id, 'Query.ideas', 'Query.campaigns'];
          WHEN 'idea_votes' THEN
            tags := ARRAY['Idea:' || NEW.idea_id, 'Query.ideas'];
          WHEN 'idea_status_changes' THEN
            tags := ARRAY['Idea:' || NEW.idea_id, 'Query.ideas'];
          WHEN 'campaigns' THEN
            tags := ARRAY['Campaign:' || NEW.id, 'Query.campaigns'];
          WHEN 'spaces' THEN
            tags := ARRAY['Space:' || NEW.id, 'Query.spaces'];
          WHEN 'users' THEN
            tags := ARRAY['User:' || NEW.id];
          WHEN 'moderation_actions' THEN
            tags := ARRAY['Query.moderationLog'];
          ELSE
            -- The crisis banner is on every page.
            tags := ARRAY['*'];
        END CASE;
        PERFORM pg_notify('parvis_live', json_build_object('topic', 'pages:changed', 'data', json_build_object('tags', tags))::text);
        RETURN NULL;
      END
      $$
    `);
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_pages_changed" AFTER INSERT OR UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION parvis_pages_changed()`,
      );
    }
    // A member's name, role and reputation are public; their sessions and settings are not.
    await queryRunner.query(
      `CREATE TRIGGER "users_pages_changed" AFTER UPDATE ON "users" FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name OR OLD.role IS DISTINCT FROM NEW.role OR OLD.reputation IS DISTINCT FROM NEW.reputation) EXECUTE FUNCTION parvis_pages_changed()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "users_pages_changed" ON "users"`);
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`DROP TRIGGER "${table}_pages_changed" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION parvis_pages_changed()`);
  }
}

const TABLES = [
  'threads',
  'posts',
  'post_revisions',
  'thanks',
  'private_follow_ups',
  'ideas',
  'idea_votes',
  'idea_status_changes',
  'campaigns',
  'spaces',
  'moderation_actions',
  'crisis_banners',
] as const;
