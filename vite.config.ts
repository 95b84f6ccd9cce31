import { existsSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = import.meta.dirname;

/**
 * Every element folder `components/<tag>/` with `<tag>.ts` (the module that registers
 * the tag), discovered at build time so a new element gets its entry without editing this file.
 */
export function elementTags(): string[] {
  const dir = resolve(root, 'components');
  return readdirSync(dir)
    .filter((name) => name.startsWith('im-') && existsSync(resolve(dir, name, `${name}.ts`)))
    .sort();
}

/** One entry per element, so apps load only what they use. */
function elementEntries(): Record<string, string> {
  return Object.fromEntries(elementTags().map((tag) => [tag, resolve(root, 'components', tag, `${tag}.ts`)]));
}

/**
 * Elements whose code is heavy (WebRTC call UI, media viewer, emoji picker). The
 * script-tag bundle registers them on first use instead of up front: a chunk loads when
 * such a tag first appears in the document (or when `loadElement(tag)` is called).
 */
export const LAZY_ELEMENTS = ['im-call', 'im-media-viewer', 'im-emoji-picker'];

const pkg = (await import('./package.json', { with: { type: 'json' } })).default as {
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const externalNames = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})];
const external = externalNames.map((dep) => new RegExp(`^${dep.replace('/', '\\/')}(\\/.*)?$`));

const BUNDLE_ID = 'virtual:imkit-bundle';
/** The modules dist/imkit.js loads up front (known once the bundle plugin has seen the graph). */
const upFront = new Set<string>();

/**
 * The script-tag bundle's entry, generated from the element folders: the client's exports
 * (`imkit/client`, without the call engine), every light element registered at once, the
 * heavy ones registered on first use, and `loadCalls()` for the call engine.
 */
export function bundleEntry(): Plugin {
  let writes = true;
  return {
    name: 'imkit-bundle-entry',
    configResolved(config) {
      writes = config.build.write !== false;
    },
    buildEnd() {
      // Every module the entry reaches through static imports: what the page runs up front.
      upFront.clear();
      const visit = (id: string) => {
        if (upFront.has(id)) return;
        upFront.add(id);
        for (const dep of this.getModuleInfo(id)?.importedIds ?? []) visit(dep);
      };
      visit('\0' + BUNDLE_ID);
    },
    buildStart() {
      // Chunk names carry hashes: drop the previous build's so dist/chunks holds one set
      // (not when nothing is written, e.g. the bench measuring the bundle in memory).
      if (writes) rmSync(resolve(root, 'dist/chunks'), { recursive: true, force: true });
    },
    resolveId(id) {
      return id.endsWith(BUNDLE_ID) ? '\0' + BUNDLE_ID : null;
    },
    load(id) {
      if (id !== '\0' + BUNDLE_ID) return null;
      const tags = elementTags();
      const path = (tag: string) => JSON.stringify(resolve(root, 'components', tag, `${tag}.ts`));
      const eager = tags.filter((t) => !LAZY_ELEMENTS.includes(t));
      const lazy = tags.filter((t) => LAZY_ELEMENTS.includes(t));
      return [
        // Not the root index.ts: it imports every element statically, heavy ones included.
        `export * from ${JSON.stringify(resolve(root, 'src/index.ts'))};`,
        `export * from ${JSON.stringify(resolve(root, 'components/context.ts'))};`,
        ...eager.map((t) => `export * from ${path(t)};`),
        `/** Loads the WebRTC call engine (\`CallManager\`, …; the module \`imkit/calls\` exports); <im-call> loads it by itself. */`,
        `export function loadCalls() { return import(${JSON.stringify(resolve(root, 'src/calls/index.ts'))}); }`,
        `const lazy = {${lazy.map((t) => `${JSON.stringify(t)}: () => import(${path(t)})`).join(', ')}};`,
        `const loading = new Map();`,
        `/** Loads and registers a lazily loaded element (e.g. 'im-call'); resolves when it is defined. */`,
        `export function loadElement(tag) {`,
        `  if (typeof customElements === 'undefined') return Promise.resolve();`,
        `  if (customElements.get(tag) || !lazy[tag]) return Promise.resolve();`,
        `  if (!loading.has(tag)) loading.set(tag, lazy[tag]().then(() => customElements.whenDefined(tag)).then(() => undefined));`,
        `  return loading.get(tag);`,
        `}`,
        `if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined' && Object.keys(lazy).length) {`,
        `  const scan = () => {`,
        `    for (const tag of Object.keys(lazy)) if (!loading.has(tag) && document.querySelector(tag)) void loadElement(tag);`,
        `    if (loading.size === Object.keys(lazy).length) observer.disconnect();`,
        `  };`,
        `  const observer = new MutationObserver(scan);`,
        `  observer.observe(document, { childList: true, subtree: true });`,
        `  scan();`,
        `}`,
      ].join('\n');
    },
  };
}

export default defineConfig(({ mode }): UserConfig =>
  mode === 'bundle'
    ? {
        // `dist/imkit.js`: one ES module for <script type="module">, dependencies included;
        // everything reached through import() lands in dist/chunks/ and loads on first use.
        plugins: [bundleEntry()],
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          sourcemap: true,
          target: 'es2022',
          minify: true,
          lib: { entry: { imkit: BUNDLE_ID }, formats: ['es'] },
          rolldownOptions: {
            output: {
              entryFileNames: 'imkit.js',
              chunkFileNames: 'chunks/[name]-[hash].js',
              // Everything that loads up front in one chunk (dist/imkit.js re-exports the public names
              // from it). Left to itself, every module that a lazy chunk shares with the up-front
              // graph becomes a small chunk of its own: a dozen requests and worse compression.
              codeSplitting: { groups: [{ name: 'imkit', test: (id: string) => upFront.has(id) }] },
            },
          },
        },
      }
    : {
        // The demo (index.html) is served through this config by the server in demo mode.
        server: { hmr: false },
        build: {
          outDir: 'dist/lib',
          emptyOutDir: true,
          sourcemap: true,
          target: 'es2022',
          lib: {
            entry: {
              index: resolve(root, 'index.ts'),
              client: resolve(root, 'src/index.ts'),
              // The WebRTC call engine: not in `client`, so a chat-only page never downloads it.
              calls: resolve(root, 'src/calls/index.ts'),
              react: resolve(root, 'react/index.ts'),
              ...elementEntries(),
            },
            formats: ['es'],
          },
          rolldownOptions: {
            // A library leaves its dependencies to the app's bundler, so lit is never bundled twice.
            external,
            output: { chunkFileNames: 'chunks/[name]-[hash].js' },
          },
        },
      },
);
