import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './demo';

/** Signs in through the English sign-in page, as a person would, and waits to be signed in. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /^Signed in as / }).waitFor();
}

/** Opens the header's menu of the signed-in person (their avatar), in whatever language. */
export async function openViewerMenu(page: Page): Promise<void> {
  await page.locator('button.viewer-menu-button').click();
  await page.getByRole('menu').waitFor();
}

/** Signs out from the header's menu; `label` is "Sign out" in the page's language. */
export async function signOut(page: Page, label = 'Sign out'): Promise<void> {
  await openViewerMenu(page);
  await page.getByRole('menuitem', { name: label }).click();
}
