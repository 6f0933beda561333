import type { Page } from 'playwright-core';
import { newVisitor } from './support/browser';
import { DEMO, DEMO_PASSWORD } from './support/demo';
import { useParvisInChromium } from './support/session';

const world = useParvisInChromium();

/**
 * A French or a Spanish reader walks the journeys that end in an error from the API (a wrong
 * password, a sign-up the API refuses, a thread that does not exist, a vote beyond a campaign's
 * budget). Every sentence the API answered is collected from the network; none of them may be
 * on the page: the web app words errors itself, from their code and reason.
 */
async function readerIn(locale: string): Promise<{ page: Page; apiSentences: Set<string> }> {
  const context = await newVisitor(world.browser, world.parvis.baseUrl, locale);
  const page = await context.newPage();
  const apiSentences = new Set<string>();
  page.on('response', (response) => {
    if (!response.url().endsWith('/graphql') || response.request().method() !== 'POST') return;
    void response
      .json()
      .then((body: { errors?: { message: string }[] }) => {
        for (const error of body.errors ?? []) apiSentences.add(error.message);
      })
      .catch(() => undefined);
  });
  return { page, apiSentences };
}

/** The alert's text, once there, after checking that no API sentence is anywhere on the page. */
async function alertWithoutApiEnglish(page: Page, apiSentences: Set<string>): Promise<string> {
  const alert = page.getByRole('alert').first();
  await alert.waitFor();
  // The response that caused the alert has been read by the time it shows.
  await page.waitForFunction(() => document.querySelector('[role="alert"]')?.textContent?.trim());
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  expect(apiSentences.size).toBeGreaterThan(0);
  for (const sentence of apiSentences) expect(text).not.toContain(sentence);
  return (await alert.innerText()).trim();
}

/** Signs in through the sign-in page in whatever language it shows, by the fields' types. */
async function signInAnyLanguage(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}

describe.each([
  {
    locale: 'fr-FR',
    wrongCredentials: 'L’adresse e-mail ou le mot de passe est incorrect.',
    invalidEmail: 'Saisissez une adresse e-mail valide, comme ana@example.com.',
    noThread: 'Page introuvable',
    budget:
      'Vous avez utilisé vos 2 votes dans « Our next summer flavour ». Retirez-en un pour voter pour cette idée.',
    spent: 'Vous avez utilisé vos 2 votes : retirez-en un pour voter pour une autre idée.',
    voter: DEMO.member.email,
  },
  {
    locale: 'es-ES',
    wrongCredentials: 'El correo electrónico o la contraseña no son correctos.',
    invalidEmail: 'Introduce una dirección de correo válida, como ana@example.com.',
    noThread: 'Página no encontrada',
    budget: 'Has usado tus 2 votos en «Our next summer flavour». Retira uno para votar por esta idea.',
    spent: 'Ha usado sus 2 votos: retire uno para votar por otra idea.',
    voter: DEMO.expert.email,
  },
])('errors in $locale', ({ locale, wrongCredentials, invalidEmail, noThread, budget, spent, voter }) => {
  it('a wrong password is refused in the reader’s language', async () => {
    const { page, apiSentences } = await readerIn(locale);
    await signInAnyLanguage(page, DEMO.moderator.email, 'not the password');
    expect(await alertWithoutApiEnglish(page, apiSentences)).toBe(wrongCredentials);
    await page.context().close();
  });

  it('a sign-up the API refuses says why in the reader’s language, next to the field', async () => {
    const { page, apiSentences } = await readerIn(locale);
    await page.goto('/sign-up');
    // Looks like an address to the form; the API knows a top-level domain has two letters at least.
    await page.locator('input[type="email"]').fill('ana@example.c');
    await page.locator('input:not([type="email"]):not([type="password"])').first().fill('Ana López');
    await page.locator('input[type="password"]').fill('a long and unusual passphrase');
    await page.locator('form button[type="submit"]').click();
    await page.getByText(invalidEmail).waitFor();
    await page.waitForFunction(() => document.body.innerText.length > 0);
    const text = await page.locator('body').innerText();
    expect(apiSentences.size).toBeGreaterThan(0);
    for (const sentence of apiSentences) expect(text).not.toContain(sentence);
    await page.context().close();
  });

  it('a thread that does not exist is said not to exist in the reader’s language', async () => {
    const { page } = await readerIn(locale);
    // Rendered on the server: a 404 page in the reader's language, with no API sentence in it.
    const response = await page.goto('/t/00000000-0000-4000-8000-000000000000');
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: noThread }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain('There is no such thread.');
    await page.context().close();
  });

  it('a vote beyond the campaign’s budget is refused in the reader’s language', async () => {
    const { page, apiSentences } = await readerIn(locale);
    await signInAnyLanguage(page, voter, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto('/s/ideas');
    await page.getByRole('link', { name: 'Our next summer flavour' }).click();
    await page.getByRole('heading', { name: 'Our next summer flavour' }).waitFor();
    // Vote for one idea after another until the budget (2 votes) is spent: the page then turns
    // voting off and says why. What is left is read from each vote's refreshed campaign, not from
    // the page, which shows it a moment after that answer arrives (a loop reading the page could
    // look too early and wait for a vote button that the spent budget has turned off).
    const spentNote = page.locator('#campaign-budget', { hasText: spent });
    let remaining = (await spentNote.isVisible()) ? 0 : 1;
    while (remaining > 0) {
      const [refreshed] = await Promise.all([
        page.waitForResponse((r) =>
          (r.request().postData() ?? '').includes('"operationName":"CampaignPage"'),
        ),
        page.locator('button.vote-button[aria-pressed="false"]:not([disabled])').first().click(),
      ]);
      remaining = ((await refreshed.json()) as { data: { campaign: { viewerVotesRemaining: number } } }).data
        .campaign.viewerVotesRemaining;
    }
    await spentNote.waitFor();
    expect(await page.locator('button.vote-button[aria-pressed="false"]').first().isDisabled()).toBe(true);
    // Elsewhere (the idea's own page), a vote beyond the budget is refused by the API.
    const other = page.locator('.ranking-entry', {
      has: page.locator('button.vote-button[aria-pressed="false"]'),
    });
    await page.goto((await other.first().locator('h3 a').getAttribute('href'))!);
    await Promise.all([
      page.waitForResponse((r) => (r.request().postData() ?? '').includes('vote(')),
      page.locator('button.vote-button[aria-pressed="false"]').first().click(),
    ]);
    expect(await alertWithoutApiEnglish(page, apiSentences)).toBe(budget);
    await page.context().close();
  });
});
