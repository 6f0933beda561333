import type { Page } from 'playwright-core';
import { graphqlAs } from './support/api';
import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

const world = useParvisInChromium();

const PHONE = { width: 390, height: 844 };

/**
 * Headless UI's code, recognised by the names it gives the elements it renders
 * (`headlessui-menu-button-…`, `data-headlessui-state`): minifying keeps those strings.
 */
const isHeadlessUi = (code: string) => code.includes('headlessui');

/** A help thread of the demo, as a visitor reaches it. */
async function helpThreadPath(): Promise<string> {
  const api = await graphqlAs(world.parvis.baseUrl, DEMO.member.email);
  const { threads } = await api<{ threads: { edges: { node: { id: string } }[] } }>(
    `{ threads(first: 1) { edges { node { id } } } }`,
  );
  return `/t/${threads.edges[0].node.id}`;
}

/**
 * The scripts a page fetches before it is interactive: its loader (the one script of its HTML)
 * and what the loader starts once the page has painted, the app's entry and the page's chunks.
 */
async function scriptsOf(path: string): Promise<string[]> {
  const response = await fetch(new URL(path, world.parvis.baseUrl));
  expect(response.status).toBe(200);
  const html = await response.text();
  const loader = (html.match(/<script\b[^>]*>/g) ?? []).find((tag) => /type="module"/.test(tag))!;
  const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(loader)?.[1] ?? '';
  return [attribute('src'), attribute('data-entry'), ...attribute('data-preloads').split(' ')].filter(
    Boolean,
  );
}

/**
 * Holds back the scripts of Headless UI (as the slowest network would) until `release()`: the
 * others pass at once.
 */
async function holdHeadlessUi(
  page: Page,
): Promise<{ held: () => number; firstHeld: Promise<void>; release: () => void }> {
  const waiting: (() => void)[] = [];
  let released = false;
  let held = 0;
  let heldOne!: () => void;
  const firstHeld = new Promise<void>((resolve) => (heldOne = resolve));
  await page.route('**/assets/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (!released && isHeadlessUi(body)) {
      held++;
      heldOne();
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    await route.fulfill({ response, body });
  });
  return {
    held: () => held,
    firstHeld,
    release: () => {
      released = true;
      waiting.splice(0).forEach((resolve) => resolve());
    },
  };
}

describe('the first load of a public page', () => {
  it('sends an anonymous reader of a thread or of the idea board no code of the menu or the dialogs (Headless UI) before the page is interactive, and sends it once a menu opens', async () => {
    for (const path of [await helpThreadPath(), '/s/ideas']) {
      const scripts = await scriptsOf(path);
      expect(scripts.length).toBeGreaterThan(1);
      for (const script of scripts) {
        const code = await (await fetch(new URL(script, world.parvis.baseUrl))).text();
        expect({ path, script, headlessUi: isHeadlessUi(code) }).toEqual({ path, script, headlessUi: false });
      }
    }

    // The same test recognises Headless UI when it does come: opening the phone's menu brings it.
    const page = await world.visitor();
    await page.setViewportSize(PHONE);
    const loaded: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script')
        void response.text().then((code) => isHeadlessUi(code) && loaded.push(response.url()));
    });
    await page.goto('/s/ideas');
    await page.locator('.site-header .menu-button').click();
    await page.getByRole('menu').getByRole('menuitem', { name: 'Sign up' }).waitFor();
    expect(loaded.length).toBeGreaterThan(0);
    await page.context().close();
  });

  it('paints the page before it starts fetching the app’s code: only the small loader is fetched with the HTML', async () => {
    const page = await world.visitor();
    await page.goto(await helpThreadPath());
    await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
    const timeline = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const scripts = performance
        .getEntriesByType('resource')
        .filter((entry) => /\/assets\/[^/]+\.js$/.test(entry.name))
        .map((entry) => ({ name: new URL(entry.name).pathname, startTime: entry.startTime }));
      return { paint: paint?.startTime ?? null, scripts };
    });
    expect(timeline.paint).not.toBeNull();
    const beforePaint = timeline.scripts
      .filter((script) => script.startTime < timeline.paint)
      .map((script) => script.name);
    expect(beforePaint.filter((name) => !/^\/assets\/loader-/.test(name))).toEqual([]);
    // The app did come, after the paint: its entry among the scripts fetched.
    expect(timeline.scripts.some((script) => /^\/assets\/index-/.test(script.name))).toBe(true);
    await page.context().close();
  });

  it('opens the menu pressed before the app’s code arrived (the page painted, not yet interactive), once the app is ready', async () => {
    const path = await helpThreadPath();
    const page = await world.visitor();
    await page.setViewportSize(PHONE);
    // The app's entry held back, as a slow network would: the page shows, its buttons are plain HTML.
    const waiting: (() => void)[] = [];
    let requested!: () => void;
    const entryRequested = new Promise<void>((resolve) => (requested = resolve));
    await page.route('**/assets/index-*.js', async (route) => {
      requested();
      await new Promise<void>((resolve) => waiting.push(resolve));
      await route.continue();
    });
    // (This page's `goto` resolves once the app is ready: not before the entry is released.)
    const navigation = page.goto(path);
    // The loader asks for the entry once the page has painted.
    await entryRequested;
    await page.locator('.site-header .menu-button').click();
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-app-ready'))).toBe(false);
    waiting.splice(0).forEach((resolve) => resolve());
    await navigation;
    await page.getByRole('menu').getByRole('menuitem', { name: 'Sign in' }).waitFor();
    await page.context().close();
  });

  it('opens the menu pressed before its code arrived, the moment it arrives, as the press would have', async () => {
    const path = await helpThreadPath();
    const page = await world.visitor();
    await page.setViewportSize(PHONE);
    const network = await holdHeadlessUi(page);
    await page.goto(path);
    const button = page.locator('.site-header .menu-button');
    await button.click();
    // The code is held back: nothing opens yet, and nothing is lost. (Released only once its
    // request is held: on a loaded machine it may not even have been asked for yet.)
    await network.firstHeld;
    expect(await page.getByRole('menu').count()).toBe(0);
    network.release();
    const menu = page.getByRole('menu');
    await menu.getByRole('menuitem', { name: 'Sign in' }).waitFor();
    expect(network.held()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await button.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.context().close();
  });

  it('by keyboard: Enter before the code arrived opens the member’s menu on its first entry; Escape gives the focus back', async () => {
    const path = await helpThreadPath();
    const page = await world.as(DEMO.member.email);
    const network = await holdHeadlessUi(page);
    await page.goto(path);
    const button = page.locator('button.viewer-menu-button');
    await button.focus();
    await page.keyboard.press('Enter');
    await network.firstHeld;
    expect(await page.getByRole('menu').count()).toBe(0);
    network.release();
    const profile = page.getByRole('menu').getByRole('menuitem', { name: 'Your profile' });
    await profile.waitFor();
    // As Headless UI's menu opened by a key: the focus in the menu, on its first entry.
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menu');
    const active = await page.getByRole('menu').getAttribute('aria-activedescendant');
    expect(active).toBe(await profile.getAttribute('id'));
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expect(
      await page.locator('button.viewer-menu-button').evaluate((node) => node === document.activeElement),
    ).toBe(true);
    await page.context().close();
  });
});
