import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications name their subject by type and id instead of a foreign key to ideas, so that any
 * domain can notify about its own things. Existing notices are copied: every one of them is about
 * an idea. `down` copies them back.
 */
export class NotificationSubjects1795675168925 implements MigrationInterface {
  name = 'NotificationSubjects1795675168925';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "subject_type" character varying(20)`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "subject_id" uuid`);
    await queryRunner.query(`UPDATE "notifications" SET "subject_type" = 'IDEA', "subject_id" = "idea_id"`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "subject_type" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "subject_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_type_check" CHECK (subject_type IN ('IDEA'))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_idea_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "idea_id"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "idea_id" uuid`);
    await queryRunner.query(
      `UPDATE "notifications" SET "idea_id" = "subject_id" WHERE "subject_type" = 'IDEA'`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "ideas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_type_check"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "subject_id"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "subject_type"`);
  }
}
