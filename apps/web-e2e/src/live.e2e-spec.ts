import { graphqlAs, type GraphQLAs } from './support/api';
import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

/** A community member of the demo seed (apps/api/src/threads/threads.seed.ts). */
const TOM = { email: 'tom.baker@parvis.test', name: 'Tom Baker' };

const world = useParvisInChromium();

async function createThread(api: GraphQLAs, title: string): Promise<string> {
  const { spaces } = await api<{ spaces: { id: string; kind: string }[] }>(`{ spaces { id kind } }`);
  const { createThread } = await api<{ createThread: { id: string } }>(
    `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`,
    {
      input: {
        spaceId: spaces.find((space) => space.kind === 'HELP')!.id,
        title,
        bodyMarkdown: 'The app asks for my PIN again and again.',
        language: 'en',
      },
    },
  );
  return createThread.id;
}

describe('a thread page left open', () => {
  it('shows a reply written in another browser as “1 new reply — show it”, then the reply; a hidden notice appears without a reload', async () => {
    const threadId = await createThread(
      await graphqlAs(world.parvis.baseUrl, TOM.email),
      'PIN asked every time',
    );

    const reader = await world.visitor();
    await reader.goto(`/t/${threadId}`);
    await reader.getByRole('heading', { level: 1, name: 'PIN asked every time' }).waitFor();

    const member = await world.as(DEMO.member.email);
    await member.goto(`/t/${threadId}`);
    await member.getByLabel('Your reply').fill('Turn off the battery saver for the app.');
    await member.getByRole('button', { name: 'Post my reply' }).click();
    await member.getByRole('article').filter({ hasText: 'Turn off the battery saver' }).waitFor();

    // The reader's page did not move: the reply waits behind the bar until they ask for it.
    const bar = reader.getByRole('button', { name: '1 new reply — show it' });
    await bar.waitFor({ timeout: 5000 });
    expect(await reader.getByText('Turn off the battery saver').count()).toBe(0);
    await bar.click();
    const shown = reader.getByRole('article').filter({ hasText: 'Turn off the battery saver for the app.' });
    await shown.waitFor();

    // A moderator hides it elsewhere: the open page shows the public notice, not the text.
    const moderator = await graphqlAs(world.parvis.baseUrl, DEMO.moderator.email);
    const { thread } = await moderator<{ thread: { posts: { edges: { node: { id: string } }[] } } }>(
      `query ($id: ID!) { thread(id: $id) { posts(first: 10) { edges { node { id } } } } }`,
      { id: threadId },
    );
    await moderator(`mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`, {
      input: { postId: thread.posts.edges[0].node.id, reason: 'OFF_TOPIC' },
    });
    await reader
      .getByRole('note')
      .filter({ hasText: `Hidden by ${DEMO.moderator.name}` })
      .waitFor({ timeout: 5000 });
    expect(await reader.getByText('Turn off the battery saver').count()).toBe(0);
  });
});
