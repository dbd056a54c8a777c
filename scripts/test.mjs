// `npm test`: the type check, the build, the Node suites (yinyom/server, the collector, the tools) and the
// browser suite in Debian's Chromium, Firefox ESR and WebKit (WebKitGTK's MiniBrowser over
// WebKitWebDriver, under a virtual display). Stops at the first failing step and ends with one
// summary line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { missingForWebkit } from '../test/support/webkit-launcher.mjs';
import { addBrowserCounts, addNodeCounts, emptyCounts, summaryLine, testFiles } from './test-counts.mjs';

const browsers = { chromium: process.env.CHROMIUM_BIN || '/usr/bin/chromium', 'firefox-esr': process.env.FIREFOX_BIN || '/usr/bin/firefox-esr' };
const missing = [...new Set([...Object.entries(browsers).filter(([, path]) => !existsSync(path)).map(([name]) => name), ...missingForWebkit()])];
if (missing.length) {
  console.error(`Browser tests need the Debian packages ${missing.join(', ')}.`);
  console.error(`Install with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const counts = emptyCounts();
function step(title, command, args, parse, cwd) {
  console.log(`\n== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  const failedBefore = counts.failed;
  parse?.(result.stdout ?? '');
  console.log(`== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    // A step that fails without a failed test (the type check, the build) counts as one.
    console.log(`\n${summaryLine({ ...counts, failed: Math.max(counts.failed, failedBefore + 1) })}`);
    process.exit(result.status ?? 1);
  }
}
const nodeCounts = (out) => addNodeCounts(counts, out);
const browserCounts = (out) => addBrowserCounts(counts, out);

step('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('build', 'npm', ['run', 'build', '--silent']);
step('yinyom/server, cookie domains, demo, test and bench scripts (Node)', 'node', ['--test', '--test-reporter=tap', ...testFiles(root, ['test/server', 'test/e2e', 'demo']), 'scripts/test-counts.test.mjs', 'scripts/bench/ratio-interval.test.mjs'], nodeCounts, root);
step('collector (Node, SQLite and PostgreSQL)', 'node', ['--test', '--test-reporter=tap', ...testFiles(`${root}collector`, ['test'])], nodeCounts, 'collector');
step('yinyom tools: notice import, scan, check (Node, Chromium)', 'node', ['--test', '--test-reporter=tap', ...testFiles(`${root}tools`, ['test'])], nodeCounts, 'tools');
step('browsers (Chromium, Firefox ESR, WebKit)', 'npx', ['web-test-runner'], browserCounts);
console.log(`\n${summaryLine(counts)}`);
