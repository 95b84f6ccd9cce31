// Server load: many connected clients on loopback sending at a steady rate, and
// one message fanned out to a big group. The server runs in a child process.
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import type { Metric } from './metrics.js';
import { percentile } from './metrics.js';

interface Host {
  child: ChildProcess;
  wsUrl: string;
  call<T>(req: Record<string, unknown>): Promise<T>;
}

async function startHost(): Promise<Host> {
  const child = fork(resolve(import.meta.dirname, 'server-host.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 1;
  const waiting = new Map<number, (msg: { ok: boolean; data?: unknown; error?: string }) => void>();
  const ready = new Promise<string>((res, rej) => {
    child.once('exit', (code) => rej(new Error(`bench server exited ${code}`)));
    child.on('message', (msg: { ready?: boolean; wsUrl?: string; id?: number; ok?: boolean }) => {
      if (msg.ready) res(msg.wsUrl!);
      else if (msg.id) waiting.get(msg.id)?.(msg as { ok: boolean });
    });
  });
  const wsUrl = await ready;
  return {
    child,
    wsUrl,
    call<T>(req: Record<string, unknown>) {
      const id = nextId++;
      return new Promise<T>((res, rej) => {
        waiting.set(id, (msg) => (msg.ok ? res(msg.data as T) : rej(new Error(msg.error))));
        child.send({ ...req, id });
      });
    },
  };
}

/** A raw protocol client: enough to authenticate, send and see pushes. */
class RawClient {
  private ws!: WebSocket;
  private next = 1;
  private pending = new Map<number, (frame: { ok: boolean; data?: unknown; error?: unknown }) => void>();
  onPush: (frame: { push: string; data: any }) => void = () => undefined;

  async connect(url: string, token: string): Promise<void> {
    this.ws = new WebSocket(url);
    await new Promise<void>((res, rej) => {
      this.ws.once('open', () => res());
      this.ws.once('error', rej);
    });
    this.ws.on('message', (buf) => {
      const frame = JSON.parse(buf.toString());
      if ('push' in frame) this.onPush(frame);
      else this.pending.get(frame.id)?.(frame);
    });
    await this.request('auth', { token, platformID: 5 });
  }

  request(op: string, data: unknown): Promise<any> {
    const id = this.next++;
    return new Promise((res, rej) => {
      this.pending.set(id, (frame) => {
        this.pending.delete(id);
        if (frame.ok) res(frame.data);
        else rej(new Error(JSON.stringify(frame.error)));
      });
      this.ws.send(JSON.stringify({ id, op, data }));
    });
  }

  close(): void {
    this.ws.close();
  }
}

async function inBatches<T>(items: T[], size: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)));
}

function text(sessionType: number, recvID: string, groupID: string, content: string) {
  return { message: { clientMsgID: crypto.randomUUID().replace(/-/g, ''), sessionType, recvID, groupID, contentType: 101, content, createTime: Date.now() } };
}

export async function serverLoad(options: { clients: number; seconds: number; perClientPerSecond: number; fanout: number }): Promise<Metric[]> {
  const host = await startHost();
  const metrics: Metric[] = [];
  try {
    // Steady load: client i writes to client i^1 (pairs), at a fixed rate each.
    const ids = Array.from({ length: options.clients }, (_, i) => `load${i}`);
    const tokens = await host.call<string[]>({ kind: 'users', userIDs: ids });
    const clients = ids.map(() => new RawClient());
    await inBatches(clients, 50, (c, i) => c.connect(host.wsUrl, tokens[i]!));
    const latencies: number[] = [];
    let delivered = 0;
    for (const c of clients) {
      c.onPush = (frame) => {
        if (frame.push !== 'message.new') return;
        const sentAt = Number(frame.data.message.content);
        if (frame.data.message.sendID !== (c as unknown as { id?: string }).id) {
          latencies.push(performance.now() - sentAt);
          delivered++;
        }
      };
    }
    clients.forEach((c, i) => ((c as unknown as { id: string }).id = ids[i]!));
    const interval = 1000 / options.perClientPerSecond;
    const started = performance.now();
    const timers: NodeJS.Timeout[] = [];
    let sent = 0;
    clients.forEach((c, i) => {
      const peer = ids[i ^ 1] ?? ids[0]!;
      // Spread the clients over the interval so the load is steady, not bursty.
      const offset = (i / clients.length) * interval;
      timers.push(
        setTimeout(() => {
          const tick = () => {
            if (performance.now() - started > options.seconds * 1000) return;
            sent++;
            c.request('message.send', text(1, peer, '', String(performance.now()))).catch(() => undefined);
          };
          tick();
          timers.push(setInterval(tick, interval));
        }, offset),
      );
    });
    await new Promise((r) => setTimeout(r, options.seconds * 1000 + 2000));
    timers.forEach((t) => clearInterval(t));
    const elapsed = options.seconds;
    metrics.push({ name: 'server.clients', value: clients.length, unit: 'count' });
    metrics.push({ name: 'server.msgs_per_s', value: Math.round(delivered / elapsed), unit: 'msg/s' });
    metrics.push({ name: 'server.delivery_p50_ms', value: percentile(latencies, 50), unit: 'ms' });
    metrics.push({ name: 'server.delivery_p99_ms', value: percentile(latencies, 99), unit: 'ms' });
    metrics.push({ name: 'server.delivery_lost', value: sent - delivered, unit: 'msg' });
    clients.forEach((c) => c.close());

    // Fan-out: one message to a group of `fanout` members, until the last member has it.
    const memberIDs = Array.from({ length: options.fanout }, (_, i) => `fan${i}`);
    const memberTokens = await host.call<string[]>({ kind: 'users', userIDs: memberIDs });
    await host.call({ kind: 'group', groupID: 'fanout', ownerUserID: memberIDs[0], memberUserIDs: memberIDs.slice(1) });
    const members = memberIDs.map(() => new RawClient());
    await inBatches(members, 100, (c, i) => c.connect(host.wsUrl, memberTokens[i]!));
    let remaining = members.length - 1;
    const done = new Promise<number>((res) => {
      members.slice(1).forEach((m) => {
        m.onPush = (frame) => {
          if (frame.push === 'message.new' && --remaining === 0) res(performance.now());
        };
      });
    });
    const t0 = performance.now();
    await members[0]!.request('message.send', text(2, '', 'fanout', 'hello everyone'));
    const t1 = await Promise.race([done, new Promise<number>((r) => setTimeout(() => r(NaN), 60_000))]);
    metrics.push({ name: 'server.fanout2000_ms', value: Math.round(t1 - t0), unit: 'ms' });
    members.forEach((m) => m.close());
  } finally {
    await host.call({ kind: 'stop' }).catch(() => undefined);
    host.child.kill();
  }
  return metrics;
}
