// End to end: message actions between two Chromium pages through the real server:
// recall (seen by a device that was offline, via catch-up), its refusals (someone
// else's message, after the window), delete for me / for everyone, typing, group
// "read by N", @mention with the member picker and the list's mark, drafts kept
// across reloads, and an over-limit upload refused with a clear error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { startTestServer } from '../../scripts/test-server.mjs';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const ALICE_BOB = 'si_alice_bob';
const TEAM = 'sg_team';
const REVOKE_WINDOW_MS = 4000;

async function open(context: BrowserContext, user: string, conversationID = ALICE_BOB): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${user}] page error:`, e.message));
  await page.goto(`${server.url}/?user=${user}`);
  await select(page, conversationID);
  return page;
}

async function select(page: Page, conversationID: string): Promise<void> {
  const row = page.locator(`im-conversation-list [data-conversation-id="${conversationID}"]`);
  await row.waitFor({ timeout: 30_000 });
  // The list may re-render under the pointer while it syncs: click again if the chat did not open.
  for (let i = 0; ; i++) {
    await row.click();
    try {
      await page.locator('im-chat textarea').waitFor({ timeout: 5000 });
      break;
    } catch (e) {
      if (i >= 3) {
        await page.screenshot({ path: '/tmp/imkit-select-failed.png' }).catch(() => undefined);
        throw e;
      }
    }
  }
  // The menu offers recall only within the server's window (configured for the test).
  await page.evaluate((ms) => ((document.querySelector('im-chat') as unknown as { revokeWindowMs: number }).revokeWindowMs = ms), REVOKE_WINDOW_MS);
}

async function send(page: Page, text: string): Promise<void> {
  await page.locator('im-chat textarea').fill(text);
  await page.locator('im-chat textarea').press('Enter');
}

const chat = (page: Page) => page.locator('im-chat');
const row = (page: Page, text: string) => chat(page).locator('[part~="message"]', { hasText: text }).first();

async function menu(page: Page, text: string, action: string): Promise<void> {
  const r = row(page, text);
  await r.hover();
  await r.locator('[part~="actions-button"]').click();
  await r.locator(`[data-action="${action}"]`).click();
}

/** Calls a client method in the page and returns `{ ok }` or `{ code }`. */
function tryClient(page: Page, body: string): Promise<{ ok?: boolean; code?: number }> {
  return page.evaluate(async (b) => {
    const client = (window as unknown as { imkit: { client: any } }).imkit.client;
    try {
      await new Function('client', `return (async () => { ${b} })()`)(client);
      return { ok: true };
    } catch (e) {
      return { code: (e as { code?: number }).code ?? -1 };
    }
  }, body);
}

describe('message actions end to end', { timeout: 240_000 }, () => {
  before(async () => {
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed (apt-get install chromium, or set CHROME_PATH)');
    server = await startTestServer({
      demo: true,
      env: { IMKIT_REVOKE_WINDOW_MS: String(REVOKE_WINDOW_MS), IMKIT_MAX_UPLOAD_BYTES: String(100 * 1024) },
    });
    browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('recall reaches an offline device on catch-up; refusals; delete; typing; over-limit upload', async () => {
    const aliceContext = await browser.newContext();
    const bobContext = await browser.newContext();
    const alice = await open(aliceContext, 'alice');
    let bob = await open(bobContext, 'bob');
    const stamp = Date.now().toString(36);

    // Typing in a one-to-one chat shows on the other side, transiently.
    await alice.locator('im-chat textarea').pressSequentially('hel', { delay: 30 });
    await chat(bob).locator('[part~="subtitle"]', { hasText: 'typing…' }).waitFor({ timeout: 5000 });
    await alice.locator('im-chat textarea').fill('');

    const recallMe = `recall me ${stamp}`;
    await send(alice, recallMe);
    await row(bob, recallMe).waitFor({ timeout: 10_000 });
    // Bob's device goes away; alice recalls meanwhile.
    await bob.close();
    await menu(alice, recallMe, 'recall');
    await chat(alice).locator('[part~="notice"]', { hasText: 'You recalled a message' }).waitFor({ timeout: 5000 });
    bob = await bobContext.newPage();
    await bob.goto(`${server.url}/?user=bob`);
    await select(bob, ALICE_BOB);
    await chat(bob).locator('[part~="notice"]', { hasText: 'Alice' }).filter({ hasText: 'recalled a message' }).waitFor({ timeout: 10_000 });
    assert.equal(await chat(bob).getByText(recallMe).count(), 0, 'the recalled text is gone');

    // Refusals: someone else's message, and after the window.
    const keep = `keep me ${stamp}`;
    await send(alice, keep);
    await row(bob, keep).waitFor({ timeout: 10_000 });
    const other = await tryClient(
      bob,
      `const list = await client.getHistoryMessageList({ conversationID: '${ALICE_BOB}', count: 20 });
       await client.revokeMessage(list.find((m) => m.content === '${keep}'));`,
    );
    assert.equal(other.code, 1206, 'revoking someone else’s message is refused');
    await new Promise((r) => setTimeout(r, REVOKE_WINDOW_MS + 300));
    const late = await tryClient(
      alice,
      `const list = await client.getHistoryMessageList({ conversationID: '${ALICE_BOB}', count: 20 });
       await client.revokeMessage(list.find((m) => m.content === '${keep}'));`,
    );
    assert.equal(late.code, 1306, 'revoking after the window is refused');
    const r = row(alice, keep);
    await r.hover();
    await r.locator('[part~="actions-button"]').click();
    assert.equal(await r.locator('[data-action="recall"]').count(), 0, 'the menu no longer offers recall');
    await r.locator('[part~="actions-button"]').click();

    // Delete for me (alice only) and for everyone.
    const mine = `only for me ${stamp}`;
    const all = `for everyone ${stamp}`;
    await send(alice, mine);
    await send(alice, all);
    await row(bob, all).waitFor({ timeout: 10_000 });
    await menu(alice, mine, 'delete-me');
    await row(alice, mine).waitFor({ state: 'detached' });
    await menu(alice, all, 'delete-all');
    await row(bob, all).waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await row(bob, mine).count(), 1, 'delete for me leaves the peer’s copy');
    await alice.reload();
    await select(alice, ALICE_BOB);
    await row(alice, keep).waitFor();
    assert.equal(await row(alice, mine).count(), 0, 'deleted for me stays deleted after a reload');

    // An over-limit file is refused with a clear error on the bubble.
    await alice.locator('im-chat input[type=file]').setInputFiles({ name: `big-${stamp}.bin`, mimeType: 'application/octet-stream', buffer: Buffer.alloc(300 * 1024, 7) });
    const failure = chat(alice).locator('[part~="message-failed"] [part~="failure"]');
    await failure.waitFor({ timeout: 10_000 });
    assert.match(await failure.innerText(), /larger than 100 KB/);

    // Drafts: kept per conversation across a reload, shown in the list.
    await alice.locator('im-chat textarea').fill(`half-written ${stamp}`);
    await select(alice, TEAM);
    const listRow = alice.locator(`im-conversation-list [data-conversation-id="${ALICE_BOB}"]`);
    await listRow.getByText(`half-written ${stamp}`).waitFor({ timeout: 5000 });
    await alice.reload();
    await alice.locator(`im-conversation-list [data-conversation-id="${ALICE_BOB}"]`).getByText(`half-written ${stamp}`).waitFor({ timeout: 10_000 });
    await select(alice, ALICE_BOB);
    await alice.waitForFunction(
      (t) => (document.querySelector('im-chat')!.shadowRoot!.querySelector('textarea') as HTMLTextAreaElement).value === t,
      `half-written ${stamp}`,
    );
    await alice.locator('im-chat textarea').fill('');
    await aliceContext.close();
    await bobContext.close();
  });

  it('group: @mention picker, "mentioned you" in the list, read by N with the readers', async () => {
    const aliceContext = await browser.newContext();
    const bobContext = await browser.newContext();
    const alice = await open(aliceContext, 'alice', TEAM);
    const bob = await bobContext.newPage();
    await bob.goto(`${server.url}/?user=bob`);
    await bob.locator(`im-conversation-list [data-conversation-id="${TEAM}"]`).waitFor({ timeout: 30_000 });
    await select(bob, ALICE_BOB); // bob looks elsewhere
    const stamp = Date.now().toString(36);

    const box = alice.locator('im-chat textarea');
    await box.fill('');
    await box.pressSequentially('hey @Bo', { delay: 20 });
    const option = chat(alice).locator('[part~="mention-option"][data-user-id="bob"]');
    await option.waitFor({ timeout: 5000 });
    await box.press('ArrowDown');
    // The picker lists @all first, then the matching member: pick bob with the mouse.
    await option.dispatchEvent('mousedown');
    await box.pressSequentially(`look at this ${stamp}`);
    await box.press('Enter');

    const teamRow = bob.locator(`im-conversation-list [data-conversation-id="${TEAM}"]`);
    await teamRow.locator('[part~="preview-mention"]', { hasText: 'You were mentioned' }).waitFor({ timeout: 10_000 });
    await select(bob, TEAM);
    const at = chat(bob).locator('[data-content-type="106"]', { hasText: stamp });
    await at.locator('[part~="mention"]').waitFor();
    await teamRow.locator('[part~="preview-mention"]').waitFor({ state: 'detached', timeout: 10_000 });

    const readCount = chat(alice).locator('[data-content-type="106"]', { hasText: stamp }).locator('[part~="read-count"]');
    await readCount.waitFor({ timeout: 10_000 });
    assert.match(await readCount.innerText(), /Read by 1/);
    await readCount.click();
    await chat(alice).locator('[part~="reader"]', { hasText: 'Bob' }).waitFor();
    await aliceContext.close();
    await bobContext.close();
  });
});
