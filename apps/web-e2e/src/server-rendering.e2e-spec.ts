import type { Page } from 'playwright-core';
import { graphqlAs } from './support/api';
import { newVisitor } from './support/browser';
import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

const world = useParvisInChromium();

/** A help thread of the demo with an accepted answer, as the API gives it to a visitor. */
async function answeredThread(): Promise<{ id: string; title: string; question: string; answer: string }> {
  const api = await graphqlAs(world.parvis.baseUrl, DEMO.member.email);
  const { spaces } = await api<{ spaces: { id: string; kind: string }[] }>(`{ spaces { id kind } }`);
  const help = spaces.find((space) => space.kind === 'HELP')!;
  const { threads } = await api<{
    threads: {
      edges: {
        node: {
          id: string;
          title: string;
          question: { bodyMarkdown: string };
          acceptedAnswer: { bodyMarkdown: string } | null;
        };
      }[];
    };
  }>(
    `query ($spaceId: ID!) { threads(spaceId: $spaceId, first: 50) { edges { node {
       id title question { bodyMarkdown } acceptedAnswer { bodyMarkdown } } } } }`,
    { spaceId: help.id },
  );
  const thread = threads.edges.map((edge) => edge.node).find((node) => node.acceptedAnswer)!;
  return {
    id: thread.id,
    title: thread.title,
    question: firstLine(thread.question.bodyMarkdown),
    answer: firstLine(thread.acceptedAnswer!.bodyMarkdown),
  };
}

/** A line of the Markdown as it reads on the page (no Markdown marks around it). */
const firstLine = (markdown: string) =>
  markdown
    .split('\n')
    .find((line) => /^[A-Za-zÀ-ÿ]/.test(line.trim()))!
    .replace(/[*_`[\]]|\(http[^)]*\)/g, '')
    .slice(0, 40);

/** Everything the page reports as an error: React's hydration warnings are console errors. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe('pages rendered on the server', () => {
  it('are readable with JavaScript turned off: a thread with its question and accepted answer, and the idea board', async () => {
    const thread = await answeredThread();
    const context = await world.browser.newContext({
      baseURL: world.parvis.baseUrl,
      javaScriptEnabled: false,
    });
    const page = await context.newPage();

    await page.goto(`/t/${thread.id}`);
    await page.getByRole('heading', { level: 1, name: thread.title }).waitFor();
    await page.getByText(thread.question).first().waitFor();
    await page.getByText(thread.answer).first().waitFor();
    expect(await page.title()).toBe(`${thread.title} · Parvis`);

    await page.goto('/s/ideas');
    await page.getByRole('heading', { level: 1, name: 'Idea box' }).waitFor();
    expect(await page.getByRole('article').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('hydrate without a warning, and a member replies without the page reloading', async () => {
    const thread = await answeredThread();
    const visitor = await newVisitor(world.browser, world.parvis.baseUrl);
    const reader = await visitor.newPage();
    const visitorErrors = collectErrors(reader);
    for (const path of ['/', `/t/${thread.id}`, '/s/ideas', '/roadmap', '/charter', '/moderation/log']) {
      await reader.goto(path);
      // The language switcher answers once the page is hydrated.
      await reader.getByLabel('Language').selectOption('fr');
      await reader.locator('html[lang="fr"]').waitFor();
      await reader.getByLabel('Langue').selectOption('en');
      await reader.locator('html[lang="en"]').waitFor();
    }
    expect(visitorErrors).toEqual([]);

    const member = await world.as(DEMO.member.email);
    const memberErrors = collectErrors(member);
    await member.goto(`/t/${thread.id}`);
    await member.getByRole('heading', { level: 1, name: thread.title }).waitFor();
    // A mark on the window: a full reload would drop it.
    await member.evaluate(() => ((window as unknown as { parvisMark: number }).parvisMark = 1));
    const requests: string[] = [];
    member.on('request', (request) => {
      if (request.resourceType() === 'document') requests.push(request.url());
    });
    await member.getByLabel('Your reply').fill('Thanks, that solved it for me too.');
    await member.getByRole('button', { name: 'Post my reply' }).click();
    await member.getByRole('article').filter({ hasText: 'Thanks, that solved it for me too.' }).waitFor();
    expect(await member.evaluate(() => (window as unknown as { parvisMark?: number }).parvisMark)).toBe(1);

    // Moving to another page is a client-side navigation too.
    await member.getByRole('link', { name: 'Idea box' }).first().click();
    await member.getByRole('heading', { level: 1, name: 'Idea box' }).waitFor();
    expect(await member.evaluate(() => (window as unknown as { parvisMark?: number }).parvisMark)).toBe(1);
    expect(requests).toEqual([]);
    expect(memberErrors).toEqual([]);
  });
});
