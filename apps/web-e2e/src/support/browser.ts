import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findChromium, MISSING_CHROMIUM } from '../../../../tools/test/chromium.cjs';

/**
 * Debian's Chromium driven by playwright-core (no browser download). The flags keep it from
 * reaching for the network, which this machine and CI do not have.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM);
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A fresh browser profile (no cookies, no stored language) whose preferred language is `locale`. */
export async function newVisitor(
  browser: Browser,
  baseURL: string,
  locale = 'en-US',
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale, viewport: { width: 1280, height: 900 } });
  await watchContentSecurityPolicy(context);
  context.on('page', untilAppReadyAfterLoading);
  return context;
}

/**
 * Pages arrive rendered by the server and come alive once hydrated: a click before then is lost
 * (a button does nothing yet). After each `goto` and `reload` of an app page, wait for the mark
 * the app sets once hydrated (`<html data-app-ready>`, apps/web/src/main.tsx), as a person waits
 * for a page to respond; on a loaded machine hydration can take seconds.
 */
function untilAppReadyAfterLoading(page: Page): void {
  for (const method of ['goto', 'reload'] as const) {
    const load = page[method].bind(page) as (...args: unknown[]) => ReturnType<Page['goto']>;
    Object.assign(page, {
      [method]: async (...args: unknown[]) => {
        const response = await load(...args);
        if (response?.headers()['content-type']?.startsWith('text/html'))
          await page.locator('html[data-app-ready]').waitFor({ state: 'attached' });
        return response;
      },
    });
  }
}

/** What the browser refused under the content security policy since the last `takeCspViolations()`. */
const cspViolations: string[] = [];

/**
 * Every page of every journey runs under the app's content security policy: anything it refuses
 * (an inline script, a style, a request to another origin) is recorded, from the
 * `securitypolicyviolation` event and from the console's "Refused to …" lines, and fails the test
 * (useParvisInChromium checks after each one).
 */
async function watchContentSecurityPolicy(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__parvisCspViolation', (_source, report: string) => {
    cspViolations.push(report);
  });
  await context.addInitScript(`
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__parvisCspViolation(
        event.violatedDirective + ' refused ' + (event.blockedURI || 'an inline source') +
          ' on ' + event.documentURI + ' (' + (event.sourceFile || '?') + ':' + event.lineNumber + ')',
      );
    });
  `);
  context.on('console', (message) => {
    const text = message.text();
    if (/Refused to|Content Security Policy/i.test(text)) cspViolations.push(text);
  });
}

/** The violations recorded so far, forgetting them. */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}
