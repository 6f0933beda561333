import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Earlier versions of a post are hidden with it (issue 5): a hidden post's breaching text must not
 * come back through `revisions` once the author edits it out and a moderator restores the post.
 * Then, by hand, the versions already kept are marked from the public log: a version is hidden
 * when its post was hidden after it was replaced, or it was replaced while the post was hidden
 * (a hide not yet followed by a restore); and every version of a post hidden now.
 */
export class HideRevisions1795461302703 implements MigrationInterface {
  name = 'HideRevisions1795461302703';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "post_revisions" ADD "hidden_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "post_revisions" ADD "hidden_reason" character varying(20)`);
    await queryRunner.query(
      `ALTER TABLE "post_revisions" ADD CONSTRAINT "post_revisions_hidden_reason_check" CHECK (hidden_reason IS NULL OR hidden_reason IN ('PERSONAL_DATA', 'INSULT', 'SPAM', 'OFF_TOPIC', 'OTHER'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "post_revisions" ADD CONSTRAINT "post_revisions_hidden_check" CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))`,
    );
    await queryRunner.query(
      `WITH hidden AS (
         SELECT r.id, hide.created_at AS at, hide.rule
           FROM post_revisions r
           CROSS JOIN LATERAL (
             SELECT a.created_at, a.rule FROM moderation_actions a
              WHERE a.action = 'POST_HIDDEN' AND a.target_id = r.post_id AND a.rule IS NOT NULL
                AND (a.created_at >= r.created_at OR NOT EXISTS (
                  SELECT 1 FROM moderation_actions x
                   WHERE x.action = 'POST_RESTORED' AND x.target_id = r.post_id
                     AND x.created_at >= a.created_at AND x.created_at <= r.created_at))
              ORDER BY a.created_at DESC LIMIT 1) hide)
       UPDATE post_revisions r SET hidden_at = hidden.at, hidden_reason = hidden.rule
         FROM hidden WHERE hidden.id = r.id`,
    );
    await queryRunner.query(
      `UPDATE post_revisions r SET hidden_at = p.hidden_at, hidden_reason = p.hidden_reason
         FROM posts p WHERE p.id = r.post_id AND p.hidden_at IS NOT NULL AND r.hidden_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "post_revisions" DROP CONSTRAINT "post_revisions_hidden_check"`);
    await queryRunner.query(
      `ALTER TABLE "post_revisions" DROP CONSTRAINT "post_revisions_hidden_reason_check"`,
    );
    await queryRunner.query(`ALTER TABLE "post_revisions" DROP COLUMN "hidden_reason"`);
    await queryRunner.query(`ALTER TABLE "post_revisions" DROP COLUMN "hidden_at"`);
  }
}
