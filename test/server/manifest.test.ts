// custom-elements.json is generated from each element's JSDoc header. This test runs the
// analyzer and checks the manifest against the source: every event an element dispatches,
// every part its templates carry, every documented slot and CSS property is listed, and
// described. Remove an `@event`/`@csspart` line from a JSDoc header and it fails.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const outdir = `.test-data/cem-${process.pid}`;

interface Named {
  name: string;
  description?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  events?: Named[];
  cssParts?: Named[];
  slots?: Named[];
  cssProperties?: Named[];
  attributes?: (Named & { fieldName?: string })[];
  members?: (Named & { kind: string; privacy?: string; static?: boolean })[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

let manifest: Manifest;
const tags = readdirSync(join(root, 'components'))
  .filter((d) => d.startsWith('im-') && existsSync(join(root, 'components', d, `${d}.component.ts`)))
  .sort();

/** Every .ts file under an element's folder, except styles. */
function sources(tag: string): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.ts') && !f.endsWith('.styles.ts')) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(root, 'components', tag));
  return out.join('\n');
}

/** The class's JSDoc header: the comment right before `export class`. */
function header(tag: string): string {
  const src = readFileSync(join(root, 'components', tag, `${tag}.component.ts`), 'utf8');
  const at = src.search(/export class \w+ extends/);
  const start = src.lastIndexOf('/**', at);
  return start >= 0 ? src.slice(start, at) : '';
}

function tagged(doc: string, tag: string): string[] {
  // `@slot - …` (no name) is the default slot.
  return [...doc.matchAll(new RegExp(`@${tag}\\s+([\\w-]+)`, 'g'))].map((m) => m[1]!).filter((name) => name !== '-');
}

function declarationFor(tag: string): Declaration {
  for (const mod of manifest.modules) for (const d of mod.declarations ?? []) if (d.customElement && d.tagName === tag) return d;
  assert.fail(`custom-elements.json has no element <${tag}>`);
}

describe('custom-elements.json', () => {
  before(() => {
    const bin = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
    const result = spawnSync(process.execPath, [bin, 'analyze', '--outdir', outdir], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    assert.equal(result.status, 0, result.stderr);
    manifest = JSON.parse(readFileSync(join(root, outdir, 'custom-elements.json'), 'utf8')) as Manifest;
    rmSync(join(root, outdir), { recursive: true, force: true });
  });

  it('package.json points at it and the build generates it', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { customElements?: string; scripts: Record<string, string>; files: string[] };
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.match(pkg.scripts['build'] ?? '', /npm run manifest/);
    assert.ok(pkg.files.includes('custom-elements.json'));
  });

  for (const tag of tags) {
    it(`<${tag}>: summary, events, parts, slots, CSS properties and attributes from its JSDoc`, () => {
      const d = declarationFor(tag);
      assert.ok(d.summary || d.description, `<${tag}> has a @summary or description in its JSDoc header`);
      const doc = header(tag);
      const src = sources(tag);

      // Events: every `im-…` event name the element's code dispatches is documented.
      const dispatched = new Set(
        [...src.matchAll(/(?:new CustomEvent(?:<[^>]*>)?\(|\bemit(?:<[^>]*>)?\()\s*'(im-[a-z0-9-]+)'/g)].map((m) => m[1]!),
      );
      const events = new Map((d.events ?? []).map((e) => [e.name, e]));
      for (const name of new Set([...dispatched, ...tagged(doc, 'event')])) {
        assert.ok(events.has(name), `<${tag}> dispatches ${name}: add "@event ${name} - …" to its JSDoc header`);
        assert.ok(events.get(name)!.description, `<${tag}> event ${name} is described`);
      }

      // Parts: every static part name in the element's templates is documented.
      const parts = new Set((d.cssParts ?? []).map((p) => p.name));
      const used = new Set<string>();
      for (const m of src.matchAll(/\bpart="([^"]*)"/g)) {
        for (const token of m[1]!.replace(/\$\{[^}]*\}/g, ' ').split(/\s+/)) if (/^[a-z][a-z0-9-]*$/.test(token)) used.add(token);
      }
      for (const name of used) assert.ok(parts.has(name), `<${tag}> renders part="${name}": add "@csspart ${name} - …" to its JSDoc header`);
      for (const name of tagged(doc, 'csspart')) assert.ok(parts.has(name), `<${tag}> part ${name} is in the manifest`);

      const slots = new Set((d.slots ?? []).map((s) => s.name));
      for (const name of tagged(doc, 'slot')) assert.ok(slots.has(name), `<${tag}> slot ${name} is in the manifest`);
      for (const m of src.matchAll(/<slot name="([a-z0-9-]+)"/g)) assert.ok(slots.has(m[1]!), `<${tag}> renders <slot name="${m[1]}">: add "@slot ${m[1]} - …"`);

      const cssProps = new Set((d.cssProperties ?? []).map((p) => p.name));
      for (const m of doc.matchAll(/@cssprop(?:erty)?\s+(?:\[)?(--[\w-]+)/g)) assert.ok(cssProps.has(m[1]!), `<${tag}> CSS property ${m[1]} is in the manifest`);

      // Attributes: each reflected `attribute: '…'` option in the class appears.
      const attrs = new Set((d.attributes ?? []).map((a) => a.name));
      const cls = readFileSync(join(root, 'components', tag, `${tag}.component.ts`), 'utf8');
      for (const m of cls.matchAll(/@property\(\{[^}]*attribute:\s*'([a-z0-9-]+)'/g)) assert.ok(attrs.has(m[1]!), `<${tag}> attribute ${m[1]} is in the manifest`);
    });
  }
});
