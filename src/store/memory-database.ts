// The cache's in-memory fallback: the same schema in fake-indexeddb, for when the browser
// refuses IndexedDB or it fails mid-session. Imported only then (src/store/cache.ts,
// src/client/im-client.ts), so a page whose IndexedDB works never downloads it.
import { wrap, type IDBPTransaction, type StoreNames } from 'idb';
import type { StorageNotice } from '../client/events.js';
import type { ConversationItem, MessageItem, UserInfo } from '../model/types.js';
import { ErrorCode } from '../protocol/errors.js';
import type { StorageDegradedReason } from './cache.js';
import { DB_VERSION, MIGRATIONS, type ImDatabase, type ImDB, type MetaEntry, type OutboxEntry } from './schema.js';

export interface MemoryDatabase {
  db: ImDatabase;
  /** fake-indexeddb checks key ranges by class, so its own IDBKeyRange must be used with it. */
  keyRange: typeof IDBKeyRange;
}

/**
 * The same schema in memory (fake-indexeddb, loaded only when needed), for when
 * the browser refuses IndexedDB: private modes, a full disk, a quota error. The
 * kit keeps working; what it holds is gone when the page closes.
 */
export async function openMemoryDatabase(name: string): Promise<MemoryDatabase> {
  const fake = await import('fake-indexeddb');
  adoptNativePrototypes(fake);
  const request = (new fake.IDBFactory() as unknown as globalThis.IDBFactory).open(name, DB_VERSION);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as ImDatabase;
    const tx = wrap(request.transaction!) as unknown as IDBPTransaction<ImDB, StoreNames<ImDB>[], 'versionchange'>;
    for (let v = event.oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db, tx);
  });
  const db = (await wrap(request)) as unknown as ImDatabase;
  return { db, keyRange: fake.IDBKeyRange as unknown as typeof IDBKeyRange };
}

/**
 * idb recognises IndexedDB objects with `instanceof` against the browser's
 * classes. Putting those classes under fake-indexeddb's own lets idb wrap the
 * in-memory objects as well; fake-indexeddb's methods still come first.
 */
function adoptNativePrototypes(fake: typeof import('fake-indexeddb')): void {
  const pairs: [{ prototype: object }, { prototype: object } | undefined][] = [
    [fake.IDBRequest, globalThis.IDBRequest],
    [fake.IDBOpenDBRequest, globalThis.IDBOpenDBRequest],
    [fake.IDBDatabase, globalThis.IDBDatabase],
    [fake.IDBTransaction, globalThis.IDBTransaction],
    [fake.IDBObjectStore, globalThis.IDBObjectStore],
    [fake.IDBIndex, globalThis.IDBIndex],
    [fake.IDBCursor, globalThis.IDBCursor],
    [fake.IDBCursorWithValue, globalThis.IDBCursorWithValue],
  ];
  const natives = new Set<object>([Object.prototype, ...(globalThis.EventTarget ? [EventTarget.prototype] : []), ...pairs.flatMap(([, n]) => (n ? [n.prototype] : []))]);
  // idb awaits a cursor's next step through its request, as the browser's cursors allow; make the fake's do the same.
  const cursor = fake.IDBCursor.prototype as unknown as Record<string, unknown> & { __imkitAdvance?: boolean };
  if (!cursor.__imkitAdvance) {
    cursor.__imkitAdvance = true;
    for (const method of ['continue', 'advance', 'continuePrimaryKey']) {
      const original = cursor[method] as (...args: unknown[]) => unknown;
      cursor[method] = function (this: { request: unknown }, ...args: unknown[]) {
        original.apply(this, args);
        return this.request;
      };
    }
  }
  for (const [fakeClass, nativeClass] of pairs) {
    const proto = fakeClass.prototype;
    if (!nativeClass || nativeClass.prototype.isPrototypeOf(proto)) continue;
    // Copy what the fake class inherits from its fake bases, nearest first, then re-parent it.
    for (let base = Object.getPrototypeOf(proto); base && !natives.has(base); base = Object.getPrototypeOf(base)) {
      for (const key of Reflect.ownKeys(base)) {
        if (key === 'constructor' || Object.prototype.hasOwnProperty.call(proto, key)) continue;
        Object.defineProperty(proto, key, Object.getOwnPropertyDescriptor(base, key)!);
      }
    }
    // Native accessors would block fake-indexeddb's own `this.x = …`; shadow them with plain fields.
    for (let n: object | null = nativeClass.prototype; n && n !== Object.prototype; n = Object.getPrototypeOf(n)) {
      for (const key of Reflect.ownKeys(n)) {
        if (key === 'constructor' || key in proto) continue;
        const d = Object.getOwnPropertyDescriptor(n, key)!;
        if (d.get || d.set) Object.defineProperty(proto, key, { value: undefined, writable: true, configurable: true });
      }
    }
    Object.setPrototypeOf(proto, nativeClass.prototype);
  }
}

const STORES = ['conversations', 'messages', 'users', 'outbox', 'meta'] as const;

/** Copies every store of `from` into `to`: the conversations, every cached message, profiles, the outbox (with its files) and the sync cursor. */
export async function copyStores(from: ImDatabase, to: ImDatabase): Promise<void> {
  const read = from.transaction([...STORES], 'readonly');
  const [conversations, messages, users, outbox, meta] = await Promise.all(STORES.map((name) => read.objectStore(name).getAll()));
  const write = to.transaction([...STORES], 'readwrite');
  const puts: Promise<unknown>[] = [];
  for (const c of conversations as ConversationItem[]) puts.push(write.objectStore('conversations').put(c));
  for (const m of messages as MessageItem[]) puts.push(write.objectStore('messages').put(m));
  for (const u of users as UserInfo[]) puts.push(write.objectStore('users').put(u));
  for (const o of outbox as OutboxEntry[]) puts.push(write.objectStore('outbox').put(o));
  for (const e of meta as MetaEntry[]) puts.push(write.objectStore('meta').put(e));
  await Promise.all([...puts, write.done]);
}

/** What the notice says first, by why the cache is in memory. */
const STORAGE_MESSAGES: Record<StorageDegradedReason, string> = {
  unavailable: 'The local cache is unavailable',
  quota: 'The local cache is full',
  'write-failed': 'The local cache failed to write',
  versionchange: 'The app was updated in another tab; reload this tab to continue with the new version',
  blocked: 'Another tab keeps an older version of the local cache open',
};

/** The notice an app gets (`onStorageDegraded`, `client.storageProblem`) when the cache moved to memory. */
export function storageNotice(reason: StorageDegradedReason, detail?: string): StorageNotice {
  const why = STORAGE_MESSAGES[reason] + (detail ? ` (${detail})` : '');
  return {
    code: ErrorCode.StorageError,
    message: `${why}; messages are kept in memory until this page closes.`,
    reason,
    reloadRequired: reason === 'versionchange' || reason === 'blocked',
  };
}
