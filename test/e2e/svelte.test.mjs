// Svelte 5 in Chromium: test/frameworks/svelte, its component compiled with svelte/compiler
// (as vite-plugin-svelte would) and bundled with esbuild. Custom elements need no setup.
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { compile } from 'svelte/compiler';
import { checkConsentForm, openApp } from '../frameworks/run-app.mjs';

const svelte = {
  name: 'svelte',
  setup(build) {
    build.onLoad({ filter: /\.svelte$/ }, ({ path }) => ({ contents: compile(readFileSync(path, 'utf8'), { filename: path }).js.code }));
  },
};

let app;
before(async () => {
  app = await openApp('test/frameworks/svelte/main.ts', { plugins: [svelte] });
});
after(() => app?.close());

test('Svelte renders <yinyom-consent name>, gets onyinyom-input, submits its value and updates $state on change', () => checkConsentForm(app.page, app.messages));
