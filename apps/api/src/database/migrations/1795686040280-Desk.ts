import { MigrationInterface, QueryRunner } from 'typeorm';

/** The desk's tables holding what people wrote or did: the database refuses to delete from them. */
const CONTENT_TABLES = ['assignment_events', 'internal_notes', 'internal_note_revisions'];
const EARLIER_KINDS = `'REPLY', 'MENTIONED', 'ANSWER_ACCEPTED', 'THREAD_ANSWERED', 'THREAD_RESOLVED', 'THANKED', 'PRIVATE_FOLLOW_UP', 'POST_HIDDEN', 'POST_RESTORED', 'IDEA_STATUS_CHANGED', 'IDEA_MERGED', 'CAMPAIGN_CLOSED', 'SLA_AT_RISK'`;
const KINDS = `${EARLIER_KINDS}, 'THREAD_ASSIGNED', 'NOTE_MENTIONED'`;
const KIND_CHECKS = [
  ['notifications', 'notifications_kind_check'],
  ['notification_preferences', 'notification_preferences_kind_check'],
];

export class Desk1795686040280 implements MigrationInterface {
  name = 'Desk1795686040280';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "assignment_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "actor_id" uuid NOT NULL, "assignee_id" uuid, "previous_assignee_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "assignment_events_assignee_check" CHECK ((kind = 'RELEASED') = (assignee_id IS NULL)), CONSTRAINT "assignment_events_kind_check" CHECK (kind IN ('ASSIGNED', 'TAKEN', 'HANDED_OVER', 'RELEASED')), CONSTRAINT "assignment_events_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "assignment_events_assignee_idx" ON "assignment_events"  ("assignee_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "assignment_events_thread_idx" ON "assignment_events"  ("thread_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "internal_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "post_id" uuid, "author_id" uuid NOT NULL, "body_markdown" text NOT NULL, "body_html" text NOT NULL, "edited_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "internal_notes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "internal_notes_thread_idx" ON "internal_notes"  ("thread_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "internal_note_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "note_id" uuid NOT NULL, "body_markdown" text NOT NULL, "body_html" text NOT NULL, "written_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "internal_note_revisions_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "internal_note_revisions_note_idx" ON "internal_note_revisions"  ("note_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "note_readers" ("thread_id" uuid NOT NULL, "user_id" uuid NOT NULL, "invited_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "note_readers_pkey" PRIMARY KEY ("thread_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "duty_schedules" ("user_id" uuid NOT NULL, "space_id" uuid NOT NULL, "time_zone" character varying(60) NOT NULL, "periods" jsonb NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "duty_schedules_pkey" PRIMARY KEY ("user_id", "space_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "duty_schedules_space_idx" ON "duty_schedules"  ("space_id") `);
    await queryRunner.query(
      `CREATE TABLE "duty_exceptions" ("user_id" uuid NOT NULL, "space_id" uuid NOT NULL, "date" date NOT NULL, "periods" jsonb NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "duty_exceptions_pkey" PRIMARY KEY ("user_id", "space_id", "date"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "duty_exceptions_space_date_idx" ON "duty_exceptions"  ("space_id", "date") `,
    );
    await queryRunner.query(`ALTER TABLE "spaces" ADD "opening_periods" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "spaces" ADD "time_zone" character varying(60) NOT NULL DEFAULT 'UTC'`,
    );
    await queryRunner.query(`ALTER TABLE "threads" ADD "first_response_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "threads" ADD "assignee_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "threads_assignee_id_idx" ON "threads"  ("assignee_id") WHERE assignee_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "threads" ADD CONSTRAINT "threads_first_response_by_id_fkey" FOREIGN KEY ("first_response_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "threads" ADD CONSTRAINT "threads_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment_events" ADD CONSTRAINT "assignment_events_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment_events" ADD CONSTRAINT "assignment_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment_events" ADD CONSTRAINT "assignment_events_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment_events" ADD CONSTRAINT "assignment_events_previous_assignee_id_fkey" FOREIGN KEY ("previous_assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "internal_notes" ADD CONSTRAINT "internal_notes_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "internal_notes" ADD CONSTRAINT "internal_notes_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "internal_notes" ADD CONSTRAINT "internal_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "internal_note_revisions" ADD CONSTRAINT "internal_note_revisions_note_id_fkey" FOREIGN KEY ("note_id") REFERENCES "internal_notes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "note_readers" ADD CONSTRAINT "note_readers_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "note_readers" ADD CONSTRAINT "note_readers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "note_readers" ADD CONSTRAINT "note_readers_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "duty_schedules" ADD CONSTRAINT "duty_schedules_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "duty_schedules" ADD CONSTRAINT "duty_schedules_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "duty_exceptions" ADD CONSTRAINT "duty_exceptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "duty_exceptions" ADD CONSTRAINT "duty_exceptions_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // ─── Written by hand ───────────────────────────────────────────────────────────────────
    for (const table of CONTENT_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_never_delete BEFORE DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION parvis_refuse_delete()`,
      );
    }
    await queryRunner.query(`CREATE FUNCTION assignment_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  RAISE EXCEPTION 'The assignment history is append-only: record a new event instead of changing one.' USING ERRCODE = 'restrict_violation';
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER assignment_events_append_only BEFORE UPDATE ON "assignment_events" FOR EACH ROW EXECUTE FUNCTION assignment_events_append_only()`,
    );
    // The generator does not compare CHECK expressions: the notices' new kinds, by hand.
    for (const [table, check] of KIND_CHECKS) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${check}"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${check}" CHECK (kind IN (${KINDS}))`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, check] of KIND_CHECKS) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${check}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${check}" CHECK (kind IN (${EARLIER_KINDS}))`,
      );
    }
    await queryRunner.query(`DROP TRIGGER assignment_events_append_only ON "assignment_events"`);
    await queryRunner.query(`DROP FUNCTION assignment_events_append_only()`);
    for (const table of CONTENT_TABLES)
      await queryRunner.query(`DROP TRIGGER ${table}_never_delete ON "${table}"`);
    await queryRunner.query(`ALTER TABLE "duty_exceptions" DROP CONSTRAINT "duty_exceptions_space_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "duty_exceptions" DROP CONSTRAINT "duty_exceptions_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "duty_schedules" DROP CONSTRAINT "duty_schedules_space_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "duty_schedules" DROP CONSTRAINT "duty_schedules_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "note_readers" DROP CONSTRAINT "note_readers_invited_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "note_readers" DROP CONSTRAINT "note_readers_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "note_readers" DROP CONSTRAINT "note_readers_thread_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "internal_note_revisions" DROP CONSTRAINT "internal_note_revisions_note_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "internal_notes" DROP CONSTRAINT "internal_notes_author_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "internal_notes" DROP CONSTRAINT "internal_notes_post_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "internal_notes" DROP CONSTRAINT "internal_notes_thread_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "assignment_events" DROP CONSTRAINT "assignment_events_previous_assignee_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment_events" DROP CONSTRAINT "assignment_events_assignee_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment_events" DROP CONSTRAINT "assignment_events_actor_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment_events" DROP CONSTRAINT "assignment_events_thread_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "threads_assignee_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "threads_first_response_by_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."threads_assignee_id_idx"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP COLUMN "assignee_id"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP COLUMN "first_response_by_id"`);
    await queryRunner.query(`ALTER TABLE "spaces" DROP COLUMN "time_zone"`);
    await queryRunner.query(`ALTER TABLE "spaces" DROP COLUMN "opening_periods"`);
    await queryRunner.query(`DROP INDEX "public"."duty_exceptions_space_date_idx"`);
    await queryRunner.query(`DROP TABLE "duty_exceptions"`);
    await queryRunner.query(`DROP INDEX "public"."duty_schedules_space_idx"`);
    await queryRunner.query(`DROP TABLE "duty_schedules"`);
    await queryRunner.query(`DROP TABLE "note_readers"`);
    await queryRunner.query(`DROP INDEX "public"."internal_note_revisions_note_idx"`);
    await queryRunner.query(`DROP TABLE "internal_note_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."internal_notes_thread_idx"`);
    await queryRunner.query(`DROP TABLE "internal_notes"`);
    await queryRunner.query(`DROP INDEX "public"."assignment_events_thread_idx"`);
    await queryRunner.query(`DROP INDEX "public"."assignment_events_assignee_idx"`);
    await queryRunner.query(`DROP TABLE "assignment_events"`);
  }
}
