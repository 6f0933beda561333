import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nobody flags their own post, held by the database: the flag mutation refused it already, and the
 * thread page now relies on it (a viewer's own posts are shown unflagged without asking).
 */
export class FlagsNotOnOwnPosts1795756138067 implements MigrationInterface {
  name = 'FlagsNotOnOwnPosts1795756138067';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION flags_refuse_own_post() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF EXISTS (SELECT 1 FROM posts p WHERE p.id = NEW.post_id AND p.author_id = NEW.member_id) THEN
           RAISE EXCEPTION 'A member does not flag their own post.' USING ERRCODE = 'check_violation', CONSTRAINT = 'flags_not_own_post_check';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER flags_refuse_own_post BEFORE INSERT OR UPDATE OF post_id, member_id ON flags
       FOR EACH ROW EXECUTE FUNCTION flags_refuse_own_post()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER flags_refuse_own_post ON flags`);
    await queryRunner.query(`DROP FUNCTION flags_refuse_own_post()`);
  }
}
