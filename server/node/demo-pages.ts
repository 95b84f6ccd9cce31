// Serves the demo (index.html and the kit's TypeScript sources) through Vite in
// middleware mode, so `npm start` needs no build step. Demo mode only.
import { resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface DemoPages {
  handler: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
  close(): Promise<void>;
}

export async function createDemoPages(root = resolve(import.meta.dirname, '../..')): Promise<DemoPages> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    appType: 'spa',
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: false, ws: false },
    // Pre-bundle the kit's dependencies at start so the first page load does not trigger a reload.
    optimizeDeps: { entries: ['index.html'], include: ['lit', '@lit/context', 'idb', 'mitt'] },
    plugins: [
      {
        // Without HMR the injected Vite client only fails to open its socket and logs an error on every page.
        name: 'imkit-demo-without-vite-client',
        apply: 'serve',
        transformIndexHtml: { order: 'post', handler: (html: string) => html.replace(/<script type="module" src="\/@vite\/client"><\/script>\s*/, '') },
      },
    ],
  });
  return { handler: vite.middlewares, close: () => vite.close() };
}
