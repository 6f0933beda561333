import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/accessibility';
import { graphqlAs } from './support/api';
import { DEMO, DEMO_PASSWORD } from './support/demo';
import { useParvisInChromium } from './support/session';

/** A community member of the demo seed, besides the one-per-role accounts. */
const TOM = { email: 'tom.baker@parvis.test' };

const world = useParvisInChromium();

/** Pastes a photo drawn in the page (a PNG, as a screenshot tool puts on the clipboard) into the focused box. */
async function pastePhoto(page: Page, label: string): Promise<void> {
  const box = page.getByLabel(label);
  await box.click();
  await box.evaluate(async (element) => {
    const canvas = document.createElement('canvas');
    canvas.width = 900;
    canvas.height = 600;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#c04020';
    context.fillRect(0, 0, 900, 600);
    context.fillStyle = '#ffffff';
    context.fillRect(300, 200, 300, 200);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const clipboard = new DataTransfer();
    clipboard.items.add(new File([blob], 'screenshot.png', { type: 'image/png' }));
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }),
    );
  });
}

/** axe-core finds nothing on the page as it is now (the lightbox open included). */
async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

const loaded = (page: Page, selector: string) =>
  page.waitForFunction((s) => {
    const image = document.querySelector<HTMLImageElement>(s);
    return !!image && image.complete && image.naturalWidth > 0;
  }, selector);

describe('photos in posts', () => {
  it('a member pastes a photo into a reply; a visitor sees the thumbnail and opens it full size; hidden with its post, its file kept', async () => {
    const tom = await graphqlAs(world.parvis.baseUrl, TOM.email);
    const { spaces } = await tom<{ spaces: { id: string; kind: string }[] }>(`{ spaces { id kind } }`);
    const { createThread } = await tom<{ createThread: { id: string } }>(
      `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`,
      {
        input: {
          spaceId: spaces.find((space) => space.kind === 'HELP')!.id,
          title: 'The hinge of my wardrobe door is cracked',
          bodyMarkdown: 'It cracked after two weeks. Is it covered?',
          language: 'en',
        },
      },
    );
    const threadPath = `/t/${createThread.id}`;

    const member = await world.as(DEMO.member.email);
    await member.goto(threadPath);
    await member.getByLabel('Your reply').waitFor();
    await expectAccessible(member);
    await pastePhoto(member, 'Your reply');
    await member.getByRole('status').filter({ hasText: 'Photo added.' }).waitFor();
    const markdown = await member.getByLabel('Your reply').inputValue();
    const id = /!\[Photo\]\(\/uploads\/([0-9a-f-]{36})\)/.exec(markdown)?.[1];
    expect(id).toBeDefined();
    await member.getByLabel('Your reply').press('End');
    await member.getByLabel('Your reply').pressSequentially('Mine cracked the same way.');
    await member.getByRole('button', { name: 'Post my reply' }).click();
    const post = member.getByRole('article').filter({ hasText: 'Mine cracked the same way.' });
    await post.waitFor();
    await expectAccessible(member);

    const visitor = await world.visitor();
    await visitor.goto(threadPath);
    const thumbnail = `a.upload[href="/uploads/${id}"] img[src="/uploads/${id}/thumb"]`;
    await loaded(visitor, thumbnail);
    await expectAccessible(visitor);
    const link = visitor.getByRole('link', { name: 'Photo' });
    await link.focus();
    await visitor.keyboard.press('Enter');
    const lightbox = visitor.getByRole('dialog', { name: 'Photo' });
    await lightbox.waitFor();
    await loaded(visitor, `dialog.photo-lightbox img[src="/uploads/${id}"]`);
    const size = await lightbox
      .locator('img')
      .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size).toEqual([900, 600]);
    await expectAccessible(visitor);
    // Focus is in the lightbox; Escape closes it and gives focus back to the photo.
    expect(await lightbox.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    await visitor.keyboard.press('Escape');
    await lightbox.waitFor({ state: 'hidden' });
    expect(await visitor.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(`/uploads/${id}`);

    // A moderator hides the reply: the photo goes with it for visitors, the file stays.
    const { thread } = await tom<{
      thread: { posts: { edges: { node: { id: string; bodyMarkdown: string } }[] } };
    }>(`query ($id: ID!) { thread(id: $id) { posts(first: 50) { edges { node { id bodyMarkdown } } } } }`, {
      id: createThread.id,
    });
    const replyId = thread.posts.edges.find((edge) => edge.node.bodyMarkdown.includes(id!))!.node.id;
    const moderator = await graphqlAs(world.parvis.baseUrl, DEMO.moderator.email);
    await moderator(`mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`, {
      input: { postId: replyId, reason: 'PERSONAL_DATA' },
    });
    const later = await world.visitor();
    await later.goto(threadPath);
    await later
      .getByRole('note')
      .filter({ hasText: `Hidden by ${DEMO.moderator.name}` })
      .waitFor();
    await expectAccessible(later);
    expect(await later.locator(`a.upload[href="/uploads/${id}"]`).count()).toBe(0);
    expect((await later.request.get(`/uploads/${id}`)).status()).toBe(404);
    expect((await later.request.get(`/uploads/${id}/thumb`)).status()).toBe(404);
    expect(existsSync(join(world.parvis.dataDir, 'uploads', id!.slice(0, 2), `${id}.webp`))).toBe(true);
    // Its author still sees it, as they still read their hidden reply.
    expect((await member.request.get(`/uploads/${id}`)).status()).toBe(200);
  });

  it('a photo picked with the button that is not one is refused with a sentence in the reader’s language; a dropped one is added', async () => {
    // Signed in through the browser's own cookie jar, the interface in French.
    const member = await world.visitor('fr-FR');
    await member.request.post('/graphql', {
      data: {
        query: `mutation ($input: SignInInput!) { signIn(input: $input) { user { id } } }`,
        variables: { input: { email: DEMO.member.email, password: DEMO_PASSWORD } },
      },
    });
    const { threads } = await (
      await graphqlAs(world.parvis.baseUrl, TOM.email)
    )<{ threads: { edges: { node: { id: string } }[] } }>(`{ threads(first: 1) { edges { node { id } } } }`);
    await member.goto(`/t/${threads.edges[0].node.id}`);
    await member.getByLabel('Votre réponse').waitFor();
    await expectAccessible(member);
    const [chooser] = await Promise.all([
      member.waitForEvent('filechooser'),
      member.getByRole('button', { name: 'Ajouter une photo' }).first().click(),
    ]);
    await chooser.setFiles({
      name: 'facture.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<html>pas une photo</html>'),
    });
    await member
      .getByRole('status')
      .filter({ hasText: 'Ce fichier n’est pas une photo lisible. Essayez-en une autre.' })
      .waitFor();
    await expectAccessible(member);
    expect(await member.getByText('The file is not an image Parvis can read.').count()).toBe(0);
    expect(await member.getByLabel('Votre réponse').inputValue()).toBe('');

    // A photo dropped on the box is added, its description in French.
    await member.getByLabel('Votre réponse').evaluate(async (element) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 48;
      canvas.getContext('2d')!.fillRect(0, 0, 64, 48);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg'));
      const dropped = new DataTransfer();
      dropped.items.add(new File([blob], 'etiquette.jpg', { type: 'image/jpeg' }));
      element.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }),
      );
    });
    await member.getByRole('status').filter({ hasText: 'Photo ajoutée.' }).waitFor();
    await expectAccessible(member);
    expect(await member.getByLabel('Votre réponse').inputValue()).toMatch(
      /^!\[Photo\]\(\/uploads\/[0-9a-f-]{36}\)\n$/,
    );
  });
});
