import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/accessibility';
import { graphqlAs } from './support/api';
import { DEMO, DEMO_PASSWORD } from './support/demo';
import { useParvisInChromium } from './support/session';

const world = useParvisInChromium();

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** For review, not committed (the repository ignores /tmp/). */
const SCREENSHOTS = resolve(__dirname, '..', '..', '..', 'tmp', 'screenshots');

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

describe('placeholders while a list loads', () => {
  it('the help list shows rows to come, busy, with one word for screen readers, until its questions arrive', async () => {
    const reader = await world.visitor('fr-FR');
    await reader.setViewportSize(PHONE);
    await reader.goto('/');
    await reader.locator('.home-columns h2').first().waitFor();
    // The list's answer is held back until the placeholder has been looked at.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await reader.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (body?.operationName === 'ThreadList') await released;
      await route.fallback();
    });
    await reader.getByRole('link', { name: 'Aide et assistance', exact: true }).first().click();
    const busy = reader.locator('[role="status"][aria-busy="true"]');
    await busy.locator('li.thread-row').first().waitFor();
    expect(await busy.textContent()).toBe('Chargement…');
    await reader.getByRole('heading', { level: 1, name: 'Aide et assistance' }).waitFor();
    await expectAccessible(reader);
    await screenshot(reader, 'skeleton-help-list-phone-fr');
    release();
    await reader.locator('.thread-title').first().waitFor();
    expect(await busy.count()).toBe(0);
    await reader.context().close();
  });
});

describe('empty lists, in French', () => {
  it('the server sends the help list with its rows, no placeholder; filtered to nothing, it says so and leads back to the questions', async () => {
    // The page as the server sends it, before any script: rows, and nothing busy.
    const bare = await world.browser.newContext({
      baseURL: world.parvis.baseUrl,
      locale: 'fr-FR',
      javaScriptEnabled: false,
    });
    const html = await bare.newPage();
    await html.goto('/s/help');
    await html.locator('.thread-row').first().waitFor();
    expect(await html.locator('[aria-busy="true"]').count()).toBe(0);
    await bare.close();

    const reader = await world.visitor('fr-FR');
    await reader.setViewportSize(PHONE);
    await reader.goto('/s/help');
    await reader.locator('.thread-title').first().waitFor();
    await reader.getByLabel('Statut').selectOption('RESOLVED');
    await reader.getByLabel('Sans réponse uniquement').check();
    const empty = reader.locator('.empty-panel');
    await empty.getByText('Aucune question ne correspond à ces filtres.').waitFor();
    await expectAccessible(reader);
    await screenshot(reader, 'empty-help-filtered-phone-fr');

    await empty.getByRole('button', { name: 'Voir toutes les questions' }).click();
    await reader.locator('.thread-title').first().waitFor();
    expect(await reader.getByLabel('Sans réponse uniquement').isChecked()).toBe(false);
    expect(await reader.getByLabel('Statut').inputValue()).toBe('');
    await reader.context().close();
  });

  it('a search without result offers fewer words, and asking the question with the words as its title, after signing in', async () => {
    const words = 'lampe zzqxv introuvable';
    const reader = await world.visitor('fr-FR');
    await reader.setViewportSize(PHONE);
    await reader.goto(`/search?q=${encodeURIComponent(words)}`);
    const empty = reader.locator('.empty-panel');
    await empty.getByText(`Aucun résultat pour « ${words} ».`).waitFor();
    await empty.getByRole('link', { name: 'Chercher « lampe zzqxv »' }).waitFor();
    await expectAccessible(reader);
    await screenshot(reader, 'empty-search-phone-fr');

    await empty.getByRole('link', { name: 'Poser cette question' }).click();
    await reader.getByRole('link', { name: 'Connectez-vous pour poser une question.' }).click();
    await reader.getByLabel('Adresse e-mail').fill(DEMO.member.email);
    await reader.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await reader.locator('form button[type="submit"]').click();
    await reader.waitForURL((url) => url.pathname === '/s/help/new');
    await reader.getByLabel('Titre').waitFor();
    expect(await reader.getByLabel('Titre').inputValue()).toBe(words);
    await expectAccessible(reader);
    await reader.context().close();
  });
});

describe('empty lists of someone who has done nothing yet', () => {
  it('invite them: their own profile to ask, answer and propose; their empty queue view to the unassigned threads', async () => {
    const admin = await world.as(DEMO.admin.email);
    const api = await graphqlAs(world.parvis.baseUrl, DEMO.admin.email);
    const { me } = await api<{ me: { id: string } }>(`{ me { id } }`);
    await admin.setViewportSize(DESKTOP);
    await admin.goto(`/u/${me.id}`);
    await admin.getByText('You have not asked a question yet.').waitFor();
    await admin.getByText('You have not answered anyone yet.').waitFor();
    await admin.getByText('You have not proposed an idea yet.').waitFor();
    expect(await admin.getByRole('link', { name: 'Ask a question' }).getAttribute('href')).toBe(
      '/s/help/new',
    );
    await expectAccessible(admin);
    await screenshot(admin, 'empty-own-profile-desktop');

    await admin.goto('/staff/sla');
    await admin.getByRole('button', { name: 'Assigned to me' }).click();
    await admin.getByText('Nothing is assigned to you.').waitFor();
    await expectAccessible(admin);
    await screenshot(admin, 'empty-sla-mine-desktop');
    await admin.getByRole('button', { name: 'See unassigned threads' }).click();
    expect(await admin.getByRole('button', { name: 'Unassigned' }).getAttribute('aria-pressed')).toBe('true');
    await admin.context().close();
  });
});
