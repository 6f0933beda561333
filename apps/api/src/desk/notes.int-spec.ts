import { codeOf, useCommunity } from '../testing/community';
import { submitIdea } from '../testing/ideas-fixtures';
import { GraphQLAgent } from '../testing/test-app';
import { ask, POST_FIELDS, reply } from '../testing/threads-fixtures';

/**
 * Internal notes are read by staff, moderators and experts invited to the thread, and by nobody
 * else through any path: proven here path by path, as the hidden-content tests do.
 */
const { test, space, who } = useCommunity({ POST_LIMIT_PER_MEMBER: '1000' });

const NOTE_FIELDS = `id postId bodyHtml bodyMarkdown createdAt editedAt author { id } revisions { bodyMarkdown bodyHtml }`;
const ADD = `mutation ($input: AddNoteInput!) { addNote(input: $input) { ${NOTE_FIELDS} } }`;
const EDIT = `mutation ($input: EditNoteInput!) { editNote(input: $input) { ${NOTE_FIELDS} } }`;
const INVITE = `mutation ($input: InviteExpertInput!) { inviteExpertToNotes(input: $input) }`;
const THREAD = `query ($id: ID!) { thread(id: $id) { id title status publicState viewerCanReadNotes
  notes { ${NOTE_FIELDS} } question { ${POST_FIELDS} }
  posts(first: 50) { edges { node { ${POST_FIELDS} } } } } }`;
const THREADS = `{ threads(first: 100) { edges { node { id title notes { id } question { bodyHtml } } } } }`;
const SEARCH = `query ($query: String!) { search(query: $query) { thread { id } post { id bodyHtml } snippetHtml titleHtml } }`;
const SIMILAR = `query ($title: String!) { similar(title: $title, kind: HELP) { id } }`;
const GROUPS = `{ notificationGroups { kind subjectId count thread { title } post { bodyHtml } } }`;
const NOTIFICATIONS = `{ notifications(first: 50) { edges { node { id kind } } } }`;
const LOG = `{ moderationLog(first: 100) { edges { node { action targetId } } } }`;
const IDEA = `query ($id: ID!) { idea(id: $id) { id title body bodyMarkdown commentsCount } }`;
const SLA = `{ slaQueue(first: 50) { edges { node { id notes { bodyHtml } } } } }`;

const SECRET = 'Quokkaplan';
const addNote = (agent: GraphQLAgent, threadId: string, bodyMarkdown: string, postId?: string) =>
  agent.request(ADD, { input: { threadId, bodyMarkdown, ...(postId ? { postId } : {}) } });
const mention = (name: string, id: string) => `@[${name}](${id})`;

