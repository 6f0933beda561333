import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

let axeSource: string | undefined;

/**
 * The accessibility violations axe-core finds on the page as it is now (dialogs open included),
 * one line each: rule, help and the elements concerned; `exclude`: selectors of parts to leave out.
 * axe is evaluated through the browser's debugging protocol, not injected as a <script>, so the
 * page's content security policy stays as strict as in production. It is loaded once per document.
 */
export async function axeViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  if ((await page.evaluate('typeof window.axe')) === 'undefined') {
    axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(async (excluded) => {
    const axe = (
      window as unknown as { axe: { run: (context: object, options: object) => Promise<AxeResults> } }
    ).axe;
    const context = excluded.length > 0 ? { exclude: excluded.map((selector) => [selector]) } : document;
    const results = await axe.run(context, { resultTypes: ['violations'] });
    return results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
  }, exclude);
}

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}
