import { MigrationInterface, QueryRunner } from 'typeorm';

/** The trigger function of PostRevisionsTrigger1795685443531, as it was. */
const KEEP_REVISION = `
        -- An edit that does not date itself (direct SQL) is dated now.
        IF NEW.edited_at IS NOT DISTINCT FROM OLD.edited_at THEN
          NEW.edited_at := now();
        END IF;
        INSERT INTO post_revisions (post_id, body_markdown, body_html, written_at, editor_id, created_at, hidden_at, hidden_reason)
        VALUES (OLD.id, OLD.body_markdown, OLD.body_html, COALESCE(OLD.edited_at, OLD.created_at), OLD.author_id,
                NEW.edited_at, OLD.hidden_at, OLD.hidden_reason);
        RETURN NEW;`;

/**
 * Written by hand (a trigger is not in the entities). The same Markdown rendered again, when the
 * renderer changed (remote images shown through the media proxy: media/rerender-html.ts), is
 * not an edit: no revision, no new edit date. Only the owner of the posts table may say so
 * (`parvis.rerendering_html` set in its transaction), a role that could switch the trigger off
 * anyway; the API's runtime role cannot, so any change it makes, HTML alone included, still
 * leaves a revision.
 */
export class RerenderWithoutRevision1795697463732 implements MigrationInterface {
  name = 'RerenderWithoutRevision1795697463732';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION posts_keep_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.body_markdown IS NOT DISTINCT FROM OLD.body_markdown
           AND current_setting('parvis.rerendering_html', true) = 'on'
           AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
          RETURN NEW;
        END IF;${KEEP_REVISION}
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION posts_keep_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN${KEEP_REVISION}
      END $$`);
  }
}
