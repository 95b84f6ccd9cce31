/**
 * A complete imkit backend inside the Storybook page: the real server logic
 * (`createServerCore`) over SQLite compiled to WebAssembly (sql.js), seeded with
 * the demo data, and a real `ImClient` talking to it through the loopback
 * transport. Nothing in the elements knows it is not a network.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmURL from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { createServerCore, type ServerCore } from '../../server/core/server-core.js';
import { createSqlJsDriver } from '../../server/browser/sqljs-driver.js';
import { ImClient } from '../../src/client/im-client.js';
import { createLoopbackTransport, type LoopbackTransport } from '../../src/transport/loopback.js';

let sqlPromise: Promise<SqlJsStatic> | undefined;

function loadSql(): Promise<SqlJsStatic> {
  sqlPromise ??= initSqlJs({ locateFile: () => wasmURL });
  return sqlPromise;
}

const DB_PREFIX = 'imkit-story';

/** Each story gets a fresh server, so the client's cache of an earlier story must go too. */
async function clearStoryCaches(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const dbs = await indexedDB.databases();
  await Promise.all(
    dbs
      .filter((d) => d.name?.startsWith(DB_PREFIX))
      .map(
        (d) =>
          new Promise<void>((resolve) => {
            const req = indexedDB.deleteDatabase(d.name!);
            req.onsuccess = req.onerror = req.onblocked = () => resolve();
          }),
      ),
  );
}

export interface StoryBackend {
  core: ServerCore;
  /** The in-page "network": `transport.setReachable(false)` acts out going offline. */
  transport: LoopbackTransport;
  /** A logged-in client (unless `login: false`). */
  client: ImClient;
  /** Another client, e.g. to have Bob answer while the story shows Alice. */
  loginAs(userID: string): Promise<ImClient>;
}

export interface StoryBackendOptions {
  /** Who the client logs in as; default alice. */
  user?: string;
  /** Leave the client logged out (for loading states). */
  login?: boolean;
  /** Seed the demo users and conversations; default true. */
  seed?: boolean;
  /** Milliseconds each frame takes in each direction; default 0. */
  latencyMs?: number;
}

/** Every client the previous story made, so the next story can log them out. */
let liveClients: ImClient[] = [];

export async function createStoryBackend(options: StoryBackendOptions = {}): Promise<StoryBackend> {
  // Stop the previous story's clients before deleting their databases.
  const previous = liveClients;
  liveClients = [];
  await Promise.all(previous.map((c) => c.logout().catch(() => undefined)));
  await clearStoryCaches();

  const SQL = await loadSql();
  const core = createServerCore({ driver: createSqlJsDriver(SQL), secret: 'storybook-loopback-secret', demo: true });
  if (options.seed !== false) core.seedDemo();
  const transport = createLoopbackTransport(core, { latencyMs: options.latencyMs ?? 0 });
  const prefix = `${DB_PREFIX}-${Math.random().toString(36).slice(2, 8)}`;
  const loginAs = async (userID: string): Promise<ImClient> => {
    const client = new ImClient({ serverURL: 'loopback://demo', transport, dbNamePrefix: prefix });
    liveClients.push(client);
    const { token } = await core.issueToken(userID);
    await client.login(userID, token);
    return client;
  };

  const client =
    options.login === false
      ? new ImClient({ serverURL: 'loopback://demo', transport, dbNamePrefix: prefix })
      : await loginAs(options.user ?? 'alice');
  return { core, transport, client, loginAs };
}
