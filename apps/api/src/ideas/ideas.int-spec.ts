import {
  CAMPAIGN,
  CREATE_CAMPAIGN,
  createIdeaSpace,
  hours,
  IDEA,
  MERGE,
  NOTIFICATIONS,
  SET_STATUS,
  submitIdea,
  UNVOTE,
  VOTE,
  voteCounts,
} from '../testing/ideas-fixtures';
import { signedInAs, startTestApp, useTestApp } from '../testing/test-app';
import { codeOf as code } from '../testing/community';

const test = useTestApp({ POST_LIMIT_PER_MEMBER: '10000', VOTE_LIMIT_PER_MEMBER: '10000' });
let spaceId: string;
beforeAll(async () => {
  spaceId = await createIdeaSpace(test);
});

const member = (name = 'Member') => signedInAs(test, 'MEMBER', name);

describe('submitting an idea', () => {
  it('creates a thread in the idea box whose first post is the body, and counts the author’s own vote', async () => {
    const { agent, id: authorId } = await member('Ana');
    const idea = await submitIdea(agent, {
      title: '  Oat milk at every store  ',
      body: 'Please <script>alert(1)</script> **now**',
    });
    expect(idea).toMatchObject({
      title: 'Oat milk at every store',
      status: 'NEW',
      votesCount: 1,
      viewerHasVoted: true,
      votingOpen: true,
      commentsCount: 0,
      author: { id: authorId, displayName: 'Ana' },
      bodyMarkdown: 'Please <script>alert(1)</script> **now**',
    });
    expect(idea.body).toContain('<strong>now</strong>');
    expect(idea.body).not.toContain('<script>');
    const [row] = await test.db.query(
      `SELECT t.space_id, t.author_id, p.is_question FROM ideas i JOIN threads t ON t.id = i.thread_id JOIN posts p ON p.thread_id = t.id WHERE i.id = $1`,
      [idea.id],
    );
    expect(row).toEqual({ space_id: spaceId, author_id: authorId, is_question: true });
  });

  it('refuses a visitor, and a too-short title with BAD_USER_INPUT naming the field, writing nothing', async () => {
    const before = (await test.db.query(`SELECT count(*)::int AS n FROM threads`))[0].n;
    const visitor = await test
      .agent()
      .request(`mutation { submitIdea(input: { title: "A fine idea", body: "x" }) { id } }`);
    expect(code(visitor)).toBe('UNAUTHENTICATED');
    const { agent } = await member();
    const short = await agent.request(`mutation { submitIdea(input: { title: "Hi", body: "x" }) { id } }`);
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect((await test.db.query(`SELECT count(*)::int AS n FROM threads`))[0].n).toBe(before);
  });

  it('shows similar ideas while a title is typed, so people vote instead of duplicating', async () => {
    const { agent } = await member();
    const idea = await submitIdea(agent, { title: 'Reusable cups with a deposit' });
    const { similarIdeas } = await test
      .agent()
      .data(`{ similarIdeas(title: "deposit for reusable") { id title } }`);
    expect(similarIdeas.map((i: { id: string }) => i.id)).toContain(idea.id);
  });
});

