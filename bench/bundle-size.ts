// Min+gzip size of what a page downloads up front for a given entry, with one bundler (Vite 8).
// Chunks that the entry reaches only through dynamic import() count separately as lazy.
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';

export interface BundleSize {
  eagerGzipKB: number;
  lazyGzipKB: number;
}

export async function bundleSize(workDir: string, name: string, source: string, options: { external?: string[]; resolveFrom?: string } = {}): Promise<BundleSize> {
  const dir = join(workDir, name);
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, source);
  const result = (await build({
    configFile: false,
    root: options.resolveFrom ?? dir,
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
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
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
  for (const [file, chunk] of chunks) {
    const gz = gzipSync(chunk.code, { level: 9 }).length;
    if (eager.has(file)) eagerBytes += gz;
    else lazyBytes += gz;
  }
  // CSS that the entry imports is downloaded too.
  for (const asset of output) if (asset.type === 'asset' && asset.fileName.endsWith('.css')) eagerBytes += gzipSync(asset.source as string | Uint8Array, { level: 9 }).length;
  return { eagerGzipKB: Math.round((eagerBytes / 1024) * 10) / 10, lazyGzipKB: Math.round((lazyBytes / 1024) * 10) / 10 };
}
