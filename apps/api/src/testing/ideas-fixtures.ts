import { GraphQLAgent, TestApp } from './test-app';

/** GraphQL documents and helpers shared by the idea box's integration tests. */
export const IDEA_FIELDS = `id title status votesCount viewerHasVoted votingOpen commentsCount body bodyMarkdown
  author { id displayName } mergedInto { id } campaign { id }`;

export const SUBMIT = `mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { ${IDEA_FIELDS} } }`;
export const VOTE = `mutation ($input: VoteInput!) { vote(input: $input) { id votesCount viewerHasVoted } }`;
export const UNVOTE = `mutation ($input: VoteInput!) { unvote(input: $input) { id votesCount viewerHasVoted } }`;
export const SET_STATUS = `mutation ($input: SetIdeaStatusInput!) { setIdeaStatus(input: $input) { id status
  statusHistory { fromStatus toStatus response responseMarkdown votesMoved createdAt } } }`;
export const MERGE = `mutation ($input: MergeIdeaInput!) { mergeIdea(input: $input) { id status votesCount mergedInto { id votesCount } } }`;
export const IDEA = `query ($id: ID!) { idea(id: $id) { ${IDEA_FIELDS}
  statusHistory { fromStatus toStatus response votesMoved } mergedIdeas { id } } }`;
export const CREATE_CAMPAIGN = `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) {
  id title question phase votesPerMember opensAt closesAt } }`;
export const CAMPAIGN = `query ($id: ID!) { campaign(id: $id) { id phase votesPerMember ideasCount viewerVotesUsed viewerVotesRemaining
  ranking { rank votes idea { id title } } winner { id title } } }`;
export const NOTIFICATIONS = `{ notifications(first: 20) { unreadCount totalCount
  edges { node { id kind fromStatus toStatus readAt idea { id title status } actor { displayName } } } } }`;

export async function createIdeaSpace(test: TestApp, slug = 'ideas'): Promise<string> {
  const [space] = await test.db.query(
    `INSERT INTO spaces (slug, name, kind, position) VALUES ($1, 'Idea box', 'IDEAS', 2) RETURNING id`,
    [slug],
  );
  return space.id;
}

let counter = 0;
export async function submitIdea(
  agent: GraphQLAgent,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; [key: string]: any }> {
  counter += 1;
  const { submitIdea: idea } = await agent.data(SUBMIT, {
    input: {
      title: `An idea worth voting for, number ${counter}`,
      body: 'It would make **everyone** happier.',
      ...extra,
    },
  });
  return idea;
}

/** Active vote rows and the stored count of an idea: they must always agree. */
export async function voteCounts(
  test: TestApp,
  ideaId: string,
): Promise<{ stored: number; active: number; rows: number }> {
  const [row] = await test.db.query(
    `SELECT i.votes_count AS stored,
       (SELECT count(*)::int FROM idea_votes v WHERE v.idea_id = i.id AND v.withdrawn_at IS NULL) AS active,
       (SELECT count(*)::int FROM idea_votes v WHERE v.idea_id = i.id) AS rows
     FROM ideas i WHERE i.id = $1`,
    [ideaId],
  );
  return row;
}

export const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();