describe('voting', () => {
  it('counts one vote per member and refuses a second one with CONFLICT, leaving the count unchanged', async () => {
    const { agent: author } = await member();
    const idea = await submitIdea(author);
    const { agent } = await member();
    expect((await agent.data(VOTE, { input: { ideaId: idea.id } })).vote).toEqual({
      id: idea.id,
      votesCount: 2,
      viewerHasVoted: true,
    });
    const twice = await agent.request(VOTE, { input: { ideaId: idea.id } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'ideaId' });
    expect(twice.errors?.[0].message).toMatch(/already voted/);
    expect(await voteCounts(test, idea.id)).toEqual({ stored: 2, active: 2, rows: 2 });
  });

  it('unvoting withdraws the vote but keeps it in the history; voting again adds a new row', async () => {
    const { agent: author } = await member();
    const idea = await submitIdea(author);
    const { agent, id: voterId } = await member();
    await agent.data(VOTE, { input: { ideaId: idea.id } });
    expect((await agent.data(UNVOTE, { input: { ideaId: idea.id } })).unvote).toMatchObject({
      votesCount: 1,
      viewerHasVoted: false,
    });
    expect((await agent.request(UNVOTE, { input: { ideaId: idea.id } })).errors?.[0].message).toMatch(
      /not voted/,
    );
    await agent.data(VOTE, { input: { ideaId: idea.id } });
    const rows = await test.db.query(
      `SELECT withdrawn_at FROM idea_votes WHERE idea_id = $1 AND user_id = $2 ORDER BY created_at`,
      [idea.id, voterId],
    );
    expect(rows.map((r: { withdrawn_at: Date | null }) => r.withdrawn_at === null)).toEqual([false, true]);
    expect(await voteCounts(test, idea.id)).toEqual({ stored: 2, active: 2, rows: 3 });
  });

  it('the author can withdraw their automatic vote like anyone else', async () => {
    const { agent } = await member();
    const idea = await submitIdea(agent);
    expect((await agent.data(UNVOTE, { input: { ideaId: idea.id } })).unvote.votesCount).toBe(0);
  });

  it('the database refuses a second active vote, deleting a vote, and rewriting vote history', async () => {
    const { agent, id: userId } = await member();
    const idea = await submitIdea(agent);
    await expect(
      test.db.query(`INSERT INTO idea_votes (idea_id, user_id) VALUES ($1, $2)`, [idea.id, userId]),
    ).rejects.toThrow(/idea_votes_one_active_per_member_key/);
    await expect(
      test.asOwner((query) => query(`DELETE FROM idea_votes WHERE idea_id = $1`, [idea.id])),
    ).rejects.toThrow(/never deletes/);
    await expect(
      test.asOwner((query) => query(`DELETE FROM ideas WHERE id = $1`, [idea.id])),
    ).rejects.toThrow(/never deletes/);
    await test.db.query(`UPDATE idea_votes SET withdrawn_at = now() WHERE idea_id = $1`, [idea.id]);
    await expect(
      test.db.query(`UPDATE idea_votes SET withdrawn_at = NULL WHERE idea_id = $1`, [idea.id]),
    ).rejects.toThrow(/can only be withdrawn, once/);
    expect(await voteCounts(test, idea.id)).toEqual({ stored: 0, active: 0, rows: 1 });
  });

  it.each(['LAUNCHED', 'DECLINED'])('is closed on a %s idea: no new vote, no withdrawal', async (status) => {
    const staff = await signedInAs(test, 'STAFF');
    const { agent } = await member();
    const idea = await submitIdea(agent);
    const { agent: voter } = await member();
    await voter.data(VOTE, { input: { ideaId: idea.id } });
    await staff.agent.data(SET_STATUS, { input: { ideaId: idea.id, status, response: 'Here is why.' } });
    const late = await (await member()).agent.request(VOTE, { input: { ideaId: idea.id } });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'ideaId' });
    expect(late.errors?.[0].message).toMatch(/Voting is closed/);
    expect(code(await voter.request(UNVOTE, { input: { ideaId: idea.id } }))).toBe('CONFLICT');
    expect((await test.agent().data(IDEA, { id: idea.id })).idea).toMatchObject({
      votesCount: 2,
      votingOpen: false,
    });
  });

  it('a visitor cannot vote, and a malformed id is bad input', async () => {
    const { agent } = await member();
    const idea = await submitIdea(agent);
    expect(code(await test.agent().request(VOTE, { input: { ideaId: idea.id } }))).toBe('UNAUTHENTICATED');
    const malformed = await agent.request(VOTE, { input: { ideaId: 'nope' } });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ideaId' });
    const unknown = await agent.request(VOTE, { input: { ideaId: '00000000-0000-4000-8000-000000000000' } });
    expect(code(unknown)).toBe('NOT_FOUND');
  });

  it('is rate limited per member (RATE_LIMITED once over the configured limit)', async () => {
    const strict = await startTestApp({ VOTE_LIMIT_PER_MEMBER: '2' }, test.databaseUrl);
    try {
      const { agent } = await member();
      const ideas = [await submitIdea(agent), await submitIdea(agent), await submitIdea(agent)];
      const voter = strict.agent();
      await voter.registerMember();
      await voter.data(VOTE, { input: { ideaId: ideas[0].id } });
      await voter.data(VOTE, { input: { ideaId: ideas[1].id } });
      const limited = await voter.request(VOTE, { input: { ideaId: ideas[2].id } });
      expect(code(limited)).toBe('RATE_LIMITED');
      expect(limited.errors?.[0].message).toMatch(/Wait a few minutes/);
    } finally {
      await strict.close();
    }
  });
});

