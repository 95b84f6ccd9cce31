import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/** One entry per element (`components/<tag>/<tag>.ts`, which registers the tag), so apps load only what they use. */
function elementEntries(): Record<string, string> {
  const dir = resolve(root, 'components');
  const entries: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const file = resolve(dir, name, `${name}.ts`);
    if (name.startsWith('im-') && existsSync(file)) entries[name] = file;
  }
  return entries;
}

const pkg = (await import('./package.json', { with: { type: 'json' } })).default as { dependencies: Record<string, string> };
const external = Object.keys(pkg.dependencies).map((dep) => new RegExp(`^${dep.replace('/', '\\/')}(\\/.*)?$`));

export default defineConfig({
  // The demo (index.html) is served through this config by the server in demo mode.
  server: { hmr: false },
  build: {
    outDir: 'dist/lib',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: { index: resolve(root, 'index.ts'), client: resolve(root, 'src/index.ts'), ...elementEntries() },
      formats: ['es'],
    },
    rolldownOptions: {
      // A library leaves its dependencies to the app's bundler, so lit is never bundled twice.
      external,
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
