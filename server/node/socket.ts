import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { HttpPaths } from '../../src/protocol/http.js';
import { Limits } from '../../src/protocol/limits.js';
import type { ServerCore } from '../core/server-core.js';

/**
 * The WebSocket endpoint: one core Connection per socket.
 *
 * Frame size has two limits. Frames up to HARD_MAX_PAYLOAD reach the core,
 * which answers anything over Limits.maxFrameBytes with FrameTooLarge, so a
 * client learns which request failed and keeps its connection (a client that
 * re-sent an oversized frame after every reconnect would otherwise loop).
 * Beyond HARD_MAX_PAYLOAD ws closes the socket with 1009 without buffering it.
 *
 * No Origin check: the socket authenticates with a token in its first frame,
 * not with cookies, so a foreign page gains nothing by connecting.
 */
export const HARD_MAX_PAYLOAD = 16 * Limits.maxFrameBytes;
/** A client this far behind on reading is dropped; it will reconnect and sync. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export interface SocketServer {
  wss: WebSocketServer;
  close(): Promise<void>;
}

export function attachSocketServer(server: Server, core: ServerCore, heartbeatMs: number): SocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_MAX_PAYLOAD });
  const alive = new WeakMap<WebSocket, boolean>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== HttpPaths.socket) {
      // Leave other paths to other listeners (e.g. Vite's HMR socket); refuse if there are none.
      if (server.listenerCount('upgrade') <= 1) socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    alive.set(ws, true);
    const conn = core.connect(
      (text) => {
        if (ws.readyState !== ws.OPEN) return;
        if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
          ws.terminate();
          return;
        }
        ws.send(text);
      },
      {
        label: `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`,
        // 4001: ended by the server on purpose (kicked, token expired); the push before it says why.
        onEnd: (_code, reason) => ws.close(4001, reason.slice(0, 120)),
      },
    );
    ws.on('message', (data) => {
      alive.set(ws, true);
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
      void conn.receive(text);
    });
    ws.on('pong', () => alive.set(ws, true));
    ws.on('close', () => conn.close());
    // ws reports protocol errors (e.g. a frame over maxPayload) here and then
    // closes the socket itself; without a listener they would crash the process.
    ws.on('error', () => conn.close());
  });

  // Heartbeat: a socket that has not answered the previous ping is dead
  // (sleeping laptop, vanished NAT entry); terminate it so its pushes stop.
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, heartbeatMs);
  timer.unref();

  return {
    wss,
    close() {
      clearInterval(timer);
      server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      return new Promise((resolve) => {
        // Sockets that do not finish the closing handshake promptly are cut.
        const cut = setTimeout(() => {
          for (const ws of wss.clients) ws.terminate();
        }, 1000);
        cut.unref();
        wss.close(() => {
          clearTimeout(cut);
          resolve();
        });
      });
    },
  };
}
