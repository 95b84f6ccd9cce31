import { ErrorCode, ImError } from '../protocol/errors.js';
import type { PushFrame, ServerFrame } from '../protocol/frames.js';
import type { OpName, OpRequest, OpResponse } from '../protocol/ops.js';
import { backoffDelay } from './backoff.js';
import type { TransportFactory, TransportSocket } from './types.js';

export type LinkState = 'idle' | 'connecting' | 'open' | 'waiting' | 'stopped';

export interface ConnectionOptions {
  transport: TransportFactory;
  /** Runs after the channel opens and before it counts as connected (auth, catch-up). Throwing an ImError with `fatal` stops reconnecting. */
  onOpen: (conn: Connection) => Promise<void>;
  onPush: (frame: PushFrame) => void;
  onStateChange: (state: LinkState, error?: ImError) => void;
  /** A fatal error stops reconnecting (bad or expired token, kicked offline). */
  isFatal: (error: ImError) => boolean;
  requestTimeoutMs?: number;
  heartbeatMs?: number;
  connectTimeoutMs?: number;
}

interface Pending {
  resolve: (data: unknown) => void;
  reject: (error: ImError) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * One logical connection to the server over a replaceable transport: pairs
 * requests with responses, times them out, keeps the channel alive with pings,
 * and reconnects with backoff until stopped or told the error is fatal.
 */
export class Connection {
  private socket: TransportSocket | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private generation = 0;
  private _state: LinkState = 'idle';
  /** Resolves with how the first attempt after `start()` ended. */
  private firstAttempt: { resolve: (e: ImError | null) => void } | null = null;

  constructor(private readonly options: ConnectionOptions) {}

  get state(): LinkState {
    return this._state;
  }

  /** Open the connection; resolves after the first attempt succeeds (null) or fails (the error). */
  start(): Promise<ImError | null> {
    return new Promise((resolve) => {
      this.firstAttempt = { resolve };
      this.attempt = 0;
      this.open();
    });
  }

  stop(): void {
    this.generation++;
    this.setState('stopped');
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'client closed');
    this.rejectAll(new ImError(ErrorCode.Closed));
    this.settleFirst(new ImError(ErrorCode.Closed));
  }

  /** Reconnect now instead of waiting for the backoff (for example when the browser comes back online). */
  retryNow(): void {
    if (this._state === 'waiting') {
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.open();
    }
  }

  request<O extends OpName>(op: O, data: OpRequest<O>, timeoutMs = this.options.requestTimeoutMs ?? 15_000): Promise<OpResponse<O>> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new ImError(ErrorCode.NetworkError, 'Not connected to the server.'));
    const id = this.nextId++;
    return new Promise<OpResponse<O>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ImError(ErrorCode.Timeout, `The server did not answer "${op}" within ${Math.round(timeoutMs / 1000)} s.`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (d: unknown) => void, reject, timer });
      try {
        socket.send(JSON.stringify({ id, op, data }));
      } catch {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new ImError(ErrorCode.NetworkError, 'The connection closed before the request could be sent.'));
      }
    });
  }

  private open(): void {
    const generation = ++this.generation;
    this.setState('connecting');
    let opened = false;
    const connectTimer = setTimeout(() => {
      if (!opened && generation === this.generation) this.socket?.close(4000, 'connect timeout');
    }, this.options.connectTimeoutMs ?? 10_000);
    this.socket = this.options.transport({
      onOpen: () => {
        if (generation !== this.generation) return;
        opened = true;
        clearTimeout(connectTimer);
        this.options
          .onOpen(this)
          .then(() => {
            if (generation !== this.generation) return;
            this.attempt = 0;
            this.setState('open');
            this.startHeartbeat(generation);
            this.settleFirst(null);
          })
          .catch((error: unknown) => {
            if (generation !== this.generation) return;
            const err = error instanceof ImError ? error : new ImError(ErrorCode.Internal, String(error));
            if (this.options.isFatal(err)) {
              this.settleFirst(err);
              this.stopWith(err);
            } else {
              this.socket?.close(4001, err.message);
            }
          });
      },
      onMessage: (text) => {
        if (generation === this.generation) this.receive(text);
      },
      onClose: ({ reason }) => {
        clearTimeout(connectTimer);
        if (generation !== this.generation) return;
        this.socket = null;
        this.clearTimers();
        const err = new ImError(ErrorCode.NetworkError, reason ? `Connection lost: ${reason}` : 'Connection lost.');
        this.rejectAll(err);
        this.settleFirst(err);
        this.scheduleRetry();
      },
    });
  }

  private stopWith(error: ImError): void {
    this.generation++;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, error.message);
    this.rejectAll(error);
    this.setState('stopped', error);
  }

  private receive(text: string): void {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(text) as ServerFrame;
    } catch {
      return; // A server that sends garbage is ignored frame by frame rather than trusted.
    }
    if (frame && typeof frame === 'object' && 'push' in frame) {
      this.options.onPush(frame);
      return;
    }
    if (!frame || typeof frame !== 'object' || typeof (frame as { id?: unknown }).id !== 'number') return;
    const pending = this.pending.get(frame.id);
    if (!pending) return;
    this.pending.delete(frame.id);
    clearTimeout(pending.timer);
    if (frame.ok) pending.resolve(frame.data);
    else pending.reject(ImError.from(frame.error));
  }

  private scheduleRetry(): void {
    if (this._state === 'stopped') return;
    this.setState('waiting');
    const delay = backoffDelay(this.attempt++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }

  private startHeartbeat(generation: number): void {
    const every = this.options.heartbeatMs ?? 25_000;
    this.heartbeatTimer = setInterval(() => {
      if (generation !== this.generation) return;
      // A ping that goes unanswered means the channel is dead even if the socket has not noticed.
      this.request('ping', {}, Math.min(every, 10_000)).catch(() => {
        if (generation === this.generation) this.socket?.close(4002, 'heartbeat timeout');
      });
    }, every);
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.retryTimer = null;
    this.heartbeatTimer = null;
  }

  private rejectAll(error: ImError): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
  }

  private settleFirst(error: ImError | null): void {
    const first = this.firstAttempt;
    this.firstAttempt = null;
    first?.resolve(error);
  }

  private setState(state: LinkState, error?: ImError): void {
    if (this._state === state && !error) return;
    this._state = state;
    this.options.onStateChange(state, error);
  }
}
