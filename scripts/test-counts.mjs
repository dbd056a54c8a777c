// What `npm test` (scripts/test.mjs) needs besides running the steps: the test files to hand
// to `node --test`, and the passed, failed and skipped counts read from each step's output.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The test files (`*.test.js`, `.mjs`, `.cjs`) under each folder, sorted. `node --test` gets
 * these explicit paths: Node 21 and later load a folder argument as a module and fail, and
 * Node 20 does not expand globs itself.
 *
 * @param {string} cwd the folder the paths are relative to
 * @param {string[]} dirs
 * @returns {string[]}
 */
export function testFiles(cwd, dirs) {
  return dirs.flatMap((dir) =>
    readdirSync(join(cwd, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.test\.[cm]?js$/.test(name) && !name.split(/[\\/]/).includes('node_modules'))
      .map((name) => join(dir, name))
      .sort(),
  );
}

/**
 * @typedef {object} Counts
 * @property {number} passed
 * @property {number} failed
 * @property {Map<string, number>} skipped how many were skipped, by reason
 */

/** @returns {Counts} */
export const emptyCounts = () => ({ passed: 0, failed: 0, skipped: new Map() });

/**
 * @param {Counts} counts
 * @param {string} reason
 * @param {number} [n]
 */
function skip(counts, reason, n = 1) {
  if (n > 0) counts.skipped.set(reason, (counts.skipped.get(reason) ?? 0) + n);
}

/**
 * Adds the counts of a `node --test --test-reporter=tap` run. Skips are read from the
 * `# SKIP reason` of each test line, not from `# skipped`, which leaves out skipped suites.
 *
 * @param {Counts} counts
 * @param {string} out
 */
export function addNodeCounts(counts, out) {
  counts.passed += Number(/^# pass (\d+)/m.exec(out)?.[1] ?? 0);
  counts.failed += Number(/^# fail (\d+)/m.exec(out)?.[1] ?? 0);
  for (const [, reason] of out.matchAll(/^\s*ok \d+ - .*? # SKIP(?: (.*))?$/gm)) skip(counts, reason?.trim() || 'no reason given');
}

/**
 * Adds the counts of a web-test-runner run: the last progress line of each browser, e.g.
 * "Firefox: |███| 5/5 test files | 43 passed, 0 failed, 2 skipped". The runner gives no
 * reason for a skip, so the browser stands for it.
 *
 * @param {Counts} counts
 * @param {string} out
 */
export function addBrowserCounts(counts, out) {
  /** @type {Record<string, number[]>} */
  const last = {};
  // eslint-disable-next-line no-control-regex
  const plain = out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  for (const [, name, passed, failed, skipped] of plain.matchAll(/(\w+):\s*\|[^|]*\|[^|]*\| (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)) {
    last[name] = [+passed, +failed, +(skipped ?? 0)];
  }
  for (const [name, [passed, failed, skipped]] of Object.entries(last)) {
    counts.passed += passed;
    counts.failed += failed;
    skip(counts, `skipped by the test itself in ${name}`, skipped);
  }
}

/**
 * The closing line: `tests: N passed, N failed`, then `, N skipped (n: reason; ...)` when
 * something was skipped.
 *
 * @param {Counts} counts
 */
export function summaryLine({ passed, failed, skipped }) {
  const line = `tests: ${passed} passed, ${failed} failed`;
  if (skipped.size === 0) return line;
  const total = [...skipped.values()].reduce((a, b) => a + b, 0);
  return `${line}, ${total} skipped (${[...skipped].map(([reason, n]) => `${n}: ${reason}`).join('; ')})`;
}
