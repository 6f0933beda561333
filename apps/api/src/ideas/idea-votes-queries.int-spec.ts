import { useCommunity } from '../testing/community';
import { submitIdea } from '../testing/ideas-fixtures';
import { webOperation } from '../testing/web-operations';

const { test, who } = useCommunity();

describe('a vote as the web app sends it (VoteForIdea)', () => {
  it('reads the idea once, inside its transaction, and nothing after COMMIT', async () => {
    const idea = await submitIdea(who.asker.agent);
    const { result, queries } = await test.countQueries(() =>
      who.member.agent.data(webOperation('VoteForIdea'), { input: { ideaId: idea.id } }),
    );
    // The author's own vote and this one, as the trigger counted them; the viewer's vote known.
    expect(result.vote).toMatchObject({ id: idea.id, votesCount: 2, viewerHasVoted: true });
    const listed = queries.map((q) => q.replace(/\s+/g, ' ').slice(0, 120));
    expect(queries.filter((q) => /FROM ideas i/.test(q))).toHaveLength(1);
    expect(listed.slice(listed.indexOf('COMMIT') + 1)).toEqual([]);
    // The session, then BEGIN, the voting limit, following the idea, the vote, the idea with its live event, COMMIT.
    expect(listed).toHaveLength(7);
  });

  it("locks the idea's row last: after the vote, only the idea's count (with the live event) before COMMIT", async () => {
    const idea = await submitIdea(who.asker.agent);
    const { queries } = await test.countQueries(() =>
      who.member.agent.data(webOperation('VoteForIdea'), { input: { ideaId: idea.id } }),
    );
    // Every other vote for this idea waits on its row from the insert (its trigger counts the
    // vote) to COMMIT: the voting limit and following the idea come before; the live event is
    // sent by the statement that reads the count.
    const vote = queries.findIndex((q) => /INSERT INTO "idea_votes"/.test(q));
    for (const before of [/INSERT INTO rate_limit_hits/, /INSERT INTO follows/])
      expect(queries.slice(0, vote).filter((q) => before.test(q))).toHaveLength(1);
    expect(queries.slice(vote + 1).map((q) => q.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/pg_notify.*FROM ideas i/),
      'COMMIT',
    ]);
  });

  it('still tells a vote for no idea, and a second vote, apart', async () => {
    const missing = await who.member.agent.request(webOperation('VoteForIdea'), {
      input: { ideaId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const idea = await submitIdea(who.asker.agent);
    await who.member.agent.data(webOperation('VoteForIdea'), { input: { ideaId: idea.id } });
    const again = await who.member.agent.request(webOperation('VoteForIdea'), { input: { ideaId: idea.id } });
    expect(again.errors?.[0]).toMatchObject({
      message: 'You have already voted for this idea.',
      extensions: { code: 'CONFLICT', field: 'ideaId' },
    });
  });
});
