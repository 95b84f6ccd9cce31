import { parseArgs } from 'node:util';
import type { StaticHandler } from './node/create-server.js';
import { startServer } from './node/start.js';

/**
 * CLI: node --import tsx server/main.ts [--demo] [--port N] [--host H] [--data-dir D] [--db FILE|:memory:]
 * Environment: PORT, HOST, IMKIT_DATA_DIR, IMKIT_DB, IMKIT_DEMO=1, IMKIT_SECRET, IMKIT_ADMIN_SECRET.
 */
// startServer lives in ./node/start.ts (import it from there: importing this file runs the CLI).

const USAGE = `Usage: node --import tsx server/main.ts [options]
  --demo             demo mode: seed demo users and enable dev login
  --port N           port to listen on (env PORT, default 5173; 0 = any free port)
  --host H           interface to bind (env HOST, default 127.0.0.1)
  --data-dir D       directory for the database and demo secrets (env IMKIT_DATA_DIR, default data)
  --db FILE          database file or :memory: (env IMKIT_DB, default <data-dir>/imkit.sqlite)
Outside demo mode IMKIT_SECRET and IMKIT_ADMIN_SECRET must be set.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      db: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = process.env;
  const portText = values.port ?? env.PORT ?? '5173';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port "${portText}"`);
  const demo = values.demo ?? ['1', 'true', 'yes'].includes((env.IMKIT_DEMO ?? '').toLowerCase());

  // In demo mode the same port serves the demo page (index.html and the kit's sources through Vite).
  const pages = demo ? await (await import('./node/demo-pages.js')).createDemoPages() : undefined;
  const staticHandler: StaticHandler | undefined = pages?.handler;

  const server = await startServer({
    demo,
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir: values['data-dir'] ?? env.IMKIT_DATA_DIR ?? 'data',
    ...((values.db ?? env.IMKIT_DB) ? { dbFile: values.db ?? env.IMKIT_DB } : {}),
    ...(staticHandler ? { staticHandler } : {}),
    log: (line) => console.log(line.replace(process.cwd() + '/', '')),
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second Ctrl-C means "now".
      process.exit(1);
    }
    stopping = true;
    console.log(`imkit server: ${signal}, shutting down`);
    Promise.all([server.close(), pages?.close()]).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('imkit server: shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  console.error('(run with --help for usage)');
  process.exit(1);
});
