import { describeAllErrors } from '../../src/protocol/error-descriptions.js';
import { ErrorCode, ImError, type ErrorInfo } from '../../src/protocol/errors.js';
import type { PushFrame, ResponseFrame } from '../../src/protocol/frames.js';
import { Limits } from '../../src/protocol/limits.js';
import type { OpResponse } from '../../src/protocol/ops.js';
import type { TokenResult } from '../../src/protocol/http.js';
import type { GroupInfo, UserInfo } from '../../src/model/types.js';
import {
  createGroup,
  handlers,
  upsertUser,
  type Caller,
  type CreateGroupInput,
  type DomainContext,
  type LogFn,
  type SyncOpName,
} from './handlers.js';
import { createMessageStore, type MessageContext, type MessageStore } from './handlers-messages.js';
import { createCallService, type CallServiceOptions } from './handlers-signaling.js';
import { dataObjectSchema, opSchemas, parseOrThrow, requestEnvelopeSchema } from './schemas.js';
import { DEMO_USERS, seedDemo } from './seed.js';
import { connectionsToKick, createTokenBucket, DEFAULT_RATE_LIMIT, tokenExpiry, type MultiLoginPolicy, type RateLimitOptions } from './session-guard.js';
import type { SqlDriver } from './sql-driver.js';
import { createSqlStore, type Store } from './store.js';
import { createTokenSigner } from './tokens.js';
import { toUserInfo } from './views.js';

// Errors the server raises by code alone go out with their documented message.
describeAllErrors();

/**
 * The transport-independent server: frames in, frames out. The Node WebSocket
 * server and the in-page loopback (Storybook) both call exactly this, so they
 * behave identically. Everything here is synchronous except token checks, which
 * means a request runs start to finish without interleaving with another.
 */

export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
}

export interface ServerCoreOptions {
  driver: SqlDriver;
  /** HMAC secret for user tokens. */
  secret: string;
  /** Demo mode: enables dev login (enforced by the HTTP layer) and demo seeding. */
  demo?: boolean;
  /** Clock in ms; injected by tests. */
  now?: () => number;
  /** Token lifetime when issueToken gets none. Default 7 days. */
  tokenTtlSeconds?: number;
  logger?: Logger;
  /** One-to-one messages only between friends (social rules). Default false, so the demo's strangers can chat. */
  requireFriendship?: boolean;
  /** Calls: ICE servers (STUN/TURN), invitation timeout, reconnect grace. */
  calls?: CallServiceOptions;
  /** How long after sending a message can be recalled (ms). Default Limits.revokeWindowMs. */
  revokeWindowMs?: number;
  /** Frames per connection: a burst and a refill rate; `false` turns the limit off. Default DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimitOptions | false;
  /** What a new sign-in does to the account's other connections. Default 'multiple'. */
  multiLogin?: MultiLoginPolicy;
}

export interface ConnectOptions {
  /** Shown in logs, e.g. the remote address. */
  label?: string;
  /** Called when the server ends the session (kicked by a newer sign-in, token expired): close the transport. */
  onEnd?: (code: number, reason: string) => void;
}

export interface Connection {
  /** Handles one text frame; resolves after its response was sent. Never rejects. */
  receive(text: string): Promise<void>;
  /** Stops pushes to this connection. Call when the transport closes. */
  close(): void;
  /** The authenticated user, or null before `auth`. */
  readonly userID: string | null;
}

export interface ServerCore {
  connect(send: (text: string) => void, opts?: ConnectOptions): Connection;
  issueToken(userID: string, ttlSeconds?: number): Promise<TokenResult>;
  /** Returns the user ID or throws ImError TokenInvalid / TokenExpired. */
  verifyToken(token: string): Promise<string>;
  upsertUser(input: { userID: string; nickname?: string; faceURL?: string; ex?: string }): UserInfo;
  getUser(userID: string): UserInfo | undefined;
  createGroup(input: CreateGroupInput): GroupInfo;
  /** Seeds the demo users and conversations once; returns false if already seeded. */
  seedDemo(): boolean;
  /** The seeded demo users that exist in the database. */
  demoUsers(): UserInfo[];
  readonly demo: boolean;
  readonly store: Store;
  /** Uploaded files and other message-action storage (issue 3). */
  readonly messageStore: MessageStore;
  /** Number of open connections (authenticated or not). */
  connectionCount(): number;
  /** Closes the store; connections stop receiving pushes. */
  close(): void;
}

