import { takeCspViolations } from './support/browser';
import { useParvisInChromium } from './support/session';

const world = useParvisInChromium();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The violations the page reports (they arrive asynchronously, each twice: the DOM event and the
 * console line), taken so that the harness's own check after the test finds none left.
 */
async function violationsSoon(): Promise<string[]> {
  for (let waited = 0; waited < 5000; waited += 100) {
    const seen = takeCspViolations();
    if (seen.length > 0) {
      await pause(1000);
      return [...seen, ...takeCspViolations()];
    }
    await pause(100);
  }
  return [];
}

describe('the content security policy', () => {
  it('lets the app run without refusing anything: pages, a thread with its live WebSocket, icons', async () => {
    const reader = await world.visitor();
    await reader.goto('/');
    await reader.getByRole('link', { name: 'Help' }).first().click();
    await reader.getByRole('link', { name: 'Ask a question' }).waitFor();
    const thread = reader.locator('a[href^="/t/"]').first();
    const title = (await thread.textContent())!.trim();
    await thread.click();
    await reader.getByRole('heading', { level: 1, name: title }).waitFor();
    // The icon and the manifest are the app's own files.
    const icons = await reader.locator('head link[rel="icon"], head link[rel="manifest"]').count();
    expect(icons).toBe(3);
    // Anything refused on the way fails this test in the harness's check (support/session.ts).
  });

  it('refuses a script injected into a page, and the harness notices', async () => {
    const reader = await world.visitor();
    await reader.goto('/charter');
    await reader.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "yes"';
      document.body.append(script);
    });
    const violations = await violationsSoon();
    expect(violations.join('\n')).toMatch(/script-src/);
    expect(await reader.evaluate(() => document.body.dataset.injected)).toBeUndefined();
  });

  it('refuses to be framed by another site', async () => {
    const attacker = await world.visitor();
    await attacker.setContent(
      `<iframe src="${world.parvis.baseUrl}/moderation" title="framed" width="800" height="600"></iframe>`,
    );
    const violations = await violationsSoon();
    expect(violations.join('\n')).toMatch(/frame-ancestors/);
    const framed = attacker.frames().find((frame) => frame.url().startsWith(world.parvis.baseUrl));
    expect(
      await framed
        ?.locator('#root')
        .count()
        .catch(() => 0),
    ).not.toBe(1);
  });
});
