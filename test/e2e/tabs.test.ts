// One user in two tabs (sharing one IndexedDB) and in a second browser stays
// consistent: new messages, read state, own messages from another device, deletions.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer as createVite, type ViteDevServer } from 'vite';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { startTestServer, TEST_ADMIN_SECRET } from '../../scripts/test-server.mjs';
import { singleConversationID } from '../../src/model/conversation-id.js';

const root = resolve(import.meta.dirname, '../..');
let server: Awaited<ReturnType<typeof startTestServer>>;
let vite: ViteDevServer;
let browser: Browser;

async function admin<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-admin-secret': TEST_ADMIN_SECRET }, body: JSON.stringify(body) });
  const json = (await res.json()) as { ok: boolean; data: T };
  assert.ok(json.ok, JSON.stringify(json));
  return json.data;
}

async function until<T>(what: string, check: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await check();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < deadline);
  assert.fail(`${what}: last saw ${JSON.stringify(last)}`);
}

describe('one user, two tabs and two browsers', { timeout: 180_000 }, () => {
  before(async () => {
    server = await startTestServer({ demo: false });
    vite = await createVite({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'error', server: { port: 0, host: '127.0.0.1', hmr: false } });
    await vite.listen();
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed');
    browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    await vite?.close();
    await server?.stop();
  });

  it('messages, read state, other-device sends and deletions agree everywhere', async () => {
    const amy = `amy-${Date.now().toString(36)}`;
    const bob = `bob-${Date.now().toString(36)}`;
    const tokens: Record<string, string> = {};
    for (const userID of [amy, bob]) {
      await admin('/api/admin/users', { userID, nickname: userID });
      tokens[userID] = (await admin<{ token: string }>('/api/admin/user-token', { userID })).token;
    }
    const url = `http://127.0.0.1:${(vite.httpServer!.address() as { port: number }).port}/test/e2e/pages/tabs.html`;
    const open = async (context: Awaited<ReturnType<Browser['newContext']>>, userID: string): Promise<Page> => {
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`[${userID}]`, e.message));
      await page.goto(url);
      await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 });
      await page.evaluate(([s, u, t]) => (window as any).tabs.login(s, u, t), [server.url, userID, tokens[userID]!]);
      return page;
    };
    const firstBrowser = await browser.newContext();
    const tab1 = await open(firstBrowser, amy);
    const tab2 = await open(firstBrowser, amy); // same browser profile: the same IndexedDB database
    const secondBrowser = await open(await browser.newContext(), amy);
    const bobPage = await open(await browser.newContext(), bob);
    const amyViews = [tab1, tab2, secondBrowser];
    const conversationID = singleConversationID(amy, bob);
    const call = <T>(page: Page, fn: string, ...args: unknown[]) => page.evaluate(([f, a]) => (window as any).tabs[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;

    await call(bobPage, 'send', amy, 'hello amy');
    for (const [i, view] of amyViews.entries()) {
      await until(`view ${i} sees the message`, () => call<string[]>(view, 'texts', conversationID), (t) => t.includes('hello amy'));
      await until(`view ${i} counts it unread`, () => call<number>(view, 'unread', conversationID), (n) => n === 1);
    }

    await call(tab1, 'markRead', conversationID);
    for (const [i, view] of amyViews.entries()) await until(`view ${i} sees it read`, () => call<number>(view, 'unread', conversationID), (n) => n === 0);

    await call(tab2, 'send', bob, 'sent from tab two');
    for (const [i, view] of [tab1, secondBrowser, bobPage].entries()) {
      await until(`view ${i} has amy's message from the other tab`, () => call<string[]>(view, 'texts', conversationID), (t) => t.includes('sent from tab two'));
    }
    for (const view of amyViews) {
      const texts = await call<string[]>(view, 'texts', conversationID);
      assert.equal(texts.filter((t) => t === 'sent from tab two').length, 1, 'exactly once in every view');
      assert.deepEqual(texts, ['hello amy', 'sent from tab two'], 'same order in every view');
    }

    await call(bobPage, 'deleteForEveryone', 'hello amy');
    for (const [i, view] of amyViews.entries()) {
      await until(`view ${i} drops the deleted message`, () => call<string[]>(view, 'texts', conversationID), (t) => !t.includes('hello amy'));
    }
  });
});
