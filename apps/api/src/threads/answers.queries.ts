import { DataSource, EntityManager } from 'typeorm';

export interface Contributions {
  userId: string;
  thanksReceived: number;
  acceptedAnswers: number;
}

/** Thanks received and accepted answers of many people (those with no post are left out). */
export async function contributionsOf(
  db: DataSource | EntityManager,
  userIds: readonly string[],
): Promise<Contributions[]> {
  const rows: { user_id: string; thanks: string; accepted: string }[] = await db.query(
    `SELECT p.author_id AS user_id, COALESCE(SUM(p.thanks_count), 0) AS thanks, COUNT(t.id) AS accepted
       FROM posts p LEFT JOIN threads t ON t.accepted_answer_id = p.id
      WHERE p.author_id = ANY($1) GROUP BY p.author_id`,
    [[...userIds]],
  );
  return rows.map((r) => ({
    userId: r.user_id,
    thanksReceived: Number(r.thanks),
    acceptedAnswers: Number(r.accepted),
  }));
}
