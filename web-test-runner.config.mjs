// Browser tests in the system Chromium against a real IM server started here.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';
import { startTestServer, TEST_ADMIN_SECRET } from './scripts/test-server.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';

const executablePath = findChromium();
if (!executablePath) {
  throw new Error('No Chromium found. Install Debian\'s (sudo apt-get install -y chromium) or set CHROME_PATH.');
}

const server = await startTestServer();
process.on('exit', () => server.process.kill('SIGKILL'));

export default {
  files: ['test/client/**/*.test.ts', 'test/components/**/*.test.ts', 'test/security/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter(process.env.IMKIT_COUNT_FILE)],
  testsFinishTimeout: 600_000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromiumArgs } })],
  testFramework: { config: { timeout: 20_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html><head><meta charset="utf-8"></head><body>
<script>window.__IMKIT_TEST__ = ${JSON.stringify({ serverURL: server.url, adminSecret: TEST_ADMIN_SECRET })};</script>
<script type="module" src="${testFramework}"></script>
</body></html>`,
};
