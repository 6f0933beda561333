import { GraphQLAgent } from './test-app';

/** GraphQL operations shared by the threads tests, and asking and replying through them. */
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
