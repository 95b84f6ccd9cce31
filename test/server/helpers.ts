import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { PushFrame, ResponseFrame, ServerFrame } from '../../src/protocol/frames.js';
import type { OpName, OpRequest, OpResponse } from '../../src/protocol/ops.js';
import type { ErrorInfo } from '../../src/protocol/errors.js';
import { createImServer, type ImServer, type ImServerOptions } from '../../server/node/create-server.js';

export const SECRET = 'test-token-secret-0123456789abcdef';
export const ADMIN_SECRET = 'test-admin-secret-0123456789abcdef';

/** A fresh directory under the OS temp dir, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'imkit-server-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Collects what the server logs, so tests stay quiet and can assert "no internal errors". */
export function captureLogger() {
  const errors: unknown[][] = [];
  const warnings: unknown[][] = [];
  return {
    errors,
    warnings,
    error: (...args: unknown[]) => void errors.push(args),
    warn: (...args: unknown[]) => void warnings.push(args),
  };
}

export interface TestServer extends ImServer {
  dir: string;
  log: ReturnType<typeof captureLogger>;
  /** Closes the server and removes its directory. */
  dispose(): Promise<void>;
}

/** A server on a free port with its SQLite file in a fresh temp dir. */
export async function startTestServer(options: ImServerOptions = {}): Promise<TestServer> {
  const tmp = options.dataDir ? { dir: options.dataDir, cleanup: () => {} } : tempDir();
  const log = captureLogger();
  let server: ImServer;
  try {
    server = await createImServer({
      port: 0,
      dataDir: tmp.dir,
      secret: SECRET,
      adminSecret: ADMIN_SECRET,
      logger: log,
      ...options,
    });
  } catch (err) {
    tmp.cleanup();
    throw err;
  }
  return Object.assign(server, {
    dir: tmp.dir,
    log,
    async dispose() {
      await server.close();
      tmp.cleanup();
    },
  });
}

export class RequestError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(`${info.code}: ${info.message}`);
  }
  get code() {
    return this.info.code;
  }
}

/**
 * A WebSocket client for tests. The server answers every frame exactly once and
 * in order, so responses are matched to frames first-in first-out, and `request`
 * additionally checks that the id came back.
 */
export class TestClient {
  readonly pushes: PushFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private nextID = 1;
  private waiting: Array<(frame: ResponseFrame) => void> = [];
  private pushWaiters: Array<{ pred: (p: PushFrame) => boolean; resolve: (p: PushFrame) => void }> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      if ('push' in frame) {
        this.pushes.push(frame);
        this.pushWaiters = this.pushWaiters.filter((w) => (w.pred(frame) ? (w.resolve(frame), false) : true));
      } else {
        const next = this.waiting.shift();
        if (!next) throw new Error(`unexpected response ${JSON.stringify(frame)}`);
        next(frame);
      }
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  }

  static connect(url: string): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const client = new TestClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  /** Sends any text and resolves with the response to it. */
  sendRaw(text: string | Buffer, timeoutMs = 5000): Promise<ResponseFrame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no response within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.push((frame) => {
        clearTimeout(timer);
        resolve(frame);
      });
      this.ws.send(text);
    });
  }

  async request<O extends OpName>(op: O, data: OpRequest<O>): Promise<ResponseFrame<O>> {
    const id = this.nextID++;
    const res = (await this.sendRaw(JSON.stringify({ id, op, data }))) as ResponseFrame<O>;
    if (res.id !== id) throw new Error(`response id ${res.id} for request ${id}`);
    return res;
  }

  /** Like request, but returns `data` or throws RequestError. */
  async call<O extends OpName>(op: O, data: OpRequest<O>): Promise<OpResponse<O>> {
    const res = await this.request(op, data);
    if (!res.ok) throw new RequestError(res.error);
    return res.data;
  }

  /** Resolves with the first push (already received or coming) that matches. */
  waitForPush(pred: (p: PushFrame) => boolean, timeoutMs = 3000): Promise<PushFrame> {
    const seen = this.pushes.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('push did not arrive')), timeoutMs);
      this.pushWaiters.push({
        pred,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  close(): Promise<unknown> {
    this.ws.close();
    return this.closed;
  }
}

/** Connects and authenticates `userID` (creating the user if needed). */
export async function loginClient(server: ImServer, userID: string, nickname = userID): Promise<TestClient> {
  if (!server.core.getUser(userID)) server.core.upsertUser({ userID, nickname });
  const { token } = await server.core.issueToken(userID);
  const client = await TestClient.connect(server.wsUrl);
  await client.call('auth', { token, platformID: 5 });
  return client;
}

let msgCounter = 0;
/** An OutgoingMessage for a text to a user (or a group with `group: true`). */
export function textTo(target: string, content: string, opts: { group?: boolean; clientMsgID?: string } = {}) {
  return {
    clientMsgID: opts.clientMsgID ?? `test-${process.pid}-${Date.now()}-${++msgCounter}`,
    sessionType: opts.group ? 2 : 1,
    recvID: opts.group ? '' : target,
    groupID: opts.group ? target : '',
    contentType: 101,
    content,
    createTime: Date.now(),
  };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: { ok: boolean; data?: any; error?: ErrorInfo } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { ok: boolean; data?: any; error?: ErrorInfo } };
}
