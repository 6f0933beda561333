import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table holding what people wrote, did or were told: the database refuses to delete from them. */
const CONTENT_TABLES = [
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
];
/** The per-module triggers of AddThreads and AddIdeas, replaced here by one generic function. */
const EARLIER_TRIGGERS: [string, string[]][] = [
  [
    'threads_refuse_delete',
    ['threads', 'posts', 'post_revisions', 'thanks', 'private_follow_ups', 'private_messages'],
  ],
  ['ideas_refuse_delete', ['campaigns', 'ideas', 'idea_votes', 'idea_status_changes', 'notifications']],
];
const EARLIER_MESSAGES: Record<string, string> = {
  threads_refuse_delete: 'hide or revise instead.',
  ideas_refuse_delete: 'withdraw, merge or change the status instead.',
};

/**
 * Moderation that never deletes (issue 5): flags, the public moderation log, crisis banners,
 * and the hide / answered / tone columns of posts. Then, by hand (TypeORM does not model them):
 * - one generic never-delete function, attached BEFORE DELETE and BEFORE TRUNCATE on every content
 *   table, replacing the per-module triggers of AddThreads and AddIdeas. Per statement rather than
 *   per row: a DELETE is refused even when it matches no row, so no code path can rely on one;
 * - the moderation log is append-only: UPDATE is refused too;
 * - at most one active crisis banner: a partial unique index on a constant.
 */
