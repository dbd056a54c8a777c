// The published types, as an app meets them: `tsc --strict` on files that import `yinyom` and
// `yinyom/elements` by name (the package resolves itself through its "exports").
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('the document events are typed from either entry, and yinyom/react types the elements in TSX, with tsc --strict', () => {
  const result = spawnSync('npx', ['--no-install', 'tsc', '-p', 'test/types/tsconfig.json'], { cwd: root, encoding: 'utf8' });
  assert.equal(result.stdout + result.stderr, '');
  assert.equal(result.status, 0);
});
