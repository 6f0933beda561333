import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ideas live in idea spaces: the moderators' move refuses to take a thread into or out of the idea
 * box (a duplicate idea is merged instead), and these triggers hold the same rule for every writer
 * of the database — a thread never changes between an idea space and another kind, an idea is only
 * attached to a thread of an idea space, and a space that holds threads keeps its kind's side of
 * that line. A move between two idea spaces stays possible (their counts follow it). Not held here:
 * a thread written straight into an idea space without its idea (the idea row comes second, in the
 * same transaction, and bulk loads write them apart); asking a question there is refused by the service.
 */
export class IdeasStayInIdeaSpaces1795721189667 implements MigrationInterface {
  name = 'IdeasStayInIdeaSpaces1795721189667';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION threads_idea_space_check() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF (SELECT kind = 'IDEAS' FROM spaces WHERE id = OLD.space_id)
            IS DISTINCT FROM (SELECT kind = 'IDEAS' FROM spaces WHERE id = NEW.space_id) THEN
           RAISE EXCEPTION 'Ideas live in idea spaces: a thread never moves into or out of one.'
             USING ERRCODE = 'check_violation', CONSTRAINT = 'threads_idea_space_check';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER threads_idea_space_check BEFORE UPDATE OF space_id ON threads
       FOR EACH ROW WHEN (OLD.space_id IS DISTINCT FROM NEW.space_id) EXECUTE FUNCTION threads_idea_space_check()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION ideas_idea_space_check() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NOT EXISTS (SELECT 1 FROM threads t JOIN spaces s ON s.id = t.space_id
                         WHERE t.id = NEW.thread_id AND s.kind = 'IDEAS') THEN
           RAISE EXCEPTION 'An idea''s thread belongs to an idea space.'
             USING ERRCODE = 'check_violation', CONSTRAINT = 'ideas_idea_space_check';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ideas_idea_space_check BEFORE INSERT OR UPDATE OF thread_id ON ideas
       FOR EACH ROW EXECUTE FUNCTION ideas_idea_space_check()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION spaces_kind_kept_check() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF (OLD.kind = 'IDEAS') <> (NEW.kind = 'IDEAS') AND EXISTS (SELECT 1 FROM threads WHERE space_id = NEW.id) THEN
           RAISE EXCEPTION 'A space that holds threads keeps its kind: ideas live in idea spaces, and only ideas do.'
             USING ERRCODE = 'check_violation', CONSTRAINT = 'spaces_kind_kept_check';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER spaces_kind_kept_check BEFORE UPDATE OF kind ON spaces
       FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION spaces_kind_kept_check()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER spaces_kind_kept_check ON spaces`);
    await queryRunner.query(`DROP FUNCTION spaces_kind_kept_check()`);
    await queryRunner.query(`DROP TRIGGER ideas_idea_space_check ON ideas`);
    await queryRunner.query(`DROP FUNCTION ideas_idea_space_check()`);
    await queryRunner.query(`DROP TRIGGER threads_idea_space_check ON threads`);
    await queryRunner.query(`DROP FUNCTION threads_idea_space_check()`);
  }
}
