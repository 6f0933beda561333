import { graphqlAs } from './support/api';
import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

/** A community member of the demo seed, who reads Parvis in English. */
const TOM = { email: 'tom.baker@parvis.test', name: 'Tom Baker' };

const world = useParvisInChromium();

describe('an answer comes back to the asker', () => {
  it('the asker’s bell counts the expert’s answer while they read another page; the notice leads to the answer, and reading it clears the count', async () => {
    const tom = await graphqlAs(world.parvis.baseUrl, TOM.email);
    const { spaces } = await tom<{ spaces: { id: string; kind: string }[] }>(`{ spaces { id kind } }`);
    const { createThread } = await tom<{ createThread: { id: string } }>(
      `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`,
      {
        input: {
          spaceId: spaces.find((space) => space.kind === 'HELP')!.id,
          title: 'My loyalty points vanished',
          bodyMarkdown: 'I had 1,200 points yesterday and none today.',
          language: 'en',
        },
      },
    );

    const asker = await world.as(TOM.email);
    await asker.goto('/roadmap');
    const unread = async () =>
      (await tom<{ notifications: { unreadCount: number } }>(`{ notifications(first: 1) { unreadCount } }`))
        .notifications.unreadCount;
    const before = await unread();
    await asker
      .getByRole('link', { name: before > 0 ? `Notifications, ${before} unread` : 'Notifications' })
      .waitFor();

    const diego = await graphqlAs(world.parvis.baseUrl, DEMO.expert.email);
    const { reply } = await diego<{ reply: { id: string } }>(
      `mutation ($input: ReplyInput!) { reply(input: $input) { id } }`,
      {
        input: {
          threadId: createThread.id,
          bodyMarkdown: 'Points expire after a year without purchase: I restored yours.',
        },
      },
    );

    // No reload: the bell counts live (its subscription sends the count as it stands, then each change).
    await asker.getByRole('link', { name: `Notifications, ${before + 1} unread` }).waitFor();

    await asker.getByRole('link', { name: `Notifications, ${before + 1} unread` }).click();
    await asker
      .getByRole('link', { name: `${DEMO.expert.name} replied in “My loyalty points vanished”` })
      .click();
    await asker.waitForURL(new RegExp(`/t/${createThread.id}\\?post=${reply.id}#post-${reply.id}$`));
    const answer = asker.locator(`#post-${reply.id}`);
    await answer.getByText('Points expire after a year without purchase').waitFor();
    // Opening the thread read its notice.
    await asker
      .getByRole('link', { name: before > 0 ? `Notifications, ${before} unread` : 'Notifications' })
      .waitFor();
  });
});
