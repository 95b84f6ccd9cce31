// A real WebSocket transport that a test can cut and restore, to act out losing the network.
import { createWebSocketTransport } from '../../src/transport/websocket.js';
import type { TransportFactory, TransportSocket } from '../../src/transport/types.js';

export interface FlakyTransport extends TransportFactory {
  setReachable(reachable: boolean): void;
  opened: number;
}

export function flakyTransport(serverURL: string, reachable = true): FlakyTransport {
  const real = createWebSocketTransport(serverURL);
  const live = new Set<TransportSocket>();
  const factory = ((handlers) => {
    if (!factory.reachable) {
      setTimeout(() => handlers.onClose({ code: 1006, reason: 'network unreachable (test)' }), 0);
      return { send() {}, close() {} };
    }
    factory.opened++;
    const socket = real({
      ...handlers,
      onClose: (info) => {
        live.delete(socket);
        handlers.onClose(info);
      },
    });
    live.add(socket);
    return socket;
  }) as FlakyTransport & { reachable: boolean };
  factory.reachable = reachable;
  factory.opened = 0;
  factory.setReachable = (value) => {
    factory.reachable = value;
    if (!value) for (const s of [...live]) s.close(4999, 'network cut (test)');
  };
  return factory;
}
