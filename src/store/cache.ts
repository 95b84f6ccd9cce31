import type { StorageNotice } from '../client/events.js';
import type { ConversationItem, MessageItem, UserInfo } from '../model/types.js';
import { MessageStatus } from '../model/enums.js';
import type { ImDatabase, ImDB, OutboxEntry } from './schema.js';
import { unwrap, wrap, type IDBPObjectStore } from 'idb';

/** Orders conversations as the list shows them: pinned first, then the most recent activity. */
export function compareConversations(a: ConversationItem, b: ConversationItem): number {
  if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
  const at = Math.max(a.latestMsgSendTime, a.draftTextTime || 0);
  const bt = Math.max(b.latestMsgSendTime, b.draftTextTime || 0);
  return bt - at || a.conversationID.localeCompare(b.conversationID);
}

/** Orders messages as the chat shows them: by time, then by clientMsgID (the index order). */
export function compareMessages(a: MessageItem, b: MessageItem): number {
  return a.sendTime - b.sendTime || (a.clientMsgID < b.clientMsgID ? -1 : a.clientMsgID > b.clientMsgID ? 1 : 0);
}

/** Why the cache moved to memory: IndexedDB refused to open, a write hit the quota or failed, another tab upgraded the schema, or an open stayed blocked. */
export type StorageDegradedReason = 'unavailable' | 'quota' | 'write-failed' | 'versionchange' | 'blocked';

/**
 * True for the write errors after which this IndexedDB database cannot be
 * trusted to take more writes: the quota is used up, the disk failed, or the
 * browser closed the connection under us. A ConstraintError and the like are
 * bugs or bad data, not a storage problem, and are rethrown as they are.
 */
export function isStorageFailure(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'UnknownError' || name === 'InvalidStateError' || name === 'AbortError';
}

/**
 * Typed reads and writes over the IndexedDB cache. Writes that belong
 * together (a message and its outbox entry) happen in one transaction.
 *
 * Every write goes through `write()`: when IndexedDB fails mid-session (quota,
 * disk), the cache copies everything it holds into an in-memory database of
 * the same schema, switches over, re-runs the failed write there and calls
 * `onDegraded`. Callers keep their `ImCache` object; only what is behind it changes.
 */
export class ImCache {
  private database: ImDatabase;
  private range: typeof IDBKeyRange;
  private memory: boolean;
  /** The switch to memory in progress, so that concurrent failing writes wait for one copy. */
  private degrading: Promise<void> | null = null;
  /** Called once the cache lives in memory after a mid-session failure, with the notice for the app. */
  onDegraded: ((notice: StorageNotice) => void) | null = null;

  constructor(
    db: ImDatabase,
    keyRange?: typeof IDBKeyRange,
    /** True when the cache lives in memory because IndexedDB was refused. */
    inMemory = false,
  ) {
    this.database = db;
    this.range = keyRange ?? IDBKeyRange;
    this.memory = inMemory;
  }

  /** The database behind the cache now (IndexedDB, or the in-memory copy after a failure). */
  get db(): ImDatabase {
    return this.database;
  }

  /** The key-range class that matches `db` (the browser's, or the in-memory fallback's). */
  get keyRange(): typeof IDBKeyRange {
    return this.range;
  }

  /** True when the cache lives in memory (IndexedDB was refused, or failed mid-session). */
  get inMemory(): boolean {
    return this.memory;
  }

  close(): void {
    this.database.close();
  }

  /**
   * Runs a write against the current database. If IndexedDB fails in a way
   * that means storage is unusable, moves the cache to memory (keeping
   * everything, the outbox first of all) and runs the write again there.
   */
  async write<T>(run: (db: ImDatabase, keyRange: typeof IDBKeyRange) => Promise<T>): Promise<T> {
    if (this.degrading) await this.degrading;
    const db = this.database;
    try {
      return await run(db, this.range);
    } catch (error) {
      if (this.degrading) await this.degrading;
      // Another write already moved the cache; this one failed on the old database, so it never happened there.
      if (this.database !== db) return run(this.database, this.range);
      if (this.memory || !isStorageFailure(error)) throw error;
      await this.moveToMemory((error as { name?: string }).name === 'QuotaExceededError' ? 'quota' : 'write-failed', error);
      return run(this.database, this.range);
    }
  }

