import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos in posts (the uploads room). Besides the generated table, by hand:
 * - `uploads` never deleted, like every content table (a hidden post's photo keeps its file and row);
 * - an upload's home: the first post (or private message) of its uploader whose Markdown names
 *   `/uploads/<id>` gets it, by the triggers `posts_attach_uploads` and
 *   `private_messages_attach_uploads` in the same statement as the post, whatever wrote it; only
 *   the uploader's own photos (someone quoting a photo does not take it), and only once
 *   (`uploads_keep_home`): a photo is seen by whoever may read its home.
 */
const UUID_IN_URL = `/uploads/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})`;
const HOMES = [
  ['posts', 'post_id'],
  ['private_messages', 'private_message_id'],
] as const;

export class Uploads1795697026853 implements MigrationInterface {
  name = 'Uploads1795697026853';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "uploads" ("id" uuid NOT NULL, "uploader_id" uuid NOT NULL, "content_type" character varying(40) NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "byte_size" integer NOT NULL, "thumbnail_width" integer NOT NULL, "thumbnail_height" integer NOT NULL, "post_id" uuid, "private_message_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uploads_one_home_check" CHECK (post_id IS NULL OR private_message_id IS NULL), CONSTRAINT "uploads_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "uploads_uploader_id_idx" ON "uploads"  ("uploader_id") `);
    await queryRunner.query(
      `ALTER TABLE "uploads" ADD CONSTRAINT "uploads_uploader_id_fkey" FOREIGN KEY ("uploader_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "uploads" ADD CONSTRAINT "uploads_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "uploads" ADD CONSTRAINT "uploads_private_message_id_fkey" FOREIGN KEY ("private_message_id") REFERENCES "private_messages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // ─── Written by hand ───────────────────────────────────────────────────────────────────
    await queryRunner.query(
      `CREATE TRIGGER uploads_never_delete BEFORE DELETE OR TRUNCATE ON "uploads" FOR EACH STATEMENT EXECUTE FUNCTION parvis_refuse_delete()`,
    );
    await queryRunner.query(`CREATE FUNCTION uploads_keep_home() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF NEW.uploader_id <> OLD.uploader_id
     OR (OLD.post_id IS NOT NULL AND NEW.post_id IS DISTINCT FROM OLD.post_id)
     OR (OLD.private_message_id IS NOT NULL AND NEW.private_message_id IS DISTINCT FROM OLD.private_message_id) THEN
    RAISE EXCEPTION 'A photo stays with its uploader and with the post it was published in.' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER uploads_keep_home BEFORE UPDATE ON "uploads" FOR EACH ROW EXECUTE FUNCTION uploads_keep_home()`,
    );
    for (const [table, column] of HOMES) {
      await queryRunner.query(`CREATE FUNCTION ${table}_attach_uploads() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE uploads SET ${column} = NEW.id
   WHERE post_id IS NULL AND private_message_id IS NULL AND uploader_id = NEW.author_id
     AND id IN (SELECT m[1]::uuid FROM regexp_matches(NEW.body_markdown, '${UUID_IN_URL}', 'g') AS m);
  RETURN NULL;
END $$`);
      // Only bodies that name an upload pay for the trigger.
      await queryRunner.query(
        `CREATE TRIGGER ${table}_attach_uploads AFTER INSERT OR UPDATE OF body_markdown ON "${table}" FOR EACH ROW WHEN (NEW.body_markdown LIKE '%/uploads/%') EXECUTE FUNCTION ${table}_attach_uploads()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of HOMES) {
      await queryRunner.query(`DROP TRIGGER ${table}_attach_uploads ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION ${table}_attach_uploads()`);
    }
    await queryRunner.query(`DROP TRIGGER uploads_keep_home ON "uploads"`);
    await queryRunner.query(`DROP FUNCTION uploads_keep_home()`);
    await queryRunner.query(`DROP TRIGGER uploads_never_delete ON "uploads"`);
    await queryRunner.query(`ALTER TABLE "uploads" DROP CONSTRAINT "uploads_private_message_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "uploads" DROP CONSTRAINT "uploads_post_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "uploads" DROP CONSTRAINT "uploads_uploader_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."uploads_uploader_id_idx"`);
    await queryRunner.query(`DROP TABLE "uploads"`);
  }
}
