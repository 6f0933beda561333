import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/accessibility';
import { newVisitor } from './support/browser';
import { DEMO, DEMO_PASSWORD } from './support/demo';
import { useParvisInChromium } from './support/session';

const world = useParvisInChromium();

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** For review, not committed (the repository ignores /tmp/). */
const SCREENSHOTS = resolve(__dirname, '..', '..', '..', 'tmp', 'screenshots');

type Viewport = typeof PHONE;

async function readerIn(locale: string, viewport: Viewport): Promise<Page> {
  const context = await newVisitor(world.browser, world.parvis.baseUrl, locale);
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  return page;
}

/** Signs in on the sign-in page in whatever language it shows, by the fields' types. */
async function signInAnyLanguage(page: Page, email: string): Promise<void> {
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.locator('button.viewer-menu-button').waitFor();
}

/** How the header's visible parts sit: how many rows they take, and whether anything overflows. */
async function headerLayout(page: Page): Promise<{ rows: number; height: number; overflows: boolean }> {
  return page.evaluate(() => {
    const inner = document.querySelector('.site-header-inner')!;
    const parts = Array.from(inner.querySelectorAll<HTMLElement>('.brand, .space-nav a, .header-tools > *'))
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0);
    const rows = new Set<number>();
    for (const box of parts) {
      const middle = box.top + box.height / 2;
      if (![...rows].some((row) => Math.abs(row - middle) < 16)) rows.add(middle);
    }
    return {
      rows: rows.size,
      height: inner.getBoundingClientRect().height,
      overflows:
        inner.scrollWidth > inner.clientWidth + 1 || document.documentElement.scrollWidth > innerWidth + 1,
    };
  });
}

/** How many rows of a list are entirely on the first screen. */
async function fullyShown(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (rowSelector) =>
      Array.from(document.querySelectorAll(rowSelector)).filter((row) => {
        const box = row.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
      }).length,
    selector,
  );
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

