#!/usr/bin/env node
/*
 * `npm run screenshots`: photographs the UI in Thai, as Debian's Chromium draws it, at a
 * desktop (1280×800) and a phone (375×812) size, into screenshots/ (git-ignored):
 *   banner, preferences dialog (a cookie list open), notice dialog, notice page (Thai digits;
 *   its top, a section with tables, and arriving at /privacy#rights), inline consent form
 *   (details open; and a parent consenting, which both consent elements of the form follow),
 *   my-consents list under the page's own heading (no-heading);
 *   and the banner, dialog and form again with prefers-color-scheme: dark (`*-dark.png`).
 * The fixture page test/ui/fixtures/screenshots.html runs the real core and elements, bundled
 * here with esbuild and served by a small static server on a free loopback port.
 */
import { createServer } from 'node:http';
import { mkdir, readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';

const ROOT = resolve('.');
const OUT = 'screenshots';
const SERVED = ['test/ui/fixtures/', 'demo/notices/', 'screenshots/.build/'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
];
const VIEWS = ['banner', 'preferences', 'notice', 'notice-page', 'notice-table', 'notice-hash', 'form', 'form-guardian', 'receipts'];
const DARK = ['banner', 'preferences', 'form'];

await build({
  entryPoints: ['test/ui/fixtures/screenshots.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  outdir: `${OUT}/.build`,
  tsconfig: 'tsconfig.json',
  conditions: ['production'],
  logLevel: 'warning',
});

const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).slice(1);
  if (!SERVED.some((prefix) => path.startsWith(prefix))) return void response.writeHead(404).end();
  try {
    const body = await readFile(join(ROOT, path));
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--lang=th-TH'],
});
await mkdir(OUT, { recursive: true });
try {
  const shots = SIZES.flatMap((size) => [...VIEWS.map((view) => [size, view, 'light']), ...DARK.map((view) => [size, view, 'dark'])]);
  for (const [size, view, scheme] of shots) {
    {
      // A fresh context per shot: no cookie or IndexedDB from the last one, so it is a first visit.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`${view} ${size.name}: ${error.message}`));
      await page.setViewport(size);
      await page.emulateMediaFeatures([
        { name: 'prefers-reduced-motion', value: 'reduce' },
        { name: 'prefers-color-scheme', value: scheme },
      ]);
      await page.goto(`${origin}/test/ui/fixtures/screenshots.html?view=${view}${view === 'notice-hash' ? '#rights' : ''}`);
      await page.waitForFunction((v) => document.documentElement.dataset.ready === v, {}, view);
      await page.waitForFunction(ready, {}, view);
      await page.evaluate(prepare, view);
      await new Promise((done) => setTimeout(done, 300));
      const file = `${OUT}/${view}-${size.name}${scheme === 'dark' ? '-dark' : ''}.png`;
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({
        path: file,
        ...(view.startsWith('form') || view === 'receipts' ? { fullPage: true } : {}),
        ...(view === 'notice-page' ? { clip: { x: 0, y: 0, width: size.width, height: Math.min(height, size.height * 2.5) } } : {}),
      });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}

/** In the page: the view's element has rendered. */
function ready(view) {
  const inside = (tag, selector) => document.querySelector(tag)?.shadowRoot?.querySelector(selector);
  return {
    banner: () => inside('yinyom-banner', '[role=region]'),
    preferences: () => inside('yinyom-preferences', 'dialog[open]'),
    notice: () => inside('yinyom-notice[modal]', 'dialog[open] section'),
    'notice-page': () => inside('yinyom-notice', 'section'),
    'notice-table': () => inside('yinyom-notice', 'section'),
    'notice-hash': () => inside('yinyom-notice', 'section#rights h3:focus'),
    form: () => inside('yinyom-consent', 'fieldset') && !inside('yinyom-banner', '[role=region]'),
    'form-guardian': () => inside('yinyom-consent', 'fieldset') && !inside('yinyom-banner', '[role=region]'),
    receipts: () => inside('yinyom-receipts', '.history'),
  }[view]();
}

/** In the page: opens what the picture should show. */
function prepare(view) {
  const root = (tag) => document.querySelector(tag)?.shadowRoot;
  if (view === 'preferences') {
    const details = [...root('yinyom-preferences').querySelectorAll('details')];
    if (details[1]) details[1].open = true;
  }
  if (view === 'form') root('yinyom-consent').querySelector('details').open = true;
  if (view === 'form-guardian') root('yinyom-consent').querySelectorAll('input[type=radio]')[1].click();
  if (view.startsWith('notice-')) document.querySelector('.my-consents').remove();
  if (view === 'notice-table') root('yinyom-notice').querySelector('section[data-kind=data] .table').scrollIntoView({ block: 'start' });
  if (view === 'receipts') document.querySelector('yinyom-notice').remove();
}
