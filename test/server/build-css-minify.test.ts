// The library build minifies the CSS in Lit css templates (vite.config.ts): it must only drop
// comments and whitespace that cannot matter, and never touch `${…}` or quoted strings. The
// line breaks it drops go after the template, so the module keeps its lines. It collapses the
// layout whitespace of html and svg templates the same way.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { minifyCssTemplates, minifyCssText, minifyHtmlTemplates } from '../../vite.config.js';

const root = resolve(import.meta.dirname, '../..');

describe('CSS template minification (build)', () => {
  it('drops comments and layout whitespace, keeps what changes meaning', () => {
    assert.equal(minifyCssText(':host {  display: block; /* why */ }'), ':host{display:block;}');
    assert.equal(minifyCssText('a :hover, b > c { width: calc(1px + 2px) }'), 'a :hover,b > c{width:calc(1px + 2px)}', 'descendant combinator and calc spaces stay');
    assert.equal(minifyCssText(".x::before { content: ' : a  b ; ' }"), ".x::before{content:' : a  b ; '}", 'strings as written');
    assert.equal(minifyCssText('a {\n  color: red;\n}\n'), 'a{\ncolor:red;\n}\n', 'line breaks stay, so lines do not move');
    const lines = { dropped: 0 };
    assert.equal(minifyCssText('a\nb {\n  color: red;\n}\n', true, true, lines), 'a b{color:red;}', 'or go, a space where one separates');
    assert.equal(lines.dropped, 4, 'and are counted');
  });

  it('leaves ${…} expressions exactly as written, with the space around them, and moves line breaks after the template', () => {
    const src = "const s = css`\n  ${unsafeCSS(x ? 'a  b' : \"{ c }\")} .y { color: red }\n  .z { ${tokens} }\n`;\nconst h = html`<p>  x  </p>`;";
    const out = minifyCssTemplates(src);
    assert.equal(out, "const s = css`${unsafeCSS(x ? 'a  b' : \"{ c }\")} .y{color:red}.z{${tokens}}`\n\n\n;\nconst h = html`<p>  x  </p>`;");
  });

  it('changes nothing in the kit\'s styles but whitespace and comments, and keeps every line', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
    const bare = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, '');
    let files = 0;
    for (const file of walk(join(root, 'components'))) {
      const code = readFileSync(file, 'utf8');
      if (!code.includes('css`')) continue;
      files++;
      const out = minifyCssTemplates(code);
      assert.equal(out.split('\n').length, code.split('\n').length, `${file}: lines moved`);
      assert.equal(bare(out), bare(code), `${file}: more than whitespace and comments changed`);
      assert.ok(out.length < code.length, `${file}: nothing minified`);
    }
    assert.ok(files >= 10, `found the style modules (${files})`);
  });
});

describe('HTML template whitespace (build)', () => {
  it('turns each run of whitespace holding a line break into one space, moves the breaks after the template, and leaves expressions alone', () => {
    const src = 'const t = html`<div\n    part="a"\n    class=${x ? `a\n  b` : "c  d"}\n  >\n    ${y}  ${z}\n  </div>`;\nconst s = svg`<g>\n  <path d="M0 0"/>\n</g>`;';
    const out = minifyHtmlTemplates(src, ts);
    assert.equal(out, 'const t = html`<div part="a" class=${x ? `a\n  b` : "c  d"} > ${y}  ${z} </div>`\n\n\n\n\n;\nconst s = svg`<g> <path d="M0 0"/> </g>`\n\n;');
  });

  it('leaves a template with <pre> or <textarea> content alone, and other tags and plain template strings', () => {
    const pre = 'html`<pre>\n  a\n</pre>`;';
    assert.equal(minifyHtmlTemplates(pre, ts), pre);
    const area = 'html`<textarea>\n  a</textarea>`;';
    assert.equal(minifyHtmlTemplates(area, ts), area);
    const other = 'const q = `a\n  b`;\nconst c = css`a {\n}`;';
    assert.equal(minifyHtmlTemplates(other, ts), other);
  });

  it("changes only whitespace in the kit's modules, and keeps every line", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
    let changed = 0;
    for (const file of walk(join(root, 'components'))) {
      const code = readFileSync(file, 'utf8');
      const out = minifyHtmlTemplates(code, ts);
      if (out === code) continue;
      changed++;
      assert.equal(out.split('\n').length, code.split('\n').length, `${file}: lines moved`);
      assert.equal(out.replace(/\s+/g, ''), code.replace(/\s+/g, ''), `${file}: more than whitespace changed`);
      assert.ok(out.length < code.length, `${file}: nothing minified`);
    }
    assert.ok(changed >= 20, `found the element modules (${changed})`);
  });
});
