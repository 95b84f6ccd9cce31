// The library build minifies the CSS in Lit css templates (vite.config.ts): it must only drop
// comments and whitespace that cannot matter, and never touch `${…}` or quoted strings. The
// line breaks it drops go after the template, so the module keeps its lines.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { minifyCssTemplates, minifyCssText } from '../../vite.config.js';

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
