// End to end: every message type through the real server between two Chromium
// pages (alice and bob): created and sent by one, received and rendered by the
// other, and painted again from IndexedDB after a reload. Types are batched in
// one page session to keep it fast.
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
  await page.locator(`im-conversation-list [data-conversation-id="${ALICE_BOB}"]`).click();
  await page.locator('im-chat textarea').waitFor();
  return page;
}

/** Runs `fn(client, recvID)` in the page with the demo's client (window.imkit.client). */
async function viaClient(page: Page, fn: string): Promise<void> {
  await page.evaluate(async (body) => {
    const client = (window as unknown as { imkit: { client: any } }).imkit.client;
    const run = new Function('client', 'recvID', `return (async () => { ${body} })()`);
    await run(client, 'bob');
  }, fn);
}

/** A real PNG made by the page's canvas. */
async function makePng(page: Page, w: number, h: number): Promise<Buffer> {
  const b64 = await page.evaluate(
    ([w, h]) => {
      const c = document.createElement('canvas');
      c.width = w!;
      c.height = h!;
      const g = c.getContext('2d')!;
      g.fillStyle = '#3b82f6';
      g.fillRect(0, 0, w!, h!);
      g.fillStyle = '#f59e0b';
      g.fillRect(w! / 4, h! / 4, w! / 2, h! / 2);
      return c.toDataURL('image/png').split(',')[1]!;
    },
    [w, h],
  );
  return Buffer.from(b64, 'base64');
}

const chat = (page: Page) => page.locator('im-chat');
const rowOfType = (page: Page, type: number) => page.locator(`im-chat [data-content-type="${type}"]`);

