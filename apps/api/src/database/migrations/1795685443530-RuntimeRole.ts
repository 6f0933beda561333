import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (privileges are not in the entities). The API connects as a member of
 * `parvis_runtime`, which owns nothing of Parvis's: it may read, insert and update every table,
 * delete only from the non-content tables the app prunes (sessions, account tokens, rate-limit
 * counters, unsubscribes), never TRUNCATE, and, not owning the tables, never disable or drop a
 * trigger. Tables created by later migrations (run by this same owner) get the same grants by
 * default. (pg-boss's schema is handed to the runtime after the migrations: database/queue-schema.ts.)
 */
export class RuntimeRole1795685443530 implements MigrationInterface {
  name = 'RuntimeRole1795685443530';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parvis_runtime') THEN
        CREATE ROLE parvis_runtime NOLOGIN;
      END IF;
    END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO parvis_runtime`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO parvis_runtime`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO parvis_runtime`);
    await queryRunner.query(`REVOKE INSERT, UPDATE ON "migrations" FROM parvis_runtime`);
    await queryRunner.query(`REVOKE UPDATE ON "moderation_actions" FROM parvis_runtime`);
    await queryRunner.query(
      `GRANT DELETE ON "sessions", "account_tokens", "rate_limit_hits", "mail_unsubscribes" TO parvis_runtime`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO parvis_runtime`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO parvis_runtime`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM parvis_runtime`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE ON TABLES FROM parvis_runtime`,
    );
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM parvis_runtime`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM parvis_runtime`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM parvis_runtime`);
  }
}
