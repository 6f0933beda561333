import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who resolved a thread is kept only while it is resolved: a reopen clears it, in every writer. */
export class ThreadsResolvedByWhileResolved1795729694663 implements MigrationInterface {
  name = 'ThreadsResolvedByWhileResolved1795729694663';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "threads" ADD CONSTRAINT "threads_resolved_by_check" CHECK (status = 'RESOLVED' OR resolved_by_id IS NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "threads_resolved_by_check"`);
  }
}
