// `npm test`: every suite in turn, then one line `N passed, N failed` summing them all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'imkit-counts-'));
const only = process.argv.slice(2);

function ensureChromium() {
  let path = findChromium();
  if (path) return path;
  const canApt = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (canApt) {
    console.log('Chromium not found: installing Debian\'s chromium package (apt-get)…');
    spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' });
    path = findChromium();
  }
  if (!path) {
    console.error(
      'The browser tests need Chromium and none was found.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
        '  Elsewhere: install Chromium or Chrome and set CHROME_PATH=/path/to/chrome',
    );
  }
  return path;
}

const node = process.execPath;
const suites = [
  { name: 'typecheck', cmd: node, args: [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'], kind: 'check' },
  // The server suite imports the built package (SSR check), so the library is built first; a failed build counts.
  { name: 'build', cmd: 'npm', args: ['run', 'build', '--silent'], kind: 'check' },
  { name: 'server', cmd: node, args: ['--import', 'tsx', '--test', '--test-concurrency=1', ...nodeReporters('server'), ...testFiles('test/server')], kind: 'node' },
  { name: 'browser', cmd: node, args: [join(root, 'node_modules/@web/test-runner/dist/bin.js')], kind: 'wtr', browser: true },
  { name: 'e2e', cmd: node, args: ['--import', 'tsx', '--test', '--test-concurrency=1', ...nodeReporters('e2e'), ...testFiles('test/e2e')], kind: 'node', browser: true },
];

/** Node 20's test runner takes no globs, so list the files here. */
function testFiles(dir) {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => `${dir}/${f}`);
}

function nodeReporters(name) {
  return ['--test-reporter=spec', '--test-reporter-destination=stdout', `--test-reporter=${join(root, 'scripts/count-reporter.mjs')}`, `--test-reporter-destination=${join(work, name + '.json')}`];
}

let chromium;
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  if (suite.browser && chromium === undefined) chromium = ensureChromium();
  if (suite.browser && !chromium) {
    totals.failed++;
    lines.push(`${suite.name}: not run (no Chromium)`);
    continue;
  }
  console.log(`\n━━ ${suite.name} ━━`);
  const countFile = join(work, suite.name + '.json');
  const result = spawnSync(suite.cmd, suite.args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHROME_PATH: chromium ?? process.env.CHROME_PATH ?? '', IMKIT_COUNT_FILE: countFile },
  });
  let counts;
  if (suite.kind === 'check') counts = { passed: result.status === 0 ? 1 : 0, failed: result.status === 0 ? 0 : 1, skipped: 0 };
  else if (existsSync(countFile)) counts = JSON.parse(readFileSync(countFile, 'utf8').trim().split('\n').pop());
  else counts = { passed: 0, failed: 1, skipped: 0 }; // the runner died before counting
  // A runner that failed without a failing test (a crash after the tests) still fails the run.
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  // A suite that ran nothing is broken, not green.
  if (counts.passed + counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  lines.push(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
}

console.log('\n' + lines.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed ? 1 : 0);
