// One multi-page Vite build for the framework examples: `npm run build:examples` (after
// `npm run build`) writes dist/examples/<name>/index.html. They import 'imkit' like an app
// would; here 'imkit' resolves to this repository's built package (dist/lib).
// The plain HTML example (plain/index.html) needs no build: it loads dist/imkit.js.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
const root = resolve(here, '..');
export const FRAMEWORK_EXAMPLES = ['react', 'react-wrappers', 'vue', 'angular'];

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^imkit$/, replacement: resolve(root, 'dist/lib/index.js') },
      { find: /^imkit\/client$/, replacement: resolve(root, 'dist/lib/client.js') },
      { find: /^imkit\/react$/, replacement: resolve(root, 'dist/lib/react.js') },
    ],
  },
  build: {
    outDir: resolve(root, 'dist/examples'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The Angular example carries the JIT compiler (~1 MB); fine for an example.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: Object.fromEntries(FRAMEWORK_EXAMPLES.map((name) => [name, resolve(here, name, 'index.html')])),
    },
  },
});
