import { deleteDB, openDB, wrap } from 'idb';
import { ErrorCode, ImError } from '../protocol/errors.js';
import { DB_VERSION, MIGRATIONS, type ImDatabase, type ImDB } from './schema.js';
import type { IDBPTransaction, StoreNames } from 'idb';

/** One database per server and user, so that two accounts (or two servers) never share a cache. */
export function databaseName(prefix: string, serverKey: string, userID: string): string {
  return `${prefix}:${serverKey}:${userID}`;
}

export interface OpenOptions {
  /** Another tab holds an older version open; it has been asked to close. */
  onBlocked?: () => void;
  /**
   * A newer version was opened elsewhere (another tab upgraded the schema). The
   * handler must close `db` soon, or that tab stays blocked; without a handler
   * the connection is closed at once.
   */
  onVersionChange?: (db: ImDatabase) => void;
  /** Give up on an open that another tab keeps blocked for this long (rejects with `CacheBlockedError`). */
  blockedTimeoutMs?: number;
}

/** The open waited too long for another tab, running an older version, to close the cache. */
export class CacheBlockedError extends ImError {
  constructor() {
    super(ErrorCode.StorageError, 'Another tab keeps an older version of the local cache open; close or reload the other tabs of this app.');
  }
}

/** The cache on disk was written by a newer imkit (another tab, since updated): this code cannot read it. */
export class CacheNewerError extends ImError {
  constructor() {
    super(ErrorCode.StorageError, 'The local cache was written by a newer version of this app; reload to use it.');
  }
}

export async function openImDatabase(name: string, options: OpenOptions = {}): Promise<ImDatabase> {
  let giveUp: ((error: Error) => void) | undefined;
  const blockedTooLong = new Promise<never>((_, reject) => (giveUp = reject));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let db: ImDatabase | undefined;
  const opening = openDB<ImDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db, tx);
    },
    blocked: () => {
      options.onBlocked?.();
      if (options.blockedTimeoutMs !== undefined && timer === undefined) timer = setTimeout(() => giveUp!(new CacheBlockedError()), options.blockedTimeoutMs);
    },
    blocking: () => {
      // Let the newer tab upgrade instead of holding it up.
      if (!db) return;
      if (options.onVersionChange) options.onVersionChange(db);
      else db.close();
    },
  });
  try {
    db = await Promise.race([opening, blockedTooLong]);
  } catch (error) {
    // An open that completes after we gave up is not used: close it so it blocks nobody.
    opening.then((late) => late.close(), () => undefined);
    if (error instanceof ImError) throw error;
    if ((error as Error)?.name === 'VersionError') throw new CacheNewerError();
    throw new ImError(ErrorCode.StorageError, `Could not open the local cache: ${(error as Error).message ?? error}`);
  } finally {
    clearTimeout(timer);
  }
  return db;
}

export async function deleteImDatabase(name: string): Promise<void> {
  await deleteDB(name);
}

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
