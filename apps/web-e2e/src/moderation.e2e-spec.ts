import type { Page } from 'playwright-core';
import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

/** A community member of the demo seed (apps/api/src/threads/threads.seed.ts), besides the one-per-role accounts. */
const TOM = { email: 'tom.baker@parvis.test', name: 'Tom Baker' };

const { as, visitor } = useParvisInChromium();

async function ask(page: Page, title: string, body: string): Promise<string> {
  await page.goto('/s/help');
  await page.getByRole('link', { name: 'Ask a question' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Details').fill(body);
  await page.getByRole('button', { name: 'Post my question' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return page.url();
}

async function reply(page: Page, threadUrl: string, body: string, author: string): Promise<void> {
  await page.goto(threadUrl);
  await page.getByLabel('Your reply').fill(body);
  await page.getByRole('button', { name: 'Post my reply' }).click();
  await page.getByRole('article', { name: new RegExp(`^${author.replace(/[()]/g, '\\$&')}`) }).waitFor();
}

describe('a complaint is answered, not deleted', () => {
  it('a member posts an angry complaint, staff answer it, a moderator marks it answered and resolves the thread; everyone sees it in the log', async () => {
    const title = 'Fourth delivery missed, this is unacceptable';
    const member = await as(TOM.email);
    const threadUrl = await ask(
      member,
      title,
      'I am really angry: nobody came again and nobody answers the chat. Terrible service!',
    );

    const staff = await as(DEMO.staff.email);
    await reply(
      staff,
      threadUrl,
      'Hello Tom, I am Sarah from the delivery team. Your parcel leaves today with a guaranteed slot, and we refund the shipping.',
      DEMO.staff.name,
    );

    const moderator = await as(DEMO.moderator.email);
    // The complaint is waiting in the queue, negative and unanswered.
    await moderator.getByRole('link', { name: 'Moderation', exact: true }).click();
    await moderator
      .getByRole('region', { name: 'Negative posts waiting for an answer' })
      .getByText('Terrible service!')
      .waitFor();

    await moderator.goto(threadUrl);
    const question = moderator.getByRole('region', { name: 'Question' });
    // The replies to choose from arrive with the moderation controls (after the page is live).
    await question.getByRole('button', { name: /^Moderate the post by / }).click();
    await question.getByRole('menuitem', { name: 'Mark answered…' }).click();
    const picker = moderator.getByRole('dialog', { name: 'Which reply answers this post?' });
    await picker.getByRole('radio', { name: /I am Sarah from the delivery team/ }).check();
    await picker.getByRole('button', { name: 'Mark answered' }).click();
    await question.getByText(`Answered by ${DEMO.staff.name}`).waitFor();
    await moderator.getByRole('button', { name: 'Mark as resolved' }).click();
    await moderator.locator('.thread-meta').getByText('Resolved').waitFor();

    // A visitor reads the complaint, still there, with the answered mark linking to the answer.
    const reader = await visitor();
    await reader.goto(threadUrl);
    const readerQuestion = reader.getByRole('region', { name: 'Question' });
    await readerQuestion.getByText('Terrible service!').waitFor();
    await readerQuestion.getByText(`Answered by ${DEMO.staff.name}`).waitFor();
    const answerLink = readerQuestion.getByRole('link', { name: 'Read the answer' });
    const anchor = await answerLink.getAttribute('href');
    expect(anchor).toMatch(/^#post-/);
    expect(await reader.locator(`${anchor} .post-body`).textContent()).toContain('Your parcel leaves today');
    await reader.locator('.thread-meta').getByText('Resolved').waitFor();

    // The public log shows both actions, signed by the moderator.
    await reader.getByRole('link', { name: 'Moderation log' }).click();
    await reader.getByRole('heading', { level: 1, name: 'Moderation log' }).waitFor();
    const entries = reader.locator('.log-entry', { hasText: title });
    await entries.first().waitFor();
    expect(await entries.allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`${DEMO.moderator.name}.*resolved ${title}`)),
      expect.stringMatching(new RegExp(`${DEMO.moderator.name}.*marked a post answered in ${title}`)),
    ]);
  });
});

describe('personal data is hidden, with a public notice', () => {
  it('a reply with someone’s phone number is flagged and hidden: a visitor sees the notice, the author still sees the text', async () => {
    const title = 'Who delivers in the north district?';
    const asker = await as(TOM.email);
    const threadUrl = await ask(
      asker,
      title,
      'My parcels never arrive on time here. Which company delivers in this district?',
    );
    const author = await as(DEMO.member.email);
    await reply(
      author,
      threadUrl,
      'Call the driver directly, Karim: 06 98 76 54 32. He knows the district.',
      DEMO.member.name,
    );

    // The asker flags it under the charter's personal data rule.
    await asker.goto(threadUrl);
    await asker.getByRole('button', { name: `Flag the post by ${DEMO.member.name}` }).click();
    const dialog = asker.getByRole('dialog', { name: 'Flag this post to the moderators' });
    await dialog
      .getByText('Disagreeing with the brand, or criticising it, is not a reason to flag')
      .waitFor();
    await dialog.getByRole('radio', { name: /Personal data/ }).check();
    await dialog
      .getByLabel('Note for the moderators (optional)')
      .fill('The phone number of someone who did not ask for it.');
    await dialog.getByRole('button', { name: 'Send the flag' }).click();
    await asker.getByRole('status').filter({ hasText: 'You flagged this post' }).waitFor();

    // The moderator hides it from the queue in one click, under the rule the member named.
    const moderator = await as(DEMO.moderator.email);
    await moderator.goto('/moderation');
    const item = moderator.getByRole('listitem', { name: `${DEMO.member.name}: 1 flag` });
    await item.getByText('06 98 76 54 32').waitFor();
    expect(await item.getByLabel('Hide as').inputValue()).toBe('PERSONAL_DATA');
    await item.getByRole('button', { name: 'Hide', exact: true }).click();
    await item.waitFor({ state: 'detached' });

    // A visitor, in French, sees who hid it, when and why; never the number.
    const reader = await visitor('fr-FR');
    await reader.goto(threadUrl);
    const post = reader.getByRole('article', { name: new RegExp(`^${DEMO.member.name}`) });
    await post
      .getByRole('note')
      .getByText(new RegExp(`^Masqué par ${DEMO.moderator.name} le .+ : Données personnelles\\.$`))
      .waitFor();
    expect(await reader.locator('body').textContent()).not.toContain('06 98 76 54 32');

    // Its author still reads it, told that only they and the moderators can.
    await author.goto(threadUrl);
    const own = author.getByRole('article', { name: new RegExp(`^${DEMO.member.name}`) });
    await own.getByText('06 98 76 54 32').waitFor();
    await own.getByText('Only you and the moderators can still read this post.').waitFor();

    // And the public log says so, with the rule.
    await reader.goto('/moderation/log');
    await reader
      .locator('.log-entry', { hasText: title })
      .getByText('Règle : Données personnelles')
      .waitFor();
  });
});

describe('the moderation menu’s code', () => {
  /** The scripts a page downloads while it loads and its reader looks at a thread. */
  async function scriptsOfThread(page: Page): Promise<string[]> {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto('/s/help');
    const href = await page.locator('.thread-title').first().getAttribute('href');
    await page.goto(href!);
    await page.locator('article.post').first().waitFor();
    await page.waitForLoadState('networkidle');
    return scripts;
  }

  it('is downloaded by moderators, not by visitors or members', async () => {
    const menuChunk = /\/ModerationMenu-[\w-]+\.js$/;
    const visitorScripts = await scriptsOfThread(await visitor());
    // The page's own code was seen loading: the absence of the menu's is not a blind spot.
    expect(visitorScripts.some((path) => /\/ThreadRoute-[\w-]+\.js$/.test(path))).toBe(true);
    expect(visitorScripts.filter((path) => menuChunk.test(path))).toEqual([]);
    expect(
      (await scriptsOfThread(await as(DEMO.member.email))).filter((path) => menuChunk.test(path)),
    ).toEqual([]);
    const moderator = await as(DEMO.moderator.email);
    const loaded = await scriptsOfThread(moderator);
    await moderator
      .getByRole('button', { name: /^Moderate the post by / })
      .first()
      .waitFor();
    expect(loaded.some((path) => menuChunk.test(path))).toBe(true);
  });
});

describe('ideas are moderated like threads', () => {
  it('a comment on an idea leaking a phone number is hidden from the idea page: visitors see the notice, not the number', async () => {
    const member = await as(DEMO.member.email);
    await member.goto('/s/ideas');
    await member.getByRole('link', { name: 'Oat milk in every store, at no extra cost' }).click();
    const ideaUrl = member.url();
    await member.getByLabel('Your comment').fill('Text me when it is in my store: 07 12 34 56 78.');
    await member.getByRole('button', { name: 'Comment', exact: true }).click();
    await member.locator('.comment', { hasText: '07 12 34 56 78' }).waitFor();

    const moderator = await as(DEMO.moderator.email);
    await moderator.goto(ideaUrl);
    const comment = moderator.locator('.comment', { hasText: '07 12 34 56 78' });
    await comment.getByRole('button', { name: /^Moderate the post by / }).click();
    await comment.getByRole('menuitem', { name: 'Hide…' }).click();
    const form = moderator.getByRole('dialog', { name: 'Hide this post for a breach of the charter' });
    await form.getByLabel('Rule broken').selectOption('PERSONAL_DATA');
    await form.getByRole('button', { name: 'Hide the post' }).click();
    await comment
      .getByRole('note')
      .getByText(/^Hidden by .+: Personal data\.$/)
      .waitFor();

    const reader = await visitor();
    await reader.goto(ideaUrl);
    await reader
      .locator('.comment')
      .getByRole('note')
      .getByText(new RegExp(`^Hidden by ${DEMO.moderator.name} on .+: Personal data\\.$`))
      .waitFor();
    expect(await reader.locator('body').textContent()).not.toContain('07 12 34 56 78');
  });
});