  /**
   * Copies the whole cache into memory and switches to it. Used for a failing
   * write and when another tab upgrades the schema (this connection must close,
   * but this tab keeps working until it reloads). Safe to call more than once.
   */
  moveToMemory(reason: StorageDegradedReason, error?: unknown): Promise<void> {
    if (this.memory) return Promise.resolve();
    this.degrading ??= (async () => {
      const old = this.database;
      // The in-memory fallback (and fake-indexeddb behind it) loads only when a cache first needs it.
      const { openMemoryDatabase, copyStores, storageNotice } = await import('./memory-database.js');
      const memory = await openMemoryDatabase(old.name);
      try {
        await copyStores(old, memory.db);
      } catch {
        // The old database cannot even be read (closed under us): keep what we can, which is nothing more.
      }
      this.database = memory.db;
      this.range = memory.keyRange;
      this.memory = true;
      try {
        old.close();
      } catch {
        // already closed
      }
      this.degrading = null;
      this.onDegraded?.(storageNotice(reason, (error as Error | undefined)?.message));
    })();
    return this.degrading;
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('meta', key))?.value as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.write((db) => db.put('meta', { key, value }));
  }

  async getConversations(): Promise<ConversationItem[]> {
    const all = await this.db.getAll('conversations');
    return all.sort(compareConversations);
  }

  getConversation(conversationID: string): Promise<ConversationItem | undefined> {
    return this.db.get('conversations', conversationID);
  }

  /**
   * The top of the conversation list, sorted, without reading every
   * conversation: the newest `count` by last message (the `byLatest` index)
   * plus every conversation that index would misplace (pinned ones, and those
   * whose draft is newer than their last message; their IDs are kept in meta).
   * Its first `count` entries are exactly the first `count` of
   * `getConversations()`. Null when this cache does not track those IDs yet
   * (call `trackListHead()` once).
   */
  async firstConversations(count: number): Promise<ConversationItem[] | null> {
    const tx = this.db.transaction(['conversations', 'meta']);
    const head = (await tx.objectStore('meta').get(LIST_HEAD_KEY))?.value as string[] | undefined;
    if (!head) return null;
    const store = tx.objectStore('conversations');
    const byID = new Map<string, ConversationItem>();
    // Three round trips instead of `count`: find the count-th newest key, then read everything from there up.
    let edge = await store.index('byLatest').openKeyCursor(null, 'prev');
    if (edge && count > 1) edge = await edge.advance(count - 1);
    const newest = edge ? await store.index('byLatest').getAll(this.keyRange.lowerBound(edge.key)) : await store.getAll();
    for (const c of newest) byID.set(c.conversationID, c);
    for (const c of await Promise.all(head.map((id) => store.get(id)))) if (c) byID.set(c.conversationID, c);
    return [...byID.values()].sort(compareConversations);
  }

  /** Starts tracking the list-head IDs (see `firstConversations`) in a cache that does not yet; atomic with other writes. */
  async trackListHead(): Promise<void> {
    await this.write(async (db) => {
      const tx = db.transaction(['conversations', 'meta'], 'readwrite');
      const meta = tx.objectStore('meta');
      if (!(await meta.get(LIST_HEAD_KEY))) {
        const all = await tx.objectStore('conversations').getAll();
        await meta.put({ key: LIST_HEAD_KEY, value: all.filter(isListHead).map((c) => c.conversationID) });
      }
      await tx.done;
    });
  }

  async putConversations(list: ConversationItem[]): Promise<void> {
    await this.write(async (db) => {
      const tx = db.transaction(['conversations', 'meta'], 'readwrite');
      const store = tx.objectStore('conversations');
      await settle(tx, [...list.map((c) => store.put(c)), updateListHead(tx.objectStore('meta'), list, [])]);
    });
  }

  async deleteConversation(conversationID: string): Promise<void> {
    await this.write(async (db) => {
      const tx = db.transaction(['conversations', 'meta'], 'readwrite');
      await settle(tx, [tx.objectStore('conversations').delete(conversationID), updateListHead(tx.objectStore('meta'), [], [conversationID])]);
    });
  }

  getMessage(clientMsgID: string): Promise<MessageItem | undefined> {
    return this.db.get('messages', clientMsgID);
  }

  async getMessageBySeq(conversationID: string, seq: number): Promise<MessageItem | undefined> {
    return this.db.getFromIndex('messages', 'byConversationSeq', [conversationID, seq]);
  }

  async putMessages(list: MessageItem[]): Promise<void> {
    await this.write(async (db) => {
      const tx = db.transaction('messages', 'readwrite');
      await settle(tx, list.map((m) => tx.store.put(m)));
    });
  }

  /**
   * Up to `count` messages of a conversation older than `before` (or the newest
   * when `before` is null), returned oldest first. Deleted ("delete for me")
   * messages are skipped and do not count.
   *
   * One request per page where the browser has `getAllRecords`, a few elsewhere,
   * never one per message (a cursor's `continue()` each cost a task, which showed
   * in scroll frames). Only if deleted messages made the page short does it read
   * the next slice below.
   */
  async pageMessages(conversationID: string, before: MessageItem | null, count: number): Promise<MessageItem[]> {
    type Key = [string, number, string];
    let upper: Key = before
      ? [conversationID, before.sendTime, before.clientMsgID]
      : [conversationID, Number.MAX_SAFE_INTEGER, '\uffff'];
    let openUpper = before !== null;
    const lowest: Key = [conversationID, -Infinity, ''];
    const index = this.db.transaction('messages').store.index('byConversationTime');
    const slices: MessageItem[][] = [];
    let found = 0;
    // IndexedDB 3.0's getAllRecords (Chromium 141+) reads the newest `need` entries of a range in
    // one request; elsewhere (and in the in-memory fallback) a key cursor walks back to the slice's
    // lower edge and a getAll() reads it: three round trips.
    const raw = unwrap(index) as IDBIndex & { getAllRecords?: (options: object) => IDBRequest<{ key: Key; value: MessageItem }[]> };
    const newestFirst = this.memory ? undefined : raw.getAllRecords;
    while (found < count) {
      const range = this.keyRange.bound(lowest, upper, false, openUpper);
      const need = count - found;
      let slice: MessageItem[];
      let edge: Key | undefined;
      if (newestFirst) {
        const records = await wrap(newestFirst.call(raw, { query: range, count: need, direction: 'prev' }));
        slice = records.map((r) => r.value).reverse();
        if (records.length === need) edge = records[need - 1]!.key;
      } else {
        const cursor = await index.openKeyCursor(range, 'prev');
        if (!cursor) break;
        const low = need > 1 ? await cursor.advance(need - 1) : cursor;
        // Fewer than `need` left: the rest of the conversation is the page.
        slice = await index.getAll(low ? this.keyRange.bound(low.key, upper, false, openUpper) : range);
        edge = low?.key;
      }
      const kept = slice.filter((m) => m.status !== MessageStatus.Deleted);
      slices.push(kept);
      found += kept.length;
      if (!edge) break;
      upper = edge;
      openUpper = true;
    }
    return slices.reverse().flat();
  }

  /** Own messages in a conversation with `seq <= upTo` not yet marked read; marks them and returns them. */
  async markOwnRead(conversationID: string, selfID: string, upTo: number): Promise<MessageItem[]> {
    return this.write(async (db, keyRange) => {
      const tx = db.transaction('messages', 'readwrite');
      const range = keyRange.bound([conversationID, 1], [conversationID, upTo]);
      const changed: MessageItem[] = [];
      let cursor = await tx.store.index('byConversationSeq').openCursor(range);
      while (cursor) {
        const m = cursor.value;
        if (m.sendID === selfID && !m.isRead) {
          const next = { ...m, isRead: true };
          await cursor.update(next);
          changed.push(next);
        }
        cursor = await cursor.continue();
      }
      await tx.done;
      return changed;
    });
  }

  async getUsers(userIDs: string[]): Promise<UserInfo[]> {
    const tx = this.db.transaction('users');
    const found = await Promise.all(userIDs.map((id) => tx.store.get(id)));
    return found.filter((u): u is UserInfo => !!u);
  }

  async putUsers(users: UserInfo[]): Promise<void> {
    await this.write(async (db) => {
      const tx = db.transaction('users', 'readwrite');
      await settle(tx, users.map((u) => tx.store.put(u)));
    });
  }

  /** Store a message being sent and queue it, atomically, so a reload finds both or neither. */
  async queueOutgoing(message: MessageItem, entry: OutboxEntry): Promise<void> {
    await this.write(async (db) => {
      const tx = db.transaction(['messages', 'outbox'], 'readwrite');
      await settle(tx, [tx.objectStore('messages').put(message), tx.objectStore('outbox').put(entry)]);
    });
  }

  /** Replace a sent message with the server's copy and drop it from the outbox, atomically. */
  async completeOutgoing(message: MessageItem): Promise<void> {
    await this.write(async (db) => {
      const tx = db.transaction(['messages', 'outbox'], 'readwrite');
      await settle(tx, [tx.objectStore('messages').put(message), tx.objectStore('outbox').delete(message.clientMsgID)]);
    });
  }

  async getOutbox(): Promise<OutboxEntry[]> {
    return this.db.getAllFromIndex('outbox', 'byQueuedAt');
  }

  getOutboxEntry(clientMsgID: string): Promise<OutboxEntry | undefined> {
    return this.db.get('outbox', clientMsgID);
  }
}