export class AddModeration1795457667773 implements MigrationInterface {
  name = 'AddModeration1795457667773';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "moderation_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action" character varying(32) NOT NULL, "actor_id" uuid NOT NULL, "target_type" character varying(16) NOT NULL, "target_id" uuid NOT NULL, "rule" character varying(20), "reason" text, "details" jsonb NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "moderation_actions_rule_check" CHECK (rule IS NULL OR rule IN ('PERSONAL_DATA', 'INSULT', 'SPAM', 'OFF_TOPIC', 'OTHER')), CONSTRAINT "moderation_actions_target_type_check" CHECK (target_type IN ('POST', 'THREAD', 'IDEA', 'USER', 'BANNER')), CONSTRAINT "moderation_actions_action_check" CHECK (action IN ('ANSWER_ACCEPTED', 'POST_MARKED_ANSWERED', 'THREAD_RESOLVED', 'THREAD_REOPENED', 'THREAD_LOCKED', 'THREAD_UNLOCKED', 'THREAD_PINNED', 'THREAD_UNPINNED', 'THREAD_MOVED', 'POST_HIDDEN', 'POST_RESTORED', 'FLAGS_DISMISSED', 'IDEA_STATUS_CHANGED', 'IDEA_MERGED', 'ROLE_CHANGED', 'BANNER_PUBLISHED', 'BANNER_TAKEN_DOWN')), CONSTRAINT "moderation_actions_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "moderation_actions_actor_id_idx" ON "moderation_actions"  ("actor_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "moderation_actions_target_idx" ON "moderation_actions"  ("target_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "moderation_actions_created_idx" ON "moderation_actions"  ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "flags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "member_id" uuid NOT NULL, "reason" character varying(20) NOT NULL, "note" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by_id" uuid, "resolution" character varying(16), CONSTRAINT "flags_resolution_value_check" CHECK (resolution IS NULL OR resolution IN ('HIDDEN', 'DISMISSED')), CONSTRAINT "flags_resolution_check" CHECK ((resolved_at IS NULL) = (resolution IS NULL) AND (resolved_at IS NULL) = (resolved_by_id IS NULL)), CONSTRAINT "flags_reason_check" CHECK (reason IN ('PERSONAL_DATA', 'INSULT', 'SPAM', 'OFF_TOPIC', 'OTHER')), CONSTRAINT "flags_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "flags_member_id_idx" ON "flags"  ("member_id") `);
    await queryRunner.query(
      `CREATE INDEX "flags_open_created_idx" ON "flags"  ("created_at") WHERE resolved_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "flags_one_open_per_member_key" ON "flags"  ("post_id", "member_id") WHERE resolved_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "crisis_banners" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(120) NOT NULL, "body_markdown" text NOT NULL, "body_html" text NOT NULL, "thread_id" uuid, "published_by_id" uuid NOT NULL, "published_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "taken_down_at" TIMESTAMP WITH TIME ZONE, "taken_down_by_id" uuid, CONSTRAINT "crisis_banners_taken_down_check" CHECK ((taken_down_at IS NULL) = (taken_down_by_id IS NULL)), CONSTRAINT "crisis_banners_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "posts" ADD "hidden_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "hidden_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "hidden_reason" character varying(20)`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "hidden_note" text`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "answered_by_post_id" uuid`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "answered_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "answered_marked_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "tone" character varying(8)`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "tone_score" real`);
    await queryRunner.query(
      `CREATE INDEX "posts_negative_unanswered_idx" ON "posts"  ("created_at") WHERE tone = 'NEGATIVE' AND answered_by_post_id IS NULL AND hidden_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "posts_tone_check" CHECK ((tone IS NULL) = (tone_score IS NULL) AND (tone IS NULL OR tone IN ('NEGATIVE', 'NEUTRAL', 'POSITIVE')))`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "posts_answered_check" CHECK ((answered_by_post_id IS NULL) = (answered_at IS NULL) AND (answered_at IS NULL) = (answered_marked_by_id IS NULL) AND answered_by_post_id IS DISTINCT FROM id)`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "posts_hidden_reason_check" CHECK (hidden_reason IS NULL OR hidden_reason IN ('PERSONAL_DATA', 'INSULT', 'SPAM', 'OFF_TOPIC', 'OTHER'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "posts_hidden_check" CHECK ((hidden_at IS NULL) = (hidden_by_id IS NULL) AND (hidden_at IS NULL) = (hidden_reason IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "posts_hidden_by_id_fkey" FOREIGN KEY ("hidden_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "posts_answered_by_post_id_fkey" FOREIGN KEY ("answered_by_post_id") REFERENCES "posts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "posts_answered_marked_by_id_fkey" FOREIGN KEY ("answered_marked_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "flags" ADD CONSTRAINT "flags_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "flags" ADD CONSTRAINT "flags_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "flags" ADD CONSTRAINT "flags_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "crisis_banners" ADD CONSTRAINT "crisis_banners_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "crisis_banners" ADD CONSTRAINT "crisis_banners_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "crisis_banners" ADD CONSTRAINT "crisis_banners_taken_down_by_id_fkey" FOREIGN KEY ("taken_down_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // ─── Written by hand ───────────────────────────────────────────────────────────────────
    await queryRunner.query(
      `CREATE UNIQUE INDEX "crisis_banners_one_active_key" ON "crisis_banners" ((true)) WHERE taken_down_at IS NULL`,
    );
    for (const [fn, tables] of EARLIER_TRIGGERS) {
      for (const table of tables)
        await queryRunner.query(`DROP TRIGGER ${table}_refuse_delete ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION ${fn}()`);
    }
    await queryRunner.query(`CREATE FUNCTION parvis_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  RAISE EXCEPTION 'Parvis never deletes from %: hide, withdraw, resolve or revise instead.', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$`);
    for (const table of CONTENT_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_never_delete BEFORE DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION parvis_refuse_delete()`,
      );
    }
    await queryRunner.query(`CREATE FUNCTION moderation_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  RAISE EXCEPTION 'The moderation log is append-only: record a new action instead of changing one.' USING ERRCODE = 'restrict_violation';
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER moderation_actions_append_only BEFORE UPDATE ON "moderation_actions" FOR EACH ROW EXECUTE FUNCTION moderation_actions_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER moderation_actions_append_only ON "moderation_actions"`);
    await queryRunner.query(`DROP FUNCTION moderation_actions_append_only()`);
    for (const table of CONTENT_TABLES)
      await queryRunner.query(`DROP TRIGGER ${table}_never_delete ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION parvis_refuse_delete()`);
    for (const [fn, tables] of EARLIER_TRIGGERS) {
      await queryRunner.query(
        `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'Parvis never deletes from %: ${EARLIER_MESSAGES[fn]}', TG_TABLE_NAME USING ERRCODE = 'restrict_violation'; END $$`,
      );
      for (const table of tables) {
        await queryRunner.query(
          `CREATE TRIGGER ${table}_refuse_delete BEFORE DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        );
      }
    }
    await queryRunner.query(`DROP INDEX "public"."crisis_banners_one_active_key"`);
    await queryRunner.query(
      `ALTER TABLE "crisis_banners" DROP CONSTRAINT "crisis_banners_taken_down_by_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "crisis_banners" DROP CONSTRAINT "crisis_banners_published_by_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "crisis_banners" DROP CONSTRAINT "crisis_banners_thread_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "flags" DROP CONSTRAINT "flags_resolved_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "flags" DROP CONSTRAINT "flags_member_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "flags" DROP CONSTRAINT "flags_post_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "moderation_actions" DROP CONSTRAINT "moderation_actions_actor_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "posts_answered_marked_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "posts_answered_by_post_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "posts_hidden_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "posts_hidden_check"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "posts_hidden_reason_check"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "posts_answered_check"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "posts_tone_check"`);
    await queryRunner.query(`DROP INDEX "public"."posts_negative_unanswered_idx"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "tone_score"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "tone"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "answered_marked_by_id"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "answered_at"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "answered_by_post_id"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "hidden_note"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "hidden_reason"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "hidden_by_id"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "hidden_at"`);
    await queryRunner.query(`DROP TABLE "crisis_banners"`);
    await queryRunner.query(`DROP INDEX "public"."flags_one_open_per_member_key"`);
    await queryRunner.query(`DROP INDEX "public"."flags_open_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."flags_member_id_idx"`);
    await queryRunner.query(`DROP TABLE "flags"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_actions_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_actions_target_idx"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_actions_actor_id_idx"`);
    await queryRunner.query(`DROP TABLE "moderation_actions"`);
  }
}
