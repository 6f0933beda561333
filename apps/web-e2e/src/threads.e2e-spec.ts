import { newVisitor } from './support/browser';
import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

/** A community member of the demo seed (apps/api/src/threads/threads.seed.ts), besides the one-per-role accounts. */
const TOM = { email: 'tom.baker@parvis.test', name: 'Tom Baker' };

const world = useParvisInChromium();
const as = world.as;

describe('peer help, from question to resolution', () => {
  it('a member asks, another member and an expert answer, the asker accepts and thanks the expert, a moderator resolves, staff see the SLA queue', async () => {
    // The member asks, and is shown an answered thread close to the title while typing it.
    const asker = await as(DEMO.member.email);
    await asker.goto('/s/help');
    await asker.getByRole('link', { name: 'Ask a question' }).click();
    await asker.getByLabel('Title').fill('Carte refusée pour un achat en ligne');
    const similar = asker.getByRole('complementary', { name: 'Already answered: maybe one of these helps' });
    await similar
      .getByRole('link', { name: 'Ma carte est refusée pour les achats en ligne depuis la mise à jour' })
      .waitFor();
    await asker
      .getByLabel('Details')
      .fill('Le paiement échoue à la **dernière** étape, avec une carte neuve.');
    await asker.getByLabel('Language of the question').selectOption('fr');
    await asker.getByRole('button', { name: 'Post my question' }).click();
    await asker.getByRole('heading', { level: 1, name: 'Carte refusée pour un achat en ligne' }).waitFor();
    expect(await asker.locator('.thread-meta').getByText('Open').count()).toBe(1);
    const threadUrl = asker.url();

    // Another member answers.
    const member = await as(TOM.email);
    await member.goto(threadUrl);
    await member.getByLabel('Your reply').fill('Pareil pour moi, j’ai appelé ma banque.');
    await member.getByRole('button', { name: 'Post my reply' }).click();
    await member.getByRole('article', { name: new RegExp(`^${TOM.name}`) }).waitFor();

    // The expert answers, checking the Markdown preview first.
    const expert = await as(DEMO.expert.email);
    await expert.goto(threadUrl);
    await expert.getByLabel('Your reply').fill('Activez **3-D Secure** dans *Profil › Sécurité*.');
    await expert.getByRole('button', { name: 'Preview' }).click();
    await expert
      .getByRole('region', { name: 'Preview of your message' })
      .locator('strong', { hasText: '3-D Secure' })
      .waitFor();
    await expert.getByRole('button', { name: 'Write' }).click();
    await expert.getByRole('button', { name: 'Post my reply' }).click();
    const expertPost = expert.getByRole('article', { name: new RegExp(`^${DEMO.expert.name}`) });
    await expertPost.getByText('Expert', { exact: true }).waitFor();

    // The asker accepts the expert's answer and thanks it: the thread is ANSWERED, the answer shown first.
    await asker.reload();
    await asker
      .getByRole('article', { name: new RegExp(`^${DEMO.expert.name}`) })
      .getByRole('button', { name: 'Accept this answer' })
      .click();
    const accepted = asker.getByRole('region', { name: 'Accepted answer' });
    await accepted.getByText('Activez').waitFor();
    await asker.locator('.thread-meta').getByText('Answered').waitFor();
    const thank = accepted.getByRole('button', { name: `Thank ${DEMO.expert.name} for this post` });
    await thank.click();
    await accepted.getByText('1 thanks').waitFor();
    expect(await thank.getAttribute('aria-pressed')).toBe('true');

    // A moderator resolves it.
    const moderator = await as(DEMO.moderator.email);
    await moderator.goto(threadUrl);
    await moderator.getByRole('button', { name: 'Mark as resolved' }).click();
    await moderator.locator('.thread-meta').getByText('Resolved').waitFor();
    await moderator.getByRole('button', { name: 'Reopen' }).waitFor();

    // Staff see the SLA queue: overdue threads first and highlighted; the resolved thread is not there.
    const staff = await as(DEMO.staff.email);
    await staff.goto('/s/help');
    await staff.getByRole('link', { name: 'Answer-time queue' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Answer-time queue' }).waitFor();
    const rows = staff.locator('.sla-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.first().getAttribute('class')).toBe('overdue');
    expect(await rows.first().getByText('Overdue').count()).toBe(1);
    await staff.getByRole('link', { name: 'Service client inexistant, je suis très déçue' }).waitFor();
    expect(await staff.getByRole('link', { name: 'Carte refusée pour un achat en ligne' }).count()).toBe(0);
  });
});

describe('finding an answer', () => {
  it('a visitor searches in French without accents and sees the highlighted match', async () => {
    const context = await newVisitor(world.browser, world.parvis.baseUrl, 'fr-FR');
    const page = await context.newPage();
    await page.goto('/search');
    await page.getByLabel('Rechercher dans la communauté').fill('application plante demarrage');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    const result = page.getByRole('link', { name: 'L’application plante au démarrage sur Android 14' });
    await result.waitFor();
    expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0);
    await result.click();
    // The edited question keeps its earlier version readable.
    await page.getByText('1 version précédente').click();
    await page.getByText('L’appli plante.').waitFor();
    await context.close();
  });
});

describe('a confidential case', () => {
  it('staff continue privately; the asker reads it, others see only the public notice', async () => {
    const staff = await as(DEMO.staff.email);
    await staff.goto('/s/help');
    await staff.getByRole('link', { name: 'Can I change the delivery address after ordering?' }).click();
    await staff.getByText('Continue privately with the asker').click();
    await staff
      .getByLabel('First private message to the asker')
      .fill('Hello Camille, send me your order number here.');
    await staff.getByRole('button', { name: 'Start the private conversation' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Private follow-up' }).waitFor();
    const followUpUrl = staff.url();

    const asker = await as(DEMO.member.email);
    await asker.goto(followUpUrl);
    await asker.getByText('Hello Camille, send me your order number here.').waitFor();
    await asker.getByLabel('Your message').fill('It is 2026-48213.');
    await asker.getByRole('button', { name: 'Send' }).click();
    // The message in the conversation (the box may still hold it a moment after sending).
    await asker.locator('p', { hasText: 'It is 2026-48213.' }).waitFor();

    const other = await as(TOM.email);
    await other.goto('/s/help');
    await other.getByRole('link', { name: 'Can I change the delivery address after ordering?' }).click();
    await other.getByText(`This case continues privately with ${DEMO.staff.name}.`).waitFor();
    expect(await other.getByRole('link', { name: 'Open the private conversation' }).count()).toBe(0);
    await other.goto(followUpUrl);
    await other.getByRole('alert').waitFor();
  });
});
