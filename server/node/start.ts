import { createImServer, type ImServer, type ImServerOptions } from './create-server.js';

export interface StartOptions extends ImServerOptions {
  /** Where the "listening" line goes. Default console.log. */
  log?: (line: string) => void;
}

/**
 * Starts the server the way the CLI does: creates it (seeding in demo mode)
 * and prints one line saying where it listens and where the data lives.
 */
export async function startServer(options: StartOptions = {}): Promise<ImServer> {
  const { log = console.log, ...rest } = options;
  const server = await createImServer(rest);
  const data = server.dbPath === ':memory:' ? 'in-memory database' : `data in ${server.dbPath}`;
  log(`imkit server listening on ${server.url} (${rest.demo ? 'demo mode, ' : ''}${data})`);
  return server;
}