describe('statuses', () => {
  it('a member cannot change a status (FORBIDDEN), and nothing changes', async () => {
    const { agent } = await member();
    const idea = await submitIdea(agent);
    const result = await agent.request(SET_STATUS, {
      input: { ideaId: idea.id, status: 'PLANNED', response: 'Yes!' },
    });
    expect(code(result)).toBe('FORBIDDEN');
    expect(
      code(await test.agent().request(SET_STATUS, { input: { ideaId: idea.id, status: 'UNDER_REVIEW' } })),
    ).toBe('UNAUTHENTICATED');
    expect((await test.agent().data(IDEA, { id: idea.id })).idea).toMatchObject({
      status: 'NEW',
      statusHistory: [],
    });
  });

  it.each(['PLANNED', 'DECLINED'])('%s requires an official response', async (status) => {
    const staff = await signedInAs(test, 'STAFF');
    const idea = await submitIdea((await member()).agent);
    const result = await staff.agent.request(SET_STATUS, {
      input: { ideaId: idea.id, status, response: '   ' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'response' });
    expect((await test.agent().data(IDEA, { id: idea.id })).idea.status).toBe('NEW');
  });

  it('refuses a change the road does not allow, and MERGED by hand', async () => {
    const staff = await signedInAs(test, 'STAFF');
    const idea = await submitIdea((await member()).agent);
    await staff.agent.data(SET_STATUS, { input: { ideaId: idea.id, status: 'LAUNCHED' } });
    const back = await staff.agent.request(SET_STATUS, {
      input: { ideaId: idea.id, status: 'PLANNED', response: 'Oops' },
    });
    expect(back.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'status' });
    expect(back.errors?.[0].message).toBe('An idea that is LAUNCHED cannot become PLANNED.');
    const merged = await staff.agent.request(SET_STATUS, { input: { ideaId: idea.id, status: 'MERGED' } });
    expect(code(merged)).toBe('BAD_USER_INPUT');
  });

  it('keeps a public history of every change: from, to, official response (sanitized), who and when', async () => {
    const moderator = await signedInAs(test, 'MODERATOR', 'Malik');
    const idea = await submitIdea((await member()).agent);
    await moderator.agent.data(SET_STATUS, { input: { ideaId: idea.id, status: 'UNDER_REVIEW' } });
    await moderator.agent.data(SET_STATUS, {
      input: {
        ideaId: idea.id,
        status: 'PLANNED',
        response: 'Coming in **spring** <img src=x onerror=alert(1)>',
      },
    });
    const { idea: seen } = await test
      .agent()
      .data(
        `query ($id: ID!) { idea(id: $id) { status officialResponse { response } statusHistory { fromStatus toStatus response changedBy { displayName } createdAt } } }`,
        { id: idea.id },
      );
    expect(seen.status).toBe('PLANNED');
    expect(
      seen.statusHistory.map(
        (c: { fromStatus: string; toStatus: string }) => `${c.fromStatus}>${c.toStatus}`,
      ),
    ).toEqual(['NEW>UNDER_REVIEW', 'UNDER_REVIEW>PLANNED']);
    expect(seen.statusHistory[1].changedBy.displayName).toBe('Malik');
    expect(seen.statusHistory[1].response).toContain('<strong>spring</strong>');
    expect(seen.statusHistory[1].response).not.toMatch(/<img/);
    expect(seen.officialResponse.response).toBe(seen.statusHistory[1].response);
  });

  it('notifies every active voter and the author (not the staff member, not a withdrawn voter), in one statement', async () => {
    const author = await member('Author');
    const idea = await submitIdea(author.agent);
    const voters = await Promise.all([member('V1'), member('V2'), member('V3')]);
    for (const v of voters) await v.agent.data(VOTE, { input: { ideaId: idea.id } });
    await voters[2].agent.data(UNVOTE, { input: { ideaId: idea.id } });
    const staff = await signedInAs(test, 'STAFF', 'Sarah');
    await staff.agent.data(VOTE, { input: { ideaId: idea.id } });

    const { queries } = await test.countQueries(() =>
      staff.agent.data(SET_STATUS, {
        input: { ideaId: idea.id, status: 'PLANNED', response: 'We will do it.' },
      }),
    );
    expect(queries.filter((q) => /INSERT INTO notifications/.test(q))).toHaveLength(1);

    const recipients = await test.db.query(
      `SELECT user_id FROM notifications WHERE subject_type = 'IDEA' AND subject_id = $1 ORDER BY user_id`,
      [idea.id],
    );
    expect(recipients.map((r: { user_id: string }) => r.user_id)).toEqual(
      [author.id, voters[0].id, voters[1].id].sort(),
    );

    const { notifications } = await voters[0].agent.data(NOTIFICATIONS);
    expect(notifications.unreadCount).toBe(1);
    expect(notifications.edges[0].node).toMatchObject({
      kind: 'IDEA_STATUS_CHANGED',
      fromStatus: 'NEW',
      toStatus: 'PLANNED',
      readAt: null,
      idea: { id: idea.id, status: 'PLANNED' },
      actor: { displayName: 'Sarah' },
    });
    expect((await voters[0].agent.data(`mutation { markNotificationsRead }`)).markNotificationsRead).toBe(0);
    expect((await voters[0].agent.data(NOTIFICATIONS)).notifications.unreadCount).toBe(0);
    expect((await voters[2].agent.data(NOTIFICATIONS)).notifications.totalCount).toBe(0);
  });

  it('notifications are private: a visitor is asked to sign in, and one cannot mark someone else’s read', async () => {
    expect(code(await test.agent().request(NOTIFICATIONS))).toBe('UNAUTHENTICATED');
    const author = await member();
    const idea = await submitIdea(author.agent);
    const staff = await signedInAs(test, 'STAFF');
    await staff.agent.data(SET_STATUS, { input: { ideaId: idea.id, status: 'UNDER_REVIEW' } });
    const [{ id }] = await test.db.query(`SELECT id FROM notifications WHERE user_id = $1`, [author.id]);
    await (
      await member()
    ).agent.data(`mutation ($ids: [ID!]) { markNotificationsRead(input: { ids: $ids }) }`, { ids: [id] });
    expect((await author.agent.data(NOTIFICATIONS)).notifications.unreadCount).toBe(1);
  });
});

