// End to end: friend requests and group join requests between two Chromium
// pages on the demo page, against the real server (demo mode, seeded).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { startTestServer } from '../../scripts/test-server.mjs';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function openAs(user: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${user}] page error:`, e.message));
  await page.goto(`${server.url}/?user=${user}`);
  // Signed in and synced: the list shows rows or its empty state (Erin starts with no chats).
  await page.locator('im-conversation-list').locator('[part~="list"], [part~="empty"]').first().waitFor({ timeout: 30_000 });
  return page;
}

async function openContacts(page: Page): Promise<void> {
  await page.click('#rail-contacts');
  await page.locator('im-contacts [part~="tab"][data-tab="friends"]').waitFor();
}

describe('social flows across two pages', { timeout: 180_000 }, () => {
  before(async () => {
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed (apt-get install chromium, or set CHROME_PATH)');
    server = await startTestServer({ demo: true });
    browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('a friend request is sent, shows up with a badge on the other side, is accepted, and both lists update live', async () => {
    const dave = await openAs('dave');
    const erin = await openAs('erin');
    await openContacts(dave);
    await openContacts(erin);
    assert.equal(await erin.locator('im-contacts [data-user-id="dave"]').count(), 0, 'not friends yet');

    await dave.locator('im-contacts [part~="add-friend-button"]').click();
    await dave.locator('im-contacts input[name="userID"]').fill('erin');
    await dave.locator('im-contacts input[name="reqMsg"]').fill('Hi Erin, Dave from the demo');
    await dave.locator('im-contacts [part~="send-request-button"]').click();
    await dave.locator('im-contacts [part~="notice"]').getByText('Request sent').waitFor();

    // Erin: the rail badge and the tab badge count the new request, without a reload.
    await erin.locator('#rail-requests').getByText('1').waitFor({ timeout: 10_000 });
    await erin.locator('im-contacts [part~="tab"][data-tab="requests"]').click();
    const request = erin.locator('im-contacts [part~="row"][data-user-id="dave"]');
    await request.getByText('Hi Erin, Dave from the demo').waitFor({ timeout: 10_000 });
    await request.locator('[part~="accept-button"]').click();

    // Both friend lists show the other at once.
    await dave.locator('im-contacts [part~="tab"][data-tab="friends"]').click();
    await dave.locator('im-contacts [part~="row"][data-user-id="erin"]').waitFor({ timeout: 10_000 });
    await erin.locator('im-contacts [part~="tab"][data-tab="friends"]').click();
    await erin.locator('im-contacts [part~="row"][data-user-id="dave"]').waitFor({ timeout: 10_000 });
    assert.ok(await erin.locator('#rail-requests').isHidden(), 'the badge clears once handled');

    // "Message" opens the one-to-one chat.
    await erin.locator('im-contacts [part~="row"][data-user-id="dave"] button').click();
    await erin.locator('im-chat[conversation-id="si_dave_erin"]').waitFor({ timeout: 10_000 });
  });

  it('a join request reaches the owner, who accepts it in the group settings; the group appears for the applicant with a tip', async () => {
    const alice = await openAs('alice');
    const erin = await openAs('erin');
    assert.equal(await erin.locator('im-conversation-list [data-conversation-id="sg_team"]').count(), 0, 'erin is not in the team yet');

    await openContacts(erin);
    await erin.locator('im-contacts [part~="join-group-button"]').click();
    await erin.locator('im-contacts input[name="groupID"]').fill('team');
    await erin.locator('im-contacts input[name="reqMsg"]').fill('Let me in please');
    await erin.locator('im-contacts form button[type="submit"]').click();
    await erin.locator('im-contacts [part~="notice"]').getByText('Request sent to the group admins').waitFor();

    // Alice opens the group and its settings from the chat header.
    await alice.locator('im-conversation-list [data-conversation-id="sg_team"]').click();
    await alice.locator('#group-info').click();
    const app = alice.locator('im-group-settings [part~="applications"] [part~="row"]').filter({ hasText: 'Let me in please' });
    await app.waitFor({ timeout: 10_000 });
    await app.locator('[part~="accept-button"]').click();

    // Erin gets the group in her list and the tip in it, live.
    await erin.click('#rail-chats');
    const row = erin.locator('im-conversation-list [data-conversation-id="sg_team"]');
    await row.waitFor({ timeout: 10_000 });
    assert.match(await row.innerText(), /approved Erin Walsh/);
    await row.click();
    await erin.locator('im-chat').getByText(/Alice Chen approved Erin Walsh's request to join/).waitFor({ timeout: 10_000 });
    // The owner's member list now has Erin.
    await alice.locator('im-group-settings [part~="members"] [data-user-id="erin"]').waitFor({ timeout: 10_000 });
  });
});
