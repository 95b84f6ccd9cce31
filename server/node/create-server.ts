import { mkdirSync } from 'node:fs';
import { DEFAULT_RATE_LIMIT, type MultiLoginPolicy, type RateLimitOptions } from '../core/session-guard.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createServerCore, type Logger, type ServerCore } from '../core/server-core.js';
import type { CallServiceOptions } from '../core/handlers-signaling.js';
import { iceOptionsFromEnv } from '../core/signaling-ice.js';
import { createHttpApi } from './http-api.js';
import { createUploadsHandler } from './uploads.js';
import { Limits } from '../../src/protocol/limits.js';
import { resolveSecrets } from './secrets.js';
import { attachSocketServer } from './socket.js';
import { createSqliteDriver } from './sqlite-driver.js';

/** A connect-style handler (Vite's `server.middlewares` fits) for everything outside /api and /ws. */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

export interface ImServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Holds the database and, in demo mode, the generated secrets. Created when needed. */
  dataDir?: string;
  /** Database file (relative to the working directory), or ':memory:'. Default `<dataDir>/imkit.sqlite`. */
  dbFile?: string;
  /** Token signing secret; else IMKIT_SECRET; else (demo only) generated and kept in dataDir. */
  secret?: string;
  /** Guards the admin endpoints; else IMKIT_ADMIN_SECRET; else (demo only) generated. */
  adminSecret?: string;
  /** Enables dev login and demo users. */
  demo?: boolean;
  /** Seed the demo data (idempotent). Default: same as `demo`. */
  seed?: boolean;
  tokenTtlSeconds?: number;
  staticHandler?: StaticHandler;
  /** Interval of WebSocket pings; a socket silent for two intervals is dropped. */
  heartbeatMs?: number;
  /** Clock in ms, for tests. */
  now?: () => number;
  /** Largest upload in bytes; else IMKIT_MAX_UPLOAD_BYTES; else Limits.maxUploadBytes. */
  maxUploadBytes?: number;
  /** Recall window in ms; else IMKIT_REVOKE_WINDOW_MS; else Limits.revokeWindowMs (2 minutes). */
  revokeWindowMs?: number;
  /** What a new sign-in does to the account's other connections; else IMKIT_MULTI_LOGIN; else 'multiple'. */
  multiLogin?: MultiLoginPolicy;
  /** Frames per connection; else IMKIT_RATE_BURST / IMKIT_RATE_PER_SECOND; `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  logger?: Logger;
  /** One-to-one messages only between friends (social rules). Default false. */
  requireFriendship?: boolean;
  /** Calls (ICE servers, timeouts). Default: ICE from IMKIT_STUN_URLS / IMKIT_TURN_URLS / IMKIT_TURN_SECRET / IMKIT_TURN_TTL. */
  calls?: CallServiceOptions;
}

export interface ImServer {
  url: string;
  wsUrl: string;
  port: number;
  core: ServerCore;
  /** The Node server, e.g. for Vite's `hmr.server` option. */
  httpServer: Server;
  /** Absolute path of the database file, or ':memory:'. */
  dbPath: string;
  close(): Promise<void>;
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function multiLoginFromEnv(value: string | undefined): MultiLoginPolicy {
  if (value === undefined || value === '') return 'multiple';
  if (value === 'multiple' || value === 'single' || value === 'per-platform') return value;
  throw new Error(`IMKIT_MULTI_LOGIN must be multiple, single or per-platform (got "${value}")`);
}

export async function createImServer(options: ImServerOptions = {}): Promise<ImServer> {
  const demo = options.demo ?? false;
  const host = options.host ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir ?? 'data');
  const logger = options.logger ?? console;
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 7 * 24 * 3600;
  const secrets = resolveSecrets({ secret: options.secret, adminSecret: options.adminSecret, demo, dataDir });

  const dbPath = options.dbFile === ':memory:' ? ':memory:' : resolve(options.dbFile ?? join(dataDir, 'imkit.sqlite'));
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });

  const core = createServerCore({
    driver: createSqliteDriver(dbPath),
    secret: secrets.secret,
    demo,
    tokenTtlSeconds,
    logger,
    calls: options.calls ?? { ice: iceOptionsFromEnv(process.env) },
    ...(options.now ? { now: options.now } : {}),
    // One-to-one messages between friends only: the option, else IMKIT_REQUIRE_FRIENDSHIP=1.
    ...((options.requireFriendship ?? ['1', 'true', 'yes'].includes((process.env['IMKIT_REQUIRE_FRIENDSHIP'] ?? '').toLowerCase())) ? { requireFriendship: true } : {}),
    revokeWindowMs: options.revokeWindowMs ?? envNumber('IMKIT_REVOKE_WINDOW_MS') ?? Limits.revokeWindowMs,
    multiLogin: options.multiLogin ?? multiLoginFromEnv(process.env.IMKIT_MULTI_LOGIN),
    rateLimit: options.rateLimit ?? {
      burst: envNumber('IMKIT_RATE_BURST') ?? DEFAULT_RATE_LIMIT.burst,
      perSecond: envNumber('IMKIT_RATE_PER_SECOND') ?? DEFAULT_RATE_LIMIT.perSecond,
    },
  });
  if (options.seed ?? demo) core.seedDemo();

  const api = createHttpApi({ core, adminSecret: secrets.adminSecret, demo, tokenTtlSeconds, logger });
  const notFound = (res: ServerResponse) => {
    if (res.headersSent) return;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  };
  const uploads = createUploadsHandler({
    core,
    dataDir,
    maxUploadBytes: options.maxUploadBytes ?? envNumber('IMKIT_MAX_UPLOAD_BYTES') ?? Limits.maxUploadBytes,
    logger,
  });
  const httpServer = createServer((req, res) => {
    if (uploads(req, res)) return;
    if (api(req, res)) return;
    if (!options.staticHandler) return notFound(res);
    options.staticHandler(req, res, (err) => {
      if (err) {
        logger.error(`imkit: static handler failed for ${req.url}`, err);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Internal error');
      } else notFound(res);
    });
  });
  const sockets = attachSocketServer(httpServer, core, options.heartbeatMs ?? 30_000);

  try {
    await new Promise<void>((ok, fail) => {
      httpServer.once('error', fail);
      httpServer.listen(options.port ?? 0, host, () => {
        httpServer.off('error', fail);
        ok();
      });
    });
  } catch (err) {
    await sockets.close();
    core.close();
    throw err;
  }

  const port = (httpServer.address() as AddressInfo).port;
  const origin = `${hostForUrl(host)}:${port}`;
  let closing: Promise<void> | null = null;

  return {
    url: `http://${origin}`,
    wsUrl: `ws://${origin}/ws`,
    port,
    core,
    httpServer,
    dbPath,
    close() {
      closing ??= (async () => {
        await sockets.close();
        await new Promise<void>((done) => {
          httpServer.close(() => done());
          httpServer.closeAllConnections();
        });
        // Last, so that no request is mid-transaction when the database closes.
        core.close();
      })();
      return closing;
    },
  };
}

/** A positive number from the environment, or undefined. */
function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  const n = raw ? Number(raw) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
