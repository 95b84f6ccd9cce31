// Server-side rendering and Node tooling import the package: that must not throw,
// with or without a `customElements` registry in the global scope.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

interface Probe {
  customElements: string;
  exports: string[];
  defined: Record<string, boolean>;
}

/**
 * Imports `entry` in a fresh Node process and reports what it saw. With `hideRegistry`,
 * `customElements` stays undefined (assignments to it are ignored), as in a runtime
 * without a DOM shim.
 */
function probe(entry: string, options: { hideRegistry?: boolean; tsx?: boolean } = {}): Probe {
  const script = `
    ${options.hideRegistry ? "Object.defineProperty(globalThis, 'customElements', { get() { return undefined; }, set() {}, configurable: true });" : ''}
    const m = await import(${JSON.stringify(entry)});
    const tags = ['im-provider', 'im-conversation-list', 'im-chat'];
    const has = typeof customElements !== 'undefined' && customElements !== undefined;
    console.log(JSON.stringify({
      customElements: typeof globalThis.customElements,
      exports: Object.keys(m),
      defined: Object.fromEntries(tags.map((t) => [t, has ? Boolean(customElements.get(t)) : false])),
    }));`;
  const args = [...(options.tsx === false ? [] : ['--import', 'tsx']), '--input-type=module', '-e', script];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, `importing ${entry} in Node failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Probe;
}

describe('importing imkit in Node (SSR)', () => {
  it('the source entry imports, exports the client and the elements, and registers them in the SSR registry lit provides', () => {
    const p = probe(resolve(root, 'index.ts'));
    for (const name of ['ImClient', 'ImChat', 'ImConversationList', 'ImProvider']) assert.ok(p.exports.includes(name), `exports ${name}`);
    assert.equal(p.customElements, 'object');
    assert.deepEqual(p.defined, { 'im-provider': true, 'im-conversation-list': true, 'im-chat': true });
  });

  it('the source entry imports when there is no customElements registry at all', () => {
    const p = probe(resolve(root, 'index.ts'), { hideRegistry: true });
    assert.equal(p.customElements, 'undefined');
    assert.ok(p.exports.includes('ImChat') && p.exports.includes('ImClient'));
  });

  it('the client entry (imkit/client) touches no DOM globals', () => {
    const p = probe(resolve(root, 'src/index.ts'));
    assert.equal(p.customElements, 'undefined', 'the client core must not pull in lit or a DOM shim');
    assert.ok(p.exports.includes('ImClient'));
    assert.ok(!p.exports.includes('CallManager'), 'the call engine is imkit/calls, not part of the client entry');
    assert.ok(probe(resolve(root, 'src/calls/index.ts')).exports.includes('CallManager'), 'imkit/calls exports it');
  });

  const built = resolve(root, 'dist/lib/index.js');
  it('the built package (dist/lib) imports with and without a registry', { skip: existsSync(built) ? false : 'run npm run build first' }, () => {
    const p = probe(built, { tsx: false });
    assert.ok(p.exports.includes('ImChat') && p.exports.includes('ImClient'));
    assert.equal(p.defined['im-chat'], true);
    const bare = probe(built, { tsx: false, hideRegistry: true });
    assert.equal(bare.customElements, 'undefined');
    assert.ok(bare.exports.includes('ImChat'));
    const react = resolve(root, 'dist/lib/react.js');
    if (existsSync(react)) assert.ok(probe(react, { tsx: false }).exports.includes('ImChat'), 'imkit/react imports in Node');
  });
});
