// Browser-side helpers for tests that run against the real IM server the runner started.
import { ImClient } from '../../src/client/im-client.js';
import { HttpPaths } from '../../src/protocol/http.js';
import type { ImEvents } from '../../src/client/events.js';

interface TestEnv {
  serverURL: string;
  adminSecret: string;
}

export function testEnv(): TestEnv {
  const env = (globalThis as unknown as { __IMKIT_TEST__?: TestEnv }).__IMKIT_TEST__;
  if (!env) throw new Error('window.__IMKIT_TEST__ is missing: run these tests through web-test-runner.');
  return env;
}

async function adminPost<T>(path: string, body: unknown): Promise<T> {
  const { serverURL, adminSecret } = testEnv();
  const res = await fetch(serverURL + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-admin-secret': adminSecret },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; data: T; error?: { code: number; message: string } };
  if (!json.ok) throw new Error(`${path} failed: ${json.error?.code} ${json.error?.message}`);
  return json.data;
}

let counter = 0;
/** A fresh user ID no other test uses, so tests never see each other's messages. */
export function uniqueUserID(name: string): string {
  return `${name}-${Date.now().toString(36)}-${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function createUser(userID: string, nickname = userID): Promise<void> {
  await adminPost(HttpPaths.adminUpsertUser, { userID, nickname });
}

export async function tokenFor(userID: string, expiresInSeconds?: number): Promise<string> {
  const { token } = await adminPost<{ token: string }>(HttpPaths.adminUserToken, { userID, expiresInSeconds });
  return token;
}

/** A client logged in as `userID` (created on the server first) with its own IndexedDB namespace. */
export async function loginAs(userID: string, options: { nickname?: string; dbNamePrefix?: string } = {}): Promise<ImClient> {
  await createUser(userID, options.nickname ?? userID);
  const client = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: options.dbNamePrefix ?? 'imkit-test' });
  await client.login(userID, await tokenFor(userID));
  return client;
}

/** Resolves with the first event of `type` that passes `test`, or rejects after `timeoutMs`. */
export function nextEvent<K extends keyof ImEvents>(
  client: ImClient,
  type: K,
  test: (payload: ImEvents[K]) => boolean = () => true,
  timeoutMs = 5000,
): Promise<ImEvents[K]> {
  return new Promise((resolve, reject) => {
    const handler = (payload: ImEvents[K]) => {
      if (!test(payload)) return;
      clearTimeout(timer);
      client.off(type, handler);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      client.off(type, handler);
      reject(new Error(`No ${String(type)} event within ${timeoutMs} ms`));
    }, timeoutMs);
    client.on(type, handler);
  });
}

/** Polls `check` until it returns a truthy value or the time runs out. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
