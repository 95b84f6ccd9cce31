// The framework examples, built and driven in Chromium against the real server: plain HTML
// (script tag only), React 19, React with imkit/react wrappers, Vue 3, Angular. Each must show
// the seeded conversations, pass the list's im-conversation-select event into the framework's
// state (visible in the framework's DOM), hand that to <im-chat> and show the messages, and
// pass an object property (the chat's strings) through the framework.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { startTestServer } from '../../scripts/test-server.mjs';

const root = resolve(import.meta.dirname, '../..');
const ALICE_CAROL = 'si_alice_carol';
const SEEDED = ['si_alice_bob', ALICE_CAROL, 'sg_team'];
/** The last burst of the seeded alice–carol chat. */
const CAROL_LINE = 'Booked: Saturday 11:00, three people.';

const EXAMPLES = [
  { name: 'plain', path: '/examples/plain/index.html', framework: 'plain HTML' },
  { name: 'react', path: '/dist/examples/react/index.html', framework: 'React' },
  { name: 'react-wrappers', path: '/dist/examples/react-wrappers/index.html', framework: 'imkit/react' },
  { name: 'vue', path: '/dist/examples/vue/index.html', framework: 'Vue' },
  { name: 'angular', path: '/dist/examples/angular/index.html', framework: 'Angular' },
];

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let staticServer: Server;
let staticURL: string;

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.json': 'application/json' };

