// @ts-check
// Without PostgreSQL its suite is skipped test by test, with the reason, so that `npm test`
// counts every skip; in CI (CI=true), where PostgreSQL is installed, a skip is a failure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SUITE = fileURLToPath(new URL('./collector.postgres.test.js', import.meta.url));

/** @param {Record<string, string>} env */
function runSuite(env) {
  const result = spawnSync(process.execPath, ['--test', '--test-reporter=tap', SUITE], {
    env: { PATH: process.env.PATH ?? '', NODE_NO_WARNINGS: '1', YINYOM_TEST_POSTGRES: 'off', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout };
}

describe('the PostgreSQL suite without PostgreSQL', () => {
  it('skips each test with the reason, so the skips are counted', () => {
    const { code, out } = runSuite({});
    assert.equal(code, 0, out);
    const skips = [...out.matchAll(/^\s*ok \d+ - .* # SKIP (.*)$/gm)].map((m) => m[1]);
    assert.ok(skips.length >= 40, `${skips.length} skipped tests:\n${out}`);
    assert.ok(skips.every((reason) => reason === 'YINYOM_TEST_POSTGRES=off: skipping the PostgreSQL tests'), skips.join('\n'));
    assert.equal(Number(/^# skipped (\d+)/m.exec(out)?.[1]), skips.length);
  });

  it('fails in CI, saying why', () => {
    const { code, out } = runSuite({ CI: 'true' });
    assert.equal(code, 1, out);
    assert.match(out, /^not ok \d+ - PostgreSQL is available in CI/m);
    assert.match(out, /YINYOM_TEST_POSTGRES=off: skipping the PostgreSQL tests/);
    assert.doesNotMatch(out, /# SKIP/);
  });
});
