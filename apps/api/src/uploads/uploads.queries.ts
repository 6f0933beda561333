import type { DataSource, EntityManager } from 'typeorm';

/** What decides who may see an upload: its uploader, and the post or private message it belongs to. */
export interface UploadAccessRow {
  id: string;
  uploader_id: string;
  content_type: string;
  post_id: string | null;
  post_author_id: string | null;
  post_hidden_at: Date | null;
  question_author_id: string | null;
  question_hidden_at: Date | null;
  private_message_id: string | null;
  follow_up_asker_id: string | null;
}

/**
 * One statement per photo shown (the hot path of a page full of photos): the upload, its post and
 * that post's question (a thread whose question is hidden hides all its posts), or its private
 * message's follow-up. Read here rather than through threads' services so that serving a photo
 * costs one primary-key lookup and two joins; the visibility rule itself stays threads' and the
 * shared domain's (uploads.service.ts applies canReadPost / canReadPrivateFollowUp to these rows).
 */
export async function uploadAccess(
  db: DataSource | EntityManager,
  id: string,
): Promise<UploadAccessRow | null> {
  const rows: UploadAccessRow[] = await db.query(
    `SELECT u.id, u.uploader_id, u.content_type, u.post_id,
            p.author_id AS post_author_id, p.hidden_at AS post_hidden_at,
            q.author_id AS question_author_id, q.hidden_at AS question_hidden_at,
            u.private_message_id, f.asker_id AS follow_up_asker_id
       FROM uploads u
       LEFT JOIN posts p ON p.id = u.post_id
       LEFT JOIN posts q ON q.thread_id = p.thread_id AND q.is_question
       LEFT JOIN private_messages m ON m.id = u.private_message_id
       LEFT JOIN private_follow_ups f ON f.id = m.follow_up_id
      WHERE u.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}
