import { GraphQLModule } from '@nestjs/graphql';
import { codeOf, fieldOf, useCommunity } from '../testing/community';
import { GraphQLAgent, startTestApp, type TestApp } from '../testing/test-app';
import { ask, reply } from '../testing/threads-fixtures';
import { webOperation } from '../testing/web-operations';
import { CompiledApolloDriver } from './compiled-queries';

/**
 * Operations run compiled (the default) answer exactly what graphql-js's interpretation of them
 * answers: the same data, the same errors with the same codes, fields and paths. The reference is
 * a second API on the same database with GRAPHQL_COMPILED_QUERIES=false, asked the same thing
 * with the same session.
 */
const { test, space, who } = useCommunity();
let interpreted: TestApp;
let threadId: string;
let hiddenId: string;

beforeAll(async () => {
  interpreted = await startTestApp({ GRAPHQL_COMPILED_QUERIES: 'false' }, test.databaseUrl);
  // A thread with every kind of post the page shows: thanked, edited, accepted, marked answered,
  // hidden with a notice, flagged by one viewer.
  const thread = await ask(who.asker.agent, space.help, 'Refund refused', 'They **refuse** my refund.');
  threadId = thread.id;
  const complaint = await reply(who.member.agent, threadId, 'This brand never answers anyone.');
  const answer = await reply(
    who.expert.agent,
    threadId,
    'Refunds take *five* days: [policy](https://example.com).',
  );
  const edited = await reply(who.member.agent, threadId, 'Frist version');
  const hidden = await reply(who.member.agent, threadId, 'Call me on 06 12 34 56 78');
  hiddenId = hidden.id;
  await who.member.agent.data(`mutation ($input: EditPostInput!) { editPost(input: $input) { id } }`, {
    input: { postId: edited.id, bodyMarkdown: 'First version, fixed' },
  });
  await who.asker.agent.data(`mutation ($input: PostIdInput!) { thank(input: $input) { id } }`, {
    input: { postId: answer.id },
  });
  await who.asker.agent.data(`mutation ($input: PostIdInput!) { acceptAnswer(input: $input) { id } }`, {
    input: { postId: answer.id },
  });
  await who.staff.agent.data(`mutation ($input: MarkAnsweredInput!) { markAnswered(input: $input) { id } }`, {
    input: { postId: complaint.id, answerPostId: answer.id },
  });
  await who.moderator.agent.data(`mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`, {
    input: { postId: hidden.id, reason: 'PERSONAL_DATA', note: 'Phone numbers stay private.' },
  });
  await who.asker.agent.data(`mutation ($input: FlagInput!) { flag(input: $input) { id } }`, {
    input: { targetId: edited.id, reason: 'OFF_TOPIC' },
  });
});
afterAll(() => interpreted?.close());

/** The same person (same session cookie) asking the interpreting API. */
function sameViewerOn(app: TestApp, agent: GraphQLAgent): GraphQLAgent {
  return new GraphQLAgent(`${app.url}/graphql`).useCookie(agent.sessionCookie);
}

/** A query's answer from both APIs; asked twice of the compiled one, which compiles at the second run. */
async function bothAnswers(agent: GraphQLAgent, query: string, variables: Record<string, unknown>) {
  await agent.request(query, variables);
  const compiled = await agent.request(query, variables);
  const reference = await sameViewerOn(interpreted, agent).request(query, variables);
  return { compiled, reference };
}

const viewers = () =>
  [
    ['a visitor', who.visitor],
    ['the asker', who.asker.agent],
    ['the hidden post’s author', who.member.agent],
    ['a moderator', who.moderator.agent],
  ] as const;

