import type { TransportFactory } from './types.js';
import { HttpPaths } from '../protocol/http.js';

/** `http://host:port` → `ws://host:port/ws` (https → wss); ws(s) URLs are kept as they are. */
export function socketURLFor(serverURL: string): string {
  const url = new URL(serverURL);
  if (url.protocol === 'ws:' || url.protocol === 'wss:') return url.toString();
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = HttpPaths.socket;
  url.search = '';
  return url.toString();
}

export function createWebSocketTransport(serverURL: string): TransportFactory {
  const socketURL = socketURLFor(serverURL);
  return (handlers) => {
    const ws = new WebSocket(socketURL);
    let closed = false;
    const finish = (code: number, reason: string) => {
      if (closed) return;
      closed = true;
      handlers.onClose({ code, reason });
    };
    ws.onopen = () => handlers.onOpen();
    ws.onmessage = (e) => {
      if (typeof e.data === 'string') handlers.onMessage(e.data);
    };
    ws.onerror = () => finish(1006, 'socket error');
    ws.onclose = (e) => finish(e.code, e.reason);
    return {
      send: (text) => ws.send(text),
      close: (code = 1000, reason = '') => {
        try {
          ws.close(code, reason);
        } finally {
          finish(code, reason);
        }
      },
    };
  };
}