describe('merging duplicates', () => {
  it('moves the votes to the target without counting anyone twice, keeps the comments and records the merge', async () => {
    const [sourceAuthor, targetAuthor, onlySource, both, onlyTarget] = await Promise.all(
      ['Sam', 'Tom', 'Ada', 'Bob', 'Cy'].map((name) => member(name)),
    );
    const source = await submitIdea(sourceAuthor.agent, { title: 'Vegan croissant please' });
    const target = await submitIdea(targetAuthor.agent, { title: 'A vegan croissant' });
    await onlySource.agent.data(VOTE, { input: { ideaId: source.id } });
    await both.agent.data(VOTE, { input: { ideaId: source.id } });
    await both.agent.data(VOTE, { input: { ideaId: target.id } });
    await onlyTarget.agent.data(VOTE, { input: { ideaId: target.id } });
    const [{ thread_id: threadId }] = await test.db.query(`SELECT thread_id FROM ideas WHERE id = $1`, [
      source.id,
    ]);
    await both.agent.data(`mutation ($input: ReplyInput!) { reply(input: $input) { id } }`, {
      input: { threadId, bodyMarkdown: 'Same as the other one!' },
    });

    const moderator = await signedInAs(test, 'MODERATOR');
    const { mergeIdea } = await moderator.agent.data(MERGE, {
      input: { sourceId: source.id, intoId: target.id },
    });
    // Target: T, B, C + S, A moved; B voted for both and counts once.
    expect(mergeIdea).toEqual({
      id: source.id,
      status: 'MERGED',
      votesCount: 0,
      mergedInto: { id: target.id, votesCount: 5 },
    });
    expect(await voteCounts(test, target.id)).toMatchObject({ stored: 5, active: 5 });
    expect(await voteCounts(test, source.id)).toEqual({ stored: 0, active: 0, rows: 3 });

    const { idea: seen } = await test.agent().data(
      `query ($id: ID!) { idea(id: $id) { status mergedInto { id } votingOpen commentsCount comments { edges { node { bodyHtml } } }
        statusHistory { fromStatus toStatus votesMoved mergedInto { id } } } }`,
      { id: source.id },
    );
    expect(seen).toMatchObject({
      status: 'MERGED',
      mergedInto: { id: target.id },
      votingOpen: false,
      commentsCount: 1,
    });
    expect(seen.comments.edges[0].node.bodyHtml).toContain('Same as the other one!');
    expect(seen.statusHistory).toEqual([
      { fromStatus: 'NEW', toStatus: 'MERGED', votesMoved: 2, mergedInto: { id: target.id } },
    ]);
    expect((await test.agent().data(IDEA, { id: target.id })).idea.mergedIdeas).toEqual([{ id: source.id }]);

    expect(code(await onlyTarget.agent.request(VOTE, { input: { ideaId: source.id } }))).toBe('CONFLICT');
    expect((await onlySource.agent.data(IDEA, { id: target.id })).idea.viewerHasVoted).toBe(true);
    const [notice] = (await onlySource.agent.data(NOTIFICATIONS)).notifications.edges;
    expect(notice.node).toMatchObject({ kind: 'IDEA_MERGED', toStatus: 'MERGED', idea: { id: source.id } });
  });

  it('only moderators merge, never an idea into itself, and never twice', async () => {
    const a = await submitIdea((await member()).agent);
    const b = await submitIdea((await member()).agent);
    const staff = await signedInAs(test, 'STAFF');
    expect(code(await staff.agent.request(MERGE, { input: { sourceId: a.id, intoId: b.id } }))).toBe(
      'FORBIDDEN',
    );
    const moderator = await signedInAs(test, 'MODERATOR');
    const self = await moderator.agent.request(MERGE, { input: { sourceId: a.id, intoId: a.id } });
    expect(self.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'intoId' });
    await moderator.agent.data(MERGE, { input: { sourceId: a.id, intoId: b.id } });
    const again = await moderator.agent.request(MERGE, { input: { sourceId: a.id, intoId: b.id } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'sourceId' });
    const intoMerged = await moderator.agent.request(MERGE, { input: { sourceId: b.id, intoId: a.id } });
    expect(intoMerged.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'intoId' });
    const status = await moderator.agent.request(SET_STATUS, {
      input: { ideaId: a.id, status: 'UNDER_REVIEW' },
    });
    expect(status.errors?.[0].message).toMatch(/merged into another/);
  });
});

