import type { Emitter } from 'mitt';
import type { UserInfo } from '../model/types.js';
import type { ImCache } from '../store/cache.js';
import type { Connection } from '../transport/connection.js';
import type { ImEvents } from './events.js';
import type { FileAuth } from './file-auth.js';

/** What the domain modules share: the logged-in session's cache, connection and emitter. */
export interface SessionContext {
  readonly userID: string;
  readonly cache: ImCache;
  readonly connection: Connection;
  readonly emitter: Emitter<ImEvents>;
  /** True once the socket is authenticated and caught up. */
  isOnline(): boolean;
  self(): UserInfo;
  /** Runs `task` after every earlier write-and-emit step, so events apply in order. */
  serial<T>(task: () => Promise<T>): Promise<T>;
  now(): number;
  /** The HTTP base URL and token for uploads and downloads (issue 3). */
  fileAuth(): FileAuth;
}
