import type { EntityManager } from 'typeorm';

/**
 * SQL condition on `posts p` joined to its `threads t`: a negative post nobody has answered yet
 * (not marked answered, not hidden, not official; a question with an accepted answer is answered).
 * The moderation queue lists these; resolving their thread first is what the product prevents.
 */
export const NEGATIVE_UNANSWERED_SQL = `p.tone = 'NEGATIVE' AND p.answered_by_post_id IS NULL
  AND p.hidden_at IS NULL AND NOT p.is_official AND (NOT p.is_question OR t.accepted_answer_id IS NULL)`;

/**
 * The first negative post of the thread that has not been answered in any way: neither marked
 * answered nor followed by a visible reply from someone other than its author. Null when every
 * complaint has an answer, and the thread may be resolved.
 */
export async function unansweredComplaint(tx: EntityManager, threadId: string): Promise<string | null> {
  const rows: { id: string }[] = await tx.query(
    `SELECT p.id FROM posts p JOIN threads t ON t.id = p.thread_id
      WHERE p.thread_id = $1 AND ${NEGATIVE_UNANSWERED_SQL}
        AND NOT EXISTS (
          SELECT 1 FROM posts r
           WHERE r.thread_id = p.thread_id AND NOT r.is_question AND r.hidden_at IS NULL
             AND r.author_id <> p.author_id AND (r.created_at, r.id) > (p.created_at, p.id))
      ORDER BY p.created_at, p.id LIMIT 1`,
    [threadId],
  );
  return rows[0]?.id ?? null;
}
