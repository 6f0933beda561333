import type { Page } from 'playwright-core';
import { axeViolations } from './support/accessibility';
import { graphqlAs, type GraphQLAs } from './support/api';
import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

/** A community member of the demo seed (apps/api/src/threads/threads.seed.ts), besides the one-per-role accounts. */
const TOM = { email: 'tom.baker@parvis.test', name: 'Tom Baker' };

const world = useParvisInChromium();

const { as } = world;

async function helpThread(api: GraphQLAs, title: string, bodyMarkdown: string): Promise<string> {
  const { spaces } = await api<{ spaces: { id: string; kind: string }[] }>(`{ spaces { id kind } }`);
  const { createThread } = await api<{ createThread: { id: string } }>(
    `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`,
    {
      input: {
        spaceId: spaces.find((space) => space.kind === 'HELP')!.id,
        title,
        bodyMarkdown,
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

/** Signs in (the sign-in page in English), then switches the interface to French, as a reader would. */
async function inFrench(email: string): Promise<Page> {
  const page = await as(email);
  await page.getByLabel('Language').selectOption('fr');
  await page.getByLabel('Langue').waitFor();
  return page;
}

describe('the moderation queue, in French', () => {
  it('a moderator sees a complaint in its thread and after its question, answers first, then resolves the thread', async () => {
    const title = 'My sofa arrived torn';
    const threadId = await helpThread(
      await graphqlAs(world.parvis.baseUrl, TOM.email),
      title,
      'The delivery team left it in the rain. What can I do?',
    );
    await reply(
      await graphqlAs(world.parvis.baseUrl, DEMO.member.email),
      threadId,
      'Awful service, I hate this broken shop, worst purchase ever!',
    );

    const moderator = await inFrench(DEMO.moderator.email);
    await moderator.goto('/moderation');
    const negative = moderator.getByRole('region', { name: 'Messages négatifs en attente de réponse' });
    const item = negative.getByRole('listitem', { name: `${DEMO.member.name}: ${title}` });
    // Its thread (linked) and the message before it, the tone in words, and no resolving yet.
    await item.getByRole('link', { name: title }).waitFor();
    await item.getByRole('figure').getByText(`Après la question de ${TOM.name},`).waitFor();
    await item.getByText('The delivery team left it in the rain. What can I do?').waitFor();
    await item.getByText('Ton : négatif').waitFor();
    expect(await item.getByRole('button', { name: 'Marquer la discussion résolue' }).count()).toBe(0);
    expect(await axeViolations(moderator)).toEqual([]);

    // Answer first: the link leads to the thread's reply box.
    await item.getByRole('link', { name: 'Répondre d’abord' }).click();
    await moderator.waitForURL(new RegExp(`/t/${threadId}#reply$`));
    await moderator
      .getByLabel('Votre réponse')
      .fill('Bonjour, désolé : nous reprenons le canapé et en livrons un neuf.');
    await moderator.getByRole('button', { name: 'Publier ma réponse' }).click();
    await moderator.getByRole('article').filter({ hasText: 'nous reprenons le canapé' }).waitFor();
    expect(await axeViolations(moderator)).toEqual([]);

    // Back in the queue, the complaint now has an answer: the thread may be resolved.
    await moderator.goto('/moderation');
    await item.getByRole('button', { name: 'Marquer la discussion résolue' }).click();
    await item.waitFor({ state: 'detached' });
    await moderator.goto(`/t/${threadId}`);
    await moderator.locator('.thread-meta').getByText('Résolue').waitFor();
    expect(await axeViolations(moderator)).toEqual([]);
  });

  it('the hide dialog by keyboard alone: focus moves in, Escape closes it and gives focus back, then it hides the post', async () => {
    const threadId = await helpThread(
      await graphqlAs(world.parvis.baseUrl, TOM.email),
      'Which charger for the Ikea lamp?',
      'The old one broke.',
    );
    await reply(
      await graphqlAs(world.parvis.baseUrl, DEMO.member.email),
      threadId,
      'Text me for a cheap one: 06 11 22 33 44.',
    );
    const moderator = await inFrench(DEMO.moderator.email);
    await moderator.goto(`/t/${threadId}`);
    const post = moderator.getByRole('article').filter({ hasText: '06 11 22 33 44' });
    // The post's "Modérer" menu, by keyboard: Enter opens it on its first item, Masquer….
    const menuButton = post.getByRole('button', { name: /^Modérer le message de / });
    await menuButton.focus();
    await moderator.keyboard.press('Enter');
    await post.getByRole('menuitem', { name: 'Masquer…' }).waitFor();
    expect(await axeViolations(moderator)).toEqual([]);
    await moderator.keyboard.press('Escape');
    await post.getByRole('menu').waitFor({ state: 'detached' });
    await moderator.waitForFunction(
      (node) => node === document.activeElement,
      await menuButton.elementHandle(),
    );
    await moderator.keyboard.press('Enter');
    await post.getByRole('menuitem', { name: 'Masquer…' }).waitFor();
    await moderator.keyboard.press('Enter');
    const dialog = moderator.getByRole('dialog', {
      name: 'Masquer ce message pour un manquement à la charte',
    });
    // The dialog's root is a zero-size layer: wait for what it shows.
    await dialog.getByLabel('Règle enfreinte').waitFor();
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    await moderator.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus is back on the menu's button, not lost to the page.
    await moderator.waitForFunction(
      (node) => node === document.activeElement,
      await menuButton.elementHandle(),
    );

    // Again, deciding by keyboard: the rule (the first field, focused), then the button.
    await moderator.keyboard.press('Enter');
    await post.getByRole('menuitem', { name: 'Masquer…' }).waitFor();
    await moderator.keyboard.press('Enter');
    const rule = dialog.getByLabel('Règle enfreinte');
    await rule.waitFor();
    await moderator.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
    expect(await axeViolations(moderator)).toEqual([]);
    await moderator.keyboard.press('ArrowDown');
    expect(await rule.inputValue()).toBe('PERSONAL_DATA');
    await moderator.keyboard.press('Tab');
    await moderator.keyboard.type('Les numéros de téléphone restent privés.');
    await moderator.keyboard.press('Tab');
    await moderator.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await post
      .getByRole('note')
      .getByText(new RegExp(`^Masqué par ${DEMO.moderator.name}`))
      .waitFor();
  });
});
