import { chromium, type Browser, type BrowserContext } from 'playwright-core';
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
export function newVisitor(browser: Browser, baseURL: string, locale = 'en-US'): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale, viewport: { width: 1280, height: 900 } });
}