describe('message types end to end', { timeout: 240_000 }, () => {
  before(async () => {
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed (apt-get install chromium, or set CHROME_PATH)');
    server = await startTestServer({ demo: true });
    browser = await chromium.launch({ executablePath, headless: true, args: [...chromiumArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends every type, the peer renders it, and both repaint it from the cache after a reload', async () => {
    const aliceContext = await browser.newContext();
    const bobContext = await browser.newContext();
    const alice = await openAs(aliceContext, 'alice');
    const bob = await openAs(bobContext, 'bob');
    const stamp = Date.now().toString(36);

    // Text with links: http(s) and mailto clickable, javascript: left as text.
    const box = alice.locator('im-chat textarea');
    await box.fill(`see https://example.com/a?b=${stamp}, mail mailto:team@example.com or javascript:alert(1)`);
    await box.press('Enter');
    const link = chat(bob).locator(`a[href="https://example.com/a?b=${stamp}"]`);
    await link.waitFor({ timeout: 10_000 });
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
    assert.equal(await chat(bob).locator('a[href="mailto:team@example.com"]').count(), 1);
    assert.equal(await chat(bob).locator('a[href^="javascript"]').count(), 0, 'javascript: never becomes a link');

    // Image through the attach button (thumbnail made in the browser, uploaded with progress).
    const png = await makePng(alice, 900, 600);
    await alice.locator('im-chat input[type=file]').setInputFiles({ name: `photo-${stamp}.png`, mimeType: 'image/png', buffer: png });
    const bobImage = rowOfType(bob, 102).locator('img[part~="image"]');
    await bobImage.waitFor({ timeout: 15_000 });
    await bob.waitForFunction(() => {
      const img = document.querySelector('im-chat')!.shadowRoot!.querySelector('[data-content-type="102"] img') as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth > 0;
    });
    const thumbWidth = await bobImage.evaluate((img: HTMLImageElement) => img.naturalWidth);
    assert.ok(thumbWidth <= 480, `the peer loads the thumbnail (${thumbWidth}px wide), not the 900px original`);
    // Tapping opens the viewer with the original.
    await bobImage.click();
    const viewer = chat(bob).locator('[part~="viewer-image"]');
    await viewer.waitFor();
    // The dialog's styles come with its lazily loaded code: it is laid out as a card, not as bare text.
    const dialogBox = await chat(bob).locator('[part~="dialog"]').evaluate((el) => ({ radius: getComputedStyle(el).borderRadius, display: getComputedStyle(el).display }));
    assert.deepEqual(dialogBox, { radius: '12px', display: 'flex' }, 'the dialog is styled');
    await bob.waitForFunction(() => {
      const img = document.querySelector('im-chat')!.shadowRoot!.querySelector('[part~="viewer-image"]') as HTMLImageElement | null;
      return !!img && img.naturalWidth === 900;
    });
    await chat(bob).locator('[part~="zoom-in"]').click();
    assert.match((await viewer.getAttribute('style')) ?? '', /scale\(1\.25\)/);
    await chat(bob).locator('[part~="dialog-close"]').click();

    // A file: name, size, type icon, download.
    await alice.locator('im-chat input[type=file]').setInputFiles({ name: `notes-${stamp}.txt`, mimeType: 'text/plain', buffer: Buffer.from('hello file\n'.repeat(100)) });
    const bobFile = rowOfType(bob, 105);
    await bobFile.locator(`[part~="file-name"]`, { hasText: `notes-${stamp}.txt` }).waitFor({ timeout: 10_000 });
    assert.match(await bobFile.locator('[part~="file-size"]').innerText(), /1\.1 KB/);
    assert.equal(await bobFile.locator('[part~="file-icon"]').innerText(), 'TXT');
    const download = bob.waitForEvent('download');
    await bobFile.locator('[part~="file-download"]').click();
    assert.equal((await download).suggestedFilename(), `notes-${stamp}.txt`);

    // Location, custom (unknown to bob: safe fallback), face, voice and video through the client API.
    await viaClient(
      alice,
      `
      const send = async (m) => client.sendMessage(m, recvID, '');
      await send(await client.createLocationMessage({ description: 'Office ${stamp}', latitude: 48.8584, longitude: 2.2945 }));
      await send(await client.createCustomMessage({ data: { type: 'poll', q: 'Lunch?' }, description: 'Poll ${stamp}' }));
      await send(await client.createFaceMessage({ index: 3, data: '🎉' }));
      // One second of audio as WAV (8 kHz, 8-bit), made here.
      const n = 8000, buf = new Uint8Array(44 + n), dv = new DataView(buf.buffer);
      const w = (o, s) => [...s].forEach((c, i) => buf[o + i] = c.charCodeAt(0));
      w(0, 'RIFF'); dv.setUint32(4, 36 + n, true); w(8, 'WAVEfmt '); dv.setUint32(16, 16, true); dv.setUint16(20, 1, true);
      dv.setUint16(22, 1, true); dv.setUint32(24, 8000, true); dv.setUint32(28, 8000, true); dv.setUint16(32, 1, true);
      dv.setUint16(34, 8, true); w(36, 'data'); dv.setUint32(40, n, true);
      for (let i = 0; i < n; i++) buf[44 + i] = 128 + Math.round(60 * Math.sin(i / 4));
      await send(await client.createSoundMessage(new Blob([buf], { type: 'audio/wav' }), 1));
      // A short WebM video recorded from a canvas.
      const c = document.createElement('canvas'); c.width = 320; c.height = 180;
      const g = c.getContext('2d'); const stream = c.captureStream(25);
      const rec = new MediaRecorder(stream, { mimeType: 'video/webm' }); const parts = [];
      rec.ondataavailable = (e) => parts.push(e.data);
      let f = 0; const timer = setInterval(() => { g.fillStyle = f++ % 2 ? '#10b981' : '#ef4444'; g.fillRect(0, 0, 320, 180); }, 40);
      rec.start(100); await new Promise((r) => setTimeout(r, 800)); rec.stop();
      await new Promise((r) => rec.onstop = r); clearInterval(timer);
      await send(await client.createVideoMessage(new Blob(parts, { type: 'video/webm' })));
    `,
    );
    const loc = rowOfType(bob, 109).locator('[part~="location"]');
    await loc.waitFor({ timeout: 15_000 });
    assert.match(await loc.innerText(), new RegExp(`Office ${stamp}`));
    assert.match(await loc.innerText(), /48\.85840, 2\.29450/);
    assert.match((await loc.getAttribute('href')) ?? '', /^https:\/\/www\.openstreetmap\.org\/\?mlat=48\.8584&mlon=2\.2945/);
    await rowOfType(bob, 110).getByText(`Poll ${stamp}`).waitFor();
    await rowOfType(bob, 115).locator('[part~="face"]', { hasText: '🎉' }).waitFor();
    const voice = rowOfType(bob, 103);
    await voice.locator('[part~="voice-duration"]', { hasText: '0:01' }).waitFor({ timeout: 15_000 });
    assert.equal(await voice.locator('[part~="voice-unplayed"]').count(), 1, 'unplayed mark before playing');
    await voice.locator('audio').waitFor({ state: 'attached' });
    await voice.locator('[part~="voice-play"]').click();
    await voice.locator('[part~="voice-unplayed"]').waitFor({ state: 'detached' });
    await bob.waitForFunction(() => {
      const v = document.querySelector('im-chat')!.shadowRoot!.querySelector('[data-content-type="103"] .voice') as HTMLElement | null;
      return !!v && Number(v.style.getPropertyValue('--im-voice-progress')) > 0;
    }, undefined, { timeout: 5000 });
    const video = rowOfType(bob, 104);
    await video.locator('[part~="video-poster"]').waitFor({ timeout: 20_000 });
    await video.locator('[part~="video-poster"]').click();
    await video.locator('video[part~="video-player"]').waitFor();

    // Voice recorded in the composer (MediaRecorder on Chromium's fake microphone).
    await alice.locator('im-chat [part~="voice-button"]').click();
    await chat(alice).locator('[part~="recording"]').waitFor();
    await alice.waitForTimeout(1300);
    await alice.locator('im-chat [part~="voice-stop"]').click();
    await bob.waitForFunction(() => document.querySelector('im-chat')!.shadowRoot!.querySelectorAll('[data-content-type="103"]').length === 2, undefined, { timeout: 15_000 });
    assert.match(await rowOfType(bob, 103).last().locator('[part~="voice-duration"]').innerText(), /^0:0[12]$/);

    // Reply (quote) from bob through the action menu; tapping the quote jumps to the original.
    const original = chat(bob).locator(`[data-content-type="101"]`, { hasText: stamp }).first();
    await original.hover();
    await original.locator('[part~="actions-button"]').click();
    await original.locator('[data-action="reply"]').click();
    await chat(bob).locator('[part~="reply-preview"]').waitFor();
    await bob.locator('im-chat textarea').fill(`Agreed ${stamp}`);
    await bob.locator('im-chat textarea').press('Enter');
    const quoteAtAlice = rowOfType(alice, 114);
    await quoteAtAlice.locator('[part~="quote"]').waitFor({ timeout: 10_000 });
    await quoteAtAlice.locator('[part~="quote"]').click();
    await chat(alice).locator('[data-content-type="101"].flash').waitFor({ timeout: 5000 });

    // Forward one message, then a merged forward of two selected messages.
    const locAtAlice = rowOfType(alice, 109).first();
    await locAtAlice.hover();
    await locAtAlice.locator('[part~="actions-button"]').click();
    await locAtAlice.locator('[data-action="forward"]').click();
    await chat(alice).locator(`[part~="forward-target"][data-conversation-id="${ALICE_BOB}"]`).click();
    await bob.waitForFunction(() => document.querySelector('im-chat')!.shadowRoot!.querySelectorAll('[data-content-type="109"]').length === 2, undefined, { timeout: 10_000 });
    assert.match(await rowOfType(bob, 109).last().locator('[part~="forwarded"]').innerText(), /Forwarded from/);

    const first = chat(alice).locator(`[data-content-type="101"]`, { hasText: stamp }).first();
    await first.hover();
    await first.locator('[part~="actions-button"]').click();
    await first.locator('[data-action="select"]').click();
    await rowOfType(alice, 105).locator('[part~="select-checkbox"]').check();
    await chat(alice).locator('[part~="selection-forward"]').click();
    await chat(alice).locator(`[part~="forward-target"][data-conversation-id="${ALICE_BOB}"]`).click();
    const card = rowOfType(bob, 107).locator('[part~="merger"]');
    await card.waitFor({ timeout: 10_000 });
    assert.match(await card.innerText(), /2 messages/);
    await card.click();
    const items = chat(bob).locator('[part~="merged-item"]');
    await items.first().waitFor();
    assert.equal(await items.count(), 2);
    assert.match(await items.last().innerText(), new RegExp(`notes-${stamp}\\.txt`));
    await chat(bob).locator('[part~="dialog-close"]').click();

    // After a reload, offline: everything paints from IndexedDB.
    await bobContext.routeWebSocket(/\/ws$/, (ws) => ws.close({ code: 1006, reason: 'offline (test)' }));
    await bob.reload();
    await bob.locator(`im-conversation-list [data-conversation-id="${ALICE_BOB}"]`).click();
    for (const type of [101, 102, 103, 104, 105, 107, 109, 110, 114, 115]) {
      await rowOfType(bob, type).first().waitFor({ timeout: 10_000 });
    }
    await chat(bob).locator(`a[href="https://example.com/a?b=${stamp}"]`).waitFor();
    // Media files were cached by the page's HTTP cache or are fetched again once online; the elems are all there.
    assert.match(await rowOfType(bob, 109).first().innerText(), new RegExp(`Office ${stamp}`));

    await alice.reload();
    await alice.locator(`im-conversation-list [data-conversation-id="${ALICE_BOB}"]`).click();
    await rowOfType(alice, 102).locator('img[part~="image"]').first().waitFor({ timeout: 15_000 });
    await rowOfType(alice, 107).first().waitFor();
    await aliceContext.close();
    await bobContext.close();
  });
});
