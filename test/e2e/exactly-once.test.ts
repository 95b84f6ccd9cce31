// Exactly once, in order: the server is killed with SIGKILL again and again while
// two clients each send 1,000 messages and reload at random moments. Afterwards
// both clients and the server hold exactly 2,000 messages in the same order.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer as createVite, type ViteDevServer } from 'vite';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { singleConversationID } from '../../src/model/conversation-id.js';

const root = resolve(import.meta.dirname, '../..');
const TOTAL = Number(process.env.IMKIT_EXACTLY_ONCE_TOTAL ?? 1000);
const ADMIN = 'exactly-once-admin-secret';
const env = { ...process.env, IMKIT_SECRET: 'exactly-once-token-secret', IMKIT_ADMIN_SECRET: ADMIN };
const dataDir = mkdtempSync(join(tmpdir(), 'imkit-exactly-once-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = (min: number, max: number) => min + Math.random() * (max - min);

let port = 0;
let server: ChildProcess | null = null;
let vite: ViteDevServer;
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((r) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => r(p));
    });
  });
}

/** Starts the server on the fixed port and data dir; resolves when it listens. */
function startServer(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--data-dir', dataDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  let log = '';
  return new Promise((res, rej) => {
    child.stdout!.on('data', (c) => {
      log += c;
      if (log.includes('listening on')) res();
    });
    child.stderr!.on('data', (c) => (log += c));
    child.once('exit', (code, signal) => {
      if (!log.includes('listening on')) rej(new Error(`server exited ${code ?? signal}: ${log}`));
    });
  });
}

function killServer(): Promise<void> {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((r) => {
    child.once('exit', () => r());
    child.kill('SIGKILL');
  });
}

async function admin<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-admin-secret': ADMIN }, body: JSON.stringify(body) });
  const json = (await res.json()) as { ok: boolean; data: T };
  assert.ok(json.ok, `${path}: ${JSON.stringify(json)}`);
  return json.data;
}

describe('exactly once, in order, through SIGKILLs and reloads', { timeout: 600_000 }, () => {
  before(async () => {
    port = await freePort();
    await startServer();
    vite = await createVite({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'error', server: { port: 0, host: '127.0.0.1', hmr: false }, optimizeDeps: { include: ['idb', 'mitt'] } });
    await vite.listen();
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed');
    browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  });

  after(async () => {
    await browser?.close();
    await vite?.close();
    await killServer();
  });

  it(`${TOTAL * 2} messages from two clients: none lost, none doubled, same order everywhere`, async () => {
    const users = ['ann', 'ben'].map((n) => `${n}-${Date.now().toString(36)}`);
    const tokens: string[] = [];
    for (const userID of users) {
      await admin('/api/admin/users', { userID, nickname: userID });
      tokens.push((await admin<{ token: string }>('/api/admin/user-token', { userID })).token);
    }
    const serverURL = `http://127.0.0.1:${port}`;
    const conversationID = singleConversationID(users[0]!, users[1]!);
    const pageURL = `http://127.0.0.1:${(vite.httpServer!.address() as { port: number }).port}/test/e2e/pages/exactly-once.html`;
    const pages: Page[] = [];
    const start = async (i: number) => {
      const page = pages[i]!;
      await page.goto(pageURL);
      await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 });
      await page.evaluate((o) => (window as any).exactlyOnce.start(o), { serverURL, userID: users[i]!, peerID: users[1 - i]!, token: tokens[i]!, total: TOTAL });
    };
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext();
      pages.push(await context.newPage());
      pages[i]!.on('pageerror', (e) => console.error(`[${users[i]}]`, e.message));
      await start(i);
    }
    const progress = () => Promise.all(pages.map((p) => p.evaluate(() => (window as any).exactlyOnce.state())));

    // Chaos while both are sending: kill the server, bring it back, reload pages.
    let kills = 0;
    let reloads = 0;
    for (let round = 0; round < 200; round++) {
      const states = await progress();
      for (const s of states) assert.equal(s.error, '', 'client error');
      if (states.every((s) => s.done) && kills >= 6 && reloads >= 2) break;
      await sleep(rand(400, 1500));
      if (Math.random() < 0.6) {
        await killServer();
        kills++;
        await sleep(rand(100, 800));
        await startServer();
      }
      if (Math.random() < 0.5) {
        const i = Math.floor(Math.random() * 2);
        await start(i); // navigating again is a reload mid-send
        reloads++;
      }
    }
    assert.ok(kills >= 3, `the server was killed ${kills} times (want ≥ 3)`);
    // One more kill after all are queued, so the outbox flush itself is interrupted.
    await killServer();
    kills++;
    await startServer();

    // Let both settle: all sent, both sides holding both runs.
    const expected = 2 * TOTAL;
    let snaps: { ids: string[]; seqs: number[]; unsent: number; outbox: number; connection: string; outboxStatuses: [string, number][]; pump: unknown; failures: string[] }[] = [];
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      snaps = await Promise.all(pages.map((p, i) => p.evaluate(({ s, u, c }) => (window as any).exactlyOnce.snapshot(s, u, c), { s: serverURL, u: users[i]!, c: conversationID })));
      if (snaps.every((s) => s.ids.length >= expected && s.outbox === 0 && s.unsent === 0)) break;
      await sleep(500);
    }
    console.log(`kills: ${kills}, reloads: ${reloads}, cached: ${snaps.map((s) => `${s.ids.length} (outbox ${s.outbox} ${JSON.stringify(s.outboxStatuses)}, ${s.connection} ${JSON.stringify(s.pump)}${s.failures.length ? `, failures ${JSON.stringify(s.failures)}` : ''})`).join(' / ')}`);

    // The server's own record, straight from its SQLite file.
    await new Promise<void>((r) => {
      server!.once('exit', () => r());
      server!.kill('SIGTERM');
    });
    server = null;
    const db = new Database(join(dataDir, 'imkit.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT client_msg_id AS id, seq FROM messages WHERE conversation_id = ? ORDER BY seq').all(conversationID) as { id: string; seq: number }[];
    db.close();
    const serverIDs = rows.map((r) => r.id);
    assert.equal(serverIDs.length, expected, 'server holds exactly 2 × TOTAL messages');
    assert.equal(new Set(serverIDs).size, expected, 'no message doubled on the server');
    assert.deepEqual(rows.map((r) => r.seq), Array.from({ length: expected }, (_, i) => i + 1), 'server seqs run 1..N without holes');
    for (const user of users) {
      for (let i = 0; i < TOTAL; i++) assert.ok(serverIDs.includes(`${user}-${String(i).padStart(5, '0')}`) || assert.fail(`lost ${user} #${i}`));
    }
    for (const user of users) {
      const own = serverIDs.filter((id) => id.startsWith(`${user}-`));
      assert.deepEqual(own, [...own].sort(), `${user}'s messages keep the order they were written in`);
    }
    for (const [i, snap] of snaps.entries()) {
      assert.deepEqual(snap.ids, serverIDs, `${users[i]}'s cache holds the same messages in the same order as the server`);
    }
  });
});
