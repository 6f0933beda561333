import { DataSource, EntityManager } from 'typeorm';
import { User } from './user.entity';

/** A user's columns, each named as its property: the same row as the repository gives. */
const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.password_hash AS "passwordHash", u.role,
  u.reputation, u.locale, u.created_at AS "createdAt", u.email_confirmed_at AS "emailConfirmedAt",
  u.closed_at AS "closedAt"`;

/**
 * The user of the open session (not revoked, not expired at `now`) whose token hashes to
 * `tokenHash`, or null. Hand-written: it runs before every signed-in request, and TypeORM's query
 * builder and entity hydration cost more than the statement itself (a profile of the signed-in
 * thread page).
 */
export async function sessionUserRow(
  db: DataSource | EntityManager,
  tokenHash: string,
  now: Date,
): Promise<User | null> {
  const [row] = await db.query<User[]>(
    `SELECT ${USER_COLUMNS} FROM "sessions" s JOIN "users" u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
    [tokenHash, now],
  );
  return row ? Object.assign(new User(), row) : null;
}
