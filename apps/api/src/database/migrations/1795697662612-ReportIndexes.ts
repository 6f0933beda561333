import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportIndexes1795697662612 implements MigrationInterface {
  name = 'ReportIndexes1795697662612';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."posts_negative_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."posts_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."idea_votes_created_idx"`);
    await queryRunner.query(
      `CREATE INDEX "posts_negative_created_idx" ON "posts"  ("created_at", "thread_id", "answered_at") WHERE tone = 'NEGATIVE'`,
    );
    await queryRunner.query(
      `CREATE INDEX "posts_created_idx" ON "posts"  ("created_at", "thread_id", "author_id", "is_question") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idea_votes_created_idx" ON "idea_votes"  ("created_at", "idea_id") WHERE withdrawn_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idea_votes_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."posts_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."posts_negative_created_idx"`);
    await queryRunner.query(
      `CREATE INDEX "idea_votes_created_idx" ON "idea_votes" USING btree ("created_at") WHERE (withdrawn_at IS NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "posts_created_idx" ON "posts" USING btree ("created_at") `);
    await queryRunner.query(
      `CREATE INDEX "posts_negative_created_idx" ON "posts" USING btree ("created_at") WHERE ((tone)::text = 'NEGATIVE'::text)`,
    );
  }
}