/**
 * Waits for a write transaction. Its requests settle first, then `tx.done`
 * rejects with the transaction's own error: a quota failure shows up as
 * QuotaExceededError (on commit), not as the AbortError of one request.
 */
async function settle(tx: { done: Promise<void> }, requests: Promise<unknown>[]): Promise<void> {
  await Promise.all([Promise.allSettled(requests), tx.done]);
}

/** Meta key of the IDs `firstConversations` must read besides the newest by last message. */
const LIST_HEAD_KEY = 'listHead';

/** A conversation the `byLatest` index alone would not place right in the list order. */
function isListHead(c: ConversationItem): boolean {
  return c.isPinned || (c.draftTextTime || 0) > c.latestMsgSendTime;
}

type MetaStore = IDBPObjectStore<ImDB, ('conversations' | 'meta')[], 'meta', 'readwrite'>;

/** Keeps the list-head IDs right as conversations change (only once the cache tracks them). */
async function updateListHead(meta: MetaStore, changed: ConversationItem[], removed: string[]): Promise<void> {
  const entry = await meta.get(LIST_HEAD_KEY);
  if (!entry) return;
  const ids = new Set(entry.value as string[]);
  let dirty = false;
  for (const c of changed) {
    if (isListHead(c)) {
      if (!ids.has(c.conversationID)) (ids.add(c.conversationID), (dirty = true));
    } else if (ids.delete(c.conversationID)) dirty = true;
  }
  for (const id of removed) if (ids.delete(id)) dirty = true;
  if (dirty) await meta.put({ key: LIST_HEAD_KEY, value: [...ids] });
}
