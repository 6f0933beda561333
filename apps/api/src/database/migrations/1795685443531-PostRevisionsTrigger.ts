import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (a trigger is not in the entities). Every change of a post's body keeps the
 * previous version as a revision, whoever makes it: the app (which only updates the post now),
 * or anyone with SQL access. The replaced version keeps its hidden mark (a version replaced while
 * its post is hidden stays hidden after a restore). The post's author is the editor (only authors
 * edit in the app; a change made outside it is signed with the author too, and dated when made).
 */
export class PostRevisionsTrigger1795685443531 implements MigrationInterface {
  name = 'PostRevisionsTrigger1795685443531';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION posts_keep_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- An edit that does not date itself (direct SQL) is dated now.
        IF NEW.edited_at IS NOT DISTINCT FROM OLD.edited_at THEN
          NEW.edited_at := now();
        END IF;
        INSERT INTO post_revisions (post_id, body_markdown, body_html, written_at, editor_id, created_at, hidden_at, hidden_reason)
        VALUES (OLD.id, OLD.body_markdown, OLD.body_html, COALESCE(OLD.edited_at, OLD.created_at), OLD.author_id,
                NEW.edited_at, OLD.hidden_at, OLD.hidden_reason);
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER posts_keep_revision BEFORE UPDATE OF body_markdown, body_html ON "posts" FOR EACH ROW
         WHEN (OLD.body_markdown IS DISTINCT FROM NEW.body_markdown OR OLD.body_html IS DISTINCT FROM NEW.body_html)
         EXECUTE FUNCTION posts_keep_revision()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER posts_keep_revision ON "posts"`);
    await queryRunner.query(`DROP FUNCTION posts_keep_revision()`);
  }
}
