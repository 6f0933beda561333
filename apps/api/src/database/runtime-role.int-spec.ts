import { Client } from 'pg';
import { runtimeUrl } from '../testing/test-database';
import { ask, reply } from '../testing/threads-fixtures';
import { useCommunity } from '../testing/community';
import { CONTENT_TABLES } from './content-tables';

const { test, space, who } = useCommunity();

/** A statement run as the API's runtime role, on its own connection: the error message, or null. */
async function asRuntime(sql: string, params: unknown[] = []): Promise<string | null> {
  const client = new Client({ connectionString: runtimeUrl(test.databaseUrl) });
  await client.connect();
  try {
    await client.query(sql, params);
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end();
  }
}

async function asOwner<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: test.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('the API’s own database role cannot break the never-delete promise', () => {
  let postId: string;
  beforeAll(async () => {
    const thread = await ask(who.asker.agent, space.help, 'A question the runtime role cannot erase');
    postId = (await reply(who.member.agent, thread.id, 'A reply that stays')).id;
  });

  it('connects the API as a role that owns nothing and is no superuser', async () => {
    const [role] = await test.db.query(
      `SELECT current_user AS name, r.rolsuper AS super, r.rolcreaterole AS createrole, r.rolbypassrls AS bypass
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(role).toEqual({ name: 'parvis_app', super: false, createrole: false, bypass: false });
    const [{ owned }] = await test.db.query(
      `SELECT count(*)::int AS owned FROM pg_class WHERE relnamespace = 'public'::regnamespace
          AND pg_has_role(current_user, relowner, 'USAGE')`,
    );
    expect(owned).toBe(0);
  });

  it.each(CONTENT_TABLES)('refuses DELETE FROM %s to the runtime role', async (table) => {
    expect(await asRuntime(`DELETE FROM ${table} WHERE false`)).toMatch(/permission denied for table/);
  });

  it('refuses TRUNCATE, DISABLE TRIGGER and DROP TRIGGER on posts', async () => {
    expect(await asRuntime('TRUNCATE posts CASCADE')).toMatch(/permission denied for table posts/);
    expect(await asRuntime('ALTER TABLE posts DISABLE TRIGGER ALL')).toMatch(/must be owner of table posts/);
    expect(await asRuntime('ALTER TABLE posts DISABLE TRIGGER posts_never_delete')).toMatch(
      /must be owner of table posts/,
    );
    expect(await asRuntime('DROP TRIGGER posts_never_delete ON posts')).toMatch(
      /must be owner of relation posts/,
    );
    expect(await asRuntime('DROP TABLE post_revisions')).toMatch(/must be owner of table post_revisions/);
  });

  it('refuses session_replication_role (which would skip every trigger)', async () => {
    expect(await asRuntime('SET session_replication_role = replica')).toMatch(
      /permission denied to set parameter/,
    );
  });

  it('refuses rewriting the moderation log and creating objects in the public schema', async () => {
    expect(await asRuntime(`UPDATE moderation_actions SET reason = 'rewritten'`)).toMatch(
      /permission denied/,
    );
    expect(await asRuntime('CREATE TABLE sneaky (id int)')).toMatch(/permission denied for schema public/);
    expect(await asRuntime(`INSERT INTO migrations (timestamp, name) VALUES (1, 'Fake1')`)).toMatch(
      /permission denied/,
    );
  });

  it('may delete from what the app prunes, and nothing else', async () => {
    expect(await asRuntime('DELETE FROM sessions WHERE false')).toBeNull();
    expect(await asRuntime('DELETE FROM rate_limit_hits WHERE false')).toBeNull();
    expect(await asRuntime('DELETE FROM users WHERE false')).toMatch(/permission denied for table users/);
    expect(await asRuntime('DELETE FROM spaces WHERE false')).toMatch(/permission denied for table spaces/);
  });

  it('still refuses DELETE to the owner, through the trigger', async () => {
    await expect(asOwner('DELETE FROM posts WHERE id = $1', [postId])).rejects.toThrow(
      /never deletes from posts/,
    );
  });

  it('gives tables created by later migrations the same grants by default', async () => {
    await asOwner('CREATE TABLE later_table (id int)');
    expect(await asRuntime('INSERT INTO later_table VALUES (1)')).toBeNull();
    expect(await asRuntime('DELETE FROM later_table')).toMatch(/permission denied/);
    await asOwner('DROP TABLE later_table');
  });
});

describe('every change of a post’s body keeps a revision, whoever makes it', () => {
  it('keeps the earlier version of a body changed by direct SQL, dated and signed by the author', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'A question someone will rewrite in SQL',
      'The original words.',
    );
    const [before] = await test.db.query(
      `SELECT body_markdown, body_html, created_at FROM posts WHERE id = $1`,
      [thread.question.id],
    );
    await test.db.query(`UPDATE posts SET body_markdown = '' WHERE id = $1`, [thread.question.id]);
    const revisions = await test.db.query(
      `SELECT r.body_markdown, r.body_html, r.editor_id, r.written_at, p.edited_at, r.created_at
         FROM post_revisions r JOIN posts p ON p.id = r.post_id WHERE r.post_id = $1`,
      [thread.question.id],
    );
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      body_markdown: before.body_markdown,
      body_html: before.body_html,
      editor_id: who.asker.id,
      written_at: before.created_at,
    });
    expect(revisions[0].edited_at).not.toBeNull();
    // The revision is dated when its version was replaced (to the millisecond its column keeps).
    expect(
      Math.abs(revisions[0].created_at.getTime() - revisions[0].edited_at.getTime()),
    ).toBeLessThanOrEqual(1);
  });

  it('writes exactly one revision per edit through the API, and none for an unchanged body or other columns', async () => {
    const thread = await ask(who.asker.agent, space.help, 'A question edited through the app');
    const edit = (bodyMarkdown: string) =>
      who.asker.agent.data(`mutation ($input: EditPostInput!) { editPost(input: $input) { id } }`, {
        input: { postId: thread.question.id, bodyMarkdown },
      });
    await edit('First edit.');
    await edit('First edit.');
    await edit('Second edit.');
    await test.db.query(`UPDATE posts SET thanks_count = thanks_count WHERE id = $1`, [thread.question.id]);
    const revisions = await test.db.query(
      `SELECT body_markdown FROM post_revisions WHERE post_id = $1 ORDER BY created_at`,
      [thread.question.id],
    );
    expect(revisions.map((r: { body_markdown: string }) => r.body_markdown)).toEqual([
      thread.question.bodyMarkdown,
      'First edit.',
    ]);
  });
});
