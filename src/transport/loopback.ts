import type { TransportFactory, TransportSocket } from './types.js';

/** What the loopback needs of a server: the same `connect` the Node socket wrapper calls. */
export interface LoopbackServer {
  connect(send: (text: string) => void): { receive(text: string): Promise<void> | void; close(): void };
}

export interface LoopbackTransport extends TransportFactory {
  /** Drop every open channel and refuse new ones (simulates losing the network). */
  setReachable(reachable: boolean): void;
  readonly reachable: boolean;
}

/**
 * An in-page transport to a server core running in the same page, for stories
 * and unit tests. Frames still travel as JSON text and asynchronously, so the
 * client exercises the same code paths it uses over a WebSocket.
 */
export function createLoopbackTransport(server: LoopbackServer, options: { latencyMs?: number } = {}): LoopbackTransport {
  const latency = options.latencyMs ?? 0;
  const open = new Set<() => void>();
  let reachable = true;
  const later = (fn: () => void) => setTimeout(fn, latency);

  const factory = ((handlers) => {
    let closed = false;
    const finish = (code: number, reason: string) => {
      if (closed) return;
      closed = true;
      open.delete(drop);
      conn?.close();
      later(() => handlers.onClose({ code, reason }));
    };
    const drop = () => finish(1006, 'network unreachable');
    let conn: ReturnType<LoopbackServer['connect']> | undefined;
    if (!reachable) {
      later(() => handlers.onClose({ code: 1006, reason: 'network unreachable' }));
      return { send() {}, close() {} } satisfies TransportSocket;
    }
    conn = server.connect((text) => {
      if (!closed) later(() => !closed && handlers.onMessage(text));
    });
    open.add(drop);
    later(() => !closed && handlers.onOpen());
    return {
      send(text: string) {
        if (closed) return;
        later(() => {
          if (!closed) void conn?.receive(text);
        });
      },
      close(code = 1000, reason = '') {
        finish(code, reason);
      },
    } satisfies TransportSocket;
  }) as LoopbackTransport;

  factory.setReachable = (value: boolean) => {
    reachable = value;
    if (!value) for (const drop of [...open]) drop();
  };
  Object.defineProperty(factory, 'reachable', { get: () => reachable });
  return factory;
}
