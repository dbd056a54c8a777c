// Withdrawal, and a first Reject all, delete a category's cookies on the host and each parent
// domain up to cookieDomain (or, without one, up to the host's last two labels). That needs
// real domains: Chromium maps *.tdga.test and *.go.th to loopback, and each page loads the
// built dist/yinyom.js by script tag.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { chromiumLaunch } from '../support/debian-browsers.mjs';

const base = {
  controller: { name: 'TDGA' },
  notice: { id: 'tdga-privacy', version: '2565-06-01', url: '/privacy' },
  categories: [{ id: 'analytics', title: 'วิเคราะห์', cookies: [{ name: '_ga', match: '^_ga' }] }],
};
/** The page for each path: the config with a cookieDomain, or without one. */
const configs = { '/': { ...base, cookieDomain: '.tdga.test' }, '/no-cookie-domain': base };
const page = (config) => `<!doctype html><meta charset="utf-8"><title>cookie domains</title>
<script type="application/json" id="yinyom-config">${JSON.stringify(config)}</script>
<script src="/dist/yinyom.js" data-config="#yinyom-config"></script>`;

let server;
let browser;
let port;
const hosts = ['www.learn.tdga.test', 'www.learn.dga.go.th', 'e-learning.ocsc.go.th'];

before(async () => {
  assert.ok(existsSync('dist/yinyom.js'), 'run `npm run build` first');
  server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (configs[path]) return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(configs[path]));
    const file = path.slice(1);
    if (!/^dist\/[\w/.-]+\.js$/.test(file) || !existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = server.address().port;
  browser = await puppeteer.launch({
    ...chromiumLaunch([
      '--host-resolver-rules=MAP *.tdga.test 127.0.0.1, MAP *.go.th 127.0.0.1',
      // Receipts hash with crypto.subtle, which needs a secure context; these origins stand in for https sites.
      `--unsafely-treat-insecure-origin-as-secure=${hosts.map((host) => `http://${host}:${port}`).join(',')}`,
    ]),
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A first visit to `url` in a browser context of its own (no cookies, no storage), once the SDK has started. */
async function visit(url) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.goto(url);
  await tab.waitForFunction(() => window.yinyom && !Array.isArray(window.yinyom));
  /**
   * The `_g…` cookies as the browser's cookie store holds them, `name@domain`. document.cookie
   * writes reach that store asynchronously; reading document.cookie in the page first goes
   * through the same channel as the writes, so once it has answered they have all landed.
   */
  const gCookies = async () => {
    await tab.evaluate(() => document.cookie);
    return (await tab.cookies()).map((c) => `${c.name}@${c.domain}`).filter((name) => name.startsWith('_g')).sort();
  };
  /** Sets cookies as a page script would, one `document.cookie` string each. */
  const plant = (...cookies) => tab.evaluate((list) => list.forEach((cookie) => (document.cookie = cookie)), cookies);
  return { tab, gCookies, plant, close: () => context.close() };
}

test('withdrawing analytics deletes _ga cookies on the host and every parent domain up to cookieDomain', async () => {
  const { tab, gCookies, plant, close } = await visit(`http://www.learn.tdga.test:${port}/`);
  try {
    await tab.evaluate(() => window.yinyom.set({ analytics: true }));
    await plant(
      '_ga=host-only;path=/',
      '_ga_ABC=learn;path=/;domain=learn.tdga.test',
      '_gid_keep=site;path=/;domain=tdga.test',
      '_ga_XYZ=site;path=/;domain=tdga.test',
    );
    assert.deepEqual(await gCookies(), ['_ga@www.learn.tdga.test', '_ga_ABC@.learn.tdga.test', '_ga_XYZ@.tdga.test', '_gid_keep@.tdga.test']);
    const yinyomCookie = (await tab.cookies()).find((c) => c.name === 'yinyom');
    assert.equal(yinyomCookie.domain, '.tdga.test', 'the decision cookie honours cookieDomain');
    assert.equal(yinyomCookie.sameSite, 'Lax');

    await tab.evaluate(() => window.yinyom.withdraw('analytics'));
    assert.deepEqual(await gCookies(), ['_gid_keep@.tdga.test']);
    assert.equal(await tab.evaluate(() => document.cookie.includes('_ga')), false);
    assert.equal(await tab.evaluate(() => window.yinyom.get('analytics')), false);
  } finally {
    await close();
  }
});

test('without a cookieDomain, on a many-label government host, withdrawing walks up to the last two labels', async () => {
  // www.learn.dga.go.th: the walk covers learn.dga.go.th and dga.go.th, where an analytics
  // script may have set its cookies, and stops at go.th (a public suffix: nothing is set there).
  const { tab, gCookies, plant, close } = await visit(`http://www.learn.dga.go.th:${port}/no-cookie-domain`);
  try {
    await tab.evaluate(() => window.yinyom.set({ analytics: true }));
    await plant(
      '_ga=host-only;path=/',
      '_ga_L=learn;path=/;domain=learn.dga.go.th',
      '_ga_D=agency;path=/;domain=dga.go.th',
      '_ga_P=page-path;path=/no-cookie-domain',
      '_gid_keep=agency;path=/;domain=dga.go.th',
    );
    const before = await gCookies();
    assert.deepEqual(before, ['_ga@www.learn.dga.go.th', '_ga_D@.dga.go.th', '_ga_L@.learn.dga.go.th', '_ga_P@www.learn.dga.go.th', '_gid_keep@.dga.go.th']);
    const decision = (await tab.cookies()).find((c) => c.name === 'yinyom');
    assert.equal(decision.domain, 'www.learn.dga.go.th', 'without cookieDomain the decision cookie is host-only');

    await tab.evaluate(() => window.yinyom.withdraw('analytics'));
    assert.deepEqual(await gCookies(), ['_gid_keep@.dga.go.th']);
  } finally {
    await close();
  }
});

test('a first Reject all deletes the cookies a category set before any decision, on every domain', async () => {
  const { tab, gCookies, plant, close } = await visit(`http://e-learning.ocsc.go.th:${port}/no-cookie-domain`);
  try {
    assert.equal(await tab.evaluate(() => window.yinyom.state().decided), false);
    // An ungated analytics snippet, or one from before the site used Yinyom, set them.
    await plant(
      '_ga=host-only;path=/',
      '_ga_OC=agency;path=/;domain=ocsc.go.th',
      '_gid_keep=agency;path=/;domain=ocsc.go.th',
    );
    assert.deepEqual(await gCookies(), ['_ga@e-learning.ocsc.go.th', '_ga_OC@.ocsc.go.th', '_gid_keep@.ocsc.go.th']);
    await tab.evaluate(() => window.yinyom.rejectAll());
    assert.equal(await tab.evaluate(() => window.yinyom.get('analytics')), false);
    assert.deepEqual(await gCookies(), ['_gid_keep@.ocsc.go.th']);
  } finally {
    await close();
  }
});
