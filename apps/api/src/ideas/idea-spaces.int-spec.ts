import { useCommunity } from '../testing/community';
import { submitIdea } from '../testing/ideas-fixtures';
import { ask } from '../testing/threads-fixtures';

const { test, space, who } = useCommunity();

/** PostgreSQL refusing the write with this check (raised by a trigger, named like a constraint). */
const refusedBy = (constraint: string) => ({ driverError: { code: '23514', constraint } });
const threadOf = async (ideaId: string): Promise<string> =>
  (await test.db.query(`SELECT thread_id FROM ideas WHERE id = $1`, [ideaId]))[0].thread_id;
const spaceOf = async (threadId: string): Promise<string> =>
  (await test.db.query(`SELECT space_id FROM threads WHERE id = $1`, [threadId]))[0].space_id;

// The moderators' move already refuses these (moderation.int-spec.ts); the database refuses them
// to every other writer too: a script, a migration, a future service.
describe('ideas never leave idea spaces, and questions never move in, whoever writes', () => {
  it('an idea’s thread never moves out of the idea box', async () => {
    const idea = await submitIdea(who.member.agent);
    const threadId = await threadOf(idea.id);
    await expect(
      test.db.query(`UPDATE threads SET space_id = $2 WHERE id = $1`, [threadId, space.help]),
    ).rejects.toMatchObject(refusedBy('threads_idea_space_check'));
    expect(await spaceOf(threadId)).toBe(space.ideas);
  });

  it('a question never moves into the idea box, while moving between help spaces stays possible', async () => {
    const question = await ask(who.asker.agent, space.help, 'Where is my parcel today?');
    await expect(
      test.db.query(`UPDATE threads SET space_id = $2 WHERE id = $1`, [question.id, space.ideas]),
    ).rejects.toMatchObject(refusedBy('threads_idea_space_check'));
    expect(await spaceOf(question.id)).toBe(space.help);

    await test.db.query(`UPDATE threads SET space_id = $2 WHERE id = $1`, [question.id, space.fast]);
    expect(await spaceOf(question.id)).toBe(space.fast);
  });

  it('an idea is attached only to a thread of an idea space', async () => {
    const question = await ask(who.asker.agent, space.help, 'Can I pay with a gift card?');
    await expect(
      test.db.query(`INSERT INTO ideas (thread_id) VALUES ($1)`, [question.id]),
    ).rejects.toMatchObject(refusedBy('ideas_idea_space_check'));
    const idea = await submitIdea(who.member.agent);
    await expect(
      test.db.query(`UPDATE ideas SET thread_id = $2 WHERE id = $1`, [idea.id, question.id]),
    ).rejects.toMatchObject(refusedBy('ideas_idea_space_check'));
  });

  it('a space that holds threads keeps its side of the line; an empty one may change kind', async () => {
    await ask(who.asker.agent, space.help, 'Does the shop open on Sundays?');
    await expect(
      test.db.query(`UPDATE spaces SET kind = 'IDEAS' WHERE id = $1`, [space.help]),
    ).rejects.toMatchObject(refusedBy('spaces_kind_kept_check'));
    await expect(
      test.db.query(`UPDATE spaces SET kind = 'HELP' WHERE id = $1`, [space.ideas]),
    ).rejects.toMatchObject(refusedBy('spaces_kind_kept_check'));
    // Help and announcements are on the same side: both hold conversations, neither holds ideas.
    await test.db.query(`UPDATE spaces SET kind = 'ANNOUNCEMENTS' WHERE id = $1`, [space.fast]);
    const [{ id: empty }] = await test.db.query(
      `INSERT INTO spaces (slug, name, kind, position) VALUES ('soon', 'Coming soon', 'HELP', 9) RETURNING id`,
    );
    await test.db.query(`UPDATE spaces SET kind = 'IDEAS' WHERE id = $1`, [empty]);
    expect((await test.db.query(`SELECT kind FROM spaces WHERE id = $1`, [empty]))[0].kind).toBe('IDEAS');
  });
});
