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
import { createLoopbackTransport, type LoopbackServer, type LoopbackTransport } from '../../src/transport/loopback.js';

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
  /**
   * Makes the server answer these ops (e.g. `'conversation.list'`, `'message.send'`) with a server fault
   * (code 1500, `Internal`) until called again with other ops or none: the elements' error states.
   */
  failOps(ops: readonly string[]): void;
  /** Runs `fn` every `ms` until the next story replaces this backend (a live peer, without leaking into later stories). */
  every(ms: number, fn: () => void | Promise<void>): void;
  /** Runs `fn` when the next story replaces this backend (undo page-wide changes a story made). */
  onDispose(fn: () => void): void;
  /** True once the next story has replaced this backend. */
  readonly disposed: boolean;
}

export interface StoryBackendOptions {
  /** Who the client logs in as; default alice. */
  user?: string;
  /** Leave the client logged out (for loading states). */
  login?: boolean;
  /** Seed the demo users and conversations; default true. */
  seed?: boolean;
  /** Milliseconds each frame takes in each direction; default 0. A large value keeps the elements loading. */
  latencyMs?: number;
  /** Ops the server fails from the start (see `StoryBackend.failOps`). */
  failOps?: readonly string[];
}

/** Every client the previous story made, so the next story can log them out. */
let liveClients: ImClient[] = [];
/** Ends the previous story's timers and marks its backend disposed. */
let disposePrevious: () => void = () => undefined;

/** The server core behind a filter that answers the chosen ops with a server fault instead of running them. */
function failingServer(core: ServerCore, failing: Set<string>): LoopbackServer {
  return {
    connect(send) {
      const conn = core.connect(send);
      return {
        receive(text) {
          let frame: { id?: number; op?: string } = {};
          try {
            frame = JSON.parse(text) as typeof frame;
          } catch {
            // not JSON: the core reports BadFrame itself
          }
          if (frame.op && failing.has(frame.op)) {
            send(JSON.stringify({ id: frame.id, ok: false, error: { code: 1500, message: 'The server failed (story: a simulated fault).' } }));
            return;
          }
          return conn.receive(text);
        },
        close: () => conn.close(),
      };
    },
  };
}

export async function createStoryBackend(options: StoryBackendOptions = {}): Promise<StoryBackend> {
  // Stop the previous story's clients before deleting their databases.
  disposePrevious();
  const previous = liveClients;
  liveClients = [];
  await Promise.all(previous.map((c) => c.logout().catch(() => undefined)));
  await clearStoryCaches();

  const SQL = await loadSql();
  const core = createServerCore({ driver: createSqlJsDriver(SQL), secret: 'storybook-loopback-secret', demo: true });
  if (options.seed !== false) core.seedDemo();
  const failing = new Set(options.failOps ?? []);
  const transport = createLoopbackTransport(failingServer(core, failing), { latencyMs: options.latencyMs ?? 0 });
  const timers = new Set<ReturnType<typeof setInterval>>();
  const cleanups: Array<() => void> = [];
  let disposed = false;
  disposePrevious = () => {
    disposed = true;
    for (const t of timers) clearInterval(t);
    timers.clear();
    for (const fn of cleanups.splice(0)) fn();
  };
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
  return {
    core,
    transport,
    client,
    loginAs,
    failOps: (ops) => {
      failing.clear();
      for (const op of ops) failing.add(op);
    },
    onDispose: (fn) => void cleanups.push(fn),
    every: (ms, fn) => {
      const timer = setInterval(() => {
        if (!disposed) void Promise.resolve(fn()).catch(() => undefined);
      }, ms);
      timers.add(timer);
    },
    get disposed() {
      return disposed;
    },
  };
}
