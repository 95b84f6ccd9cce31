// Browser tests in the system Chromium against a real IM server started here.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';
import { startTestServer, TEST_ADMIN_SECRET } from './scripts/test-server.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { readdirSync } from 'node:fs';

// Every stories/*.stories.ts module, found at startup so a new stories file is rendered by test/stories without edits.
// IMKIT_STORIES=<part of a file name> narrows the run while working on one file;
// IMKIT_STORY_THEME=dark|auto renders the stories with that toolbar theme (default light).
const storyFiles = readdirSync('stories')
  .filter((f) => f.endsWith('.stories.ts') && f.includes(process.env.IMKIT_STORIES ?? ''))
  .sort()
  .map((f) => `/stories/${f}`);

/**
 * What Storybook's Vite does for the stories' two non-standard imports, so test/stories can import them:
 * `sql.js` is a CommonJS/UMD bundle (wrapped here as an ES module) and `…wasm?url` is Vite's "give me the URL".
 */
const storySupportPlugin = {
  name: 'imkit-story-support',
  resolveImport({ source }) {
    if (source === 'sql.js') return '/node_modules/sql.js/dist/sql-wasm-browser.js';
    if (source.endsWith('.wasm?url')) return `/__imkit_url__/node_modules/${source.slice(0, -'?url'.length)}`;
    return undefined;
  },
  serve(context) {
    if (context.path.startsWith('/__imkit_url__/')) {
      return { body: `export default ${JSON.stringify(context.path.slice('/__imkit_url__'.length))};`, type: 'js' };
    }
    return undefined;
  },
  transform(context) {
    if (context.path === '/node_modules/sql.js/dist/sql-wasm-browser.js') {
      return { body: `let module = { exports: {} }; let exports = module.exports;\n${context.body}\nexport default module.exports;` };
    }
    return undefined;
  },
};

const executablePath = findChromium();
if (!executablePath) {
  throw new Error('No Chromium found. Install Debian\'s (sudo apt-get install -y chromium) or set CHROME_PATH.');
}

const server = await startTestServer();
process.on('exit', () => server.process.kill('SIGKILL'));

export default {
  files: ['test/client/**/*.test.ts', 'test/components/**/*.test.ts', 'test/security/**/*.test.ts', 'test/stories/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter(process.env.IMKIT_COUNT_FILE)],
  testsFinishTimeout: 600_000,
  plugins: [storySupportPlugin, esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromiumArgs } })],
  testFramework: { config: { timeout: 20_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html><head><meta charset="utf-8"></head><body>
<script>window.__IMKIT_TEST__ = ${JSON.stringify({ serverURL: server.url, adminSecret: TEST_ADMIN_SECRET, storyFiles, storyTheme: process.env.IMKIT_STORY_THEME ?? 'light' })};</script>
<script type="module" src="${testFramework}"></script>
</body></html>`,
};
