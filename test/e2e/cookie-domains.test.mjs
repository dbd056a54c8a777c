// Withdrawal deletes a category's cookies on the host and each parent domain up to
// cookieDomain. That needs real domains: Chromium maps *.tdga.test to loopback, and the page
// at http://www.learn.tdga.test:PORT/ loads the built dist/yinyom.js by script tag.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';

const config = {
  controller: { name: 'TDGA' },
  notice: { id: 'tdga-privacy', version: '2565-06-01', url: '/privacy' },
  categories: [{ id: 'analytics', title: 'วิเคราะห์', cookies: [{ name: '_ga', match: '^_ga' }] }],
  cookieDomain: '.tdga.test',
};
const page = `<!doctype html><meta charset="utf-8"><title>cookie domains</title>
<script type="application/json" id="yinyom-config">${JSON.stringify(config)}</script>
<script src="/dist/yinyom.js" data-config="#yinyom-config"></script>`;

let server;
let browser;
let origin;

before(async () => {
  assert.ok(existsSync('dist/yinyom.js'), 'run `npm run build` first');
  server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/') return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    const file = path.slice(1);
    if (!/^dist\/[\w/.-]+\.js$/.test(file) || !existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://www.learn.tdga.test:${server.address().port}`;
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP *.tdga.test 127.0.0.1',
      // Receipts hash with crypto.subtle, which needs a secure context; this origin stands in for an https site.
      `--unsafely-treat-insecure-origin-as-secure=${origin}`,
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('withdrawing analytics deletes _ga cookies on the host and every parent domain up to cookieDomain', async () => {
  const tab = await browser.newPage();
  await tab.goto(`${origin}/`);
  await tab.waitForFunction(() => window.yinyom && !Array.isArray(window.yinyom));
  await tab.evaluate(() => window.yinyom.set({ analytics: true }));
  // document.cookie writes reach the browser's cookie store asynchronously; CDP reads that
  // store, so wait (briefly) for the expected count.
  const gCookies = async (count) => {
    let names = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      names = (await tab.cookies()).map((c) => `${c.name}@${c.domain}`).filter((name) => name.startsWith('_g')).sort();
      if (names.length === count) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return names;
  };
  await tab.evaluate(() => {
    document.cookie = '_ga=host-only;path=/';
    document.cookie = '_ga_ABC=learn;path=/;domain=learn.tdga.test';
    document.cookie = '_gid_keep=site;path=/;domain=tdga.test';
    document.cookie = '_ga_XYZ=site;path=/;domain=tdga.test';
  });
  assert.deepEqual(await gCookies(4), ['_ga@www.learn.tdga.test', '_ga_ABC@.learn.tdga.test', '_ga_XYZ@.tdga.test', '_gid_keep@.tdga.test']);
  const yinyomCookie = (await tab.cookies()).find((c) => c.name === 'yinyom');
  assert.equal(yinyomCookie.domain, '.tdga.test', 'the decision cookie honours cookieDomain');
  assert.equal(yinyomCookie.sameSite, 'Lax');

  await tab.evaluate(() => window.yinyom.withdraw('analytics'));
  assert.deepEqual(await gCookies(1), ['_gid_keep@.tdga.test']);
  assert.equal(await tab.evaluate(() => document.cookie.includes('_ga')), false);
  assert.equal(await tab.evaluate(() => window.yinyom.get('analytics')), false);
});
