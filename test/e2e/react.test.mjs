// React 19 in Chromium: test/react/app.tsx, bundled with esbuild as an app would be, served on
// loopback and driven with puppeteer-core in Debian's Chromium. <yinyom-consent name> renders
// (React sets name as a property), the form submits the consent value, and useConsent
// re-renders after the decision, under StrictMode.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = (file) => join(root, 'dist/esm', file);
let dir;
let server;
let browser;
let page;
const errors = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yinyom-react-'));
  await build({
    entryPoints: [join(root, 'test/react/app.tsx')],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: dir,
    jsx: 'automatic',
    // Development: StrictMode mounts, unmounts and mounts again only there.
    define: { 'process.env.NODE_ENV': '"development"' },
    alias: { yinyom: dist('index.js'), 'yinyom/react': dist('react.js'), 'yinyom/elements/consent': dist('elements/consent.js') },
    logLevel: 'silent',
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="th"><meta charset="utf-8"><link rel="icon" href="data:,"><div id="root"></div><script type="module" src="/app.js"></script>');
  server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    try {
      const body = readFileSync(join(dir, path === '/' ? 'index.html' : path));
      response.writeHead(200, { 'content-type': extname(path) === '.js' ? 'text/javascript' : 'text/html; charset=utf-8' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new'] });
  page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  // localhost is a secure context (receipts need crypto.subtle).
  await page.goto(`http://localhost:${server.address().port}/`);
});
after(async () => {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const inShadow = (selector) => page.waitForFunction((s) => document.querySelector('yinyom-consent')?.shadowRoot?.querySelector(s), {}, selector);

test('React 19 renders <yinyom-consent name>, submits its value and re-renders useConsent after the decision, under StrictMode', async () => {
  const box = await inShadow('input[type=checkbox]');
  assert.equal(await page.$eval('yinyom-consent', (element) => element.name), 'consent');
  assert.equal(await page.$eval('#photo', (output) => output.textContent), 'undefined');
  assert.equal(await page.evaluate(() => window.instances), 2, 'StrictMode made the instance twice');
  await box.click();
  assert.deepEqual(await page.evaluate(() => window.inputs), [{ 'photo-publicity': true }], 'onyinyom-input is an event prop');
  await page.click('button');
  await page.waitForFunction(() => window.submitted, { timeout: 5000 }).catch(async (error) => assert.fail(`${error.message}: ${JSON.stringify(errors)} ${await page.evaluate(() => document.querySelector('yinyom-consent').shadowRoot.innerHTML.slice(-400))}`));
  const submitted = await page.evaluate(() => window.submitted);
  assert.deepEqual(submitted.choices, { 'photo-publicity': true });
  assert.match(submitted.receipt, /^[0-9a-f-]{36}$/);
  await page.waitForFunction(() => document.querySelector('#photo').textContent === 'true');
  assert.deepEqual(errors, []);
});
