import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WebSocket } from 'ws';
import { loginClient, startTestServer } from './helpers.js';

test('the server drops sockets that stop answering pings and keeps the ones that answer', async () => {
  const server = await startTestServer({ dbFile: ':memory:', heartbeatMs: 100 });
  try {
    const healthy = await loginClient(server, 'alice');
    // A peer that never answers pings, like a laptop that went to sleep.
    const silent = new WebSocket(server.wsUrl, { autoPong: false });
    const closed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)));
    await new Promise((resolve) => silent.once('open', resolve));
    assert.equal(server.core.connectionCount(), 2);

    const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 2000))]);
    assert.equal(code, 1006, 'terminated without a closing handshake');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(healthy.ws.readyState, WebSocket.OPEN);
    assert.equal((await healthy.call('ping', {})).serverTime > 0, true);
    assert.equal(server.core.connectionCount(), 1, 'the dead connection no longer gets pushes');
  } finally {
    await server.dispose();
  }
});
