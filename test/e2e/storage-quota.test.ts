// A real quota error in the middle of a session, in real Chromium with real IndexedDB:
// the DevTools protocol gives the page origin a small quota (Storage.overrideQuotaForOrigin);
// while messages wait in the outbox, a file send hits QuotaExceededError. The
// client must move to memory with the outbox, show the notice, and deliver every
// message once, in the order it was written.
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

async function until<T>(what: string, check: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await check();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < deadline);
  assert.fail(`${what}: last saw ${JSON.stringify(last)}`);
}

describe('IndexedDB quota exceeded mid-session', { timeout: 180_000 }, () => {
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

  it('moves to memory with the unsent outbox, shows the notice and delivers everything once, in order', async () => {
    const amy = `amy-${Date.now().toString(36)}`;
    const bob = `bob-${Date.now().toString(36)}`;
    const tokens: Record<string, string> = {};
    for (const userID of [amy, bob]) {
      await admin('/api/admin/users', { userID, nickname: userID });
      tokens[userID] = (await admin<{ token: string }>('/api/admin/user-token', { userID })).token;
    }
    const origin = `http://127.0.0.1:${(vite.httpServer!.address() as { port: number }).port}`;
    const url = `${origin}/test/e2e/pages/storage-quota.html`;
    const open = async (userID: string, beforeLogin?: (page: Page) => Promise<void>): Promise<Page> => {
      const page = await (await browser.newContext()).newPage();
      page.on('pageerror', (e) => console.error(`[${userID}]`, e.message));
      await page.goto(url);
      await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 });
      await beforeLogin?.(page);
      await page.evaluate(([s, u, t]) => (window as any).quota.login(s, u, t), [server.url, userID, tokens[userID]!]);
      return page;
    };
    // Amy's origin gets a small quota: plenty for a session of text, too little for a 2 MB file.
    // (Chromium's IndexedDB asks the quota manager when a page first writes and then budgets from
    // that answer, so the override is set before login; the session then runs normally until it is full.)
    let cdp: Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>> | undefined;
    const amyPage = await open(amy, async (page) => {
      cdp = await page.context().newCDPSession(page);
      const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 1024 * 1024 });
    });
    const bobPage = await open(bob);
    const call = <T>(page: Page, fn: string, ...args: unknown[]) => page.evaluate(([f, a]) => (window as any).quota[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
    const conversationID = singleConversationID(amy, bob);

    await call(amyPage, 'queueText', bob, 'written to disk');
    assert.deepEqual(await call(amyPage, 'settle'), [2], 'the first message is sent from IndexedDB');
    assert.equal(await call(amyPage, 'storageMode'), 'indexeddb');

    // Offline: two messages wait in the IndexedDB outbox.
    await call(amyPage, 'setReachable', false);
    await call(amyPage, 'queueText', bob, 'typed offline 1');
    await call(amyPage, 'queueText', bob, 'typed offline 2');
    await until('both offline messages are queued', () => call<{ content: string; status: number }[]>(amyPage, 'history', conversationID), (h) => h.filter((m) => m.status === 1).length === 2);

    // The disk fills up: a 2 MB file does not fit (a real QuotaExceededError from Chromium's IndexedDB).
    await call(amyPage, 'queueFile', bob, 'report.bin', 2 * 1024 * 1024);
    const notices = await until('the client reports the storage problem', () => call<{ reason: string; reloadRequired: boolean }[]>(amyPage, 'notices'), (n) => n.length > 0);
    assert.deepEqual(notices, [{ reason: 'quota', reloadRequired: false }], 'one notice: the quota');
    assert.equal(await call(amyPage, 'storageMode'), 'memory');
    // The list re-renders on its next update after the event, so wait for it rather than read once.
    const listNotice = await until('the conversation list shows the notice', () => call<string>(amyPage, 'listNotice'), (t) => /only until this tab closes/.test(t), 5_000);
    assert.match(listNotice, /only until this tab closes/);

    await call(amyPage, 'setReachable', true);
    await call(amyPage, 'queueText', bob, 'after the switch');
    assert.deepEqual(await call(amyPage, 'settle'), [2, 2, 2, 2], 'every queued message and the file were sent');
    const expected = ['written to disk', 'typed offline 1', 'typed offline 2', 'file:report.bin', 'after the switch'];
    const bobSees = await until('bob has all five', () => call<{ content: string }[]>(bobPage, 'history', conversationID), (h) => h.length >= expected.length);
    assert.deepEqual(bobSees.map((m) => m.content), expected, 'bob got each message once, in the order amy wrote them');
    const amySees = await call<{ content: string }[]>(amyPage, 'history', conversationID);
    assert.deepEqual(amySees.map((m) => m.content), expected, "amy's cache (now in memory) holds the same");
    await cdp!.send('Storage.overrideQuotaForOrigin', { origin });
  });
});
