// End to end: audio/video calls between Chromium pages on the demo, against the
// real server. Fake camera and microphone (--use-fake-device-for-media-stream);
// the pages are on 127.0.0.1, a secure context, so getUserMedia and WebRTC work.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { startTestServer } from '../../scripts/test-server.mjs';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Set IMKIT_SCREENSHOTS=dir to keep a picture of each call state. */
const shots = process.env.IMKIT_SCREENSHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

async function openAs(user: string, options: { denyMedia?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  contexts.push(context);
  if (options.denyMedia) {
    await context.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
  }
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${user}] page error:`, e.message));
  await page.goto(`${server.url}/?user=${user}`);
  await page.locator('im-conversation-list [data-conversation-id]').first().waitFor({ timeout: 90_000 });
  await page.waitForFunction(() => !!(document.querySelector('im-call') as unknown as { callManager: unknown })?.callManager, null, { timeout: 10_000 });
  return page;
}

async function closeAll(): Promise<void> {
  await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
}

const phase = (page: Page) => page.evaluate(() => document.querySelector('im-call')!.getAttribute('phase'));
const waitPhase = (page: Page, wanted: string, timeout = 15_000) =>
  page.waitForFunction((w) => document.querySelector('im-call')?.getAttribute('phase') === w, wanted, { timeout });
const endReason = (page: Page) => page.evaluate(() => (document.querySelector('im-call') as unknown as { callState: { endReason: string } }).callState.endReason);
const callPart = (page: Page, part: string) => page.locator(`im-call [part~="${part}"]`);

/** Bytes received from each peer, from getStats. */
function inbound(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const el = document.querySelector('im-call') as unknown as { callManager: { stats(): Promise<Record<string, { inboundBytes: number }>> } };
    const stats = await el.callManager.stats();
    return Object.fromEntries(Object.entries(stats).map(([id, s]) => [id, s.inboundBytes]));
  });
}

/** Asserts that media from every expected peer arrives and keeps arriving. */
async function assertMediaFlows(page: Page, who: string, peers: string[]): Promise<void> {
  await page.waitForFunction(
    async (ids) => {
      const el = document.querySelector('im-call') as unknown as { callManager: { stats(): Promise<Record<string, { inboundBytes: number }>> } };
      const s = await el.callManager.stats();
      return ids.every((id) => (s[id]?.inboundBytes ?? 0) > 0);
    },
    peers,
    { timeout: 45_000, polling: 250 },
  );
  const first = await inbound(page);
  await new Promise((r) => setTimeout(r, 1500));
  const second = await inbound(page);
  for (const id of peers) {
    assert.ok((second[id] ?? 0) > (first[id] ?? 0), `${who} keeps receiving media from ${id} (${first[id]} → ${second[id]})`);
  }
}

async function openChat(page: Page, conversationID: string): Promise<void> {
  await page.locator(`im-conversation-list [data-conversation-id="${conversationID}"]`).click();
  await page.locator('im-chat textarea').waitFor();
}

describe('calls through the real server', { timeout: 900_000 }, () => {
  before(async () => {
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed (apt-get install chromium, or set CHROME_PATH)');
    server = await startTestServer({ demo: true });
    browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  });

  // A failed test leaves its pages in a call; close them so the next test starts idle, not busy.
  afterEach(closeAll);

  after(async () => {
    await closeAll();
    await browser?.close();
    await server?.stop();
  });

  it('one-to-one video call from the chat header: both sides receive media, then a call record in both chats', async () => {
    const alice = await openAs('alice');
    const bob = await openAs('bob');
    await openChat(alice, 'si_alice_bob');
    await openChat(bob, 'si_alice_bob');
    await shot(alice, '01-chat-header-call-buttons');
    await alice.locator('im-chat im-call-button[media-type="video"]').click();
    await waitPhase(bob, 'incoming');
    await waitPhase(alice, 'outgoing');
    assert.match(await callPart(bob, 'call-status').innerText(), /video call/i);
    assert.match(await callPart(bob, 'caller-name').innerText(), /Alice/);
    // Focus goes to Accept, so Enter answers.
    assert.equal(await bob.evaluate(() => (document.querySelector('im-call')!.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('part')), 'accept-button');
    await shot(bob, '02-incoming');
    await shot(alice, '03-outgoing');
    await bob.keyboard.press('Enter');
    await waitPhase(alice, 'active', 45_000);
    await waitPhase(bob, 'active', 45_000);
    await assertMediaFlows(alice, 'alice', ['bob']);
    await assertMediaFlows(bob, 'bob', ['alice']);
    // The remote tile shows the fake camera's picture.
    await alice.waitForFunction(() => {
      const v = document.querySelector('im-call')!.shadowRoot!.querySelector<HTMLVideoElement>('[part~="tile-remote"] video');
      return !!v && v.videoWidth > 0;
    });
    await shot(alice, '04-in-call-one-to-one');
    // Quality from getStats, and the speaking indicator from the inbound audio level (the fake microphone beeps).
    await alice.waitForFunction(() => {
      const p = (document.querySelector('im-call') as unknown as { callState: { participants: Map<string, { quality: string }> } }).callState.participants.get('bob');
      return p && (p.quality === 'good' || p.quality === 'fair');
    }, null, { timeout: 10_000 });
    await alice.waitForFunction(() => !!document.querySelector('im-call')!.shadowRoot!.querySelector('[part~="quality"][data-quality="good"], [part~="quality"][data-quality="fair"]'));
    await alice.waitForFunction(() => {
      const p = (document.querySelector('im-call') as unknown as { callState: { participants: Map<string, { audioLevel: number; speaking: boolean }> } }).callState.participants.get('bob');
      return !!p && p.audioLevel > 0;
    }, null, { timeout: 10_000, polling: 200 });
    // Devices: the settings list the (fake) microphone and camera.
    await callPart(alice, 'devices-button').click();
    await callPart(alice, 'settings').waitFor();
    // The lists come from enumerateDevices; wait for the microphone list rather than count once.
    await alice.waitForFunction(() => (document.querySelector('im-call')!.shadowRoot!.querySelector('[part~="settings"] select')?.querySelectorAll('option').length ?? 0) >= 1, null, { timeout: 5_000 });
    await alice.keyboard.press('Escape');
    await callPart(alice, 'settings').waitFor({ state: 'detached' });
    // Mute shows on the other side.
    await callPart(alice, 'mute-button').click();
    await bob.waitForFunction(() => !!document.querySelector('im-call')!.shadowRoot!.querySelector('[part~="tile-remote"] .tile-label [role="img"]'));
    await callPart(alice, 'hangup-button').click();
    await waitPhase(bob, 'ended');
    assert.equal(await endReason(bob), 'hangup');
    for (const page of [alice, bob]) {
      const record = page.locator('im-chat [part~="call-record"]').last();
      await record.waitFor({ timeout: 10_000 });
      assert.match(await record.innerText(), /Video call · 00:\d\d/);
    }
    await shot(bob, '05-ended-and-call-record');
    await closeAll();
  });

  it('group call of three (a mesh): everyone receives media from both others', async () => {
    const [alice, bob, carol] = [await openAs('alice'), await openAs('bob'), await openAs('carol')];
    await alice.evaluate(() => void document.querySelector('im-call')!.call({ groupID: 'team', userIDList: ['bob', 'carol'] }, 'video'));
    await waitPhase(bob, 'incoming');
    await waitPhase(carol, 'incoming');
    assert.match(await callPart(bob, 'call-status').innerText(), /Group call/);
    await callPart(bob, 'accept-button').click();
    await waitPhase(bob, 'active', 45_000);
    await callPart(carol, 'accept-button').click();
    await waitPhase(carol, 'active', 45_000);
    await assertMediaFlows(alice, 'alice', ['bob', 'carol']);
    await assertMediaFlows(bob, 'bob', ['alice', 'carol']);
    await assertMediaFlows(carol, 'carol', ['alice', 'bob']);
    assert.equal(await alice.locator('im-call [part~="tile"]').count(), 3, 'a tile each, yours included');
    await shot(carol, '06-in-call-group-of-three');
    // One leaves: the others go on.
    await callPart(bob, 'hangup-button').click();
    await alice.waitForFunction(() => document.querySelector('im-call')!.shadowRoot!.querySelectorAll('[part~="tile"]').length === 2);
    assert.equal(await phase(carol), 'active');
    await callPart(alice, 'hangup-button').click();
    await waitPhase(carol, 'ended');
    await closeAll();
  });

  it('reject, cancel and timeout each end the call on both sides with the reason', async () => {
    const alice = await openAs('alice');
    const bob = await openAs('bob');
    const call = (page: Page, media: 'audio' | 'video', timeout?: number) =>
      page.evaluate(
        ([m, t]) => {
          const el = document.querySelector('im-call')!;
          el.timeout = (t as number) ?? 30;
          void el.call({ userID: 'bob' }, m as 'audio');
        },
        [media, timeout] as const,
      );
    // Reject.
    await call(alice, 'audio');
    await waitPhase(bob, 'incoming');
    assert.match(await callPart(bob, 'call-status').innerText(), /voice call/i);
    await callPart(bob, 'decline-button').click();
    await waitPhase(alice, 'ended');
    assert.equal(await endReason(alice), 'rejected');
    assert.match(await callPart(alice, 'caller-name').innerText(), /declined/i);
    await shot(alice, '07-declined');
    await callPart(alice, 'close-button').click();
    await waitPhase(alice, 'idle');
    // Cancel.
    await call(alice, 'video');
    await waitPhase(bob, 'incoming');
    await waitPhase(alice, 'outgoing');
    await alice.waitForFunction(() => (document.querySelector('im-call') as unknown as { callState: { invitation: unknown } }).callState.invitation !== null);
    await callPart(alice, 'cancel-button').click();
    await waitPhase(bob, 'ended');
    assert.equal(await endReason(bob), 'cancelled');
    // The summary goes away by itself (summary-ms, 4 s by default).
    await waitPhase(bob, 'idle', 8000);
    await alice.evaluate(() => document.querySelector('im-call')!.callManager!.dismiss());
    // Timeout (the shortest the server allows: 5 s).
    await call(alice, 'audio', 5);
    await waitPhase(bob, 'incoming');
    await waitPhase(alice, 'ended', 12_000);
    await waitPhase(bob, 'ended', 3000);
    assert.equal(await endReason(alice), 'timeout');
    assert.equal(await endReason(bob), 'timeout');
    assert.match(await callPart(alice, 'caller-name').innerText(), /No answer/);
    // The chat shows what happened, as each side sees it.
    await openChat(bob, 'si_alice_bob');
    await bob.locator('im-chat [part~="call-record-missed"]').getByText('Missed voice call', { exact: true }).last().waitFor({ timeout: 10_000 });
    await closeAll();
  });

  it('busy: calling someone who is in a call ends at once with "busy"', async () => {
    const [alice, bob, carol] = [await openAs('alice'), await openAs('bob'), await openAs('carol')];
    await alice.evaluate(() => void document.querySelector('im-call')!.call({ userID: 'bob' }, 'audio'));
    await waitPhase(bob, 'incoming');
    await callPart(bob, 'accept-button').click();
    await waitPhase(bob, 'active', 45_000);
    await carol.evaluate(() => void document.querySelector('im-call')!.call({ userID: 'bob' }, 'audio'));
    await waitPhase(carol, 'ended');
    assert.equal(await endReason(carol), 'busy');
    assert.match(await callPart(carol, 'caller-name').innerText(), /Busy/);
    await shot(carol, '08-busy');
    assert.equal(await phase(bob), 'active', 'the call in progress is untouched');
    // Switching the audio call to video: the camera goes on mid-call and Bob sees it (renegotiation).
    await callPart(alice, 'camera-button').click();
    await bob.waitForFunction(() => {
      const v = document.querySelector('im-call')!.shadowRoot!.querySelector<HTMLVideoElement>('[part~="tile-remote"] video');
      return !!v && !v.classList.contains('hidden') && v.videoWidth > 0;
    }, null, { timeout: 20_000 });
    await shot(bob, '08b-audio-call-upgraded-to-video');
    await callPart(bob, 'hangup-button').click();
    await waitPhase(alice, 'ended');
    await closeAll();
  });

  it('another device of the callee: answering or declining on one stops the ringing on the other', async () => {
    const alice = await openAs('alice');
    const bobPhone = await openAs('bob');
    const bobLaptop = await openAs('bob');
    await alice.evaluate(() => void document.querySelector('im-call')!.call({ userID: 'bob' }, 'video'));
    await waitPhase(bobPhone, 'incoming');
    await waitPhase(bobLaptop, 'incoming');
    await callPart(bobPhone, 'accept-button').click();
    await waitPhase(bobLaptop, 'ended');
    assert.equal(await endReason(bobLaptop), 'answered-elsewhere');
    assert.match(await callPart(bobLaptop, 'caller-name').innerText(), /Answered on another device/);
    await waitPhase(alice, 'active', 45_000);
    await assertMediaFlows(alice, 'alice', ['bob']);
    await callPart(alice, 'hangup-button').click();
    await waitPhase(bobPhone, 'ended');
    for (const p of [alice, bobPhone, bobLaptop]) await p.evaluate(() => document.querySelector('im-call')!.callManager!.dismiss());
    await alice.evaluate(() => void document.querySelector('im-call')!.call({ userID: 'bob' }, 'audio'));
    await waitPhase(bobPhone, 'incoming');
    await waitPhase(bobLaptop, 'incoming');
    await callPart(bobLaptop, 'decline-button').click();
    await waitPhase(bobPhone, 'ended');
    assert.equal(await endReason(bobPhone), 'rejected-elsewhere');
    await waitPhase(alice, 'ended');
    assert.equal(await endReason(alice), 'rejected');
    await closeAll();
  });

  it('peer unreachable: when no network path is found in time the call ends with a clear reason on both sides', async () => {
    const alice = await openAs('alice');
    const bob = await openAs('bob');
    // Relay-only ICE with no TURN server: no candidate can ever connect (as behind a strict firewall).
    for (const page of [alice, bob]) {
      await page.evaluate(() => (document.querySelector('im-call')!.options = { connectTimeoutMs: 4000, rtcConfig: { iceTransportPolicy: 'relay' } }));
    }
    await alice.evaluate(() => void document.querySelector('im-call')!.call({ userID: 'bob' }, 'audio'));
    await waitPhase(bob, 'incoming');
    await callPart(bob, 'accept-button').click();
    await waitPhase(bob, 'ended', 15_000);
    await waitPhase(alice, 'ended', 15_000);
    for (const page of [alice, bob]) {
      assert.equal(await endReason(page), 'failed');
      const code = await page.evaluate(() => (document.querySelector('im-call') as unknown as { callState: { error: { code: number } | null } }).callState.error?.code ?? 0);
      // Whoever gives up first reports the error; the other hears that the call failed.
      assert.ok(code === 1614 || code === 0, `code ${code}`);
    }
    const messages = await Promise.all([alice, bob].map((p) => p.evaluate(() => document.querySelector('im-call')!.shadowRoot!.textContent ?? '')));
    assert.ok(messages.some((t) => /Could not connect to .*no network path/.test(t)), messages.join(' | '));
    await shot(bob, '10-peer-unreachable');
    await closeAll();
  });

  it('network lost mid-call: ICE restart first, then a hang-up with a reason on both sides', async () => {
    const alice = await openAs('alice');
    const bob = await openAs('bob');
    await alice.evaluate(() => (document.querySelector('im-call')!.options = { connectTimeoutMs: 6000 }));
    await alice.evaluate(() => void document.querySelector('im-call')!.call({ userID: 'bob' }, 'audio'));
    await waitPhase(bob, 'incoming');
    await callPart(bob, 'accept-button').click();
    await waitPhase(alice, 'active', 45_000);
    await assertMediaFlows(alice, 'alice', ['bob']);
    // Bob's side of the media vanishes (as if his network went away) while signaling still reaches him.
    await bob.evaluate(() => {
      const m = document.querySelector('im-call')!.callManager as unknown as { peers: Map<string, { pc: RTCPeerConnection }>; onRelay: () => Promise<void> };
      m.onRelay = async () => undefined;
      for (const p of m.peers.values()) p.pc.close();
    });
    await alice.waitForFunction(() => /Reconnecting/.test(document.querySelector('im-call')!.shadowRoot!.textContent ?? ''), null, { timeout: 20_000 });
    await shot(alice, '11-reconnecting');
    await waitPhase(alice, 'ended', 40_000);
    const state = await alice.evaluate(() => {
      const s = (document.querySelector('im-call') as unknown as { callState: { endReason: string; iceRestarts: number; error: { code: number; message: string } | null } }).callState;
      return { endReason: s.endReason, iceRestarts: s.iceRestarts, error: s.error };
    });
    assert.ok(state.iceRestarts >= 1, 'an ICE restart was tried first');
    assert.equal(state.endReason, 'failed');
    assert.equal(state.error?.code, 1615);
    assert.match(state.error?.message ?? '', /lost and could not be restored/);
    await waitPhase(bob, 'ended');
    assert.equal(await endReason(bob), 'failed', 'the other side hears why');
    await shot(alice, '12-connection-lost');
    await closeAll();
  });

  it('closing the page mid-call hangs up at once (not after the server\'s reconnect grace period)', async () => {
    const alice = await openAs('alice');
    const bob = await openAs('bob');
    await alice.evaluate(() => void document.querySelector('im-call')!.call({ userID: 'bob' }, 'audio'));
    await waitPhase(bob, 'incoming');
    await callPart(bob, 'accept-button').click();
    await waitPhase(alice, 'active', 45_000);
    const closed = Date.now();
    await bob.close({ runBeforeUnload: true });
    await waitPhase(alice, 'ended', 10_000);
    assert.ok(Date.now() - closed < 10_000);
    assert.equal(await endReason(alice), 'hangup');
    await closeAll();
  });

  it('camera or microphone denied: a clear message, and the caller hears it was declined', async () => {
    const alice = await openAs('alice');
    const bob = await openAs('bob', { denyMedia: true });
    await alice.evaluate(() => void document.querySelector('im-call')!.call({ userID: 'bob' }, 'video'));
    await waitPhase(bob, 'incoming');
    await callPart(bob, 'accept-button').click();
    await waitPhase(bob, 'ended');
    const error = callPart(bob, 'error');
    assert.match(await error.innerText(), /denied.*site settings/i);
    assert.equal(await bob.evaluate(() => (document.querySelector('im-call') as unknown as { callState: { error: { code: number } } }).callState.error.code), 1611);
    await shot(bob, '09-permission-denied');
    await waitPhase(alice, 'ended');
    assert.equal(await endReason(alice), 'rejected');
    // Placing a call without access fails before anyone is rung.
    await bob.evaluate(() => document.querySelector('im-call')!.callManager!.dismiss());
    const code = await bob.evaluate(() => document.querySelector('im-call')!.call({ userID: 'alice' }, 'audio').then(() => 0, (e: { code: number }) => e.code));
    assert.equal(code, 1611);
    assert.equal(await phase(alice), 'ended', 'alice was not rung');
    await closeAll();
  });
});
