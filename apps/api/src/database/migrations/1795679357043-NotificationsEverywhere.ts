import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsEverywhere1795679357043 implements MigrationInterface {
  name = 'NotificationsEverywhere1795679357043';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "follows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "subject_type" character varying(20) NOT NULL, "subject_id" uuid NOT NULL, "following" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "follows_user_subject_key" UNIQUE ("user_id", "subject_type", "subject_id"), CONSTRAINT "follows_subject_type_check" CHECK (subject_type IN ('THREAD', 'IDEA')), CONSTRAINT "follows_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "delivery" character varying(10) NOT NULL, CONSTRAINT "notification_preferences_delivery_check" CHECK (delivery IN ('IN_APP', 'EMAIL', 'DAILY', 'WEEKLY', 'OFF')), CONSTRAINT "notification_preferences_kind_check" CHECK (kind IN ('REPLY', 'MENTIONED', 'ANSWER_ACCEPTED', 'THREAD_ANSWERED', 'THREAD_RESOLVED', 'THANKED', 'PRIVATE_FOLLOW_UP', 'POST_HIDDEN', 'POST_RESTORED', 'IDEA_STATUS_CHANGED', 'IDEA_MERGED', 'CAMPAIGN_CLOSED', 'SLA_AT_RISK')), CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("user_id", "kind"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_settings" ("user_id" uuid NOT NULL, "time_zone" character varying(60) NOT NULL, CONSTRAINT "notification_settings_pkey" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD "delivery" character varying(10) NOT NULL DEFAULT 'IN_APP'`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ADD "dedupe_key" character varying(120)`);
    await queryRunner.query(
      `CREATE INDEX "notifications_digest_idx" ON "notifications"  ("delivery", "created_at") WHERE delivery IN ('DAILY', 'WEEKLY')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notifications_user_dedupe_key" ON "notifications"  ("user_id", "dedupe_key") WHERE dedupe_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_user_subject_idx" ON "notifications"  ("user_id", "subject_type", "subject_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_delivery_check" CHECK (delivery IN ('IN_APP', 'EMAIL', 'DAILY', 'WEEKLY', 'OFF'))`,
    );
    // The generator does not compare CHECK expressions: the notices' new kinds and subject types, by hand.
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK (kind IN ('REPLY', 'MENTIONED', 'ANSWER_ACCEPTED', 'THREAD_ANSWERED', 'THREAD_RESOLVED', 'THANKED', 'PRIVATE_FOLLOW_UP', 'POST_HIDDEN', 'POST_RESTORED', 'IDEA_STATUS_CHANGED', 'IDEA_MERGED', 'CAMPAIGN_CLOSED', 'SLA_AT_RISK'))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_type_check"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_type_check" CHECK (subject_type IN ('IDEA', 'THREAD', 'CAMPAIGN'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "follows" ADD CONSTRAINT "follows_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification_settings" DROP CONSTRAINT "notification_settings_user_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_user_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "follows" DROP CONSTRAINT "follows_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_type_check"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_type_check" CHECK (subject_type IN ('IDEA'))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK (kind IN ('IDEA_STATUS_CHANGED', 'IDEA_MERGED'))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_delivery_check"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_subject_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_digest_idx"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "dedupe_key"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "delivery"`);
    await queryRunner.query(`DROP TABLE "notification_settings"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP TABLE "follows"`);
  }
}
