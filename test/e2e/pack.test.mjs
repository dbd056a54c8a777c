// The package as a user gets it: `npm pack`, installed from the tarball into a scratch app.
// Checks the file list, the entry points in Node, and the types with `tsc --strict`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let dir;
let files;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'yinyom-pack-'));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }));
  files = packed.files.map((file) => file.path);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, packed.filename)], { cwd: dir, stdio: 'pipe' });
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('ships the build, the translations, the licence and the README, and no source', () => {
  for (const file of ['LICENSE', 'README.md', 'package.json', 'dist/yinyom.js', 'dist/yinyom-ui.js', 'dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/esm/headless.js', 'dist/esm/elements/consent.d.ts', 'dist/esm/server.js', 'dist/custom-elements.json', 'locales/en.xlf']) {
    assert.ok(files.includes(file), `${file} is in the package`);
  }
  assert.deepEqual(files.filter((file) => file.startsWith('src/') || file.endsWith('.ts') && !file.endsWith('.d.ts')), []);
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules/yinyom/package.json'), 'utf8'));
  for (const field of ['repository', 'homepage', 'bugs', 'license']) assert.ok(manifest[field], `package.json has ${field}`);
});

test('the README links nowhere outside the package', () => {
  const readme = readFileSync(join(dir, 'node_modules/yinyom/README.md'), 'utf8');
  const relative = [...readme.matchAll(/\]\(([^)#][^)]*)\)/g)].map(([, href]) => href).filter((href) => !/^(https?:|mailto:)/.test(href));
  assert.deepEqual(relative, []);
  assert.doesNotMatch(readme, /\]\(\.\.\//);
});

test('the entry points load in Node: yinyom/server, and yinyom as an inert instance', () => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `
    const server = await import('yinyom/server');
    const { createConsent } = await import('yinyom');
    const headless = await import('yinyom/headless');
    console.log(JSON.stringify([typeof server.readConsent, typeof server.verifyReceipt, createConsent({}).get('analytics') ?? null, typeof headless.createConsent]));
  `], { cwd: dir, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), ['function', 'function', null, 'function']);
});

test('the types resolve by package name, with tsc --strict', () => {
  writeFileSync(join(dir, 'app.ts'), `
    import { createConsent, type ConsentState } from 'yinyom';
    import { createConsent as headless } from 'yinyom/headless';
    import { YinyomConsent } from 'yinyom/elements/consent';
    import { readConsent } from 'yinyom/server';
    const consent = createConsent({});
    document.addEventListener('yinyom-change', (event) => { const state: ConsentState = event.detail; void state; });
    const element: YinyomConsent = document.createElement('yinyom-consent');
    element.name = 'consent';
    element.addEventListener('yinyom-input', (event) => { const choices: Record<string, boolean> = event.detail.choices; void choices; });
    void headless, readConsent, consent;
  `);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023', 'dom', 'dom.iterable'], skipLibCheck: false, types: [] }, files: ['app.ts'] }));
  try {
    execFileSync(process.execPath, [tsc, '-p', '.'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    assert.fail(error.stdout);
  }
});
