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

/** The entries of a class's `static properties = { name: { …options }, … }` (one per line, as the elements write them). */
function staticProperties(cls: string): { name: string; options: string }[] {
  const block = /static (?:override )?properties = \{\n([\s\S]*?)\n {2}\};/.exec(cls)?.[1] ?? '';
  return [...block.matchAll(/^\s+(\w+): (\{[^\n]*\}),$/gm)].map((m) => ({ name: m[1]!, options: m[2]! }));
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
      const doc = header(tag);
      const src = sources(tag);
      // Every gap is collected, so one run lists all the JSDoc lines to add.
      const missing: string[] = [];
      if (!d.summary && !d.description) missing.push('a @summary or description');

      // Events: every `im-…` event name the element's code dispatches is documented and described.
      const dispatched = new Set(
        [...src.matchAll(/(?:new CustomEvent(?:<[^>]*>)?\(|\bemit(?:<[^>]*>)?\()\s*'(im-[a-z0-9-]+)'/g)].map((m) => m[1]!),
      );
      const events = new Map((d.events ?? []).map((e) => [e.name, e]));
      for (const name of new Set([...dispatched, ...tagged(doc, 'event')])) {
        if (!events.has(name)) missing.push(`@event ${name}`);
        else if (!events.get(name)!.description) missing.push(`a description for @event ${name}`);
      }

      // Parts: every static part name in the element's templates is documented.
      const parts = new Set((d.cssParts ?? []).map((p) => p.name));
      const used = new Set<string>([...tagged(doc, 'csspart')]);
      for (const m of src.matchAll(/\bpart="([^"]*)"/g)) {
        for (const token of m[1]!.replace(/\$\{[^}]*\}/g, ' ').split(/\s+/)) if (/^[a-z][a-z0-9-]*$/.test(token)) used.add(token);
      }
      for (const name of used) if (!parts.has(name)) missing.push(`@csspart ${name}`);

      const slots = new Set((d.slots ?? []).map((s) => s.name));
      const slotNames = new Set([...tagged(doc, 'slot'), ...[...src.matchAll(/<slot name="([a-z0-9-]+)"/g)].map((m) => m[1]!)]);
      for (const name of slotNames) if (!slots.has(name)) missing.push(`@slot ${name}`);

      const cssProps = new Set((d.cssProperties ?? []).map((p) => p.name));
      for (const m of doc.matchAll(/@cssprop(?:erty)?\s+(?:\[)?(--[\w-]+)/g)) if (!cssProps.has(m[1]!)) missing.push(`@cssprop ${m[1]} (not in the manifest)`);

      // Attributes, from the class's `static properties`: every public property that has one
      // (`attribute: '…'`, else its name in lower case) appears; internal state (`state: true`)
      // and `attribute: false` properties do not.
      const attrs = new Set((d.attributes ?? []).map((a) => a.name));
      const cls = readFileSync(join(root, 'components', tag, `${tag}.component.ts`), 'utf8');
      const declared = staticProperties(cls);
      if (!declared.length) missing.push('a `static properties` declaration (none found)');
      for (const { name, options } of declared) {
        const state = /\bstate:\s*true\b/.test(options) || name.startsWith('_');
        const none = state || /\battribute:\s*false\b/.test(options);
        const attribute = /\battribute:\s*'([a-z0-9-]+)'/.exec(options)?.[1] ?? name.toLowerCase();
        if (!none && !attrs.has(attribute)) missing.push(`attribute ${attribute} (not in the manifest)`);
        if (none && (attrs.has(attribute) || attrs.has(name))) missing.push(`no attribute ${attribute} (${name} is ${state ? 'internal state' : 'attribute: false'})`);
        const member = d.members?.find((m) => m.name === name);
        if (!member) missing.push(`member ${name} (not in the manifest)`);
        else if (state && member.privacy !== 'private') missing.push(`member ${name} private (internal state)`);
      }

      assert.deepEqual(missing, [], `<${tag}>'s JSDoc header (components/${tag}/${tag}.component.ts) lacks: ${missing.join(', ')}`);
    });
  }
});
