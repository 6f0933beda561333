import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/accessibility';
import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

const world = useParvisInChromium();

/** For review, not committed (the repository ignores /tmp/). */
const SCREENSHOTS = resolve(__dirname, '..', '..', '..', 'tmp', 'screenshots');

/** axe-core finds nothing on the page as it is now (every page of the journey is checked). */
async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** The home page has its lists (headings), not their placeholders. */
const homeShown = (page: Page) => page.locator('.home-columns h2').first().waitFor();

const TITLE = 'Our new store opens on Saturday';

describe('an announcement on the home page', () => {
  it('staff publish it pinned; French and Spanish readers find it first on the home page, with the spaces named in their language; a member comments', async () => {
    const staff = await world.as(DEMO.staff.email);
    await homeShown(staff);
    await expectAccessible(staff);
    await staff.goto('/s/news');
    // Nothing published yet: the space says so, and shows staff the way to publish.
    const empty = staff.locator('.empty-panel');
    await empty.getByText('No announcement yet.').waitFor();
    await expectAccessible(staff);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await staff.screenshot({ path: join(SCREENSHOTS, 'empty-announcements-staff.png') });
    await empty.getByRole('link', { name: 'Publish an announcement' }).click();
    await staff.getByLabel('Title').waitFor();
    await expectAccessible(staff);
    await staff.getByLabel('Title').fill(TITLE);
    await staff
      .getByRole('textbox', { name: 'Announcement' })
      .fill('Come and see us at **12 rue de la Paix** from 10:00.');
    await staff.getByRole('button', { name: 'Publish' }).click();
    await staff.getByRole('heading', { name: TITLE }).waitFor();
    await expectAccessible(staff);

    for (const [locale, kicker, announcements, help] of [
      ['fr-FR', 'Annonce épinglée', 'Annonces', 'Aide et assistance'],
      ['es-ES', 'Anuncio fijado', 'Anuncios', 'Ayuda y soporte'],
    ]) {
      const reader = await world.visitor(locale);
      await reader.goto('/');
      await reader.getByText(kicker, { exact: true }).waitFor();
      await reader.getByRole('heading', { level: 2, name: TITLE }).waitFor();
      await reader.getByRole('link', { name: announcements, exact: true }).first().waitFor();
      await reader.getByRole('link', { name: help, exact: true }).first().waitFor();
      await expectAccessible(reader);
      await reader.context().close();
    }

    // A member switches to French: the names the API holds per language follow at once.
    const member = await world.as(DEMO.member.email);
    await member.getByRole('link', { name: 'Help & support', exact: true }).first().waitFor();
    await homeShown(member);
    await expectAccessible(member);
    await member.getByLabel('Language').selectOption('fr');
    await member.getByRole('link', { name: 'Aide et assistance', exact: true }).first().waitFor();
    await expectAccessible(member);
    await member.getByRole('link', { name: 'Lire et commenter' }).click();
    // The thread's own heading: the home page's (level 2) has the same words.
    await member.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expectAccessible(member);
    await member.getByLabel('Votre réponse').fill('Merci, nous viendrons !');
    await member.getByRole('button', { name: 'Publier ma réponse' }).click();
    await member.getByText('Merci, nous viendrons !', { exact: true }).waitFor();
    await expectAccessible(member);
  });
});
