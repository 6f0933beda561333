import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportsAndDigest1795685707046 implements MigrationInterface {
  name = 'ReportsAndDigest1795685707046';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ask_attempts" ("id" uuid NOT NULL, "space_id" uuid NOT NULL, "user_id" uuid, "language" character varying(2) NOT NULL, "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "suggestions_shown_at" TIMESTAMP(3) WITH TIME ZONE, "suggestion_opened_at" TIMESTAMP(3) WITH TIME ZONE, "posted_thread_id" uuid, "posted_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "ask_attempts_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ask_attempts_started_idx" ON "ask_attempts"  ("started_at") `);
    await queryRunner.query(
      `CREATE TABLE "digest_recipients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(80) NOT NULL, "language" character varying(2) NOT NULL, "time_zone" character varying(64) NOT NULL, "active" boolean NOT NULL DEFAULT true, "added_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "digest_recipients_email_key" UNIQUE ("email"), CONSTRAINT "digest_recipients_language_check" CHECK (language IN ('fr', 'en', 'es')), CONSTRAINT "digest_recipients_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "posts_negative_created_idx" ON "posts"  ("created_at") WHERE tone = 'NEGATIVE'`,
    );
    await queryRunner.query(`CREATE INDEX "posts_created_idx" ON "posts"  ("created_at") `);
    await queryRunner.query(
      `CREATE INDEX "threads_answered_idx" ON "threads"  ("answered_at") WHERE answered_at IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "threads_created_idx" ON "threads"  ("created_at") `);
    await queryRunner.query(`CREATE INDEX "thanks_created_idx" ON "thanks"  ("created_at") `);
    await queryRunner.query(
      `CREATE INDEX "idea_votes_created_idx" ON "idea_votes"  ("created_at") WHERE withdrawn_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idea_status_changes_created_idx" ON "idea_status_changes"  ("created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "ask_attempts" ADD CONSTRAINT "ask_attempts_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ask_attempts" ADD CONSTRAINT "ask_attempts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ask_attempts" ADD CONSTRAINT "ask_attempts_posted_thread_id_fkey" FOREIGN KEY ("posted_thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "digest_recipients" ADD CONSTRAINT "digest_recipients_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "digest_recipients" DROP CONSTRAINT "digest_recipients_added_by_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ask_attempts" DROP CONSTRAINT "ask_attempts_posted_thread_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "ask_attempts" DROP CONSTRAINT "ask_attempts_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "ask_attempts" DROP CONSTRAINT "ask_attempts_space_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."idea_status_changes_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."idea_votes_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."thanks_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."threads_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."threads_answered_idx"`);
    await queryRunner.query(`DROP INDEX "public"."posts_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."posts_negative_created_idx"`);
    await queryRunner.query(`DROP TABLE "digest_recipients"`);
    await queryRunner.query(`DROP INDEX "public"."ask_attempts_started_idx"`);
    await queryRunner.query(`DROP TABLE "ask_attempts"`);
  }
}
