import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated (users.closed_at), then by hand: the log's action check learns ACCOUNT_CLOSED (the
 * generator does not compare a check's expression).
 */
export class AccountClosure1795686624519 implements MigrationInterface {
  name = 'AccountClosure1795686624519';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "moderation_actions" DROP CONSTRAINT "moderation_actions_action_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_action_check" CHECK (action IN ('ANSWER_ACCEPTED', 'POST_MARKED_ANSWERED', 'THREAD_RESOLVED', 'THREAD_REOPENED', 'THREAD_LOCKED', 'THREAD_UNLOCKED', 'THREAD_PINNED', 'THREAD_UNPINNED', 'THREAD_MOVED', 'POST_HIDDEN', 'POST_RESTORED', 'FLAGS_DISMISSED', 'IDEA_STATUS_CHANGED', 'IDEA_MERGED', 'ROLE_CHANGED', 'BANNER_PUBLISHED', 'BANNER_TAKEN_DOWN', 'ACCOUNT_CLOSED'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "moderation_actions" DROP CONSTRAINT "moderation_actions_action_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_action_check" CHECK (action IN ('ANSWER_ACCEPTED', 'POST_MARKED_ANSWERED', 'THREAD_RESOLVED', 'THREAD_REOPENED', 'THREAD_LOCKED', 'THREAD_UNLOCKED', 'THREAD_PINNED', 'THREAD_UNPINNED', 'THREAD_MOVED', 'POST_HIDDEN', 'POST_RESTORED', 'FLAGS_DISMISSED', 'IDEA_STATUS_CHANGED', 'IDEA_MERGED', 'ROLE_CHANGED', 'BANNER_PUBLISHED', 'BANNER_TAKEN_DOWN'))`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "closed_at"`);
  }
}
