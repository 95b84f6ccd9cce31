// End to end: the real server in demo mode, two Chromium contexts as two users,
// real-time text both ways, then one user reloads offline and finds the cache.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { startTestServer } from '../../scripts/test-server.mjs';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const ALICE_BOB = 'si_alice_bob';

async function openAs(context: BrowserContext, user: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${user}] page error:`, e.message));
  await page.goto(`${server.url}/?user=${user}`);
  await page.locator(`im-conversation-list [data-conversation-id="${ALICE_BOB}"]`).waitFor({ timeout: 30_000 });
  return page;
}

async function openConversation(page: Page): Promise<void> {
  await page.locator(`im-conversation-list [data-conversation-id="${ALICE_BOB}"]`).click();
  await page.locator('im-chat textarea').waitFor();
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.locator('im-chat textarea');
  await box.fill(text);
  await box.press('Enter');
}

describe('two users chat through the real server', { timeout: 180_000 }, () => {
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

  it('exchanges messages both ways in real time, then paints list and history from IndexedDB offline', async () => {
    const aliceContext = await browser.newContext();
    const bobContext = await browser.newContext();
    const alice = await openAs(aliceContext, 'alice');
    const bob = await openAs(bobContext, 'bob');
    await openConversation(alice);
    await openConversation(bob);

    const fromAlice = `Hi Bob <img src=x onerror="window.__xss=1"> ${Date.now()}`;
    await send(alice, fromAlice);
    await bob.locator('im-chat').getByText(fromAlice, { exact: true }).waitFor({ timeout: 10_000 });
    assert.equal(await bob.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, 'message markup must not execute');

    const fromBob = `Hello Alice, line one\nline two ${Date.now()}`;
    const bobBox = bob.locator('im-chat textarea');
    await bobBox.fill('Hello Alice, line one');
    await bobBox.press('Shift+Enter');
    await bobBox.pressSequentially(`line two ${fromBob.split('line two ')[1]}`);
    assert.equal(await bobBox.inputValue(), fromBob, 'Shift+Enter adds a line instead of sending');
    await bobBox.press('Enter');
    await alice.locator('im-chat').getByText('line two ' + fromBob.split('line two ')[1]!, { exact: false }).waitFor({ timeout: 10_000 });
    assert.equal(await bobBox.inputValue(), '', 'composer cleared after sending');

    // Bob goes offline: the socket and the API are unreachable, the page itself still loads.
    await bobContext.routeWebSocket(/\/ws$/, (ws) => ws.close({ code: 1006, reason: 'offline (test)' }));
    await bobContext.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await bob.reload();
    const row = bob.locator(`im-conversation-list [data-conversation-id="${ALICE_BOB}"]`);
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /line two/, 'list preview painted from the cache');
    await openConversation(bob);
    await bob.locator('im-chat').getByText(fromAlice, { exact: true }).waitFor({ timeout: 10_000 });
    await bob.locator('im-chat').getByText('Hello Alice, line one', { exact: false }).waitFor();
    await aliceContext.close();
    await bobContext.close();
  });
});
