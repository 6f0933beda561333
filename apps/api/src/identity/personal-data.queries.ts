import { EntityManager } from 'typeorm';

/**
 * The personal-data export and the erasure of a closed account. Both span every table that
 * holds a person's rows, which is why this one file reads (and, for the erasure, updates) other
 * rooms' tables by name: the list of what Parvis stores about someone must be in one place to
 * be complete. Nothing here deletes; nothing here reads another person's private rows.
 */

/** One document: everything the person wrote and everything stored about them (never a secret: no password or token hash). */
export async function personalData(tx: EntityManager, userId: string): Promise<Record<string, unknown>> {
  const rows = await tx.query<{ data: Record<string, unknown> }[]>(
    `SELECT jsonb_build_object(
       'account', (SELECT to_jsonb(u) - 'password_hash' FROM users u WHERE u.id = $1),
       'sessions', (SELECT coalesce(jsonb_agg(to_jsonb(s) - 'token_hash' ORDER BY s.created_at), '[]')
                      FROM sessions s WHERE s.user_id = $1),
       'threads', (SELECT coalesce(jsonb_agg(to_jsonb(t) - 'search_vector' ORDER BY t.created_at), '[]')
                     FROM threads t WHERE t.author_id = $1),
       'posts', (SELECT coalesce(jsonb_agg(to_jsonb(p) - 'search_vector' ORDER BY p.created_at), '[]')
                   FROM posts p WHERE p.author_id = $1),
       'postRevisions', (SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.created_at), '[]')
                           FROM post_revisions r JOIN posts p ON p.id = r.post_id WHERE p.author_id = $1),
       'ideas', (SELECT coalesce(jsonb_agg(to_jsonb(i) ORDER BY i.created_at), '[]')
                   FROM ideas i JOIN threads t ON t.id = i.thread_id WHERE t.author_id = $1),
       'votes', (SELECT coalesce(jsonb_agg(to_jsonb(v) ORDER BY v.created_at), '[]')
                   FROM idea_votes v WHERE v.user_id = $1),
       'thanksGiven', (SELECT coalesce(jsonb_agg(to_jsonb(k) ORDER BY k.created_at), '[]')
                         FROM thanks k WHERE k.user_id = $1),
       'follows', (SELECT coalesce(jsonb_agg(to_jsonb(f) ORDER BY f.created_at), '[]')
                     FROM follows f WHERE f.user_id = $1),
       'notifications', (SELECT coalesce(jsonb_agg(to_jsonb(n) ORDER BY n.created_at), '[]')
                           FROM notifications n WHERE n.user_id = $1),
       'notificationPreferences', (SELECT coalesce(jsonb_agg(to_jsonb(np) ORDER BY np.kind), '[]')
                                     FROM notification_preferences np WHERE np.user_id = $1),
       'notificationSettings', (SELECT to_jsonb(ns) FROM notification_settings ns WHERE ns.user_id = $1),
       'flagsRaised', (SELECT coalesce(jsonb_agg(to_jsonb(fl) ORDER BY fl.created_at), '[]')
                         FROM flags fl WHERE fl.member_id = $1),
       'privateFollowUps', (SELECT coalesce(jsonb_agg(to_jsonb(pf) ORDER BY pf.created_at), '[]')
                              FROM private_follow_ups pf WHERE pf.asker_id = $1 OR pf.agent_id = $1),
       'privateMessagesWritten', (SELECT coalesce(jsonb_agg(to_jsonb(pm) ORDER BY pm.created_at), '[]')
                                    FROM private_messages pm WHERE pm.author_id = $1),
       'mailsSent', (SELECT coalesce(jsonb_agg(to_jsonb(m) - ARRAY['params', 'sealed_params', 'idempotency_key']
                                               ORDER BY m.created_at), '[]')
                       FROM mail_outbox m WHERE m.recipient_user_id = $1),
       'mailUnsubscribes', (SELECT coalesce(jsonb_agg(to_jsonb(mu) ORDER BY mu.created_at), '[]')
                              FROM mail_unsubscribes mu WHERE mu.user_id = $1),
       'moderationActionsTaken', (SELECT coalesce(jsonb_agg(to_jsonb(a) ORDER BY a.created_at), '[]')
                                    FROM moderation_actions a WHERE a.actor_id = $1),
       -- Each photo's file is at /uploads/<id>, readable by its uploader.
       'photos', (SELECT coalesce(jsonb_agg(to_jsonb(up) ORDER BY up.created_at), '[]')
                    FROM uploads up WHERE up.uploader_id = $1)
     ) AS data`,
    [userId],
  );
  return rows[0].data;
}

/**
 * What identifies a closing account outside its users row: the network addresses and browsers
 * of its sessions (revoked too), its pending account links, the address and contents of mails
 * to it (a mail still waiting is not sent), and its follows (it hears of nothing any more).
 */
export async function eraseTraces(
  tx: EntityManager,
  userId: string,
  placeholder: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE sessions SET revoked_at = coalesce(revoked_at, $2), ip_address = NULL, user_agent = NULL WHERE user_id = $1`,
    [userId, at],
  );
  await tx.query(
    `UPDATE account_tokens SET used_at = coalesce(used_at, $2), email = NULL WHERE user_id = $1`,
    [userId, at],
  );
  await tx.query(
    `UPDATE caught_mails c SET to_address = $2, subject = '', text = '', html = '', headers = '{}'
       FROM mail_outbox m WHERE m.id = c.outbox_id AND m.recipient_user_id = $1`,
    [userId, placeholder],
  );
  await tx.query(
    `UPDATE mail_outbox SET to_address = $2, params = '{}', sealed_params = NULL,
            status = CASE status WHEN 'PENDING' THEN 'FAILED' ELSE status END,
            last_error = CASE status WHEN 'PENDING' THEN 'Not sent: the account was closed.' ELSE last_error END
      WHERE recipient_user_id = $1`,
    [userId, placeholder],
  );
  await tx.query(`UPDATE follows SET following = false WHERE user_id = $1`, [userId]);
}
