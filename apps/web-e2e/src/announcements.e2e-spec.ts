import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

const world = useParvisInChromium();

const TITLE = 'Our new store opens on Saturday';

describe('an announcement on the home page', () => {
  it('staff publish it pinned; French and Spanish readers find it first on the home page, with the spaces named in their language; a member comments', async () => {
    const staff = await world.as(DEMO.staff.email);
    await staff.goto('/s/news');
    await staff.getByRole('link', { name: 'Publish an announcement' }).click();
    await staff.getByLabel('Title').fill(TITLE);
    await staff
      .getByRole('textbox', { name: 'Announcement' })
      .fill('Come and see us at **12 rue de la Paix** from 10:00.');
    await staff.getByRole('button', { name: 'Publish' }).click();
    await staff.getByRole('heading', { name: TITLE }).waitFor();

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
      await reader.context().close();
    }

    // A member switches to French: the names the API holds per language follow at once.
    const member = await world.as(DEMO.member.email);
    await member.getByRole('link', { name: 'Help & support', exact: true }).first().waitFor();
    await member.getByLabel('Language').selectOption('fr');
    await member.getByRole('link', { name: 'Aide et assistance', exact: true }).first().waitFor();
    await member.getByRole('link', { name: 'Lire et commenter' }).click();
    await member.getByRole('heading', { name: TITLE }).waitFor();
    await member.getByLabel('Votre réponse').fill('Merci, nous viendrons !');
    await member.getByRole('button', { name: 'Publier ma réponse' }).click();
    await member.getByText('Merci, nous viendrons !', { exact: true }).waitFor();
  });
});
