import type { Page } from 'playwright-core';
import { signIn } from './support/actions';
import { newVisitor } from './support/browser';
import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

const world = useParvisInChromium();

/** Staff read the catcher until the mail shows up (it is sent by the queue, a moment later). */
async function openCaughtMail(page: Page, subject: string): Promise<void> {
  await page.goto('/staff/mail');
  await page.getByRole('heading', { name: 'Mail catcher' }).waitFor();
  const mail = page.getByRole('button', { name: new RegExp(subject) }).first();
  const deadline = Date.now() + 20_000;
  while ((await mail.count()) === 0) {
    if (Date.now() > deadline) throw new Error(`No mail "${subject}" in the catcher.`);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.waitForTimeout(500);
  }
  await mail.click();
}

describe('a newcomer who signs up from a thread', () => {
  it('confirms their address from the mail and comes back to the thread they were reading', async () => {
    const context = await newVisitor(world.browser, world.parvis.baseUrl, 'en-US');
    const page = await context.newPage();
    await page.goto('/s/help');
    const title = (await page.locator('.thread-title').first().textContent())!.trim();
    await page.locator('.thread-title').first().click();
    await page.waitForURL(/\/t\//);
    // The thread is shown (the address changes before the page does).
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const threadPath = new URL(page.url()).pathname;
    await page.locator('.site-header .sign-up-link').click();
    await page.waitForURL(/\/sign-up\?returnTo=/);
    await page.getByLabel('E-mail address').fill('noor.haddad@example.com');
    await page.getByLabel('Your name, as others will see it').fill('Noor Haddad');
    await page.getByLabel('Password').fill('a kettle that whistles');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();

    const staff = await world.as(DEMO.staff.email);
    await openCaughtMail(staff, 'Confirm your e-mail address for Parvis');
    const link = staff.getByRole('link', { name: /\/confirm-email\?token=/ }).first();
    const href = (await link.getAttribute('href'))!;
    expect(new URL(href).searchParams.get('returnTo')).toBe(threadPath);

    await page.goto(href);
    await page.getByText('noor.haddad@example.com is confirmed.').waitFor();
    await page.getByRole('link', { name: 'Back to the page you were reading' }).click();
    await page.waitForURL((url) => url.pathname === threadPath);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await context.close();
  });
});

describe('a member who forgot their password', () => {
  it('gets a link by e-mail (read in the catcher), chooses a new password, is signed in, and their other session is revoked', async () => {
    // The member is still signed in on another device.
    const otherDevice = await (await newVisitor(world.browser, world.parvis.baseUrl, 'en-US')).newPage();
    await signIn(otherDevice, DEMO.member.email);

    const context = await newVisitor(world.browser, world.parvis.baseUrl, 'en-US');
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // The sign-in page stays while the next page's code loads: fill the field once the form is there.
    await page.getByRole('button', { name: 'Send me a link' }).waitFor();
    await page.getByLabel('E-mail address').fill(DEMO.member.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('status').getByText(`If ${DEMO.member.email} has an account`).waitFor();

    const staff = await world.as(DEMO.staff.email);
    // Camille reads Parvis in French: so does her mail.
    await openCaughtMail(staff, 'Choisissez un nouveau mot de passe pour Parvis');
    const link = staff.getByRole('link', { name: /\/reset-password\?token=/ }).first();
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(`${world.parvis.baseUrl}/reset-password?token=`)).toBe(true);

    await page.goto(href);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password').fill('a fresh start for me');
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await page.getByLabel(`Signed in as ${DEMO.member.name}`).waitFor();

    await otherDevice.reload();
    await otherDevice.getByRole('link', { name: 'Sign in' }).first().waitFor();
    expect(await otherDevice.locator('button.viewer-menu-button').count()).toBe(0);

    // The old password no longer works; the new one does.
    const later = await (await newVisitor(world.browser, world.parvis.baseUrl, 'en-US')).newPage();
    await signIn(later, DEMO.member.email, 'a fresh start for me');
    await context.close();
  });

  it('the catcher is for staff: an expert is refused', async () => {
    const expert = await world.as(DEMO.expert.email);
    await expert.goto('/staff/mail');
    await expert.getByRole('alert').first().waitFor();
  });
});
