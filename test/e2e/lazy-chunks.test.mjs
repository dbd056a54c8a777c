// The built ES chunks that a page loads on demand, each in one request: none may import
// another file statically, or the browser learns of it only after fetching the first (one
// more round trip before the banner, before the config is checked, or before a decision).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const staticImports = (file) => [...readFileSync(file, 'utf8').matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+)["']/g)].map(([, spec]) => spec);

for (const [file, role] of [
  ['dist/yinyom-ui.js', 'the banner'],
  ['dist/yinyom-config.js', 'the config check'],
  ['dist/yinyom-receipts.js', 'a decision'],
]) {
  test(`${file} (${role}) imports no other file statically`, () => {
    assert.deepEqual(staticImports(file), []);
  });
}

// The files a page runs in full on arrival open with V8's compile hint (rollup.config.mjs);
// the others, of which a load runs only part, do not.
for (const [file, hinted] of [
  ['dist/yinyom.js', true],
  ['dist/yinyom-ui.js', true],
  ['dist/yinyom-config.js', true],
  ['dist/yinyom-receipts.js', false],
]) {
  test(`${file} ${hinted ? 'opens' : 'does not open'} with the compile hint for eager compilation`, () => {
    assert.equal(readFileSync(file, 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'), hinted);
  });
}
