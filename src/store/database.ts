import { deleteDB, openDB } from 'idb';
import { ErrorCode, ImError } from '../protocol/errors.js';
import { DB_VERSION, MIGRATIONS, type ImDatabase, type ImDB } from './schema.js';

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
  /**
   * The schema version to open (DB_VERSION). Only tests pass a later one, to play the newer
   * tab of an upgrade before a second schema version exists; steps without a migration do nothing.
   */
  version?: number;
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
  const version = options.version ?? DB_VERSION;
  const opening = openDB<ImDB>(name, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < version; v++) MIGRATIONS[v]?.(db, tx);
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
