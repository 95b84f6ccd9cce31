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
 * Elements whose code is heavy (the WebRTC call UI). The script-tag bundle registers them on
 * first use instead of up front: a chunk loads when such a tag first appears in the document
 * (or when `loadElement(tag)` is called). The media viewer and the emoji picker are not
 * elements of their own: <im-chat> imports them on first use.
 */
export const LAZY_ELEMENTS = ['im-call'];

/**
 * The text of a CSS template minus comments and indentation. Quoted strings are kept as
 * written; whitespace goes only where it cannot matter (around `{ } ; ,`, after `:` and `(`,
 * before `)`), so a descendant combinator (`a :hover`) or `calc(1px + 2px)` is untouched.
 * Line breaks stay (as the whitespace that separates), so the module's lines, and with them
 * its source map, do not move — unless `lines` is given: then they go (a space where one must
 * separate) and `lines.dropped` counts them, for the caller to put back outside the string.
 * `open`/`close`: the text starts/ends the template (else it touches a `${…}`, and whitespace
 * on that side stays).
 */
export function minifyCssText(text: string, open = true, close = true, lines?: { dropped: number }): string {
  let out = '';
  /** The whitespace (or comment) skipped since the last character written: '' none, else ' ' or its line breaks. */
  let gap = '';
  const dropAfter = '{};,:(';
  const dropBefore = '{};,)';
  const skip = (chunk: string) => {
    const lines = chunk.split('\n').length - 1;
    gap = lines ? gap.replace(/ /g, '') + '\n'.repeat(lines) : gap || ' ';
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const next = end < 0 ? text.length : end + 2;
      skip(text.slice(i, next));
      i = next;
      continue;
    }
    if (/\s/.test(c)) {
      skip(c);
      i++;
      continue;
    }
    if (gap) {
      const needed = out ? !dropAfter.includes(out.at(-1)!) && !dropBefore.includes(c) : !open && !dropBefore.includes(c);
      out += gap.includes('\n') && !lines ? gap : needed ? ' ' : '';
      if (lines) lines.dropped += gap.split('\n').length - 1;
      gap = '';
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  if (gap) {
    out += gap.includes('\n') && !lines ? gap : !close && out && !dropAfter.includes(out.at(-1)!) ? ' ' : '';
    if (lines) lines.dropped += gap.split('\n').length - 1;
  }
  return out;
}

/**
 * Minifies the CSS in Lit `css` templates of a module's source: the static text only, every
 * `${…}` expression exactly as written. A template whose expressions hold a template literal
 * is left alone (not worth parsing). App bundlers minify code but never the text in strings.
 * The CSS loses its line breaks too (each is a byte every page downloads); they are put back
 * right after the template's closing backtick, where the app's minifier drops them, so the
 * module keeps its lines and the code after a template its place in the source map.
 */
export function minifyCssTemplates(code: string): string {
  let out = '';
  let from = 0;
  for (const match of code.matchAll(/(?<![\w$.])css`/g)) {
    const start = match.index! + match[0].length;
    if (start <= from) continue;
    const parts: string[] = [];
    const lines = { dropped: 0 };
    let text = '';
    let i = start;
    let ok = true;
    for (;;) {
      const c = code[i];
      if (c === undefined) {
        ok = false;
        break;
      }
      if (c === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        parts.push(minifyCssText(text, parts.length === 0, true, lines));
        break;
      } else if (c === '$' && code[i + 1] === '{') {
        parts.push(minifyCssText(text, parts.length === 0, false, lines));
        text = '';
        let depth = 1;
        let j = i + 2;
        while (j < code.length && depth > 0) {
          const d = code[j]!;
          if (d === '`') break;
          if (d === '"' || d === "'") {
            j++;
            while (j < code.length && code[j] !== d) j += code[j] === '\\' ? 2 : 1;
          } else if (d === '{') depth++;
          else if (d === '}') depth--;
          j++;
        }
        if (depth > 0) {
          ok = false;
          break;
        }
        parts.push(code.slice(i, j));
        i = j;
      } else {
        text += c;
        i++;
      }
    }
    if (!ok) continue;
    out += code.slice(from, start) + parts.join('') + '`' + '\n'.repeat(lines.dropped);
    from = i + 1;
  }
  return out + code.slice(from);
}

/**
 * The layout whitespace of Lit `html` and `svg` templates: every run of whitespace that holds a
 * line break becomes one space, which renders the same (browsers collapse such runs, and no
 * template of the kit writes text into a `<pre>` or a `white-space: pre*` element). Expressions
 * are untouched; a template holding `<pre` or `<textarea>` content is left alone. The line
 * breaks go after the template's closing backtick, so the module keeps its lines. Found with
 * the TypeScript parser (`ts`), as templates nest inside each other's expressions.
 */
export function minifyHtmlTemplates(code: string, ts: typeof import('typescript')): string {
  const file = ts.createSourceFile('module.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: import('typescript').Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'svg')) {
      const t = node.template;
      const literals = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((span) => span.literal)];
      // [start, end) of each literal's raw text, without the backticks and `${` / `}`.
      const ranges = literals.map((l) => [l.getStart(file) + 1, l.end - (ts.isTemplateHead(l) || ts.isTemplateMiddle(l) ? 2 : 1)] as const);
      const text = ranges.map(([a, b]) => code.slice(a, b)).join('${}');
      if (!/<pre\b|<textarea\b[^>]*>[^<]/i.test(text)) {
        let dropped = 0;
        for (const [a, b] of ranges) {
          const raw = code.slice(a, b);
          const out = raw.replace(/(?<!\\)[ \t]*\n\s*/g, (ws) => ((dropped += ws.split('\n').length - 1), ' '));
          if (out !== raw) edits.push({ start: a, end: b, text: out });
        }
        if (dropped) edits.push({ start: t.end, end: t.end, text: '\n'.repeat(dropped) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = code;
  for (const e of edits.sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Applies minifyCssTemplates and minifyHtmlTemplates to the kit's own modules when building (the dev server serves them as written). */
function minifyCss(): Plugin {
  return {
    name: 'imkit-minify-css-templates',
    apply: 'build',
    async transform(code, id) {
      if (!id.startsWith(resolve(root, 'components')) || !id.endsWith('.ts')) return null;
      let minified = code.includes('css`') ? minifyCssTemplates(code) : code;
      if (/\b(html|svg)`/.test(code)) minified = minifyHtmlTemplates(minified, (await import('typescript')).default);
      return minified === code ? null : { code: minified, map: null };
    },
  };
}

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
        plugins: [bundleEntry(), minifyCss()],
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
        plugins: [minifyCss()],
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
