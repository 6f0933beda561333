import { graphqlAs } from './support/api';
import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

const world = useParvisInChromium();
const as = world.as;

/** A word only the internal note contains: no page a visitor sees may show it. */
const SECRET = 'Quokka-route-7';

describe('the desk', () => {
  it('a moderator assigns a thread to staff, staff find it in "Assigned to me", write a note mentioning a colleague and answer; a visitor sees acknowledged then answered, never the note', async () => {
    // A member asks (through the API: the journey is the desk's).
    const member = await graphqlAs(world.parvis.baseUrl, DEMO.member.email);
    const { spaces } = await member<{ spaces: { id: string; slug: string }[] }>(`{ spaces { id slug } }`);
    const help = spaces.find((s) => s.slug === 'help')!;
    const { createThread } = await member<{ createThread: { id: string } }>(
      `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`,
      {
        input: {
          spaceId: help.id,
          title: 'My parcel is stuck at the depot',
          bodyMarkdown: 'It has not moved for four days.',
          language: 'en',
        },
      },
    );
    const threadUrl = `/t/${createThread.id}`;

    // A visitor sees an open thread and when an answer is expected.
    const visitor = await world.visitor();
    await visitor.goto(threadUrl);
    const state = visitor.locator('.acknowledgement');
    await state.getByText('Open', { exact: true }).waitFor();
    await state.getByText(/^Answer expected by /).waitFor();

    // The moderator assigns it to Sarah, from the thread's desk panel.
    const moderator = await as(DEMO.moderator.email);
    await moderator.goto(threadUrl);
    const desk = moderator.getByRole('region', { name: 'Desk' });
    // The people to choose from arrive after the page is live: choose once they are there, and
    // again if the list was drawn anew meanwhile (the button waits for a choice).
    const assignTo = desk.getByLabel('Assign to');
    const assign = desk.getByRole('button', { name: 'Assign', exact: true });
    await assignTo
      .locator('option', { hasText: `${DEMO.staff.name} (staff)` })
      .waitFor({ state: 'attached' });
    for (let tries = 0; tries < 100 && !(await assign.isEnabled()); tries++) {
      await assignTo.selectOption({ label: `${DEMO.staff.name} (staff)` });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await assign.click();
    await desk.getByText(`Assigned to ${DEMO.staff.name}`).waitFor();

    // Sarah finds it in "Assigned to me".
    const staff = await as(DEMO.staff.email);
    await staff.goto('/staff/sla');
    await staff.getByRole('button', { name: 'Assigned to me' }).click();
    await staff.getByRole('link', { name: 'My parcel is stuck at the depot' }).click();

    // She writes an internal note mentioning Malik, who is told.
    const staffDesk = staff.getByRole('region', { name: 'Desk' });
    await staffDesk
      .getByLabel('Write an internal note (Markdown)')
      .fill(`The carrier says ${SECRET}, please confirm`);
    await staffDesk.getByLabel('Mention a colleague').selectOption({ label: DEMO.moderator.name });
    await staffDesk.getByRole('button', { name: 'Add the note' }).click();
    await staffDesk.locator('.note').getByText(new RegExp(SECRET)).waitFor();
    await moderator.goto('/notifications');
    await moderator
      .getByText(`${DEMO.staff.name} mentioned you in an internal note on “My parcel is stuck at the depot”`)
      .waitFor();

    // The visitor now sees that Sarah is on it, and nothing of the note.
    await visitor.reload();
    await state.getByText('Acknowledged', { exact: true }).waitFor();
    await state.getByText(`${DEMO.staff.name} is on it`).waitFor();
    expect(await visitor.content()).not.toContain(SECRET);
    expect(await visitor.getByRole('region', { name: 'Desk' }).count()).toBe(0);

    // Sarah answers; the asker accepts it: answered, for everyone.
    await staff.getByLabel('Your reply').fill('It leaves the depot today; you will have it tomorrow.');
    await staff.getByRole('button', { name: 'Post my reply' }).click();
    const answer = staff.getByRole('article', {
      name: new RegExp(`^${DEMO.staff.name.replace(/[()]/g, '\\$&')}`),
    });
    await answer.getByText('It leaves the depot today').waitFor();
    const { thread } = await member<{ thread: { posts: { edges: { node: { id: string } }[] } } }>(
      `query ($id: ID!) { thread(id: $id) { posts(first: 10) { edges { node { id } } } } }`,
      { id: createThread.id },
    );
    await member(`mutation ($input: PostIdInput!) { acceptAnswer(input: $input) { id } }`, {
      input: { postId: thread.posts.edges[0].node.id },
    });
    await visitor.reload();
    await state.getByText('Answered', { exact: true }).waitFor();
    await visitor.getByText('It leaves the depot today; you will have it tomorrow.').first().waitFor();
    expect(await visitor.content()).not.toContain(SECRET);
  });

  it('the help space names the managers on duty today', async () => {
    const visitor = await world.visitor();
    await visitor.goto('/s/help');
    await visitor.getByRole('complementary', { name: 'Community managers on duty today' }).waitFor();
  });
});
