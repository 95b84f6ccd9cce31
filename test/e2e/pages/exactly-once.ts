// Driven by test/e2e/exactly-once.test.ts: one user sending a numbered run of
// messages through the real client, resuming after every reload from what its
// cache says it already queued.
import { ImClient } from '../../../src/client/im-client.js';
import { databaseName } from '../../../src/store/database.js';
import type { MessageItem } from '../../../src/model/types.js';

const PREFIX = 'exactly-once';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const idFor = (userID: string, i: number) => `${userID}-${String(i).padStart(5, '0')}`;

interface RunOptions {
  serverURL: string;
  userID: string;
  peerID: string;
  token: string;
  total: number;
}

const state = { queued: 0, done: false, error: '' };
let client: ImClient | null = null;

async function run(o: RunOptions): Promise<void> {
  client = new ImClient({ serverURL: o.serverURL, dbNamePrefix: PREFIX, requestTimeoutMs: 5000 });
  await client.login(o.userID, o.token);
  trackCalls();
  let next = 0;
  while (next < o.total && (await client.findMessages([idFor(o.userID, next)])).length) next++;
  state.queued = next;
  for (let i = next; i < o.total; i++) {
    const m = await client.createTextMessage(`${o.userID} #${i}`);
    m.clientMsgID = idFor(o.userID, i);
    client.sendMessage(m, o.peerID, '').catch(() => undefined);
    // The message counts as written once it is in the cache (with its outbox entry, atomically).
    while (!(await client.findMessages([m.clientMsgID])).length) await sleep(1);
    state.queued = i + 1;
    if (i % 4 === 0) await sleep(10);
  }
  state.done = true;
}

/**
 * Calls into the cache, the connection and the serial queue that have not come back yet, with
 * their age: when the pump stalls, the oldest of them is where it hangs (for a failure report).
 */
const inFlight = new Map<number, { name: string; since: number }>();
let callID = 0;
function track(target: Record<string, unknown>, name: string, key: string): void {
  const original = target[key] as (...a: unknown[]) => unknown;
  target[key] = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    if (!(result instanceof Promise)) return result;
    const id = ++callID;
    inFlight.set(id, { name, since: Date.now() });
    return result.finally(() => inFlight.delete(id));
  };
}
function trackCalls(): void {
  type Any = Record<string, unknown>;
  const session = (client as unknown as { session?: Any }).session;
  if (!session) return;
  track(session, 'serial', 'serial');
  const connection = session.connection as Any;
  track(connection, 'request', 'request');
  const cache = session.cache as Any;
  const methods = Object.getOwnPropertyDescriptors(Object.getPrototypeOf(cache));
  for (const [key, d] of Object.entries(methods)) {
    if (key !== 'constructor' && typeof d.value === 'function') track(cache, `cache.${key}`, key);
  }
}
function stuckCalls(): string[] {
  const now = Date.now();
  return [...inFlight.values()].filter((c) => now - c.since > 3000).map((c) => `${c.name} ${Math.round((now - c.since) / 1000)}s`);
}

/** Where the outbox pump of this page stands: for a failure report. */
async function pumpState() {
  type S = { online: boolean; serial: (t: () => Promise<unknown>) => Promise<unknown>; cache: { getOutbox(): Promise<unknown[]> }; connection: { pending: Map<number, unknown> }; messages: { pumping: boolean; pumpAgain: boolean } };
  const session = (client as unknown as { session?: S } | null)?.session;
  if (!session) return null;
  const within = (p: Promise<unknown>) => Promise.race([p.then(() => 'ok', (e) => `error ${e}`), sleep(2000).then(() => 'hung')]);
  return {
    online: session.online,
    pumping: session.messages.pumping,
    pumpAgain: session.messages.pumpAgain,
    serial: await within(session.serial(async () => undefined)),
    idb: await within(session.cache.getOutbox()),
    pendingRequests: session.connection.pending.size,
    stuck: stuckCalls(),
  };
}

/** Everything the cache holds for the conversation, by seq, and what is still unsent. */
async function snapshot(serverURL: string, userID: string, conversationID: string) {
  // A fresh cache starts from a snapshot of the conversation list; older history
  // arrives when the user scrolls. Page through it as the chat would.
  if (client && client.connectionState === 'connected') {
    let start: MessageItem | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const page: { messageList: MessageItem[]; isEnd: boolean } = await client.getAdvancedHistoryMessageList({ conversationID, startMsg: start, count: 200 });
      start = page.messageList[0] ?? null;
      if (page.isEnd || !start) break;
    }
  }
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(databaseName(PREFIX, serverURL, userID));
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const read = <T>(store: string) =>
    new Promise<T[]>((resolve, reject) => {
      const req = db.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => resolve(req.result as T[]);
      req.onerror = () => reject(req.error);
    });
  const messages = (await read<MessageItem>('messages')).filter((m) => m.conversationID === conversationID);
  const outbox = await read<unknown>('outbox');
  db.close();
  messages.sort((a, b) => a.seq - b.seq);
  return {
    ids: messages.map((m) => m.clientMsgID),
    seqs: messages.map((m) => m.seq),
    unsent: messages.filter((m) => m.status !== 2).length,
    outbox: outbox.length,
    connection: client?.connectionState ?? 'none',
    // For a failure report: the status of each message still in the outbox, and why any failed.
    outboxStatuses: Object.entries(
      (outbox as { clientMsgID: string }[]).reduce<Record<string, number>>((acc, e) => {
        const status = String(messages.find((m) => m.clientMsgID === e.clientMsgID)?.status ?? 'missing');
        acc[status] = (acc[status] ?? 0) + 1;
        return acc;
      }, {}),
    ),
    pump: await pumpState(),
    failures: [...new Set(messages.filter((m) => m.failure).map((m) => `${m.failure!.code} ${m.failure!.message}`))],
  };
}

Object.assign(window, {
  exactlyOnce: {
    start: (o: RunOptions) => {
      run(o).catch((e) => (state.error = String(e?.stack ?? e)));
    },
    state: () => ({ ...state }),
    snapshot,
  },
});
document.title = 'ready';