interface Session {
  /** Identifies the connection (device) to call signaling. */
  id: number;
  caller: Caller | null;
  send: (text: string) => void;
  closed: boolean;
  label: string;
  bucket: { take(): boolean } | null;
  onEnd?: (code: number, reason: string) => void;
  expiryTimer?: ReturnType<typeof setTimeout>;
}

interface Pending {
  userID: string;
  frame: PushFrame;
}

/** UTF-8 size of a string, counted without allocating a copy. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Best effort to answer an unreadable frame with the id the caller is waiting on. */
function sniffID(text: string): number {
  const m = /^\s*\{\s*"id"\s*:\s*(\d{1,15})\s*[,}]/.exec(text.slice(0, 64));
  return m ? Number(m[1]) : 0;
}

function randomHex(bytes: number): string {
  // getRandomValues works in insecure browser contexts too, unlike randomUUID.
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export function createServerCore(options: ServerCoreOptions): ServerCore {
  const now = options.now ?? Date.now;
  const logger: Logger = options.logger ?? console;
  const demo = options.demo ?? false;
  const defaultTtl = options.tokenTtlSeconds ?? 7 * 24 * 3600;
  const store = createSqlStore(options.driver);
  const signer = createTokenSigner(options.secret, now);
  const sessions = new Set<Session>();
  const byUser = new Map<string, Set<Session>>();
  let closed = false;

  // --- fan-out ---------------------------------------------------------------
  // The single place that moves events to sockets. A multi-node deployment would
  // publish `batch` to Redis here and deliver on every node.
  function deliver(batch: readonly Pending[]): void {
    for (const { userID, frame } of batch) {
      const targets = byUser.get(userID);
      if (!targets) continue;
      const text = JSON.stringify(frame);
      for (const s of targets) safeSend(s, text);
    }
  }

  function safeSend(s: Session, text: string): void {
    if (s.closed) return;
    try {
      s.send(text);
    } catch (err) {
      logger.warn(`imkit: send to ${s.label} failed`, err);
    }
  }

  // --- calls: rooms in memory, transient pushes to chosen connections -------
  const calls = createCallService({
    now,
    background: () => domain(),
    push(userID, event, filter) {
      const targets = byUser.get(userID);
      if (!targets) return;
      const text = JSON.stringify({ ...event, seq: 0 });
      for (const s of targets) if (!filter || filter(s.id)) safeSend(s, text);
    },
    isConnectionOpen: (userID, connectionID) => [...(byUser.get(userID) ?? [])].some((s) => s.id === connectionID && !s.closed),
    randomID: () => randomHex(12),
    logger,
    ...(options.calls ? { options: options.calls } : {}),
  });

  // --- transactions with events ---------------------------------------------
  let activeBatch: Pending[] | null = null;

  /**
   * Runs `fn` in a transaction; events it logs are delivered after the commit
   * (or handed to `sink` to deliver after a response). Nested calls join the
   * outer batch, so a seed of many messages commits and pushes as one.
   */
  function mutate<T>(fn: (log: LogFn) => T, sink?: Pending[]): T {
    const outer = activeBatch;
    const batch = outer ?? [];
    const log: LogFn = (userID, event) => {
      const seq = store.appendEvent(userID, event.push, event.data, now());
      batch.push({ userID, frame: { ...event, seq } as PushFrame });
    };
    if (outer) return store.transaction(() => fn(log));
    activeBatch = batch;
    let result: T;
    try {
      result = store.transaction(() => fn(log));
    } finally {
      activeBatch = null;
    }
    if (sink) sink.push(...batch);
    else deliver(batch);
    return result;
  }

  const social = { requireFriendship: options.requireFriendship ?? false };
  function domain(sink?: Pending[]): DomainContext {
    return { store, now, newServerMsgID: () => randomHex(16), mutate: (fn) => mutate(fn, sink), calls, messages: messageContext(sink), social };
  }

  // Message actions (issue 3): their store, the recall window, transient pushes (seq 0).
  const messageStore = createMessageStore(options.driver);
  const revokeWindowMs = options.revokeWindowMs ?? Limits.revokeWindowMs;
  function messageContext(sink?: Pending[]): MessageContext {
    return {
      store: messageStore,
      revokeWindowMs,
      transient: (userID, event) => {
        const pending = { userID, frame: { ...event, seq: 0 } as PushFrame };
        if (sink) sink.push(pending);
        else deliver([pending]);
      },
    };
  }

  // --- frames ----------------------------------------------------------------
  function toErrorInfo(err: unknown, op: string, s: Session): ErrorInfo {
    if (err instanceof ImError) return err.toJSON();
    logger.error(`imkit: op "${op}" from ${s.label} failed`, err);
    return { code: ErrorCode.Internal, message: 'The server failed to handle the request.' };
  }

  function respond(s: Session, frame: ResponseFrame): void {
    safeSend(s, JSON.stringify(frame));
  }

  async function handle(s: Session, text: string): Promise<void> {
    let id = 0;
    let op = '?';
    try {
      if (typeof text !== 'string') throw new ImError(ErrorCode.BadFrame, 'Frames must be text.');
      if (s.bucket && !s.bucket.take()) {
        id = sniffID(text);
        throw new ImError(ErrorCode.RateLimited, 'Too many frames on this connection; slow down and retry.');
      }
      const size = utf8Length(text);
      if (size > Limits.maxFrameBytes) {
        id = sniffID(text);
        throw new ImError(ErrorCode.FrameTooLarge, `The frame is ${size} bytes; the limit is ${Limits.maxFrameBytes}.`);
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        id = sniffID(text);
        throw new ImError(ErrorCode.BadFrame, 'The frame is not valid JSON.');
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new ImError(ErrorCode.BadFrame, 'The frame must be a JSON object {id, op, data}.');
      }
      const rawID = (raw as { id?: unknown }).id;
      if (typeof rawID === 'number' && Number.isSafeInteger(rawID) && rawID > 0) id = rawID;
      const envelope = parseOrThrow(requestEnvelopeSchema, raw, ErrorCode.BadFrame, 'frame');
      op = envelope.op;
      if (!Object.hasOwn(opSchemas, op)) throw new ImError(ErrorCode.UnknownOp, `Unknown op "${op.slice(0, 64)}".`);
      const name = op as keyof typeof opSchemas;
      if (name !== 'auth' && !s.caller) throw new ImError(ErrorCode.NotAuthenticated);
      const rawData = parseOrThrow(dataObjectSchema, envelope.data ?? {});
      const data = parseOrThrow(opSchemas[name], rawData);

      if (name === 'auth') {
        await authenticate(s, id, data as { token: string; platformID: number });
        return;
      }
      // From here on nothing awaits: the op, its response and its pushes happen
      // in one synchronous run, so pushes keep event-log order across connections.
      const deferred: Pending[] = [];
      const run = handlers[name] as (ctx: DomainContext, caller: Caller, data: unknown) => unknown;
      const result = run(domain(deferred), s.caller!, data);
      respond(s, { id, ok: true, data: result } as ResponseFrame);
      deliver(deferred);
    } catch (err) {
      respond(s, { id, ok: false, error: toErrorInfo(err, op, s) });
    }
  }

  async function authenticate(s: Session, id: number, data: { token: string; platformID: number }): Promise<void> {
    if (s.caller) throw new ImError(ErrorCode.AlreadyAuthenticated);
    const userID = await signer.verify(data.token);
    if (s.caller) throw new ImError(ErrorCode.AlreadyAuthenticated);
    if (s.closed || closed) return;
    // Synchronous from here: register, snapshot maxEventSeq and answer before any
    // push can reach this connection, so every push it sees is newer than maxEventSeq.
    const user = store.getUser(userID);
    if (!user) throw new ImError(ErrorCode.UserNotFound, `No user "${userID}".`);
    s.caller = { userID, platformID: data.platformID, connectionID: s.id };
    s.label = `${userID}@${s.label}`;
    let set = byUser.get(userID);
    if (!set) byUser.set(userID, (set = new Set()));
    set.add(s);
    const res: OpResponse<'auth'> = { userID, serverTime: now(), maxEventSeq: store.maxEventSeq(userID), self: toUserInfo(user) };
    respond(s, { id, ok: true, data: res });
    const others = [...set].filter((o) => o !== s && o.caller).map((o) => ({ session: o, platformID: o.caller!.platformID }));
    for (const { session } of connectionsToKick(options.multiLogin ?? 'multiple', others, data.platformID)) {
      endSession(session, ErrorCode.KickedOffline, 'This account signed in on another device.');
    }
    const expiry = tokenExpiry(data.token);
    if (expiry !== null) {
      // setTimeout takes at most 2^31-1 ms; a longer-lived token is checked again on the next connection.
      const wait = Math.min(Math.max(0, expiry - now()), 2_147_483_647);
      s.expiryTimer = setTimeout(() => endSession(s, ErrorCode.TokenExpired, 'The session token expired; sign in again.'), wait);
    }
  }

  /** Tells the client why (a transient push) and closes its connection. */
  function endSession(s: Session, code: ErrorCode, message: string): void {
    safeSend(s, JSON.stringify({ push: 'session.ended', seq: 0, data: { code, message } }));
    const onEnd = s.onEnd;
    detach(s);
    onEnd?.(code, message);
  }

  function detach(s: Session): void {
    if (s.closed) return;
    s.closed = true;
    if (s.expiryTimer) clearTimeout(s.expiryTimer);
    sessions.delete(s);
    if (s.caller) {
      const set = byUser.get(s.caller.userID);
      set?.delete(s);
      if (set && set.size === 0) byUser.delete(s.caller.userID);
      calls.connectionClosed(s.caller.userID, s.id);
    }
  }

  let connectionCounter = 0;
  let sessionCounter = 0;

  return {
    connect(send, opts = {}) {
      const limit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
      const s: Session = {
        id: ++sessionCounter,
        caller: null,
        send,
        closed: false,
        label: opts.label ?? `conn#${++connectionCounter}`,
        bucket: limit ? createTokenBucket(limit, now) : null,
        onEnd: opts.onEnd,
      };
      sessions.add(s);
      // Frames of one connection are handled strictly in order: a request sent
      // right after `auth` must not overtake the token check.
      let queue: Promise<void> = Promise.resolve();
      return {
        receive(text) {
          queue = queue.then(() => (s.closed || closed ? undefined : handle(s, text)));
          return queue;
        },
        close: () => detach(s),
        get userID() {
          return s.caller?.userID ?? null;
        },
      };
    },
    issueToken: (userID, ttlSeconds = defaultTtl) => signer.sign(userID, ttlSeconds),
    verifyToken: (token) => signer.verify(token),
    upsertUser: (input) => upsertUser(domain(), input),
    getUser: (userID) => {
      const u = store.getUser(userID);
      return u ? toUserInfo(u) : undefined;
    },
    createGroup: (input) => createGroup(domain(), input),
    seedDemo: () => seedDemo(domain(), now()),
    demoUsers: () =>
      DEMO_USERS.flatMap((d) => {
        const u = store.getUser(d.userID);
        return u ? [toUserInfo(u)] : [];
      }),
    demo,
    store,
    messageStore,
    connectionCount: () => sessions.size,
    close() {
      if (closed) return;
      closed = true;
      calls.close();
      for (const s of [...sessions]) detach(s);
      store.close();
    },
  };
}
