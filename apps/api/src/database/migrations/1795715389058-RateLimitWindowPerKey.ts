import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate limits count in one window per key, begun at the key's first counted attempt, instead of
 * windows aligned to the clock: an aligned window let a burst that straddled its boundary have
 * twice the limit (the sign-in test's 40 simultaneous guesses got 20 tries once, on a loaded
 * machine). Only each key's newest window is kept: the counters are throttling state, not anyone's
 * content, and an older window no longer counts for anything.
 */
export class RateLimitWindowPerKey1795715389058 implements MigrationInterface {
  name = 'RateLimitWindowPerKey1795715389058';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "rate_limit_hits" older USING "rate_limit_hits" newer WHERE older."key" = newer."key" AND older."window_start" < newer."window_start"`,
    );
    await queryRunner.query(`ALTER TABLE "rate_limit_hits" DROP CONSTRAINT "rate_limit_hits_pkey"`);
    await queryRunner.query(
      `ALTER TABLE "rate_limit_hits" ADD CONSTRAINT "rate_limit_hits_pkey" PRIMARY KEY ("key")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rate_limit_hits" DROP CONSTRAINT "rate_limit_hits_pkey"`);
    await queryRunner.query(
      `ALTER TABLE "rate_limit_hits" ADD CONSTRAINT "rate_limit_hits_pkey" PRIMARY KEY ("key", "window_start")`,
    );
  }
}
