import { MigrationInterface, QueryRunner } from 'typeorm';

export class SpaceTranslations1795697067577 implements MigrationInterface {
  name = 'SpaceTranslations1795697067577';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "spaces" ADD "language" character varying(2) NOT NULL DEFAULT 'en'`);
    await queryRunner.query(`ALTER TABLE "spaces" ADD "translations" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "spaces" ADD CONSTRAINT "spaces_translations_check" CHECK (jsonb_typeof(translations) = 'object' AND translations - 'fr' - 'en' - 'es' = '{}'::jsonb
   AND NOT jsonb_path_exists(translations, 'lax $.* ? (!(@.name like_regex "^.{1,80}$" flag "s" && @.description.type() == "string"))'))`);
    await queryRunner.query(
      `ALTER TABLE "spaces" ADD CONSTRAINT "spaces_language_check" CHECK (language IN ('fr', 'en', 'es'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "spaces" DROP CONSTRAINT "spaces_language_check"`);
    await queryRunner.query(`ALTER TABLE "spaces" DROP CONSTRAINT "spaces_translations_check"`);
    await queryRunner.query(`ALTER TABLE "spaces" DROP COLUMN "translations"`);
    await queryRunner.query(`ALTER TABLE "spaces" DROP COLUMN "language"`);
  }
}
