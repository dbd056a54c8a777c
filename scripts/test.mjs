// `npm test`: the type check, the build, the Node suites (yinyom/server, the collector) and the
// browser suite in Debian's Chromium and Firefox ESR. Stops at the first failing step and
// ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browsers = { chromium: process.env.CHROMIUM_BIN || '/usr/bin/chromium', 'firefox-esr': process.env.FIREFOX_BIN || '/usr/bin/firefox-esr' };
const missing = Object.entries(browsers).filter(([, path]) => !existsSync(path));
if (missing.length) {
  console.error(`Browser tests need ${missing.map(([name, path]) => `${name} (${path})`).join(' and ')}.`);
  console.error(`Install with: sudo apt-get update && sudo apt-get install -y ${missing.map(([name]) => name).join(' ')}`);
  process.exit(1);
}

const counts = { passed: 0, failed: 0 };
function step(title, command, args, parse, cwd) {
  console.log(`\n== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  parse?.(result.stdout ?? '');
  console.log(`== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    console.log(`\ntests: ${counts.passed} passed, ${counts.failed + 1} failed`);
    process.exit(result.status ?? 1);
  }
}
const nodeCounts = (out) => {
  counts.passed += Number(/^# pass (\d+)/m.exec(out)?.[1] ?? 0);
  counts.failed += Number(/^# fail (\d+)/m.exec(out)?.[1] ?? 0);
};
const browserCounts = (out) => {
  // The last progress line of each browser: "Chrome: |███| 5/5 test files | 43 passed, 0 failed"
  const last = {};
  // eslint-disable-next-line no-control-regex
  const plain = out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  for (const [, name, passed, failed] of plain.matchAll(/(\w+):\s*\|[^|]*\|[^|]*\| (\d+) passed, (\d+) failed/g)) last[name] = [+passed, +failed];
  for (const [passed, failed] of Object.values(last)) {
    counts.passed += passed;
    counts.failed += failed;
  }
};

step('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('build', 'npm', ['run', 'build', '--silent']);
step('yinyom/server, cookie domains, demo (Node)', 'node', ['--test', '--test-reporter=tap', 'test/server/', 'test/e2e/', 'demo/'], nodeCounts);
step('collector (Node, SQLite and PostgreSQL)', 'node', ['--test', '--test-reporter=tap', 'test/'], nodeCounts, 'collector');
step('browsers (Chromium, Firefox ESR)', 'npx', ['web-test-runner'], browserCounts);
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed`);
