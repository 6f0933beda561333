import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * By hand (the generator does not see these indexes, created by hand in AddSearch): drops the GIN
 * indexes of posts.search_vector and threads.search_vector. Search and similar threads match the
 * per-thread documents (thread_search_documents, indexed there); the posts' and titles' vectors
 * are still kept, as what those documents are built from and to pick a result's best post among
 * its thread's few posts, which needs no index. Each index cost every reply, edit and title change
 * an update of a GIN index over a million rows.
 */
export class DropPostSearchIndexes1795697807308 implements MigrationInterface {
  name = 'DropPostSearchIndexes1795697807308';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."posts_search_vector_idx"`);
    await queryRunner.query(`DROP INDEX "public"."threads_search_vector_idx"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "threads_search_vector_idx" ON "threads" USING gin ("search_vector")`,
    );
    await queryRunner.query(`CREATE INDEX "posts_search_vector_idx" ON "posts" USING gin ("search_vector")`);
  }
}
