// docs/demo.png: the demo page (what `npm start` serves) signed in as alice with the group
// chat open, taken with playwright-core and the system Chromium.
//   node --import tsx scripts/demo-screenshot.ts
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found (apt-get install chromium, or set CHROME_PATH)');

// The same server and page as `npm start`, on a free port with fresh demo data.
const dataDir = mkdtempSync(join(tmpdir(), 'imkit-shot-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo', '--port', '0', '--data-dir', dataDir], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const url = await new Promise<string>((done, fail) => {
    let log = '';
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (chunk) => {
      log += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match) done(match[1]!.replace(/\/$/, ''));
    });
  });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1200, height: 720 }, colorScheme: 'light' });
  await page.goto(`${url}/?user=alice`);
  await page.locator('im-conversation-list [data-conversation-id="sg_team"]').click({ timeout: 60_000 });
  await page.locator('im-chat textarea').waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(root, 'docs/demo.png') });
  await browser.close();
  console.log('wrote docs/demo.png');
} finally {
  child.kill('SIGTERM');
}
