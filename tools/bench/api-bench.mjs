// `npm run bench`: how fast the API answers its most frequent requests on this machine.
// Runs against the built app (npm run build first) and writes nothing: copy the table into
// tools/bench/RESULTS.md with the date, the commit and the machine. `--root DIR` measures another
// built checkout with this same script (before and after a change, in one session). Small data, quick:
// the figures at scale (1M posts) come from `--scale` (scale-bench.mjs).
import { graphql, header, measure, ROOT, startParvis, webOperations } from './harness.mjs';

// `npm run bench -- --scale`: the benchmark at scale (tools/bench/scale-bench.mjs, also `npm run bench:scale`).
if (process.argv.includes('--scale')) {
  await import('./scale-bench.mjs');
  process.exit(0);
}

/**
 * What the web app sends to show a page, read from the measured checkout's generated operations:
 * one query composed from the features' fragments, or, in checkouts from before that, the page's
 * query plus the separate ThreadModeration query.
 */
const PAGE_VIEWS = {
  thread: [
    [['ThreadRoute', 'thread']],
    [
      ['ThreadPage', 'thread'],
      ['ThreadModeration', 'thread'],
    ],
  ],
  idea: [
    [['IdeaRoute', 'idea']],
    [
      ['IdeaPage', 'idea'],
      ['ThreadModeration', 'ideaThread'],
    ],
  ],
};

function pageView(operations, page) {
  const requests = PAGE_VIEWS[page].find((set) => set.every(([name]) => operations[name]));
  if (!requests) throw new Error(`${ROOT}: no web operations for the ${page} page`);
  return requests.map(([name, idOf]) => ({ name, query: operations[name], idOf }));
}

const parvis = await startParvis();
try {
  header();
  await measure('spaces (visitor)', { requests: 2000, concurrency: 10 }, () =>
    graphql(parvis.url, '{ spaces { id slug name kind } }'),
  );
  const { cookie } = await graphql(
    parvis.url,
    'mutation ($i: SignInInput!) { signIn(input: $i) { user { id } } }',
    {
      i: { email: 'member@parvis.test', password: 'parvis-demo-2026' },
    },
  );
  await measure('me (signed in: session lookup)', { requests: 2000, concurrency: 10 }, () =>
    graphql(parvis.url, '{ me { id displayName role } }', {}, cookie),
  );
  await measure('signIn (argon2id verify)', { requests: 100, concurrency: 4 }, () =>
    graphql(parvis.url, 'mutation ($i: SignInInput!) { signIn(input: $i) { user { id } } }', {
      i: { email: 'member@parvis.test', password: 'parvis-demo-2026' },
    }),
  );

  // The thread page of a 200-reply thread (the N+1 check of issue 3, measured in time here).
  const { cookie: staff } = await graphql(
    parvis.url,
    'mutation ($i: SignInInput!) { signIn(input: $i) { user { id } } }',
    {
      i: { email: 'staff@parvis.test', password: 'parvis-demo-2026' },
    },
  );
  const { data: spaceData } = await graphql(parvis.url, '{ space(slug: "help") { id } }');
  const { data: created } = await graphql(
    parvis.url,
    'mutation ($i: CreateThreadInput!) { createThread(input: $i) { id } }',
    {
      i: {
        spaceId: spaceData.space.id,
        title: 'A long thread for the benchmark',
        bodyMarkdown: 'How long can a thread get?',
        language: 'en',
      },
    },
    staff,
  );
  const threadId = created.createThread.id;
  for (let i = 0; i < 200; i++) {
    await graphql(
      parvis.url,
      'mutation ($i: ReplyInput!) { reply(input: $i) { id } }',
      { i: { threadId, bodyMarkdown: `Reply **${i}**` } },
      staff,
    );
  }
  const THREAD_PAGE = `query ($id: ID!) { thread(id: $id) { id title status question { id bodyHtml author { displayName role } }
    posts(first: 100) { totalCount edges { node { id bodyHtml isOfficial thanksCount viewerHasThanked isAcceptedAnswer author { id displayName role reputation } revisions { id } } } } } }`;
  await measure('thread page, 100 of 200 replies (signed in)', { requests: 300, concurrency: 4 }, () =>
    graphql(parvis.url, THREAD_PAGE, { id: threadId }, cookie),
  );
  // The same pages as the web app loads them (its own operations: one request per page view now).
  const operations = await webOperations();
  const { data: ideaData } = await graphql(
    parvis.url,
    '{ ideas(first: 1, sort: TOP) { edges { node { id threadId } } } }',
  );
  const ids = {
    thread: threadId,
    idea: ideaData.ideas.edges[0].node.id,
    ideaThread: ideaData.ideas.edges[0].node.threadId,
  };
  for (const page of ['thread', 'idea']) {
    const requests = pageView(operations, page);
    await measure(
      `${page} page as the web app loads it (${requests.map((r) => r.name).join(' + ')}, signed in)`,
      { requests: 300, concurrency: 4 },
      () => Promise.all(requests.map((r) => graphql(parvis.url, r.query, { id: ids[r.idOf] }, cookie))),
    );
  }

  const BOARD = `{ ideas(first: 20, sort: TOP) { totalCount edges { node { id title status votesCount viewerHasVoted commentsCount author { displayName } } } } }`;
  await measure('idea board, first 20 ideas (signed in)', { requests: 1000, concurrency: 8 }, () =>
    graphql(parvis.url, BOARD, {}, cookie),
  );
} finally {
  await parvis.stop();
}
