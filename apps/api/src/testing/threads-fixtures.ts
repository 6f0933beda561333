import { GraphQLAgent, signedInAs, TestApp } from './test-app';

/** GraphQL operations and people shared by the threads tests. */
export const POST_FIELDS = `id isQuestion bodyHtml bodyMarkdown isOfficial thanksCount createdAt editedAt isAcceptedAnswer viewerHasThanked
  author { id displayName role reputation } revisions { bodyMarkdown bodyHtml writtenAt replacedAt }`;
export const THREAD_FIELDS = `id title language status locked repliesCount createdAt lastActivityAt
  space { slug } author { id displayName }
  question { ${POST_FIELDS} }
  acceptedAnswer { id author { displayName } }
  sla { firstResponseDueAt answerDueAt firstResponseAt answeredAt breached firstResponseBreached answerBreached nextDueAt }
  privateFollowUp { agent { displayName role } startedAt followUpId }
  viewerCanReply viewerCanAcceptAnswer viewerCanResolve viewerCanStartPrivateFollowUp`;

export const CREATE_THREAD = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { ${THREAD_FIELDS} } }`;
export const REPLY = `mutation ($input: ReplyInput!) { reply(input: $input) { ${POST_FIELDS} } }`;
export const EDIT_POST = `mutation ($input: EditPostInput!) { editPost(input: $input) { ${POST_FIELDS} } }`;
export const ACCEPT = `mutation ($input: PostIdInput!) { acceptAnswer(input: $input) { ${THREAD_FIELDS} } }`;
export const RESOLVE = `mutation ($input: ThreadIdInput!) { resolveThread(input: $input) { id status } }`;
export const REOPEN = `mutation ($input: ThreadIdInput!) { reopenThread(input: $input) { id status } }`;
export const THANK = `mutation ($input: PostIdInput!) { thank(input: $input) { id thanksCount viewerHasThanked author { reputation } } }`;
export const THREAD = `query ($id: ID!) { thread(id: $id) { ${THREAD_FIELDS} posts(first: 100) { totalCount edges { node { ${POST_FIELDS} } } } } }`;

export interface People {
  asker: Person;
  member: Person;
  expert: Person;
  staff: Person;
  moderator: Person;
  visitor: GraphQLAgent;
}

export interface Person {
  agent: GraphQLAgent;
  id: string;
}

export async function people(test: TestApp): Promise<People> {
  return {
    asker: await signedInAs(test, 'MEMBER', 'Ana Asker'),
    member: await signedInAs(test, 'MEMBER', 'Marc Member'),
    expert: await signedInAs(test, 'EXPERT', 'Eva Expert'),
    staff: await signedInAs(test, 'STAFF', 'Sarah Staff'),
    moderator: await signedInAs(test, 'MODERATOR', 'Malik Moderator'),
    visitor: test.agent(),
  };
}

/** The help, ideas and announcements spaces of a fresh database; returns their ids by slug. */
export async function spaces(test: TestApp): Promise<Record<'help' | 'ideas' | 'news' | 'fast', string>> {
  const rows: { id: string; slug: 'help' | 'ideas' | 'news' | 'fast' }[] = await test.db.query(
    `INSERT INTO spaces (slug, name, kind, position, first_response_minutes, answer_minutes) VALUES
       ('help', 'Help', 'HELP', 1, 60, 1440), ('ideas', 'Ideas', 'IDEAS', 2, 60, 1440),
       ('news', 'News', 'ANNOUNCEMENTS', 3, 60, 1440), ('fast', 'Priority help', 'HELP', 4, 5, 30)
     RETURNING id, slug`,
  );
  return Object.fromEntries(rows.map((r) => [r.slug, r.id])) as Record<
    'help' | 'ideas' | 'news' | 'fast',
    string
  >;
}

export async function ask(
  agent: GraphQLAgent,
  spaceId: string,
  title = 'My card is refused at checkout',
  body = 'It says **declined**. Why?',
  language = 'en',
) {
  return (await agent.data(CREATE_THREAD, { input: { spaceId, title, bodyMarkdown: body, language } }))
    .createThread;
}

export async function reply(agent: GraphQLAgent, threadId: string, body = 'Try clearing the cache.') {
  return (await agent.data(REPLY, { input: { threadId, bodyMarkdown: body } })).reply;
}
