// The multi-login policy 'single' on the real server: signing in on a second browser ends the
// first session, which hears onKickedOffline and shows it in the demo's elements.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { startTestServer } from '../../scripts/test-server.mjs';
import { ErrorCode } from '../../src/protocol/errors.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

async function openAs(user: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    // Record the client's session events as the page sees them (the demo keeps its client private).
    (window as unknown as { imkitSessionEvents: string[] }).imkitSessionEvents = [];
  });
  await page.goto(`${server.url}/?user=${user}`);
  await page.locator('im-conversation-list [data-conversation-id]').first().waitFor({ timeout: 60_000 });
  await page.evaluate(() => {
    const provider = document.querySelector('im-provider') as unknown as { client: { on(e: string, f: (x: { code: number }) => void): void } };
    const events = (window as unknown as { imkitSessionEvents: string[] }).imkitSessionEvents;
    provider.client.on('onKickedOffline', (e) => events.push(`kicked:${e.code}`));
    provider.client.on('onUserTokenExpired', (e) => events.push(`expired:${e.code}`));
  });
  return page;
}

describe('signed in elsewhere (IMKIT_MULTI_LOGIN=single)', { timeout: 180_000 }, () => {
  before(async () => {
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed (apt-get install chromium, or set CHROME_PATH)');
    server = await startTestServer({ demo: true, env: { IMKIT_MULTI_LOGIN: 'single' } });
    browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the older session hears onKickedOffline and its elements say so; the newer one keeps working', async () => {
    const first = await openAs('alice');
    const second = await openAs('alice');
    await first.waitForFunction(() => (window as unknown as { imkitSessionEvents: string[] }).imkitSessionEvents.length > 0, null, { timeout: 15_000 });
    const events = () => (window as unknown as { imkitSessionEvents: string[] }).imkitSessionEvents;
    assert.deepEqual(await first.evaluate(events), [`kicked:${ErrorCode.KickedOffline}`], 'onKickedOffline, once, with its code');
    // The prompt: the conversation list's banner and the chat header say why the session ended.
    const banner = first.locator('im-conversation-list [part~="banner"]');
    await banner.waitFor({ timeout: 10_000 });
    assert.match(await banner.innerText(), /signed in elsewhere/i);
    assert.equal(await banner.getAttribute('role'), 'status');
    // What was cached stays on screen.
    assert.ok((await first.locator('im-conversation-list [data-conversation-id]').count()) > 0, 'the cached list stays');
    // The newer session is unaffected and not kicked.
    await second.waitForTimeout(500);
    assert.deepEqual(await second.evaluate(events), []);
    assert.equal(await second.locator('im-conversation-list [part~="banner"]').count(), 0, 'no banner on the newer session');
    await browser.contexts().at(-1)!.close();
  });
});
