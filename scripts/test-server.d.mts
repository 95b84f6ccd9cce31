import type { ChildProcess } from 'node:child_process';
export const TEST_ADMIN_SECRET: string;
export interface TestServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}
export function startTestServer(options?: { demo?: boolean; dataDir?: string; extraArgs?: string[]; env?: Record<string, string> }): Promise<TestServer>;
