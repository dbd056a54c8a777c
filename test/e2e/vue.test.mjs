// Vue 3 in Chromium: test/frameworks/vue, its single-file component compiled with
// vue/compiler-sfc (isCustomElement for <yinyom-*>, as in a vite.config) and bundled with
// esbuild. Vue's development build warns of any tag it takes for an unknown component, so a
// missing isCustomElement fails the test.
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { compileScript, parse } from 'vue/compiler-sfc';
import { checkConsentForm, openApp } from '../frameworks/run-app.mjs';

// Both steps below need it, as @vitejs/plugin-vue passes template.compilerOptions to both.
const compilerOptions = { isCustomElement: (tag) => tag.startsWith('yinyom-') };
const vue = {
  name: 'vue',
  setup(build) {
    build.onLoad({ filter: /\.vue$/ }, ({ path }) => {
      const { descriptor } = parse(readFileSync(path, 'utf8'), { filename: path, templateParseOptions: compilerOptions });
      const script = compileScript(descriptor, { id: path, inlineTemplate: true, templateOptions: { compilerOptions } });
      return { contents: script.content, loader: 'ts' };
    });
  },
};

let app;
before(async () => {
  app = await openApp('test/frameworks/vue/main.ts', {
    plugins: [vue],
    // Vue's build-time flags, set as its Vite plugin sets them (unset, Vue warns).
    define: { 'process.env.NODE_ENV': '"development"', __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  });
});
after(() => app?.close());

test('Vue renders <yinyom-consent name>, gets @yinyom-input, submits its value and updates a ref on change', () => checkConsentForm(app.page, app.messages));
