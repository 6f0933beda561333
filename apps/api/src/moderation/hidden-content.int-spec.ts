import { GraphQLAgent } from '../testing/test-app';
import { ask, EDIT_POST, reply } from '../testing/threads-fixtures';
import { submitIdea } from '../testing/ideas-fixtures';
import { useCommunity } from '../testing/community';

const { test, space, who } = useCommunity({ POST_LIMIT_PER_MEMBER: '1000' });

const HIDE = `mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`;
const RESTORE = `mutation ($input: ModeratePostInput!) { restorePost(input: $input) { id } }`;
const SEARCH = `query ($query: String!) { search(query: $query) { thread { id } post { id bodyHtml } snippetHtml titleHtml } }`;
const SIMILAR = `query ($title: String!) { similar(title: $title, kind: HELP) { id } }`;
const THREADS = `{ threads(first: 100) { edges { node { id title question { id bodyHtml bodyMarkdown hidden { reason } } } } } }`;
const THREAD = `query ($id: ID!) { thread(id: $id) { question { bodyHtml bodyMarkdown revisions { bodyMarkdown } revisionsCount hidden { reason } }
  acceptedAnswer { id bodyHtml } posts(first: 50) { edges { node { id bodyHtml bodyMarkdown revisions { bodyMarkdown } } } } } }`;
const IDEA = `query ($id: ID!) { idea(id: $id) { id title body bodyMarkdown bodyPost { bodyHtml hidden { reason by { displayName } } } } }`;

const hide = (postId: string, reason = 'PERSONAL_DATA') =>
  who.moderator.agent.data(HIDE, { input: { postId, reason } });
const restore = (postId: string) => who.moderator.agent.data(RESTORE, { input: { postId } });
const searchIds = async (agent: GraphQLAgent, query: string) =>
  (await agent.data(SEARCH, { query })).search.map((r: any) => r.post.id);
const searchText = async (agent: GraphQLAgent, query: string) =>
  JSON.stringify((await agent.data(SEARCH, { query })).search);