describe('internal notes', () => {
  it('staff and moderators write and read notes in sanitized Markdown; an expert only once invited; members never', async () => {
    const t = await ask(who.asker.agent, space.help, 'My order is stuck in customs');
    const written = await addNote(
      who.staff.agent,
      t.id,
      `Customs **broker** is slow <script>alert(1)</script> — ${SECRET}`,
    );
    expect(written.data!.addNote.bodyHtml).toContain('<strong>broker</strong>');
    expect(written.data!.addNote.bodyHtml).not.toContain('<script>');
    expect(codeOf(await addNote(who.member.agent, t.id, 'hello'))).toBe('FORBIDDEN');
    expect(codeOf(await addNote(who.asker.agent, t.id, 'hello'))).toBe('FORBIDDEN');
    expect(codeOf(await addNote(who.expert.agent, t.id, 'hello'))).toBe('FORBIDDEN');
    expect(codeOf(await addNote(who.visitor, t.id, 'hello'))).toBe('UNAUTHENTICATED');

    const read = async (agent: GraphQLAgent) => (await agent.data(THREAD, { id: t.id })).thread;
    expect((await read(who.moderator.agent)).notes.map((n: any) => n.bodyMarkdown)).toEqual([
      expect.stringContaining(SECRET),
    ]);
    expect((await read(who.expert.agent)).notes).toBeNull();
    expect(
      codeOf(await who.member.agent.request(INVITE, { input: { threadId: t.id, userId: who.expert.id } })),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await who.staff.agent.request(INVITE, { input: { threadId: t.id, userId: who.member.id } })),
    ).toBe('BAD_USER_INPUT');
    await who.staff.agent.data(INVITE, { input: { threadId: t.id, userId: who.expert.id } });
    const expertView = await read(who.expert.agent);
    expect(expertView.viewerCanReadNotes).toBe(true);
    expect(expertView.notes).toHaveLength(1);
    // An invited expert writes too, on a post of the thread.
    const post = await reply(who.member.agent, t.id, 'Customs took two weeks for me.');
    const onPost = await addNote(who.expert.agent, t.id, 'This member is right, it is normal.', post.id);
    expect(onPost.data!.addNote.postId).toBe(post.id);
    // A post of another thread is refused.
    const other = await ask(who.asker.agent, space.help, 'Another question');
    expect(codeOf(await addNote(who.staff.agent, t.id, 'wrong post', other.question.id))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('a thread assigned to an expert opens its notes to them', async () => {
    const t = await ask(who.asker.agent, space.help, 'Warranty question');
    await who.staff.agent.data(ADD, { input: { threadId: t.id, bodyMarkdown: 'Check the purchase date.' } });
    await who.moderator.agent.data(
      `mutation ($input: AssignThreadInput!) { assignThread(input: $input) { id } }`,
      { input: { threadId: t.id, assigneeId: who.expert.id } },
    );
    expect((await who.expert.agent.data(THREAD, { id: t.id })).thread.notes).toHaveLength(1);
  });

  it('a note never reaches members or visitors: not the thread page, lists, search, similar threads, notifications, mails, the log, an idea, nor the SLA queue', async () => {
    const t = await ask(who.asker.agent, space.help, 'Wombat delivery delayed', 'Where is my wombat parcel?');
    await reply(who.member.agent, t.id, 'Mine too.');
    // The note names the asker (a member), an uninvited expert and the staff: only the staff member is told.
    const body = `${SECRET}: refund ${mention('Ana Asker', who.asker.id)} ${mention('Eva Expert', who.expert.id)} ${mention('Sarah Staff', who.staff.id)}`;
    await who.moderator.agent.data(ADD, { input: { threadId: t.id, bodyMarkdown: body } });
    const idea = await submitIdea(who.member.agent);
    await who.staff.agent.data(ADD, {
      input: { threadId: await ideaThread(idea.id), bodyMarkdown: `${SECRET} idea note` },
    });

    const readers = [who.visitor, who.asker.agent, who.member.agent, who.expert.agent];
    for (const agent of readers) {
      const page = (await agent.data(THREAD, { id: t.id })).thread;
      expect(page.notes).toBeNull();
      expect(page.viewerCanReadNotes).toBe(false);
      expect(JSON.stringify(page)).not.toContain(SECRET);
      expect(JSON.stringify(await agent.data(THREADS))).not.toContain(SECRET);
      expect((await agent.data(SEARCH, { query: SECRET })).search).toEqual([]);
      expect((await agent.data(SIMILAR, { title: SECRET })).similar).toEqual([]);
      expect(JSON.stringify(await agent.data(LOG))).not.toContain(SECRET);
      expect(JSON.stringify(await agent.data(IDEA, { id: idea.id }))).not.toContain(SECRET);
      expect(codeOf(await agent.request(SLA))).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    for (const agent of [who.asker.agent, who.member.agent, who.expert.agent]) {
      const groups = (await agent.data(GROUPS)).notificationGroups;
      expect(groups.some((g: any) => g.kind === 'NOTE_MENTIONED')).toBe(false);
      expect(JSON.stringify(groups)).not.toContain(SECRET);
      expect(JSON.stringify(await agent.data(NOTIFICATIONS))).not.toContain(SECRET);
    }
    // Search does not find it for the brand either: notes are not indexed.
    expect((await who.staff.agent.data(SEARCH, { query: SECRET })).search).toEqual([]);
    // The staff member named is told, by a notice that names the thread and carries no text of the note.
    const staffGroups = (await who.staff.agent.data(GROUPS)).notificationGroups.filter(
      (g: any) => g.kind === 'NOTE_MENTIONED',
    );
    expect(staffGroups).toEqual([
      {
        kind: 'NOTE_MENTIONED',
        subjectId: t.id,
        count: 1,
        thread: { title: 'Wombat delivery delayed' },
        post: null,
      },
    ]);
    // No mail, queued or sent, carries a note's text.
    const mails = await test.db.query(`SELECT params::text AS params FROM mail_outbox`);
    expect(mails.some((m: any) => m.params.includes(SECRET))).toBe(false);
    // Nor do the notices themselves.
    const notices = await test.db.query(`SELECT data::text AS data FROM notifications`);
    expect(notices.some((n: any) => n.data.includes(SECRET))).toBe(false);
  });

  it('notes are never deleted: an edit keeps the earlier version, only its author edits, and the database refuses DELETE', async () => {
    const t = await ask(who.asker.agent, space.help, 'Coupon not applied');
    const note = (await who.staff.agent.data(ADD, { input: { threadId: t.id, bodyMarkdown: 'First take' } }))
      .addNote;
    expect(
      codeOf(
        await who.moderator.agent.request(EDIT, { input: { noteId: note.id, bodyMarkdown: 'Not mine' } }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await who.member.agent.request(EDIT, { input: { noteId: note.id, bodyMarkdown: 'x' } })),
    ).toBe('NOT_FOUND');
    const edited = (
      await who.staff.agent.data(EDIT, { input: { noteId: note.id, bodyMarkdown: 'Second take' } })
    ).editNote;
    expect(edited.bodyMarkdown).toBe('Second take');
    expect(edited.editedAt).not.toBeNull();
    expect(edited.revisions.map((r: any) => r.bodyMarkdown)).toEqual(['First take']);
    for (const table of ['internal_notes', 'internal_note_revisions', 'assignment_events']) {
      // The API's role may not delete at all; the tables' owner is refused by the trigger.
      await expect(test.db.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
      await expect(test.asOwner((query) => query(`DELETE FROM ${table}`))).rejects.toThrow(/never deletes/);
    }
  });
});

async function ideaThread(ideaId: string): Promise<string> {
  const [row] = await test.db.query(`SELECT thread_id FROM ideas WHERE id = $1`, [ideaId]);
  return row.thread_id;
}