/** Serves the repository's examples/ and dist/ (what a static host of the built examples would serve). */
function serveStatic(): Promise<string> {
  staticServer = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(root, path);
    if (!/^\/(examples|dist)\//.test(path) || !file.startsWith(root + '/') || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => staticServer.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(staticServer.address() as AddressInfo).port}`)));
}

describe('framework examples in Chromium', { timeout: 150_000 }, () => {
  before(async () => {
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed (apt-get install chromium, or set CHROME_PATH)');
    const vite = join(root, 'node_modules/vite/bin/vite.js');
    // The library (dist/lib), the script-tag bundle (dist/imkit.js), then the examples.
    run([vite, 'build', '--logLevel', 'warn']);
    run([vite, 'build', '--mode', 'bundle', '--logLevel', 'warn']);
    run([vite, 'build', '--config', 'examples/vite.config.ts']);
    [server, staticURL] = await Promise.all([startTestServer({ demo: true }), serveStatic()]);
    browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
    mkdirSync(join(root, 'test-results'), { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((done) => staticServer?.close(done));
  });

  it('library build: an entry per element folder, reachable through the package exports, registrations kept by sideEffects', () => {
    const tags = readdirSync(join(root, 'components')).filter((d) => d.startsWith('im-') && existsSync(join(root, 'components', d, `${d}.ts`)));
    assert.ok(tags.length >= 3);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { sideEffects: string[] };
    const globToRegExp = (glob: string) =>
      new RegExp('^' + glob.replace(/^\.\//, '').split('**/').map((part) => part.split('*').map((t) => t.replace(/[.+^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('(?:.*/)?') + '$');
    const sideEffects = pkg.sideEffects.map(globToRegExp);
    // Any built file that registers an element must be declared to have side effects, or an
    // app's bundler drops the registration when it tree-shakes `import 'imkit'`.
    const walk = (dir: string): string[] =>
      readdirSync(join(root, dir)).flatMap((f) => (statSync(join(root, dir, f)).isDirectory() ? walk(`${dir}/${f}`) : f.endsWith('.js') ? [`${dir}/${f}`] : []));
    for (const file of walk('dist/lib')) {
      if (readFileSync(join(root, file), 'utf8').includes('customElements.define')) assert.ok(sideEffects.some((r) => r.test(file)), `${file} registers elements but is not in sideEffects`);
    }
    // Each element imports by its package subpath (Node resolves the package's own exports).
    const script = `for (const tag of ${JSON.stringify(tags)}) { const m = await import('imkit/' + tag + '.js'); if (!m.default) throw new Error(tag + ' has no default export'); }`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    for (const tag of tags) assert.ok(existsSync(join(root, 'dist/lib', `${tag}.js`)), `dist/lib/${tag}.js`);
  });

  it('script-tag bundle: the call UI and engine, the emoji picker and the chat\'s extras are chunks outside the up-front graph, loaded on first use', async () => {
    // The static import graph of dist/imkit.js, and the sources (from the source maps) in it.
    const dist = join(root, 'dist');
    const graph = new Set<string>();
    const imports = (code: string) => [...code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^"'`()]*?\sfrom\s*)?["'`](\.[^"'`]+)["'`]/g)].map((m) => m[1]!);
    const visit = (file: string) => {
      if (graph.has(file)) return;
      graph.add(file);
      for (const spec of imports(readFileSync(join(dist, file), 'utf8'))) visit(join(dirname(file), spec));
    };
    visit('imkit.js');
    const sourcesOf = (file: string) => {
      const map = join(dist, file + '.map');
      if (existsSync(map)) return (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources;
      // The bundler writes no map for a file that only re-exports (dist/imkit.js): it holds no module's code.
      const code = readFileSync(join(dist, file), 'utf8');
      assert.ok(!/\bfunction\b|=>|\bclass\b/.test(code), `${file} has code but no source map`);
      return [];
    };
    const eager = [...graph].flatMap(sourcesOf);
    const heavy =
      /components\/im-call\/im-call\.|src\/calls\/|components\/im-media-viewer\/|components\/im-emoji-picker\/|node_modules\/emoji-picker-element\/|components\/im-chat\/(overlay-dialogs|call-record-view|composer\/voice-recording|renderers\/(media-renderers|media|image|video|voice|file|face))\.|src\/client\/(users|friends|groups|signaling|message-actions|conversation-management|message-create-more|message-upload|message-media)\.|src\/sync\/(apply-social|apply-message-events)\./;
    assert.deepEqual(eager.filter((s) => heavy.test(s)), [], 'heavy modules in the up-front graph of dist/imkit.js');
    assert.ok(eager.some((s) => s.includes('components/im-chat/im-chat.component.ts')), 'im-chat is in the up-front graph');
    const lazy = [...graph].flatMap((file) => readFileSync(join(dist, file), 'utf8').match(/import\(["'`]\.\.?\/[^"'`]+["'`]\)/g) ?? []);
    assert.ok(lazy.some((s) => s.includes('im-call')), 'im-call is a dynamic import');

    // In the page: <im-call> is defined only once the tag appears.
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    try {
      await page.goto(`${staticURL}/examples/plain/index.html?server=${encodeURIComponent(server.url)}&user=alice`);
      await page.waitForFunction(() => customElements.get('im-chat') !== undefined);
      assert.equal(await page.evaluate(() => customElements.get('im-call') === undefined), true, 'im-call not loaded up front');
      assert.equal(requested.some((p) => /\/chunks\/(im-call|emoji-picker)/.test(p)), false);
      await page.evaluate(() => document.body.append(document.createElement('im-call')));
      await page.waitForFunction(() => customElements.get('im-call') !== undefined, null, { timeout: 10_000 });
      assert.ok(requested.some((p) => /\/chunks\/im-call-/.test(p)), 'the im-call chunk was fetched on first use');
    } finally {
      await page.close();
    }
  });

  for (const example of EXAMPLES) {
    it(`${example.name}: lists the conversations, routes im-conversation-select through ${example.framework} state into <im-chat>`, async () => {
      const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      try {
        await page.goto(`${staticURL}${example.path}?server=${encodeURIComponent(server.url)}&user=alice`);
        for (const id of SEEDED) await page.locator(`im-conversation-list [data-conversation-id="${id}"]`).waitFor({ timeout: 30_000 });
        const selected = page.getByTestId('selected');
        assert.equal((await selected.textContent())?.trim(), 'none');

        await page.locator(`im-conversation-list [data-conversation-id="${ALICE_CAROL}"]`).click();
        await page.waitForFunction(
          (id) => document.querySelector('[data-testid="selected"]')?.textContent?.trim() === id,
          ALICE_CAROL,
          { timeout: 10_000 },
        );
        assert.equal(await page.locator('im-chat').evaluate((el) => (el as HTMLElement & { conversationID: string }).conversationID), ALICE_CAROL);
        await page.locator('im-chat').getByText(CAROL_LINE, { exact: true }).waitFor({ timeout: 15_000 });
        assert.equal(await page.locator('im-chat textarea').getAttribute('placeholder'), `Message from ${example.framework}…`, 'the strings object reached <im-chat> as a property');
        await page.screenshot({ path: join(root, 'test-results', `example-${example.name}.png`) });
        assert.deepEqual(errors, [], 'no errors in the page');
      } finally {
        await context.close();
      }
    });
  }
});
