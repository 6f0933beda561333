import { createIdeaSpace, IDEA, submitIdea, UNVOTE, VOTE, voteCounts } from '../testing/ideas-fixtures';
import { GraphQLAgent, signedInAs, useTestApp } from '../testing/test-app';

const test = useTestApp({ POST_LIMIT_PER_MEMBER: '10000', VOTE_LIMIT_PER_MEMBER: '10000' });
beforeAll(() => createIdeaSpace(test));

const MEMBERS = 40;
const ROUNDS = 3;
/**
 * Requests in flight at once. The API's pool holds 10 database connections, so 100 keep every one
 * of them busy with competing votes (the contention this test is about). Firing all 1,440 at once
 * also opened 1,440 TCP connections in one instant, from the same process as the server: on a
 * loaded machine that storm (not the votes) ended in `fetch failed … ECONNRESET`; a browser holds
 * six connections per site, not a thousand.
 */
const IN_FLIGHT = 100;

/** Runs the `tasks` with at most `limit` of them in flight; the results in the tasks' order. */
async function inFlight<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}

describe('votes under concurrency', () => {
  it('many members voting and unvoting at once: votesCount equals the active vote rows, for every idea', async () => {
    const author = await signedInAs(test, 'MEMBER', 'Author');
    const ideas = [
      await submitIdea(author.agent),
      await submitIdea(author.agent),
      await submitIdea(author.agent),
    ];
    const members: { agent: GraphQLAgent; id: string }[] = [];
    for (let i = 0; i < MEMBERS; i++) members.push(await signedInAs(test, 'MEMBER', `Member ${i}`));

    // Each member fires, at once with everyone else, votes and unvotes on the three ideas, in an
    // order of its own (including repeats that must be refused); the members' requests interleave.
    const perMember = members.map(({ agent }, m) =>
      Array.from({ length: ROUNDS }, (_, round) =>
        ideas.flatMap((idea, i) => {
          const input = { input: { ideaId: idea.id } };
          const first = (m + round + i) % 2 === 0 ? VOTE : UNVOTE;
          return [
            () => agent.request(first, input),
            () => agent.request(VOTE, input),
            () => agent.request(UNVOTE, input),
            () => agent.request(VOTE, input),
          ];
        }),
      ).flat(),
    );
    // Taken in turns (each member's first request, then each one's second, …): every member is in flight.
    const requests = perMember[0].flatMap((_, k) => perMember.map((tasks) => tasks[k]));
    const results = await inFlight(requests, IN_FLIGHT);

    // Refusals are answers (CONFLICT: already voted / not voted), never an internal error.
    const codes = new Set(results.flatMap((r) => r.errors?.map((e) => e.extensions?.code) ?? []));
    expect([...codes].filter((c) => c !== 'CONFLICT')).toEqual([]);
    expect(results.length).toBe(MEMBERS * ROUNDS * ideas.length * 4);

    for (const idea of ideas) {
      const counts = await voteCounts(test, idea.id);
      expect(counts.stored).toBe(counts.active);
      expect((await test.agent().data(IDEA, { id: idea.id })).idea.votesCount).toBe(counts.active);
      const [{ duplicates }] = await test.db.query(
        `SELECT count(*)::int AS duplicates FROM (SELECT user_id FROM idea_votes WHERE idea_id = $1 AND withdrawn_at IS NULL
         GROUP BY user_id HAVING count(*) > 1) d`,
        [idea.id],
      );
      expect(duplicates).toBe(0);
    }
    // And what each member is shown matches their own rows.
    for (const member of members.slice(0, 8)) {
      const { idea } = await member.agent.data(IDEA, { id: ideas[0].id });
      const rows = await test.db.query(
        `SELECT 1 FROM idea_votes WHERE idea_id = $1 AND user_id = $2 AND withdrawn_at IS NULL`,
        [ideas[0].id, member.id],
      );
      expect(idea.viewerHasVoted).toBe(rows.length === 1);
    }
  });
});
