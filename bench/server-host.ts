// The IM server for the load benchmarks, in its own process so that the load
// generator's work does not count as the server's. Driven over IPC.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createImServer } from '../server/node/create-server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'imkit-bench-'));
const server = await createImServer({
  port: 0,
  dataDir,
  secret: 'bench-token-secret-0123456789',
  adminSecret: 'bench-admin-secret-0123456789',
  logger: { error: (m: string, ...d: unknown[]) => console.error(m, ...d), warn: () => undefined },
});

type Request =
  | { id: number; kind: 'users'; userIDs: string[] }
  | { id: number; kind: 'group'; groupID: string; ownerUserID: string; memberUserIDs: string[] }
  | { id: number; kind: 'stop' };

process.on('message', async (req: Request) => {
  try {
    if (req.kind === 'users') {
      const tokens: string[] = [];
      for (const userID of req.userIDs) {
        server.core.upsertUser({ userID, nickname: userID });
        tokens.push((await server.core.issueToken(userID)).token);
      }
      process.send!({ id: req.id, ok: true, data: tokens });
    } else if (req.kind === 'group') {
      server.core.createGroup({ groupID: req.groupID, groupName: req.groupID, ownerUserID: req.ownerUserID, memberUserIDs: req.memberUserIDs });
      process.send!({ id: req.id, ok: true });
    } else {
      await server.close();
      process.send!({ id: req.id, ok: true });
      process.exit(0);
    }
  } catch (error) {
    process.send!({ id: req.id, ok: false, error: String(error) });
  }
});

process.send!({ ready: true, wsUrl: server.wsUrl, url: server.url });
