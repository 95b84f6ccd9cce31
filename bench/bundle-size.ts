// Min+gzip size of what a page downloads up front, with one bundler (Vite 8).
// Chunks reached only through dynamic import() count separately as lazy.
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

export interface BundleSize {
  eagerGzipKB: number;
  /** The same, exact (the kB are rounded to a tenth: a target on the line needs the bytes). */
  eagerGzipBytes: number;
  lazyGzipKB: number;
  /** The sources in the up-front graph (repository-relative or `node_modules/…`), for a look at what is in it. */
  eagerSources: string[];
}

type BuildResult = Rolldown.RolldownOutput | Rolldown.RolldownOutput[];

/**
 * Splits a build's output into what the entries load up front (the entry chunks and
 * everything they import statically, plus CSS) and the rest (dynamic imports only).
 */
function measure(result: BuildResult, base: string): BundleSize {
  const output = (Array.isArray(result) ? result[0]! : result).output;
  const chunks = new Map(output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk').map((c) => [c.fileName, c]));
  const eager = new Set<string>();
  const visit = (file: string) => {
    if (eager.has(file)) return;
    eager.add(file);
    for (const dep of chunks.get(file)?.imports ?? []) visit(dep);
  };
  for (const c of chunks.values()) if (c.isEntry) visit(c.fileName);
  let eagerBytes = 0;
  let lazyBytes = 0;
  const sources = new Set<string>();
  for (const [file, chunk] of chunks) {
    const gz = gzipSync(chunk.code, { level: 9 }).length;
    if (!eager.has(file)) {
      lazyBytes += gz;
      continue;
    }
    eagerBytes += gz;
    for (const id of Object.keys(chunk.modules)) sources.add(id.includes('/node_modules/') ? 'node_modules/' + id.split('/node_modules/').pop()! : id.startsWith(base) ? id.slice(base.length + 1) : id);
  }
  // CSS that the entry imports is downloaded too.
  for (const asset of output) if (asset.type === 'asset' && asset.fileName.endsWith('.css')) eagerBytes += gzipSync(asset.source as string | Uint8Array, { level: 9 }).length;
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return { eagerGzipKB: kb(eagerBytes), eagerGzipBytes: eagerBytes, lazyGzipKB: kb(lazyBytes), eagerSources: [...sources].sort() };
}

/**
 * What an app's bundler (Vite 8, production defaults) ships for `source`: the page pays for
 * the entry chunk and its static imports. `resolveFrom` is where bare imports resolve from.
 */
export async function bundleSize(workDir: string, name: string, source: string, options: { external?: string[]; resolveFrom?: string } = {}): Promise<BundleSize> {
  const dir = join(workDir, name);
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, source);
  const root = options.resolveFrom ?? dir;
  const result = (await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      rolldownOptions: {
        input: entry,
        external: options.external ?? [],
        preserveEntrySignatures: 'exports-only',
      },
    },
  })) as BuildResult;
  return measure(result, root);
}

/**
 * Builds the library as `npm run build` does (vite.config.ts, default mode) into its
 * `dist/lib`, so that a measurement sees the package as published, not the sources.
 */
export async function buildLibrary(root: string): Promise<void> {
  await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'silent' });
}

/**
 * The script-tag bundle exactly as `npm run build` makes `dist/imkit.js` (vite.config.ts,
 * mode `bundle`), measured in memory: up front is dist/imkit.js and the chunks it imports
 * statically; lazy is every chunk behind an import().
 */
export async function scriptTagSize(root: string): Promise<BundleSize> {
  const result = (await build({ root, configFile: resolve(root, 'vite.config.ts'), mode: 'bundle', logLevel: 'silent', build: { write: false, sourcemap: false } })) as BuildResult;
  return measure(result, root);
}
