import { GraphQLAgent } from '../testing/test-app';
import { ask, reply } from '../testing/threads-fixtures';
import { useCommunity } from '../testing/community';
import { SEARCH_CANDIDATES } from './search.service';

const { test, space, who } = useCommunity({ POST_LIMIT_PER_MEMBER: '1000' });

const SEARCH = `query ($query: String!, $first: Int) { search(query: $query, first: $first) {
  thread { id } post { id } titleHtml snippetHtml } }`;
const HIDE = `mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`;
const RESTORE = `mutation ($input: ModeratePostInput!) { restorePost(input: $input) { id } }`;
const hide = (postId: string) =>
  who.moderator.agent.data(HIDE, { input: { postId, reason: 'PERSONAL_DATA' } });
const restore = (postId: string) => who.moderator.agent.data(RESTORE, { input: { postId } });
const search = async (agent: GraphQLAgent, query: string, first = 50) =>
  (await agent.data(SEARCH, { query, first })).search as {
    thread: { id: string };
    post: { id: string };
    titleHtml: string;
    snippetHtml: string;
  }[];

/** More threads matching "router" than search ranks, so that the candidates are bounded. */
const MANY = SEARCH_CANDIDATES.head + SEARCH_CANDIDATES.document + 100;
let oldRare: string;

beforeAll(async () => {
  await test.db.query(
    `WITH t AS (
       INSERT INTO threads (space_id, author_id, title, language, created_at, last_activity_at)
       SELECT $1, $2, 'Router question number ' || g, 'en', now() - g * interval '1 hour', now() - g * interval '1 hour'
         FROM generate_series(1, $3::int) g
       RETURNING id, created_at)
     INSERT INTO posts (thread_id, author_id, is_question, body_markdown, body_html, body_text, created_at)
     SELECT id, $2, true, 'My router drops the connection.', '<p>My router drops the connection.</p>',
            'My router drops the connection.', created_at FROM t`,
    [space.help, who.asker.id, MANY],
  );
  // Older than every other match of "router": outside the bound for that everyday word.
  const [row] = await test.db.query(
    `WITH t AS (
       INSERT INTO threads (space_id, author_id, title, language, created_at) VALUES ($1, $2, 'Old router', 'en', now() - interval '3 years')
       RETURNING id, created_at)
     INSERT INTO posts (thread_id, author_id, is_question, body_markdown, body_html, body_text, created_at)
     SELECT id, $2, true, 'A quetzal nests in my router.', '<p>A quetzal nests in my router.</p>', 'A quetzal nests in my router.', created_at FROM t
     RETURNING thread_id`,
    [space.help, who.asker.id],
  );
  oldRare = row.thread_id;
});

describe('search over more matching threads than it ranks', () => {
  it('answers an everyday word with `first` threads, and finds an old thread by a rare word', async () => {
    expect(await search(who.visitor, 'router', 50)).toHaveLength(50);
    expect((await search(who.visitor, 'quetzal')).map((r) => r.thread.id)).toEqual([oldRare]);
  });

  it('costs the same three statements for an everyday and a rare word: the ranked page, then its threads and posts', async () => {
    for (const word of ['router', 'quetzal']) {
      const { result, queries } = await test.countQueries(() =>
        who.visitor.data(SEARCH, { query: word, first: 20 }),
      );
      expect(result.search.length).toBeGreaterThan(0);
      expect(queries.filter((q) => !/FROM "sessions"/.test(q))).toHaveLength(3);
    }
  });

  it('never lets hidden text match, for anyone, among many matches, and finds it again once restored', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'Router keeps rebooting',
      'The router reboots hourly.',
    );
    const secret = await reply(who.member.agent, thread.id, 'Router fixed: ring Zebulon on 0612345678.');
    const visible = await reply(who.expert.agent, thread.id, 'Update the router firmware.');
    expect((await search(who.visitor, 'zebulon')).map((r) => r.post.id)).toEqual([secret.id]);
    await hide(secret.id);
    for (const agent of [who.visitor, who.member.agent, who.asker.agent, who.moderator.agent]) {
      expect(await search(agent, 'zebulon')).toEqual([]);
      expect(await search(agent, '0612345678')).toEqual([]);
      const everyday = await search(agent, 'router firmware');
      const hit = everyday.find((r) => r.thread.id === thread.id);
      expect(hit?.post.id).toBe(visible.id);
      const results = JSON.stringify(await search(agent, 'router', 50));
      expect(results).not.toContain(secret.id);
      expect(results).not.toMatch(/Zebulon|0612345678/);
    }
    await restore(secret.id);
    expect((await search(who.visitor, 'zebulon')).map((r) => r.post.id)).toEqual([secret.id]);
  });

  it('finds a thread whose question is hidden by none of its words, title included', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'Router for sale, call Ursula',
      'Ring Ursula for a cheap router.',
    );
    await reply(who.member.agent, thread.id, 'Ursula sold me a router too.');
    expect((await search(who.visitor, 'ursula')).map((r) => r.thread.id)).toEqual([thread.id]);
    await hide(thread.question.id);
    for (const agent of [who.visitor, who.asker.agent, who.moderator.agent]) {
      expect(await search(agent, 'ursula')).toEqual([]);
      expect(JSON.stringify(await search(agent, 'router', 50))).not.toContain(thread.id);
    }
  });
});
