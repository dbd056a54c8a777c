// The counts and the closing line of `npm test` (scripts/test-counts.mjs).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { addBrowserCounts, addNodeCounts, emptyCounts, summaryLine, testFiles } from './test-counts.mjs';

// What the CI harness reads from the last line.
const HARNESS = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/;

const TAP = `TAP version 13
# Subtest: yinyom-collector with an unusable database path
    # Subtest: refuses a read-only folder
    ok 3 - refuses a read-only folder # SKIP root can write to read-only folders
    ok 4 - refuses a file that is not a SQLite database
ok 1 - yinyom-collector with an unusable database path
# Subtest: collector on PostgreSQL
    ok 1 - stores a valid batch # SKIP PostgreSQL is not installed
    ok 2 - answers an empty batch # SKIP PostgreSQL is not installed
ok 2 - collector on PostgreSQL
ok 3 - a suite skipped whole # SKIP
# tests 6
# pass 2
# fail 1
# skipped 3
`;

describe('npm test counts', () => {
  it('counts passed, failed, and each skip by its reason, skipped suites included', () => {
    const counts = emptyCounts();
    addNodeCounts(counts, TAP);
    assert.equal(counts.passed, 2);
    assert.equal(counts.failed, 1);
    assert.deepEqual([...counts.skipped], [
      ['root can write to read-only folders', 1],
      ['PostgreSQL is not installed', 2],
      ['no reason given', 1],
    ]);
  });

  it("counts each browser's last progress line, skips under the browser's name", () => {
    const counts = emptyCounts();
    const out = [
      'Chrome: |████░░| 2/5 test files | 10 passed, 0 failed',
      'Firefox: |██░░░░| 1/5 test files | 4 passed, 0 failed, 1 skipped',
      '\x1b[2KChrome: |██████| 5/5 test files | \x1b[32m43 passed\x1b[39m, 0 failed',
      'Firefox: |██████| 5/5 test files | \x1b[32m40 passed\x1b[39m, \x1b[31m1 failed\x1b[39m, \x1b[90m3 skipped\x1b[39m',
    ].join('\n');
    addBrowserCounts(counts, out);
    assert.deepEqual([counts.passed, counts.failed, [...counts.skipped]], [83, 1, [['skipped by the test itself in Firefox', 3]]]);
  });

  it('closes with "N passed, N failed", and ", N skipped (reasons)" only when something was skipped', () => {
    const clean = summaryLine({ passed: 5, failed: 0, skipped: new Map() });
    assert.equal(clean, 'tests: 5 passed, 0 failed');
    assert.deepEqual(HARNESS.exec(clean)?.slice(1), ['5', '0', undefined]);

    const counts = emptyCounts();
    addNodeCounts(counts, TAP);
    const line = summaryLine(counts);
    assert.equal(line, 'tests: 2 passed, 1 failed, 4 skipped (1: root can write to read-only folders; 2: PostgreSQL is not installed; 1: no reason given)');
    assert.deepEqual(HARNESS.exec(line)?.slice(1), ['2', '1', '4']);
  });

  it('lists the test files under each folder, explicitly, for node --test on Node 20 to 24', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'yinyom-test-files-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    for (const file of ['a/one.test.mjs', 'a/helper.mjs', 'a/deep/two.test.js', 'a/node_modules/x/no.test.js', 'b/three.test.cjs', 'b/README.md']) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), '');
    }
    assert.deepEqual(testFiles(dir, ['a', 'b']), [join('a', 'deep', 'two.test.js'), join('a', 'one.test.mjs'), join('b', 'three.test.cjs')]);
  });
});