describe('hidden content does not leak', () => {
  it('search finds a post until it is hidden, for everyone (its author and moderators included), and again once restored', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Who can fix my boiler?');
    const post = await reply(who.member.agent, thread.id, 'Ring the plumber Zebulon on 0612345678.');
    expect(await searchIds(who.visitor, 'Zebulon')).toEqual([post.id]);
    await hide(post.id);
    for (const agent of [who.visitor, who.asker.agent, who.member.agent, who.moderator.agent]) {
      expect(await searchIds(agent, 'Zebulon')).toEqual([]);
      expect(await searchText(agent, '0612345678')).toBe('[]');
    }
    await restore(post.id);
    expect(await searchIds(who.visitor, 'Zebulon')).toEqual([post.id]);
  });

  it('a thread whose question is hidden is found neither by its title, nor by its replies, nor as a similar thread', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'Xylophone lessons cheap, call Quentin',
      'Call Quentin at quentin@example.com for xylophone lessons.',
    );
    const answer = await reply(who.expert.agent, thread.id, 'Xylophone questions belong in the music space.');
    await who.asker.agent.data(`mutation ($input: PostIdInput!) { acceptAnswer(input: $input) { id } }`, {
      input: { postId: answer.id },
    });
    expect(
      (await who.visitor.data(SIMILAR, { title: 'xylophone lessons' })).similar.map((t: any) => t.id),
    ).toEqual([thread.id]);
    await hide(thread.question.id, 'SPAM');
    expect(await searchText(who.visitor, 'xylophone')).toBe('[]');
    expect(await searchText(who.visitor, 'Quentin')).toBe('[]');
    expect((await who.visitor.data(SIMILAR, { title: 'xylophone lessons' })).similar).toEqual([]);
  });

  it('thread lists and the thread page give others no text and no revisions of a hidden post, only the notice', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'My neighbour is noisy',
      'First version with the address 12 rue des Lilas.',
    );
    await who.asker.agent.data(EDIT_POST, {
      input: { postId: thread.question.id, bodyMarkdown: 'Second version, 12 rue des Lilas again.' },
    });
    await hide(thread.question.id);
    for (const agent of [who.visitor, who.member.agent, who.staff.agent]) {
      const listed = (await agent.data(THREADS)).threads.edges
        .map((e: any) => e.node)
        .find((t: any) => t.id === thread.id);
      expect(listed.question).toEqual({
        id: thread.question.id,
        bodyHtml: '',
        bodyMarkdown: '',
        hidden: { reason: 'PERSONAL_DATA' },
      });
      const page = (await agent.data(THREAD, { id: thread.id })).thread;
      expect(page.question).toEqual({
        bodyHtml: '',
        bodyMarkdown: '',
        revisions: [],
        revisionsCount: 0,
        hidden: { reason: 'PERSONAL_DATA' },
      });
      expect(JSON.stringify(page)).not.toContain('Lilas');
    }
    const own = (await who.asker.agent.data(THREAD, { id: thread.id })).thread.question;
    expect(own.bodyMarkdown).toBe('Second version, 12 rue des Lilas again.');
    expect(own.revisions).toEqual([{ bodyMarkdown: 'First version with the address 12 rue des Lilas.' }]);
  });

  it('hidden, edited out by its author, restored: the breaching versions never come back through revisions', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Who repairs bikes near the station?');
    const post = await reply(who.member.agent, thread.id, 'Call me on 0611223344.');
    const edit = (bodyMarkdown: string) =>
      who.member.agent.data(EDIT_POST, { input: { postId: post.id, bodyMarkdown } });
    await edit('Call me on 0611223344 after 6 pm.'); // a version kept before the hide
    await hide(post.id);
    await edit('Ask me here instead.'); // a version kept while the post is hidden
    await restore(post.id);
    const postOf = async (agent: GraphQLAgent) =>
      (await agent.data(THREAD, { id: thread.id })).thread.posts.edges
        .map((e: any) => e.node)
        .find((p: any) => p.id === post.id);

    for (const agent of [who.visitor, who.asker.agent, who.staff.agent]) {
      const seen = await postOf(agent);
      expect(seen).toMatchObject({ bodyMarkdown: 'Ask me here instead.', revisions: [] });
      expect(JSON.stringify(seen)).not.toContain('0611223344');
    }
    const versions = [
      { bodyMarkdown: 'Call me on 0611223344 after 6 pm.' },
      { bodyMarkdown: 'Call me on 0611223344.' },
    ];
    expect((await postOf(who.member.agent)).revisions).toEqual(versions);
    expect((await postOf(who.moderator.agent)).revisions).toEqual(versions);

    // A version written after the restore is public again; the hidden ones stay out.
    await edit('Ask me here, please.');
    expect((await postOf(who.visitor)).revisions).toEqual([{ bodyMarkdown: 'Ask me here instead.' }]);
    expect((await postOf(who.member.agent)).revisions).toHaveLength(3);
  });

  it('an idea whose body is hidden shows visitors neither its title nor its body, only the notice', async () => {
    await test.db.query(
      `INSERT INTO spaces (slug, name, kind, position) VALUES ('idea-box', 'Idea box', 'IDEAS', 9) ON CONFLICT DO NOTHING`,
    );
    const idea = await submitIdea(who.member.agent, {
      body: 'Send the newsletter to my colleague at jo@example.com',
    });
    const { idea: before } = await who.visitor.data(IDEA, { id: idea.id });
    const bodyPostId = (
      await test.db.query(
        'SELECT p.id FROM posts p JOIN ideas i ON i.thread_id = p.thread_id WHERE i.id = $1 AND p.is_question',
        [idea.id],
      )
    )[0].id;
    expect(before.bodyMarkdown).toContain('jo@example.com');
    await hide(bodyPostId);
    const { idea: after } = await who.visitor.data(IDEA, { id: idea.id });
    expect(after).toMatchObject({
      title: 'Hidden question',
      body: '',
      bodyMarkdown: '',
      bodyPost: { bodyHtml: '', hidden: { reason: 'PERSONAL_DATA', by: { displayName: 'Malik Moderator' } } },
    });
    const { idea: own } = await who.member.agent.data(IDEA, { id: idea.id });
    expect(own).toMatchObject({ title: idea.title });
    expect(own.bodyMarkdown).toContain('jo@example.com');
  });
});