describe.each([
  { locale: 'fr-FR', language: 'fr', signInToReply: 'Connectez-vous pour répondre' },
  { locale: 'es-ES', language: 'es', signInToReply: 'Inicie sesión para responder' },
])('the layout in $language', ({ locale, signInToReply }) => {
  it.each([
    ['a visitor', null],
    ['a member', DEMO.member.email],
    ['an admin', DEMO.admin.email],
  ])(
    'fits the header in one row for %s, on a phone and on a desktop',
    async (_who, email) => {
      for (const viewport of [PHONE, DESKTOP]) {
        const page = await readerIn(locale, viewport);
        if (email) {
          await page.goto('/sign-in');
          await signInAnyLanguage(page, email);
        }
        for (const path of ['/', '/s/help']) {
          await page.goto(path);
          const layout = await headerLayout(page);
          expect({ viewport: viewport.width, path, ...layout, height: layout.height <= 64 }).toEqual({
            viewport: viewport.width,
            path,
            rows: 1,
            height: true,
            overflows: false,
          });
          await expectAccessible(page);
        }
        if (viewport === PHONE) {
          // What the phone's header has no room for is in its one menu.
          await page.locator('.site-header .menu-button').click();
          await page
            .getByRole('menu')
            .getByRole('menuitem', { name: /idea|idée/i }) // “Boîte à idées”, “Buzón de ideas”
            .first()
            .waitFor();
          await expectAccessible(page);
          await page.keyboard.press('Escape');
          await page.getByRole('menu').waitFor({ state: 'detached' });
        }
        await page.context().close();
      }
    },
    120_000,
  );

  it('shows six questions or more on the first screen of a phone, and six ideas or more', async () => {
    const page = await readerIn(locale, PHONE);
    await page.goto('/s/help');
    await page.locator('.thread-row').first().waitFor();
    expect(await fullyShown(page, '.thread-row')).toBeGreaterThanOrEqual(6);
    await expectAccessible(page);
    await page.goto('/s/ideas');
    await page.locator('.idea-card').first().waitFor();
    expect(await fullyShown(page, '.idea-card')).toBeGreaterThanOrEqual(6);
    await expectAccessible(page);
    await page.context().close();
  });

  it('brings a visitor who signs in to reply back to the thread, at the reply box', async () => {
    const page = await readerIn(locale, PHONE);
    await page.goto('/s/help');
    await page.locator('.thread-title').first().click();
    await page.locator('h1').waitFor();
    const threadPath = new URL(page.url()).pathname;
    expect(threadPath).toMatch(/^\/t\//);
    await page.getByRole('link', { name: signInToReply }).click();
    await page.waitForURL(/\/sign-in\?returnTo=/);
    await expectAccessible(page);
    await signInAnyLanguage(page, DEMO.member.email);
    await page.waitForURL((url) => url.pathname === threadPath);
    await page.locator('#reply textarea').waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});

describe('every page’s own title', () => {
  /** The tab's title names the page: its heading, then the site's name. */
  async function expectTitledByHeading(page: Page, path: string): Promise<void> {
    await page.goto(path);
    const heading = (await page.locator('main h1').first().innerText()).trim();
    expect({ path, title: await page.title() }).toEqual({ path, title: `${heading} · Parvis` });
  }

  it('names the account, staff and mail pages by their heading, in the reader’s language', async () => {
    const page = await readerIn('fr-FR', DESKTOP);
    for (const path of [
      '/forgot-password',
      '/reset-password?token=x',
      '/confirm-email?token=x',
      '/unsubscribe?token=x',
    ]) {
      await expectTitledByHeading(page, path);
    }
    await page.goto('/sign-in');
    await signInAnyLanguage(page, DEMO.admin.email);
    for (const path of [
      '/account',
      '/notifications',
      '/notifications/preferences',
      '/ideas/new',
      '/staff/reports',
      '/staff/duty',
      '/staff/digest',
    ]) {
      await expectTitledByHeading(page, path);
    }
    await page.context().close();
  }, 120_000);
});

describe('a moderator’s post', () => {
  it.each([
    ['a phone', PHONE],
    ['a desktop', DESKTOP],
  ])(
    'has one action bar with the Moderate menu at its end, on %s, the menu on screen',
    async (_device, viewport) => {
      const page = await readerIn('es-ES', viewport);
      await page.goto('/sign-in');
      await signInAnyLanguage(page, DEMO.moderator.email);
      await page.goto('/s/help');
      const href = await page.locator('.thread-title').first().getAttribute('href');
      await page.goto(href!);
      const post = page.locator('article.post').first();
      const menuButton = post.getByRole('button', { name: /^Moderar el mensaje de / });
      await menuButton.waitFor();
      const bar = (await post.locator('.post-bar').boundingBox())!;
      const button = (await menuButton.boundingBox())!;
      // Beside the bar (its end), not on a row of its own under it.
      expect(button.x).toBeGreaterThanOrEqual(bar.x + bar.width - 1);
      expect(button.y).toBeLessThan(bar.y + bar.height);
      expect(button.x + button.width).toBeLessThanOrEqual(viewport.width);

      await menuButton.click();
      const menu = page.getByRole('menu');
      await menu.getByRole('menuitem', { name: 'Ocultar…' }).waitFor();
      const items = (await menu.boundingBox())!;
      expect(items.x).toBeGreaterThanOrEqual(0);
      expect(items.x + items.width).toBeLessThanOrEqual(viewport.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
        true,
      );
      // The whole page, the open menu included.
      expect(await axeViolations(page)).toEqual([]);
      if (viewport === PHONE) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS, 'phone-thread-moderation-menu.png') });
      }
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
      await page.context().close();
    },
    120_000,
  );
});

describe('screenshots for review', () => {
  it('writes the phone and desktop home, help list, thread and idea board', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const page = await readerIn('fr-FR', viewport);
      await page.goto('/sign-in');
      await signInAnyLanguage(page, DEMO.member.email);
      await page.goto('/s/help');
      const threadHref = await page.locator('.thread-title').first().getAttribute('href');
      for (const [what, path] of [
        ['home', '/'],
        ['help-list', '/s/help'],
        ['thread', threadHref!],
        ['idea-board', '/s/ideas'],
      ] as const) {
        await page.goto(path);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${what}.png`) });
      }
      await page.context().close();
    }
  }, 240_000);
});
