import type { Browser, Page } from 'playwright-core';
import { signIn } from './actions';
import { launchBrowser, newVisitor, takeCspViolations } from './browser';
import { RunningParvis, startParvis } from './parvis-server';

/**
 * For a browser test file: starts Parvis (fresh seeded database) and Chromium before its tests
 * and stops both after. `visitor()` is a new person in a browser profile of their own;
 * `as(email)` the same person signed in. A test during which the browser refused anything under
 * the content security policy fails.
 */
export function useParvisInChromium() {
  let parvis: RunningParvis;
  let browser: Browser;
  beforeAll(async () => {
    [parvis, browser] = await Promise.all([startParvis(), launchBrowser()]);
  });
  afterEach(() => {
    const violations = takeCspViolations();
    if (violations.length > 0) {
      throw new Error(`The content security policy refused:\n  ${violations.join('\n  ')}`);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await parvis?.stop();
  });
  const visitor = async (locale = 'en-US'): Promise<Page> =>
    (await newVisitor(browser, parvis.baseUrl, locale)).newPage();
  return {
    get parvis(): RunningParvis {
      return parvis;
    },
    get browser(): Browser {
      return browser;
    },
    visitor,
    as: async (email: string, locale = 'en-US'): Promise<Page> => {
      const page = await visitor(locale);
      await signIn(page, email);
      return page;
    },
  };
}
