import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from './database/migrate';
import { ApiProcess, startApiProcess } from './testing/api-process';
import { LiveSubscription, subscribe, subscriptionsServed } from './testing/live-client';
import { createDatabase } from './testing/test-database';
import { GraphQLAgent } from './testing/test-app';

/**
 * Live pages with TWO API processes on one database, as behind a load balancer: the compiled
 * API started twice (apps/api/dist/main.js), events carried between them by PostgreSQL only.
 * Subscribers listen on process A; the changes are made through process B.
 */
const THREAD_EVENTS = `subscription ($threadId: ID!) {
  threadEvents(threadId: $threadId) {
    kind thread { id status acceptedAnswer { id } }
    post { id bodyHtml bodyMarkdown hidden { reason } answered { id } author { displayName } }
  }
}`;

interface ThreadEvent {
  threadEvents: {
    kind: string;
    thread: { id: string; status: string; acceptedAnswer: { id: string } | null };
    post: {
      id: string;
      bodyHtml: string;
      bodyMarkdown: string;
      hidden: { reason: string } | null;
      answered: { id: string } | null;
    } | null;
  };
}

let databaseUrl: string;
let a: ApiProcess;
let b: ApiProcess;
let helpSpaceId: string;
let ideasSpaceId: string;
const open: LiveSubscription<any>[] = [];

const live = <T = ThreadEvent>(
  query: string,
  variables: Record<string, unknown>,
  cookie: string | null,
  origin?: string,
): LiveSubscription<T> => {
  const subscription = subscribe<T>(a.url, query, variables, { cookie, origin });
  open.push(subscription);
  return subscription;
};

async function person(role: string, name: string): Promise<{ agent: GraphQLAgent; id: string }> {
  const agent = new GraphQLAgent(`${b.url}/graphql`);
  const { id } = await agent.registerMember(name);
  if (role !== 'MEMBER') {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query('UPDATE users SET role = $1 WHERE id = $2', [role, id]);
    await db.end();
  }
  return { agent, id };
}

async function newThread(asker: GraphQLAgent): Promise<string> {
  const data = await asker.data<{ createThread: { id: string } }>(
    `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`,
    {
      input: {
        spaceId: helpSpaceId,
        title: 'My router keeps dropping the line',
        bodyMarkdown: 'Since Monday.',
      },
    },
  );
  return data.createThread.id;
}

const reply = async (agent: GraphQLAgent, threadId: string, bodyMarkdown: string): Promise<string> =>
  (
    await agent.data<{ reply: { id: string } }>(
      `mutation ($input: ReplyInput!) { reply(input: $input) { id } }`,
      {
        input: { threadId, bodyMarkdown },
      },
    )
  ).reply.id;

beforeAll(async () => {
  databaseUrl = await createDatabase();
  await runMigrations(databaseUrl);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const rows: { id: string; kind: string }[] = (
    await db.query(
      `INSERT INTO spaces (slug, name, kind, position, first_response_minutes, answer_minutes)
       VALUES ('help', 'Help', 'HELP', 1, 60, 1440), ('ideas', 'Ideas', 'IDEAS', 2, 60, 1440) RETURNING id, kind`,
    )
  ).rows;
  await db.end();
  helpSpaceId = rows.find((r) => r.kind === 'HELP')!.id;
  ideasSpaceId = rows.find((r) => r.kind === 'IDEAS')!.id;
  // Both processes sign sessions with the same secret, as replicas behind a load balancer do.
  // One process each (no cluster behind either port): `/health` then counts all of A's subscriptions.
  const env = { SESSION_SECRET: randomBytes(32).toString('hex'), WEB_CONCURRENCY: '1' };
  [a, b] = await Promise.all([startApiProcess(databaseUrl, env), startApiProcess(databaseUrl, env)]);
}, 120_000);

afterEach(async () => {
  for (const subscription of open.splice(0)) subscription.dispose();
  // The next test counts its own subscriptions on process A.
  await subscriptionsServed(a.url, 0);
});