describe('campaigns', () => {
  const campaignInput = (extra: Record<string, unknown> = {}) => ({
    title: 'Our next flavour',
    question: 'Which flavour should we make next?',
    opensAt: hours(-1),
    closesAt: hours(24),
    ...extra,
  });

  it('are created by staff or moderators only, with a closing time after the opening time', async () => {
    expect(code(await (await member()).agent.request(CREATE_CAMPAIGN, { input: campaignInput() }))).toBe(
      'FORBIDDEN',
    );
    const staff = await signedInAs(test, 'STAFF');
    const backwards = await staff.agent.request(CREATE_CAMPAIGN, {
      input: campaignInput({ opensAt: hours(5), closesAt: hours(2) }),
    });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'closesAt' });
    const zero = await staff.agent.request(CREATE_CAMPAIGN, { input: campaignInput({ votesPerMember: 0 }) });
    expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'votesPerMember' });
    const { createCampaign } = await staff.agent.data(CREATE_CAMPAIGN, {
      input: campaignInput({ votesPerMember: 3 }),
    });
    expect(createCampaign).toMatchObject({ title: 'Our next flavour', phase: 'OPEN', votesPerMember: 3 });
    const { campaigns } = await test.agent().data(`{ campaigns { id phase } }`);
    expect(campaigns).toContainEqual({ id: createCampaign.id, phase: 'OPEN' });
  });

  it('refuse dates far from today with BAD_USER_INPUT naming the field, never an internal error', async () => {
    const staff = await signedInAs(test, 'STAFF');
    const before = (await test.db.query(`SELECT count(*)::int AS n FROM campaigns`))[0].n;
    for (const [field, dates] of [
      ['opensAt', { opensAt: '-010000-01-01T00:00:00Z' }],
      ['opensAt', { opensAt: '2001-01-01T00:00:00Z' }],
      ['closesAt', { closesAt: '+275000-01-01T00:00:00Z' }],
      ['closesAt', { closesAt: '9999-12-31T00:00:00Z' }],
    ] as const) {
      const result = await staff.agent.request(CREATE_CAMPAIGN, { input: campaignInput(dates) });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(result.errors?.[0].message).toMatch(new RegExp(`^${field} must be between`));
    }
    expect((await test.db.query(`SELECT count(*)::int AS n FROM campaigns`))[0].n).toBe(before);
  });

  it('take ideas before they open but votes only while open', async () => {
    const staff = await signedInAs(test, 'STAFF');
    const { createCampaign: upcoming } = await staff.agent.data(CREATE_CAMPAIGN, {
      input: campaignInput({ opensAt: hours(2), closesAt: hours(48) }),
    });
    expect(upcoming.phase).toBe('UPCOMING');
    const { agent } = await member();
    const idea = await submitIdea(agent, { campaignId: upcoming.id });
    // The automatic author vote is skipped: the campaign is not open yet.
    expect(idea).toMatchObject({
      votesCount: 0,
      viewerHasVoted: false,
      votingOpen: false,
      campaign: { id: upcoming.id },
    });
    const early = await (await member()).agent.request(VOTE, { input: { ideaId: idea.id } });
    expect(early.errors?.[0].message).toBe('This campaign is not open for voting.');
  });

  it('refuse a vote beyond the member’s budget with a clear error, and count the author’s vote in it', async () => {
    const staff = await signedInAs(test, 'STAFF');
    const { createCampaign: campaign } = await staff.agent.data(CREATE_CAMPAIGN, {
      input: campaignInput({ votesPerMember: 2 }),
    });
    const proposer = await member('Proposer');
    const ideas = [];
    for (let i = 0; i < 3; i++) ideas.push(await submitIdea(proposer.agent, { campaignId: campaign.id }));
    // The proposer's automatic votes went to the first two ideas; the third had to go without.
    expect(ideas.map((i) => i.votesCount)).toEqual([1, 1, 0]);

    const voter = await member();
    await voter.agent.data(VOTE, { input: { ideaId: ideas[0].id } });
    await voter.agent.data(VOTE, { input: { ideaId: ideas[1].id } });
    const over = await voter.agent.request(VOTE, { input: { ideaId: ideas[2].id } });
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'ideaId' });
    expect(over.errors?.[0].message).toBe(
      'You have used all 2 of your votes in “Our next flavour”. Withdraw one of them to vote for this idea.',
    );
    expect((await voter.agent.data(CAMPAIGN, { id: campaign.id })).campaign).toMatchObject({
      viewerVotesUsed: 2,
      viewerVotesRemaining: 0,
    });

    await voter.agent.data(UNVOTE, { input: { ideaId: ideas[0].id } });
    await voter.agent.data(VOTE, { input: { ideaId: ideas[2].id } });
    expect((await voter.agent.data(CAMPAIGN, { id: campaign.id })).campaign.viewerVotesRemaining).toBe(0);
  });

  it('hold the budget when a member fires many votes at once', async () => {
    const staff = await signedInAs(test, 'STAFF');
    const { createCampaign: campaign } = await staff.agent.data(CREATE_CAMPAIGN, {
      input: campaignInput({ votesPerMember: 2 }),
    });
    const ideas = [];
    for (let i = 0; i < 6; i++) ideas.push(await submitIdea(staff.agent, { campaignId: campaign.id }));
    const voter = await member();
    const results = await Promise.all(
      ideas.map((idea) => voter.agent.request(VOTE, { input: { ideaId: idea.id } })),
    );
    expect(results.filter((r) => !r.errors).length).toBe(2);
    expect(
      results.filter((r) => r.errors).every((r) => r.errors?.[0].message.startsWith('You have used all 2')),
    ).toBe(true);
    const [{ n }] = await test.db.query(
      `SELECT count(*)::int AS n FROM idea_votes v JOIN ideas i ON i.id = v.idea_id WHERE i.campaign_id = $1 AND v.user_id = $2 AND v.withdrawn_at IS NULL`,
      [campaign.id, voter.id],
    );
    expect(n).toBe(2);
  });

  it('when closed, refuse votes and new ideas, freeze the ranking and show the winner', async () => {
    const staff = await signedInAs(test, 'STAFF');
    const { createCampaign: campaign } = await staff.agent.data(CREATE_CAMPAIGN, { input: campaignInput() });
    const [a, b, c] = [await member(), await member(), await member()];
    const first = await submitIdea(a.agent, { campaignId: campaign.id, title: 'Mango and chili' });
    const second = await submitIdea(b.agent, { campaignId: campaign.id, title: 'Cucumber and mint' });
    await c.agent.data(VOTE, { input: { ideaId: second.id } });
    await a.agent.data(VOTE, { input: { ideaId: second.id } });

    const live = (await test.agent().data(CAMPAIGN, { id: campaign.id })).campaign;
    expect(live).toMatchObject({ phase: 'OPEN', winner: null, ideasCount: 2 });
    expect(live.ranking.map((r: { rank: number; votes: number }) => [r.rank, r.votes])).toEqual([
      [1, 3],
      [2, 1],
    ]);

    await test.db.query(`UPDATE campaigns SET closes_at = now() WHERE id = $1`, [campaign.id]);
    expect(code(await b.agent.request(VOTE, { input: { ideaId: first.id } }))).toBe('CONFLICT');
    const withdraw = await c.agent.request(UNVOTE, { input: { ideaId: second.id } });
    expect(withdraw.errors?.[0].message).toBe('This campaign is closed: its votes are final.');
    const late = await c.agent.request(
      `mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }`,
      {
        input: { title: 'Too late an idea', body: 'x', campaignId: campaign.id },
      },
    );
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'campaignId' });
    // Even a change behind the API's back after closing does not move the final ranking.
    await test.db.query(
      `UPDATE idea_votes SET withdrawn_at = now() WHERE idea_id = $1 AND withdrawn_at IS NULL`,
      [second.id],
    );

    const closed = (await test.agent().data(CAMPAIGN, { id: campaign.id })).campaign;
    expect(closed.phase).toBe('CLOSED');
    expect(closed.ranking.map((r: { idea: { id: string }; votes: number }) => [r.idea.id, r.votes])).toEqual([
      [second.id, 3],
      [first.id, 1],
    ]);
    expect(closed.winner).toEqual({ id: second.id, title: 'Cucumber and mint' });
  });
});
