import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who resolved a thread, and the rule that needs it, in the database: the asker may close their own
 * question, anyone else must first answer every complaint in it (a negative post not marked
 * answered, not hidden, not official, not a question with an accepted answer, and followed by no
 * visible reply from someone else). The rule lived only in the service; now a resolve typed in psql
 * or written by any future path is held to it too. Existing resolved threads get their resolver from
 * the public log (a moderator's resolve is logged at the very time it set), else their asker (an
 * asker's own resolve is not logged).
 */
export class ThreadsResolvedBy1795721644221 implements MigrationInterface {
  name = 'ThreadsResolvedBy1795721644221';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "threads" ADD "resolved_by_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "threads" ADD CONSTRAINT "threads_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `UPDATE threads t SET resolved_by_id = COALESCE(
         (SELECT m.actor_id FROM moderation_actions m
           WHERE m.target_id = t.id AND m.action = 'THREAD_RESOLVED'
             AND m.created_at = date_trunc('milliseconds', t.resolved_at)
           ORDER BY m.created_at DESC, m.id DESC LIMIT 1),
         t.author_id)
        WHERE t.status = 'RESOLVED'`,
    );
    await queryRunner.query(
      `CREATE FUNCTION threads_resolve_answered_complaints() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.resolved_by_id IS DISTINCT FROM NEW.author_id AND EXISTS (
              SELECT 1 FROM posts p
               WHERE p.thread_id = NEW.id AND p.tone = 'NEGATIVE' AND p.answered_by_post_id IS NULL
                 AND p.hidden_at IS NULL AND NOT p.is_official
                 AND (NOT p.is_question OR NEW.accepted_answer_id IS NULL)
                 AND NOT EXISTS (
                   SELECT 1 FROM posts r
                    WHERE r.thread_id = p.thread_id AND NOT r.is_question AND r.hidden_at IS NULL
                      AND r.author_id <> p.author_id AND (r.created_at, r.id) > (p.created_at, p.id))) THEN
           RAISE EXCEPTION 'A negative post in this thread has no answer yet: answer it before resolving the thread.'
             USING ERRCODE = 'check_violation', CONSTRAINT = 'threads_resolve_answered_complaints_check';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER threads_resolve_answered_complaints BEFORE UPDATE OF status ON threads
       FOR EACH ROW WHEN (NEW.status = 'RESOLVED' AND OLD.status <> 'RESOLVED')
       EXECUTE FUNCTION threads_resolve_answered_complaints()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER threads_resolve_answered_complaints ON threads`);
    await queryRunner.query(`DROP FUNCTION threads_resolve_answered_complaints()`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "threads_resolved_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP COLUMN "resolved_by_id"`);
  }
}
