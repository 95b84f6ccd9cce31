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
  /** A newer version was opened elsewhere; this connection was closed and must be reopened. */
  onVersionChange?: () => void;
}

export async function openImDatabase(name: string, options: OpenOptions = {}): Promise<ImDatabase> {
  try {
    const db = await openDB<ImDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db, tx);
      },
      blocked: () => options.onBlocked?.(),
      blocking: () => {
        // Let the newer tab upgrade instead of holding it up; this tab reopens on next use.
        db.close();
        options.onVersionChange?.();
      },
    });
    return db;
  } catch (error) {
    throw new ImError(ErrorCode.StorageError, `Could not open the local cache: ${(error as Error).message ?? error}`);
  }
}

export async function deleteImDatabase(name: string): Promise<void> {
  await deleteDB(name);
}
