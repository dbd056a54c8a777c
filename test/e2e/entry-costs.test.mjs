// What each npm entry makes a bundler ship: `yinyom/headless` has no UI at all (a runtime
// `{ ui: false }` cannot be tree-shaken), and `yinyom/elements/<name>` brings one element, not six.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every module of every chunk a bundler emits for `entry` (dynamic imports included), relative to the repository. */
async function bundled(entry) {
  const bundle = await rollup({ input: `${root}${entry}`, plugins: [nodeResolve({ browser: true, exportConditions: ['production'] })], logLevel: 'silent' });
  const { output } = await bundle.generate({ format: 'es', dir: 'out' });
  await bundle.close();
  return output.flatMap((chunk) => Object.keys(chunk.modules ?? {})).map((id) => id.slice(root.length));
}

test('yinyom/headless emits no UI: neither Lit nor any element, in any chunk', async () => {
  const modules = await bundled('dist/esm/headless.js');
  assert.ok(modules.includes('dist/esm/core/create-consent-core.js'));
  assert.deepEqual(modules.filter((id) => /node_modules\/(lit|@lit|lit-html|lit-element)\/|dist\/esm\/ui\//.test(id)), []);
});

test('yinyom (with a UI) emits the UI only behind a dynamic import, which headless does not have', async () => {
  const modules = await bundled('dist/esm/index.js');
  assert.ok(modules.some((id) => id.startsWith('dist/esm/ui/')), 'the UI is reachable from yinyom');
});

test('yinyom/elements/consent brings <yinyom-consent> and Lit, not the other elements', async () => {
  const modules = await bundled('dist/esm/elements/consent.js');
  assert.ok(modules.includes('dist/esm/ui/consent/yinyom-consent.js'));
  assert.deepEqual(modules.filter((id) => /ui\/(banner|preferences|notice|manage|receipts)\//.test(id)), []);
});