/** Waits until process A serves `count` subscriptions: those opened are listening from now on. */
const listening = (count: number) => subscriptionsServed(a.url, count);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('live pages across two API processes', () => {
  it('a subscriber on process A receives a reply posted through process B', async () => {
    const asker = await person('MEMBER', 'Ana Asker');
    const helper = await person('MEMBER', 'Hugo Helper');
    const threadId = await newThread(asker.agent);
    const watcher = live(THREAD_EVENTS, { threadId }, asker.agent.sessionCookie);
    await listening(1);

    // How fast it arrives is measured by tools/bench/live-bench.mjs, not asserted here.
    const replyId = await reply(helper.agent, threadId, 'Try **another** cable.');
    const event = await watcher.next((e) => e.threadEvents.post?.id === replyId);
    expect(event.threadEvents).toMatchObject({
      kind: 'REPLY_ADDED',
      thread: { id: threadId },
      post: { bodyMarkdown: 'Try **another** cable.', hidden: null },
    });
  });

  it('marks (accepted answer, answered, resolved) and hidden notices reach open pages as they happen', async () => {
    const asker = await person('MEMBER', 'Ana Asker');
    const moderator = await person('MODERATOR', 'Malik Moderator');
    const threadId = await newThread(asker.agent);
    const answerId = await reply(moderator.agent, threadId, 'Reset it.');
    const complaintId = await reply(asker.agent, threadId, 'This is slow.');
    const visitor = live(THREAD_EVENTS, { threadId }, null);
    await listening(1);

    await asker.agent.data(`mutation ($input: PostIdInput!) { acceptAnswer(input: $input) { id } }`, {
      input: { postId: answerId },
    });
    await moderator.agent.data(
      `mutation ($input: MarkAnsweredInput!) { markAnswered(input: $input) { id } }`,
      { input: { postId: complaintId, answerPostId: answerId } },
    );
    await asker.agent.data(`mutation ($input: ThreadIdInput!) { resolveThread(input: $input) { id } }`, {
      input: { threadId },
    });
    await moderator.agent.data(`mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`, {
      input: { postId: complaintId, reason: 'OFF_TOPIC' },
    });

    const accepted = await visitor.next((e) => e.threadEvents.kind === 'ANSWER_ACCEPTED');
    expect(accepted.threadEvents.thread).toMatchObject({
      status: 'ANSWERED',
      acceptedAnswer: { id: answerId },
    });
    const marked = await visitor.next((e) => e.threadEvents.kind === 'POST_MARKED_ANSWERED');
    expect(marked.threadEvents.post).toMatchObject({ id: complaintId, answered: { id: answerId } });
    const resolved = await visitor.next((e) => e.threadEvents.kind === 'THREAD_STATUS_CHANGED');
    expect(resolved.threadEvents.thread.status).toBe('RESOLVED');
    const hidden = await visitor.next((e) => e.threadEvents.kind === 'POST_HIDDEN');
    expect(hidden.threadEvents.post).toMatchObject({
      id: complaintId,
      hidden: { reason: 'OFF_TOPIC' },
      bodyHtml: '',
      bodyMarkdown: '',
    });
  });

  it('a subscriber who may not read a hidden post never receives its text; its author and moderators do', async () => {
    const author = await person('MEMBER', 'Paul Poster');
    const reader = await person('MEMBER', 'Rita Reader');
    const moderator = await person('MODERATOR', 'Malik Moderator');
    const threadId = await newThread(author.agent);
    const postId = await reply(author.agent, threadId, 'My number is on my profile.');
    await moderator.agent.data(`mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`, {
      input: { postId, reason: 'PERSONAL_DATA' },
    });
    const ofReader = live(THREAD_EVENTS, { threadId }, reader.agent.sessionCookie);
    const ofVisitor = live(THREAD_EVENTS, { threadId }, null);
    const ofAuthor = live(THREAD_EVENTS, { threadId }, author.agent.sessionCookie);
    const ofModerator = live(THREAD_EVENTS, { threadId }, moderator.agent.sessionCookie);
    await listening(4);

    const secret = `call me at 06 ${randomBytes(4).toString('hex')}`;
    await author.agent.data(`mutation ($input: EditPostInput!) { editPost(input: $input) { id } }`, {
      input: { postId, bodyMarkdown: secret },
    });
    await moderator.agent.data(
      `mutation ($input: ModeratePostInput!) { restorePost(input: $input) { id } }`,
      {
        input: { postId },
      },
    );

    for (const allowed of [ofAuthor, ofModerator]) {
      const edited = await allowed.next((e) => e.threadEvents.kind === 'POST_EDITED');
      expect(edited.threadEvents.post?.bodyMarkdown).toBe(secret);
    }
    // The restore comes after the edit: once the others have it, the edit would have arrived before.
    for (const other of [ofReader, ofVisitor]) {
      const restored = await other.next((e) => e.threadEvents.kind === 'POST_RESTORED');
      expect(restored.threadEvents.post?.hidden).toBeNull();
      const beforeRestore = other.rawMessages.slice(0, -1).join('\n');
      expect(other.received.map((e) => e.threadEvents.kind)).toEqual(['POST_RESTORED']);
      expect(beforeRestore).not.toContain(secret);
    }
  });

  it('a signed-out subscription receives only public events: the thread page, never a notification count', async () => {
    const asker = await person('MEMBER', 'Ana Asker');
    const threadId = await newThread(asker.agent);
    const visitor = live(THREAD_EVENTS, { threadId }, null);
    const count = live(`subscription { unreadNotificationCount }`, {}, null);
    // The count is refused to a visitor: only the thread page is served.
    await count.ended;
    await listening(1);
    const replyId = await reply(asker.agent, threadId, 'Anyone?');
    await visitor.next((e) => e.threadEvents.post?.id === replyId);
    await count.ended;
    expect(count.received).toEqual([]);
    expect(count.errors[0]?.message).toMatch(/Sign in/);
  });

  it('a cookie sent from another site’s page does not sign the connection in', async () => {
    const member = await person('MEMBER', 'Marc Member');
    const count = live(
      `subscription { unreadNotificationCount }`,
      {},
      member.agent.sessionCookie,
      'https://evil.example',
    );
    const own = live<{ unreadNotificationCount: number }>(
      `subscription { unreadNotificationCount }`,
      {},
      member.agent.sessionCookie,
    );
    await own.next(() => true);
    await count.ended;
    expect(count.received).toEqual([]);
    expect(count.errors[0]?.message).toMatch(/Sign in/);
  });

  it('a revoked session stops receiving: signing out elsewhere closes the live connection', async () => {
    const asker = await person('MEMBER', 'Ana Asker');
    const member = await person('MEMBER', 'Marc Member');
    const threadId = await newThread(asker.agent);
    const cookie = member.agent.sessionCookie;
    const watcher = live(THREAD_EVENTS, { threadId }, cookie);
    await listening(1);
    const first = await reply(asker.agent, threadId, 'One.');
    await watcher.next((e) => e.threadEvents.post?.id === first);

    await member.agent.data(`mutation { signOut }`); // through process B
    expect(await watcher.closed).toBe(4401);
    // A visitor still on the page receives the next reply; the signed-out connection does not.
    await listening(0);
    const visitor = live(THREAD_EVENTS, { threadId }, null);
    await listening(1);
    const second = await reply(asker.agent, threadId, 'Two.');
    await visitor.next((e) => e.threadEvents.post?.id === second);
    expect(watcher.received).toHaveLength(1);
  });

  it('vote counts and the unread count update live', async () => {
    const author = await person('MEMBER', 'Ida Idea');
    const voter = await person('MEMBER', 'Victor Voter');
    const moderator = await person('MODERATOR', 'Malik Moderator');
    const idea = await author.agent.data<{ submitIdea: { id: string; votesCount: number } }>(
      `mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id votesCount } }`,
      { input: { spaceId: ideasSpaceId, title: 'Dark mode for the app', body: 'Please.' } },
    );
    const votes = live<{ ideaVotes: { id: string; votesCount: number } }>(
      `subscription { ideaVotes { id votesCount } }`,
      {},
      null,
    );
    const bell = live<{ unreadNotificationCount: number }>(
      `subscription { unreadNotificationCount }`,
      {},
      author.agent.sessionCookie,
    );
    await bell.next((d) => d.unreadNotificationCount === 0);
    // The bell's first count says it listens; the vote counts send nothing until a vote.
    await listening(2);

    await voter.agent.data(`mutation ($input: VoteInput!) { vote(input: $input) { id } }`, {
      input: { ideaId: idea.submitIdea.id },
    });
    const counted = await votes.next((d) => d.ideaVotes.id === idea.submitIdea.id);
    expect(counted.ideaVotes.votesCount).toBe(idea.submitIdea.votesCount + 1);

    await moderator.agent.data(
      `mutation ($input: SetIdeaStatusInput!) { setIdeaStatus(input: $input) { id } }`,
      {
        input: { ideaId: idea.submitIdea.id, status: 'UNDER_REVIEW' },
      },
    );
    await bell.next((d) => d.unreadNotificationCount === 1);
    await author.agent.data(`mutation { markNotificationsRead }`);
    await bell.next((d) => d.unreadNotificationCount === 0 && bell.received.length === 3);
  });

  it('serves only subscriptions over the WebSocket, with the same cost limit as HTTP', async () => {
    const mutation = live(`mutation { signOut }`, {}, null);
    await mutation.ended;
    expect(mutation.errors[0]?.message).toMatch(/Only subscriptions/);

    const pages = Array.from(
      { length: 20 },
      (_, i) =>
        `p${i}: posts(first: 100) { edges { node { id bodyHtml bodyMarkdown createdAt author { id displayName } } } }`,
    ).join(' ');
    const costly = live(
      `subscription ($threadId: ID!) { threadEvents(threadId: $threadId) { thread { ${pages} } } }`,
      { threadId: '00000000-0000-4000-8000-000000000000' },
      null,
    );
    await costly.ended;
    expect(costly.errors[0]?.message).toMatch(/would cost/);
  });
});
