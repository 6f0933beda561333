import { MigrationInterface, QueryRunner } from 'typeorm';

const LANGUAGES = [
  ['fr', 'french'],
  ['en', 'english'],
  ['es', 'spanish'],
] as const;

/**
 * Full-text search in the thread's language, accent-insensitive (DESIGN.md §3): one text search
 * configuration per language that strips accents (unaccent) before stemming, so "bloquee" finds
 * "bloquée" and highlights work on the original text. Threads index their title and posts their
 * plain text, each through a trigger that picks the thread's language; GIN indexes serve `@@`.
 */
export class AddSearch1795456878738 implements MigrationInterface {
  name = 'AddSearch1795456878738';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "posts" ADD "search_vector" tsvector`);
    await queryRunner.query(`ALTER TABLE "threads" ADD "search_vector" tsvector`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    for (const [, name] of LANGUAGES) {
      await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION parvis_${name} (COPY = pg_catalog.${name})`);
      await queryRunner.query(
        `ALTER TEXT SEARCH CONFIGURATION parvis_${name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${name}_stem`,
      );
    }
    await queryRunner.query(
      `CREATE FUNCTION parvis_search_config(language varchar) RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
         SELECT CASE language ${LANGUAGES.map(([code, name]) => `WHEN '${code}' THEN 'parvis_${name}'::regconfig`).join(' ')} ELSE 'parvis_english'::regconfig END
       $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION threads_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.search_vector := to_tsvector(parvis_search_config(NEW.language), NEW.title);
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER threads_search_vector_update BEFORE INSERT OR UPDATE OF title, language ON threads
       FOR EACH ROW EXECUTE FUNCTION threads_search_vector_update()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION posts_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.search_vector := to_tsvector(parvis_search_config((SELECT language FROM threads WHERE id = NEW.thread_id)), NEW.body_text);
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER posts_search_vector_update BEFORE INSERT OR UPDATE OF body_text, thread_id ON posts
       FOR EACH ROW EXECUTE FUNCTION posts_search_vector_update()`,
    );
    // A thread whose language changes re-indexes its posts in that language.
    await queryRunner.query(
      `CREATE FUNCTION threads_language_reindex_posts() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE posts SET search_vector = to_tsvector(parvis_search_config(NEW.language), body_text) WHERE thread_id = NEW.id;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER threads_language_reindex_posts AFTER UPDATE OF language ON threads
       FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language) EXECUTE FUNCTION threads_language_reindex_posts()`,
    );
    await queryRunner.query(`UPDATE threads SET title = title`);
    await queryRunner.query(`UPDATE posts SET body_text = body_text`);
    await queryRunner.query(
      `CREATE INDEX "threads_search_vector_idx" ON "threads" USING gin ("search_vector")`,
    );
    await queryRunner.query(`CREATE INDEX "posts_search_vector_idx" ON "posts" USING gin ("search_vector")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."posts_search_vector_idx"`);
    await queryRunner.query(`DROP INDEX "public"."threads_search_vector_idx"`);
    await queryRunner.query(`DROP TRIGGER threads_language_reindex_posts ON threads`);
    await queryRunner.query(`DROP FUNCTION threads_language_reindex_posts()`);
    await queryRunner.query(`DROP TRIGGER posts_search_vector_update ON posts`);
    await queryRunner.query(`DROP FUNCTION posts_search_vector_update()`);
    await queryRunner.query(`DROP TRIGGER threads_search_vector_update ON threads`);
    await queryRunner.query(`DROP FUNCTION threads_search_vector_update()`);
    await queryRunner.query(`DROP FUNCTION parvis_search_config(varchar)`);
    for (const [, name] of LANGUAGES)
      await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION parvis_${name}`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS unaccent`);
    await queryRunner.query(`ALTER TABLE "threads" DROP COLUMN "search_vector"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "search_vector"`);
  }
}
