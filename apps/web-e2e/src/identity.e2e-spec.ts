import { newVisitor } from './support/browser';
import { DEMO } from './support/demo';
import { signIn, signOut } from './support/actions';
import { useParvisInChromium } from './support/session';

const world = useParvisInChromium();

describe('a newcomer', () => {
  it('signs up in French, is told to check their inbox, signs in, switches to English and back, and signs out', async () => {
    const context = await newVisitor(world.browser, world.parvis.baseUrl, 'fr-FR');
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'S’inscrire' }).click();

    await page.getByLabel('Adresse e-mail').fill('lea.dupont@example.com');
    await page.getByLabel('Votre nom, tel que les autres le verront').fill('Léa Dupont');
    await page.getByLabel('Mot de passe').fill('trois petits chats');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();

    await page.getByRole('heading', { name: 'Consultez votre boîte de réception' }).waitFor();
    await page.getByText('Nous avons envoyé un message à lea.dupont@example.com').waitFor();
    await page.getByRole('link', { name: 'Se connecter' }).first().click();
    await page.getByLabel('Adresse e-mail').fill('lea.dupont@example.com');
    await page.getByLabel('Mot de passe').fill('trois petits chats');
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await page.getByText('Léa Dupont').waitFor();
    await page.getByRole('button', { name: /^Connecté·e en tant que Léa Dupont/ }).waitFor();

    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('button', { name: /^Signed in as Léa Dupont/ }).waitFor();
    await page.reload();
    // The language and the session both survive a reload.
    await page.getByRole('button', { name: /^Signed in as Léa Dupont/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByLabel('Language').selectOption('fr');
    await signOut(page, 'Se déconnecter');
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
    expect(await page.getByText('Léa Dupont').count()).toBe(0);
    await context.close();
  });

  it('gets the same “check your inbox” answer for an address that already has an account', async () => {
    const context = await newVisitor(world.browser, world.parvis.baseUrl, 'en-US');
    const page = await context.newPage();
    await page.goto('/sign-up');
    await page.getByLabel('E-mail address').fill(DEMO.member.email);
    await page.getByLabel('Your name, as others will see it').fill('Someone Else');
    await page.getByLabel('Password').fill('another long passphrase');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    await page.getByText(`We sent a message to ${DEMO.member.email} with the next step.`).waitFor();
    await context.close();
  });
});

describe('a demo moderator', () => {
  it('signs in and answers as themself, with the Moderator badge beside their name', async () => {
    const context = await newVisitor(world.browser, world.parvis.baseUrl, 'en-US');
    const page = await context.newPage();
    await signIn(page, DEMO.moderator.email);
    const viewer = page.getByLabel(`Signed in as ${DEMO.moderator.name}`);
    await viewer.getByText('Moderator').waitFor();
    await context.close();
  });

  it('is refused with the same words for a wrong password as for an unknown address', async () => {
    const context = await newVisitor(world.browser, world.parvis.baseUrl, 'en-US');
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(DEMO.moderator.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The e-mail address or the password is wrong.').waitFor();
    await context.close();
  });
});
