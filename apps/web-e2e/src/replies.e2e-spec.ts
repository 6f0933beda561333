import type { Page } from 'playwright-core';
import { graphqlAs, type GraphQLAs } from './support/api';
import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

/** A community member of the demo seed (apps/api/src/threads/threads.seed.ts), besides the one-per-role accounts. */
const TOM = { email: 'tom.baker@parvis.test', name: 'Tom Baker' };

const world = useParvisInChromium();
const { as } = world;

async function createThread(api: GraphQLAs, title: string): Promise<string> {
  const { spaces } = await api<{ spaces: { id: string; kind: string }[] }>(`{ spaces { id kind } }`);
  const { createThread } = await api<{ createThread: { id: string } }>(
    `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`,
    {
      input: {
        spaceId: spaces.find((space) => space.kind === 'HELP')!.id,
        title,
        bodyMarkdown: 'The code in the text message is refused by the locker.',
        language: 'en',
      },
    },
  );
  return createThread.id;
}

const reply = (api: GraphQLAs, threadId: string, bodyMarkdown: string) =>
  api(`mutation ($input: ReplyInput!) { reply(input: $input) { id } }`, {
    input: { threadId, bodyMarkdown },
  });

async function postReply(page: Page, body: string) {
  await page.getByLabel('Your reply').fill(body);
  await page.getByRole('button', { name: 'Post my reply' }).click();
  const post = page.getByRole('article').filter({ hasText: body });
  await post.waitFor();
  return post;
}

describe('a reply just posted', () => {
  it('carries its moderation controls at once: a moderator hides their own new reply, an expert marks the question answered by theirs, without reloading', async () => {
    const threadId = await createThread(
      await graphqlAs(world.parvis.baseUrl, TOM.email),
      'My locker code fails',
    );

    const moderator = await as(DEMO.moderator.email);
    await moderator.goto(`/t/${threadId}`);
    const slip = await postReply(moderator, 'Try the code 4242, it is the one of a neighbour.');
    await slip.getByRole('button', { name: /^Moderate the post by / }).click();
    await slip.getByRole('menuitem', { name: 'Hide…' }).click();
    const form = moderator.getByRole('dialog', { name: 'Hide this post for a breach of the charter' });
    await form.getByLabel('Rule broken').selectOption('PERSONAL_DATA');
    await form.getByRole('button', { name: 'Hide the post' }).click();
    await slip
      .getByRole('note')
      .filter({ hasText: `Hidden by ${DEMO.moderator.name}` })
      .waitFor();

    const expert = await as(DEMO.expert.email);
    await expert.goto(`/t/${threadId}`);
    await postReply(expert, 'Ask the locker team for a new code in the app.');
    const question = expert.getByRole('region', { name: 'Question' });
    // The one reply to choose from is the expert's, posted a moment ago (the hidden one cannot answer).
    await question.getByRole('button', { name: /^Moderate the post by / }).click();
    await question.getByRole('menuitem', { name: 'Mark answered…' }).click();
    const picker = expert.getByRole('dialog', { name: 'Which reply answers this post?' });
    await picker.getByRole('radio', { name: /Ask the locker team for a new code/ }).check();
    await picker.getByRole('button', { name: 'Mark answered' }).click();
    await question.getByText(`Answered by ${DEMO.expert.name}`).waitFor();

    // Both decisions are recorded: a visitor sees them.
    const reader = await world.visitor();
    await reader.goto(`/t/${threadId}`);
    await reader
      .getByRole('region', { name: 'Question' })
      .getByText(`Answered by ${DEMO.expert.name}`)
      .waitFor();
    await reader
      .getByRole('note')
      .filter({ hasText: `Hidden by ${DEMO.moderator.name}` })
      .waitFor();
    expect(await reader.getByText('4242').count()).toBe(0);
  });
});

describe('a long thread', () => {
  it('loads its replies page after page as the reader scrolls, and the 130th of 150 replies can be flagged', async () => {
    // 150 replies by two of the brand's people (staff are not held by the posting rate limit).
    const staff = await graphqlAs(world.parvis.baseUrl, DEMO.staff.email);
    const admin = await graphqlAs(world.parvis.baseUrl, DEMO.admin.email);
    const threadId = await createThread(staff, 'A locker code thread that grew long');
    for (let n = 1; n <= 150; n++) {
      await reply(n % 2 ? staff : admin, threadId, `Reply number ${n}.`);
    }

    const member = await as(TOM.email);
    await member.goto(`/t/${threadId}`);
    await member.getByText('Reply number 1.', { exact: true }).waitFor();
    const target = member.getByRole('article').filter({ hasText: 'Reply number 130.' });
    // Twenty replies a page: the second from the "Show more replies" link (the keyboard's way),
    // the next ones as the reader scrolls to the end; the 130th comes with the seventh.
    await member.getByRole('link', { name: 'Show more replies' }).click();
    await member.getByText('Reply number 21.', { exact: true }).waitFor();
    for (const firstOfPage of [41, 61, 81, 101, 121]) {
      await member.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await member.getByText(`Reply number ${firstOfPage}.`, { exact: true }).waitFor();
    }
    await target.getByRole('button', { name: `Flag the post by ${DEMO.admin.name}` }).click();
    const dialog = member.getByRole('dialog', { name: 'Flag this post to the moderators' });
    await dialog.getByRole('radio', { name: /Spam or advertising/ }).check();
    await dialog.getByRole('button', { name: 'Send the flag' }).click();
    await target.getByRole('status').filter({ hasText: 'You flagged this post' }).waitFor();

    // The flag is recorded: the moderators' queue holds that reply.
    const moderator = await as(DEMO.moderator.email);
    await moderator.goto('/moderation');
    await moderator
      .getByRole('listitem', { name: `${DEMO.admin.name}: 1 flag` })
      .getByText('Reply number 130.')
      .waitFor();
  });
});
