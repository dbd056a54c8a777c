// For test/e2e/<framework>.test.mjs (React, Vue, Angular, Svelte): bundles a framework app
// with esbuild as a vendor's build would (yinyom resolved to dist/esm), serves it on loopback,
// opens it in Debian's Chromium with puppeteer-core, and runs the checks every app must pass.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { chromiumLaunch } from '../support/debian-browsers.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = (file) => join(root, 'dist/esm', file);

/**
 * Builds `entry` (from the repository's root, or absolute) with extra esbuild `options` and
 * opens it. `messages` collects the page's uncaught errors, console errors and console warnings (Vue
 * reports a tag it takes for an unknown component only as a warning).
 * @returns {Promise<{ page: import('puppeteer-core').Page, messages: string[], close: () => Promise<void> }>}
 */
export async function openApp(entry, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'yinyom-app-'));
  let server;
  let browser;
  const close = async () => {
    await browser?.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await build({
      entryPoints: { app: resolve(root, entry) },
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: dir,
      logLevel: 'silent',
      ...options,
      alias: { yinyom: dist('index.js'), 'yinyom/react': dist('react.js'), 'yinyom/elements/consent': dist('elements/consent.js') },
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
    browser = await puppeteer.launch(chromiumLaunch());
    const page = await browser.newPage();
    const messages = [];
    page.on('pageerror', (error) => messages.push(error.message));
    page.on('console', (message) => ['error', 'warn'].includes(message.type()) && messages.push(message.text()));
    // localhost is a secure context (receipts need crypto.subtle).
    await page.goto(`http://localhost:${server.address().port}/`);
    return { page, messages, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The app's <yinyom-consent name="consent" purposes="photo-publicity"> renders its box; ticking
 * it reaches the app through the framework's event binding (window.inputs); the form's own
 * submit handler reads the consent value (window.submitted); and #photo, the framework's
 * reactive read of consent.get('photo-publicity'), goes from "undefined" to "true" after
 * the decision. Nothing is logged to `messages`.
 */
export async function checkConsentForm(page, messages) {
  const box = await page.waitForFunction(() => document.querySelector('yinyom-consent')?.shadowRoot?.querySelector('input[type=checkbox]'), { timeout: 5000 })
    .catch((error) => assert.fail(`${error.message}: ${JSON.stringify(messages)}`));
  assert.equal(await page.$eval('yinyom-consent', (element) => element.name), 'consent');
  assert.equal(await page.$eval('#photo', (output) => output.textContent), 'undefined');
  await box.click();
  assert.deepEqual(await page.evaluate(() => window.inputs), [{ 'photo-publicity': true }], 'the event binding got yinyom-input');
  await page.click('button');
  await page.waitForFunction(() => window.submitted, { timeout: 5000 }).catch((error) => assert.fail(`${error.message}: ${JSON.stringify(messages)}`));
  const submitted = await page.evaluate(() => window.submitted);
  assert.deepEqual(submitted.choices, { 'photo-publicity': true });
  assert.match(submitted.receipt, /^[0-9a-f-]{36}$/);
  await page.waitForFunction(() => document.querySelector('#photo').textContent === 'true', { timeout: 5000 })
    .catch(async (error) => assert.fail(`${error.message}: #photo is ${await page.$eval('#photo', (output) => output.textContent)}`));
  assert.deepEqual(messages, []);
}
