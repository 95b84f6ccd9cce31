// The README's token table is the one generated from components/styles/tokens.ts: a token added, renamed or
// given a new default without regenerating the table fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { TOKENS } from '../../components/styles/tokens.js';
import { tokensTable } from '../../scripts/tokens-table.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

test('the README Theming table is exactly the table generated from tokens.ts', () => {
  const m = /<!-- tokens-table:start -->\n([\s\S]*?)\n<!-- tokens-table:end -->/.exec(readme);
  assert.ok(m, 'README.md has no <!-- tokens-table:start/end --> block');
  assert.equal(m[1], tokensTable(), 'README token table is stale: run `node --import tsx scripts/tokens-table.ts` and paste it into README.md');
});

test('every token has a README row with its light and dark default', () => {
  for (const [name, [light, dark]] of Object.entries(TOKENS)) {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`--im-${name}\` |`));
    assert.ok(row, `--im-${name} is not in the README table`);
    assert.ok(row.includes(light.replace(/\|/g, '\\|')), `--im-${name}: light default ${light} missing`);
    if (dark) assert.ok(row.includes(dark), `--im-${name}: dark default ${dark} missing`);
  }
});
