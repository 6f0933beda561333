import { MigrationInterface, QueryRunner } from 'typeorm';

const CONTENT_TABLES = [
  'threads',
  'posts',
  'post_revisions',
  'thanks',
  'private_follow_ups',
  'private_messages',
];

export class AddThreads1795456518601 implements MigrationInterface {
  name = 'AddThreads1795456518601';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "posts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "author_id" uuid NOT NULL, "is_question" boolean NOT NULL DEFAULT false, "body_markdown" text NOT NULL, "body_html" text NOT NULL, "body_text" text NOT NULL, "is_official" boolean NOT NULL DEFAULT false, "thanks_count" integer NOT NULL DEFAULT '0', "edited_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "posts_thanks_count_check" CHECK (thanks_count >= 0), CONSTRAINT "posts_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "posts_one_question_per_thread_key" ON "posts"  ("thread_id") WHERE is_question`,
    );
    await queryRunner.query(`CREATE INDEX "posts_author_id_idx" ON "posts"  ("author_id") `);
    await queryRunner.query(
      `CREATE INDEX "posts_thread_created_idx" ON "posts"  ("thread_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "threads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "author_id" uuid NOT NULL, "title" character varying(150) NOT NULL, "language" character varying(2) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'OPEN', "locked" boolean NOT NULL DEFAULT false, "lock_reason" text, "pinned" boolean NOT NULL DEFAULT false, "accepted_answer_id" uuid, "accepted_by_id" uuid, "first_response_due_at" TIMESTAMP WITH TIME ZONE, "answer_due_at" TIMESTAMP WITH TIME ZONE, "first_response_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "replies_count" integer NOT NULL DEFAULT '0', "last_activity_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "threads_replies_count_check" CHECK (replies_count >= 0), CONSTRAINT "threads_lock_reason_check" CHECK (locked OR lock_reason IS NULL), CONSTRAINT "threads_answered_has_answer_check" CHECK (status <> 'ANSWERED' OR accepted_answer_id IS NOT NULL), CONSTRAINT "threads_status_check" CHECK (status IN ('OPEN', 'ANSWERED', 'RESOLVED')), CONSTRAINT "threads_language_check" CHECK (language IN ('fr', 'en', 'es')), CONSTRAINT "threads_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "threads_author_id_idx" ON "threads"  ("author_id") `);
    await queryRunner.query(
      `CREATE INDEX "threads_space_created_idx" ON "threads"  ("space_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "threads_space_activity_idx" ON "threads"  ("space_id", "pinned", "last_activity_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "post_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "body_markdown" text NOT NULL, "body_html" text NOT NULL, "written_at" TIMESTAMP WITH TIME ZONE NOT NULL, "editor_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "post_revisions_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "post_revisions_post_created_idx" ON "post_revisions"  ("post_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "thanks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "user_id" uuid NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "thanks_post_id_user_id_key" UNIQUE ("post_id", "user_id"), CONSTRAINT "thanks_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "thanks_user_id_idx" ON "thanks"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "private_follow_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "asker_id" uuid NOT NULL, "agent_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "private_follow_ups_thread_id_key" UNIQUE ("thread_id"), CONSTRAINT "private_follow_ups_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "private_follow_ups_asker_id_idx" ON "private_follow_ups"  ("asker_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "private_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "follow_up_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body_markdown" text NOT NULL, "body_html" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "private_messages_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "private_messages_follow_up_created_idx" ON "private_messages"  ("follow_up_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "spaces" ADD "first_response_minutes" integer NOT NULL DEFAULT '60'`,
    );
    await queryRunner.query(`ALTER TABLE "spaces" ADD "answer_minutes" integer NOT NULL DEFAULT '1440'`);
    await queryRunner.query(
      `ALTER TABLE "spaces" ADD CONSTRAINT "spaces_answer_clocks_check" CHECK (first_response_minutes > 0 AND answer_minutes > 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "posts_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "threads" ADD CONSTRAINT "threads_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "threads" ADD CONSTRAINT "threads_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "threads" ADD CONSTRAINT "threads_accepted_answer_id_fkey" FOREIGN KEY ("accepted_answer_id") REFERENCES "posts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "threads" ADD CONSTRAINT "threads_accepted_by_id_fkey" FOREIGN KEY ("accepted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "post_revisions" ADD CONSTRAINT "post_revisions_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "post_revisions" ADD CONSTRAINT "post_revisions_editor_id_fkey" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "thanks" ADD CONSTRAINT "thanks_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "thanks" ADD CONSTRAINT "thanks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "private_follow_ups" ADD CONSTRAINT "private_follow_ups_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "private_follow_ups" ADD CONSTRAINT "private_follow_ups_asker_id_fkey" FOREIGN KEY ("asker_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "private_follow_ups" ADD CONSTRAINT "private_follow_ups_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "private_messages" ADD CONSTRAINT "private_messages_follow_up_id_fkey" FOREIGN KEY ("follow_up_id") REFERENCES "private_follow_ups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "private_messages" ADD CONSTRAINT "private_messages_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Never-delete, enforced by the database itself (DESIGN.md §3): content is hidden or revised, not removed.
    await queryRunner.query(
      `CREATE FUNCTION threads_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'Parvis never deletes from %: hide or revise instead.', TG_TABLE_NAME USING ERRCODE = 'restrict_violation'; END $$`,
    );
    for (const table of CONTENT_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_refuse_delete BEFORE DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION threads_refuse_delete()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of CONTENT_TABLES)
      await queryRunner.query(`DROP TRIGGER ${table}_refuse_delete ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION threads_refuse_delete()`);
    await queryRunner.query(
      `ALTER TABLE "private_messages" DROP CONSTRAINT "private_messages_author_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "private_messages" DROP CONSTRAINT "private_messages_follow_up_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "private_follow_ups" DROP CONSTRAINT "private_follow_ups_agent_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "private_follow_ups" DROP CONSTRAINT "private_follow_ups_asker_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "private_follow_ups" DROP CONSTRAINT "private_follow_ups_thread_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "thanks" DROP CONSTRAINT "thanks_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "thanks" DROP CONSTRAINT "thanks_post_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "post_revisions" DROP CONSTRAINT "post_revisions_editor_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "post_revisions" DROP CONSTRAINT "post_revisions_post_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "threads_accepted_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "threads_accepted_answer_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "threads_author_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "threads_space_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "posts_author_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "posts_thread_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "spaces" DROP CONSTRAINT "spaces_answer_clocks_check"`);
    await queryRunner.query(`ALTER TABLE "spaces" DROP COLUMN "answer_minutes"`);
    await queryRunner.query(`ALTER TABLE "spaces" DROP COLUMN "first_response_minutes"`);
    await queryRunner.query(`DROP INDEX "public"."private_messages_follow_up_created_idx"`);
    await queryRunner.query(`DROP TABLE "private_messages"`);
    await queryRunner.query(`DROP INDEX "public"."private_follow_ups_asker_id_idx"`);
    await queryRunner.query(`DROP TABLE "private_follow_ups"`);
    await queryRunner.query(`DROP INDEX "public"."thanks_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "thanks"`);
    await queryRunner.query(`DROP INDEX "public"."post_revisions_post_created_idx"`);
    await queryRunner.query(`DROP TABLE "post_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."threads_space_activity_idx"`);
    await queryRunner.query(`DROP INDEX "public"."threads_space_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."threads_author_id_idx"`);
    await queryRunner.query(`DROP TABLE "threads"`);
    await queryRunner.query(`DROP INDEX "public"."posts_thread_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."posts_author_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."posts_one_question_per_thread_key"`);
    await queryRunner.query(`DROP TABLE "posts"`);
  }
}
