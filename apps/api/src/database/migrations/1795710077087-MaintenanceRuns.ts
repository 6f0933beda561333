import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `maintenance_runs`: the start-up jobs that ran to their end on this database, by name and
 * version (database/run-once.ts), so that a start skips them.
 */
export class MaintenanceRuns1795710077087 implements MigrationInterface {
  name = 'MaintenanceRuns1795710077087';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "maintenance_runs" ("name" character varying(100) NOT NULL, "version" integer NOT NULL, "ran_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "maintenance_runs_pkey" PRIMARY KEY ("name", "version"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "maintenance_runs"`);
  }
}
