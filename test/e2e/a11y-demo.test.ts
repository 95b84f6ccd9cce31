// Accessibility of the demo page (the whole kit assembled as an app): axe-core, every WCAG A/AA and
// best-practice rule, in the light and the dark theme, with a conversation open — against the real server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { startTestServer } from '../../scripts/test-server.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/** axe on the whole document (it walks the open shadow roots), as one readable line per failing node. */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Violation[] }> } }).axe.run;
    return (await run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(n.target)}\n    ${n.failureSummary?.replace(/\n/g, ' ')}`));
}

async function openDemo(theme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ colorScheme: theme, viewport: { width: 1200, height: 800 } });
  await context.addInitScript((t) => localStorage.setItem('imkit-demo:theme', t), theme);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${server.url}/?user=alice`);
  const row = page.locator('im-conversation-list [data-conversation-id="si_alice_bob"]');
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await page.locator('im-chat textarea').waitFor();
  await page.locator('im-chat [part~="bubble"]').first().waitFor();
  await page.waitForTimeout(500); // let read receipts, presence and avatars settle
  return page;
}

describe('the demo page has no axe violations', { timeout: 180_000 }, () => {
  before(async () => {
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed (apt-get install chromium, or set CHROME_PATH)');
    server = await startTestServer({ demo: true });
    browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`in the ${theme} theme, with a conversation open`, async () => {
      const page = await openDemo(theme);
      assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), theme, 'the demo shows the theme under test');
      const violations = await axe(page);
      await page.context().close();
      assert.deepEqual(violations, [], `${violations.length} axe violation(s):\n  ${violations.join('\n  ')}`);
    });
  }
});
