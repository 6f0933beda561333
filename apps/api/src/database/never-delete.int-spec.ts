import { Client } from 'pg';
import { CONTENT_TABLES } from './content-tables';
import { ask, reply } from '../testing/threads-fixtures';
import { useTestApp } from '../testing/test-app';
import { people, spaces } from '../testing/community';

const test = useTestApp();

/**
 * Run as the tables' owner: the API's own role is refused DELETE and TRUNCATE by its privileges
 * already (runtime-role.int-spec.ts); the trigger is what holds against the owner.
 */
async function refusal(sql: string, params: unknown[] = []): Promise<string | null> {
  const owner = new Client({ connectionString: test.databaseUrl });
  await owner.connect();
  try {
    await owner.query(sql, params);
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await owner.end();
  }
}

describe('the database itself never deletes content', () => {
  let threadId: string;
  let postId: string;
  beforeAll(async () => {
    const space = await spaces(test);
    const who = await people(test);
    const thread = await ask(who.asker.agent, space.help, 'A question that will stay forever');
    threadId = thread.id;
    postId = (await reply(who.member.agent, thread.id, 'A reply that will stay forever')).id;
    await who.member.agent.data(`mutation ($input: FlagInput!) { flag(input: $input) { id } }`, {
      input: { targetId: thread.question.id, reason: 'SPAM' },
    });
    await who.moderator.agent.data(
      `mutation ($input: LockThreadInput!) { lockThread(input: $input) { id } }`,
      { input: { threadId, reason: 'Kept for the record' } },
    );
  });

  it('refuses DELETE FROM posts, and the posts stay', async () => {
    expect(await refusal('DELETE FROM posts')).toMatch(/never deletes from posts/);
    expect(await refusal('DELETE FROM posts WHERE id = $1', [postId])).toMatch(/never deletes from posts/);
    expect(
      Number((await test.db.query('SELECT count(*) FROM posts WHERE thread_id = $1', [threadId]))[0].count),
    ).toBe(2);
  });

  it('guards exactly the content tables: each of them, and no other table, carries the never-delete trigger', async () => {
    const guarded: { table: string }[] = await test.db.query(
      `SELECT DISTINCT c.relname AS table
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc f ON f.oid = t.tgfoid
        WHERE f.proname = 'parvis_refuse_delete' AND NOT t.tgisinternal`,
    );
    expect(guarded.map((row) => row.table).sort()).toEqual([...CONTENT_TABLES].sort());
  });

  it.each(CONTENT_TABLES)('refuses any DELETE FROM %s, even one matching no row', async (table) => {
    expect(await refusal(`DELETE FROM ${table} WHERE false`)).toMatch(
      new RegExp(`never deletes from ${table}`),
    );
  });

  it('refuses deleting a thread, a flag or a moderation log entry', async () => {
    expect(await refusal('DELETE FROM threads WHERE id = $1', [threadId])).toMatch(
      /never deletes from threads/,
    );
    expect(await refusal('DELETE FROM flags')).toMatch(/never deletes from flags/);
    expect(await refusal('DELETE FROM moderation_actions')).toMatch(/never deletes from moderation_actions/);
  });

  it.each(CONTENT_TABLES)('refuses TRUNCATE %s', async (table) => {
    expect(await refusal(`TRUNCATE ${table} CASCADE`)).toMatch(/never deletes from/);
  });

  it('keeps the moderation log append-only: UPDATE is refused and the entry is unchanged', async () => {
    const [entry] = await test.db.query(
      `SELECT id, reason FROM moderation_actions WHERE action = 'THREAD_LOCKED'`,
    );
    expect(
      await refusal(`UPDATE moderation_actions SET reason = 'rewritten' WHERE id = $1`, [entry.id]),
    ).toMatch(/append-only/);
    expect(
      (await test.db.query('SELECT reason FROM moderation_actions WHERE id = $1', [entry.id]))[0].reason,
    ).toBe('Kept for the record');
  });

  it('offers no mutation that deletes or removes anything', async () => {
    const { data } = await test
      .agent()
      .request<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
        `{ __schema { mutationType { fields { name } } } }`,
      );
    const names = data!.__schema.mutationType.fields.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['hidePost', 'restorePost', 'flag', 'markAnswered']));
    expect(names.filter((n) => /^(delete|remove|destroy|purge|erase)/i.test(n))).toEqual([]);
  });
});
