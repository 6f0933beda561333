// The requests a crowd sends most, as the web app sends them (its own generated operations), at
// 32 concurrent clients: the thread page of a 200-reply thread (anonymous and signed in), the
// thread list, a reply and a vote. Like api-bench.mjs it runs the built app (`npm run build`
// first) and writes the table to copy into RESULTS.md; `--root DIR` measures another built
// checkout with this same script, so before and after run back to back in one session:
//   node tools/bench/hot-paths-bench.mjs [--root DIR] [--only thread,list,reply,vote]
import { createServer } from 'node:net';
import { graphql, header, measure, signIn, startParvis, webOperations } from './harness.mjs';

const CONCURRENCY = 32;
const MEMBERS = [
  'member@parvis.test',
  'chloe.dubois@parvis.test',
  'emma.wilson@parvis.test',
  'ines.moreau@parvis.test',
  'liam.jones@parvis.test',
  'lucia.fernandez@parvis.test',
  'mateo.garcia@parvis.test',
  'noah.petit@parvis.test',
  'sofia.lopez@parvis.test',
  'tom.baker@parvis.test',
];
const IDEAS = 100;

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 ? new Set(process.argv[i + 1].split(',')) : null;
})();
const wanted = (name) => !only || only.has(name);

// The measured requests are not the limits' business: raise them for this process's API.
Object.assign(process.env, { POST_LIMIT_PER_MEMBER: '10000', VOTE_LIMIT_PER_MEMBER: '100000' });

// A free port, not the default: other benchmarks may be running on this machine.
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const parvis = await startParvis({ port });
try {
  const operations = await webOperations();
  const staff = await signIn(parvis.url, 'staff@parvis.test');
  const member = await signIn(parvis.url, 'member@parvis.test');
  const { data: help } = await graphql(parvis.url, '{ space(slug: "help") { id } }');
  const { data: created } = await graphql(
    parvis.url,
    'mutation ($i: CreateThreadInput!) { createThread(input: $i) { id } }',
    {
      i: {
        spaceId: help.space.id,
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
      { i: { threadId, bodyMarkdown: `Reply **${i}**, with a [link](https://example.com/${i}).` } },
      staff,
    );
  }

  header();
  if (wanted('thread')) {
    for (const [who, cookie] of [
      ['anonymous', undefined],
      ['signed in', member],
    ]) {
      await measure(
        `thread page, ThreadRoute, 200 replies (${who})`,
        { requests: 1000, concurrency: CONCURRENCY },
        () => graphql(parvis.url, operations.ThreadRoute, { id: threadId }, cookie),
      );
    }
  }
  if (wanted('list')) {
    await measure(
      'thread list, ThreadList first 20 (signed in)',
      { requests: 2000, concurrency: CONCURRENCY },
      () => graphql(parvis.url, operations.ThreadList, { spaceId: help.space.id, first: 20 }, member),
    );
  }
  if (wanted('reply')) {
    await measure('reply, ThreadRouteReply (signed in)', { requests: 1000, concurrency: CONCURRENCY }, (i) =>
      graphql(
        parvis.url,
        operations.ThreadRouteReply,
        { input: { threadId, bodyMarkdown: `Same here (${i}), **since Monday**.` } },
        member,
      ),
    );
  }
  if (wanted('vote')) {
    const ideaIds = [];
    for (let i = 0; i < IDEAS; i++) {
      const { data } = await graphql(
        parvis.url,
        'mutation ($i: SubmitIdeaInput!) { submitIdea(input: $i) { id } }',
        { i: { title: `Benchmark idea number ${i}`, body: 'Vote for it.', language: 'en' } },
        staff,
      );
      ideaIds.push(data.submitIdea.id);
    }
    const voters = [];
    for (const email of MEMBERS) voters.push(await signIn(parvis.url, email));
    // Every vote a new one: voter by voter, idea by idea (the warm-up casts the first 20).
    const votes = voters.flatMap((cookie) => ideaIds.map((ideaId) => ({ cookie, ideaId })));
    let next = 0;
    await measure(
      'vote, VoteForIdea (signed in, each vote new)',
      { requests: votes.length - 20, concurrency: CONCURRENCY },
      () => {
        const vote = votes[next++];
        return graphql(parvis.url, operations.VoteForIdea, { input: { ideaId: vote.ideaId } }, vote.cookie);
      },
    );
  }
} finally {
  await parvis.stop();
}
