// Angular in Chromium: test/frameworks/angular, compiled ahead of time as `ng build` does (the
// compiler-cli with strictTemplates, whose template check rejects <yinyom-consent> without
// CUSTOM_ELEMENTS_SCHEMA and a handler whose type does not fit the event), then bundled with
// esbuild, Angular's own packages run through its linker as the CLI does.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { transformAsync } from '@babel/core';
import { performCompilation } from '@angular/compiler-cli';
import linker from '@angular/compiler-cli/linker/babel';
import ts from 'typescript';
import { checkConsentForm, openApp } from '../frameworks/run-app.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const angularLinker = {
  name: 'angular-linker',
  setup(build) {
    build.onLoad({ filter: /[\\/]@angular[\\/].*\.mjs$/ }, async ({ path }) => {
      const code = readFileSync(path, 'utf8');
      if (!code.includes('ɵɵngDeclare')) return { contents: code };
      return { contents: (await transformAsync(code, { filename: path, plugins: [linker], compact: false, configFile: false, babelrc: false })).code };
    });
  },
};

let out;
let diagnostics;
let app;
before(async () => {
  out = mkdtempSync(join(tmpdir(), 'yinyom-angular-'));
  ({ diagnostics } = performCompilation({
    rootNames: [join(root, 'test/frameworks/angular/main.ts')],
    options: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ES2022,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      strict: true,
      skipLibCheck: true,
      experimentalDecorators: true,
      strictTemplates: true,
      rootDir: join(root, 'test/frameworks'),
      outDir: out,
    },
  }));
  if (diagnostics.length) return;
  app = await openApp(join(out, 'angular/main.js'), { plugins: [angularLinker], nodePaths: [join(root, 'node_modules')] });
});
after(async () => {
  await app?.close();
  rmSync(out, { recursive: true, force: true });
});

test('Angular renders <yinyom-consent name>, gets (yinyom-input), submits its value and updates a signal on change', async () => {
  assert.deepEqual(diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')), [], 'the compiler accepts the app');
  await checkConsentForm(app.page, app.messages);
});
