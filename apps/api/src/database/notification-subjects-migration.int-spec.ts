import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';
import { NotificationSubjects1795675168925 } from './migrations/1795675168925-NotificationSubjects';
import { createDatabase } from '../testing/test-app';

/** A database as it was before notifications had subjects, holding one notice about an idea. */
async function databaseWithAnIdeaNotice(): Promise<{ db: DataSource; ideaId: string; noticeId: string }> {
  const url = await createDatabase();
  // The migrations before it, then it alone: later ones build on what it made.
  const upTo = MIGRATIONS.indexOf(NotificationSubjects1795675168925);
  const before = MIGRATIONS.slice(0, upTo);
  const db = await new DataSource({ ...dataSourceOptions(url, []), migrations: before }).initialize();
  await db.runMigrations({ transaction: 'each' });
  const [user] = await db.query(
    `INSERT INTO users (email, display_name, password_hash) VALUES ('ada@parvis.test', 'Ada', 'x') RETURNING id`,
  );
  const [space] = await db.query(
    `INSERT INTO spaces (slug, name, kind, position) VALUES ('ideas', 'Idea box', 'IDEAS', 1) RETURNING id`,
  );
  const [thread] = await db.query(
    `INSERT INTO threads (space_id, author_id, title, language) VALUES ($1, $2, 'Oat milk', 'en') RETURNING id`,
    [space.id, user.id],
  );
  const [idea] = await db.query(`INSERT INTO ideas (thread_id) VALUES ($1) RETURNING id`, [thread.id]);
  const [notice] = await db.query(
    `INSERT INTO notifications (user_id, kind, idea_id, data) VALUES ($1, 'IDEA_STATUS_CHANGED', $2, '{}') RETURNING id`,
    [user.id, idea.id],
  );
  await db.destroy();
  const migrated = await new DataSource({
    ...dataSourceOptions(url, []),
    migrations: MIGRATIONS.slice(0, upTo + 1),
  }).initialize();
  return { db: migrated, ideaId: idea.id, noticeId: notice.id };
}

describe('the NotificationSubjects migration', () => {
  it('turns every notice about an idea into a notice whose subject is that idea, and back', async () => {
    const { db, ideaId, noticeId } = await databaseWithAnIdeaNotice();
    try {
      expect(await db.runMigrations({ transaction: 'each' })).toHaveLength(1);
      expect(await db.query(`SELECT id, subject_type, subject_id FROM notifications`)).toEqual([
        { id: noticeId, subject_type: 'IDEA', subject_id: ideaId },
      ]);

      await db.undoLastMigration({ transaction: 'each' });
      expect(await db.query(`SELECT id, idea_id FROM notifications`)).toEqual([
        { id: noticeId, idea_id: ideaId },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