describe('compiled GraphQL operations', () => {
  it('runs compiled in this API and interpreted in the reference', () => {
    const driver = (api: TestApp) => api.app.get(GraphQLModule).graphQlAdapter;
    expect(driver(test)).toBeInstanceOf(CompiledApolloDriver);
    expect(driver(interpreted)).not.toBeInstanceOf(CompiledApolloDriver);
  });

  it('the thread page (the web app’s ThreadRoute) is the same for every kind of viewer', async () => {
    for (const [, agent] of viewers()) {
      const { compiled, reference } = await bothAnswers(agent, webOperation('ThreadRoute'), { id: threadId });
      expect(compiled.errors).toBeUndefined();
      expect(compiled).toEqual(reference);
    }
    // What the page holds, so that equality is not two empty answers.
    const page = await who.moderator.agent.data(webOperation('ThreadRoute'), { id: threadId });
    const posts = page.thread.posts.edges.map((e: { node: Record<string, any> }) => e.node);
    expect(posts.find((p: { id: string }) => p.id === hiddenId).hidden.reason).toBe('PERSONAL_DATA');
    expect(page.thread.acceptedAnswer.thanksCount).toBe(1);
    expect(posts.some((p: { revisions: unknown[] }) => p.revisions.length === 1)).toBe(true);
  });

  it('the thread list and the idea board are the same', async () => {
    for (const [, agent] of viewers()) {
      const list = await bothAnswers(agent, webOperation('ThreadList'), { spaceId: space.help, first: 20 });
      expect(list.compiled.errors).toBeUndefined();
      expect(list.compiled).toEqual(list.reference);
      const board = await bothAnswers(agent, webOperation('IdeaBoard'), {
        spaceId: space.ideas,
        sort: 'TOP',
        first: 20,
      });
      expect(board.compiled.errors).toBeUndefined();
      expect(board.compiled).toEqual(board.reference);
    }
  });

  it('a domain error keeps its code, field and path', async () => {
    const missing = await bothAnswers(who.visitor, webOperation('ThreadRoute'), {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(codeOf(missing.compiled)).toBe('NOT_FOUND');
    expect(missing.compiled).toEqual(missing.reference);

    const malformed = await bothAnswers(who.visitor, webOperation('ThreadRoute'), { id: 'not-a-uuid' });
    expect([codeOf(malformed.compiled), fieldOf(malformed.compiled)]).toEqual(['BAD_USER_INPUT', 'id']);
    expect(malformed.compiled).toEqual(malformed.reference);
  });

  it('variables that do not fit their types are refused as graphql-js refuses them', async () => {
    for (const variables of [{ spaceId: space.help, first: 'twenty' }, { first: 20 }, { spaceId: [1] }]) {
      const { compiled, reference } = await bothAnswers(who.visitor, webOperation('ThreadList'), variables);
      expect(codeOf(compiled)).toBe('BAD_USER_INPUT');
      expect(compiled).toEqual(reference);
    }
  });

  it('a refused mutation is refused the same way and changes nothing', async () => {
    const before = await test.db.query('SELECT count(*)::int AS n FROM posts WHERE thread_id = $1', [
      threadId,
    ]);
    const empty = await who.member.agent.request(
      `mutation ($input: ReplyInput!) { reply(input: $input) { id } }`,
      { input: { threadId, bodyMarkdown: '   ' } },
    );
    expect([codeOf(empty), fieldOf(empty)]).toEqual(['BAD_USER_INPUT', 'bodyMarkdown']);
    expect(
      await test.db.query('SELECT count(*)::int AS n FROM posts WHERE thread_id = $1', [threadId]),
    ).toEqual(before);
  });

  it('compiles an operation when it comes a second time, then once for all', async () => {
    const compiledQueries = (test.app.get(GraphQLModule).graphQlAdapter as CompiledApolloDriver)
      .compiledQueries!;
    const query = `query OnceOnly($id: ID!) { thread(id: $id) { id title } }`;
    const before = compiledQueries.size;
    await who.visitor.data(query, { id: threadId });
    expect(compiledQueries.size).toBe(before);
    for (let i = 0; i < 5; i++) {
      const { thread } = await who.visitor.data(query, { id: threadId });
      expect(thread).toEqual({ id: threadId, title: 'Refund refused' });
    }
    expect(compiledQueries.size).toBe(before + 1);
  });
});
