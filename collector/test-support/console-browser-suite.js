// @ts-check
// The console in Chromium, Firefox and WebKit, on one storage backend: sign-in, the overview's
// figures, the subject page, erasure, the export, the audit log, session expiry and
// sign-out, with axe on every page in Thai and in English and no CSP or Trusted Types errors.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it as runIt } from 'node:test';
import puppeteer from 'puppeteer-core';
import { hashPassword } from '../src/passwords.js';
import { ADMIN_TOKEN, adminGet, post, startCollector } from './harness.js';
import { newKeyPem } from './proof-suite.js';
import { makeChain, makeReceipt, rehash } from './receipts.js';
import { MINIBROWSER } from '../../test/support/webkit-launcher.mjs';
import { launchWebKit } from './webkit-page.js';
import { chromiumLaunch, firefoxLaunch } from '../../test/support/debian-browsers.mjs';

const BROWSERS = /** @type {const} */ ([
  ['Chromium', chromiumLaunch()],
  ['Firefox', firefoxLaunch()],
  // Firefox under WebDriver BiDi cannot emulate the colour scheme as Chromium does (below): this one starts dark.
  ['Firefox, dark', firefoxLaunch({ extraPrefsFirefox: { 'layout.css.prefers-color-scheme.content-override': 0 } })],
  // WebKit through WebDriver (test-support/webkit-page.js), as the SDK's browser suite runs it.
  ['WebKit', { browser: 'webkit', executablePath: MINIBROWSER }],
]);
const DARK_BACKGROUND = 'rgb(21, 24, 28)';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SITE = 'https://tdga.dga.or.th';
const OTHER_SITE = 'https://www.dga.or.th';
const SUBJECT = 'ผู้ใช้ 1';
const PASSWORD = 'รหัสผ่านของสมชาย';
const DAY = 24 * 60 * 60 * 1000;

/**
 * @param {import('./harness.js').Backend} backend
 * @param {{ skip?: string }} [options]
 */
export function consoleBrowserSuite(backend, { skip } = {}) {
  for (const [name, launch] of BROWSERS) {
    const missing = existsSync(launch.executablePath) ? undefined : `${launch.executablePath} is not installed`;
    /** @type {typeof runIt} */
    const it = skip === undefined && missing === undefined ? runIt : /** @type {any} */ ((/** @type {string} */ title) => runIt(title, { skip: skip ?? missing }));

    describe(`console in ${name} on ${backend.name}`, () => {
      /** @type {import('puppeteer-core').Browser} */
      let browser;
      /** @type {import('puppeteer-core').Page} */
      let page;
      /** @type {import('../src/create-collector.js').Collector} */
      let collector;
      let url = '';
      const clock = { now: Date.now() };
      /** Console errors and page errors, but for the 4xx answers the tests ask for (a wrong token, a wrong confirmation). */
      const problems = /** @type {string[]} */ ([]);
      const t0 = clock.now - 2 * DAY;
      const chain = makeChain(2, { subject: SUBJECT, choices: { analytics: true, marketing: false } }, t0);
      chain[1] = rehash(chain[1], { choices: { analytics: false, marketing: false } });
      const other = makeReceipt({ subject: 'b', origin: OTHER_SITE, time: new Date(t0 + DAY).toISOString(), choices: { analytics: true } });

      before(async () => {
        if (skip !== undefined || missing !== undefined) return;
        assert.ok(existsSync(new URL('../console/dist/console.js', import.meta.url)), 'run npm run build first: the console is not built');
        // Both ways in: the form asks for a user name (optional) and a password or the token.
        const adminUsers = { somchai: await hashPassword(PASSWORD) };
        ({ collector } = await startCollector(backend, { allowOrigins: [SITE, OTHER_SITE], adminUsers, signingKeys: [newKeyPem()], now: () => clock.now }));
        url = await collector.listen({ port: 0, host: '127.0.0.1' });
        assert.equal((await post(collector, [chain[0], chain[1], other])).json().accepted.length, 3);
        if (launch.browser === 'webkit') {
          const webkit = await launchWebKit();
          browser = /** @type {any} */ (webkit);
          page = /** @type {any} */ (webkit.page);
        } else {
          browser = await puppeteer.launch({ .../** @type {any} */ (launch), headless: true });
          page = await browser.newPage();
        }
        page.on('console', (message) => {
          if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(String(error)));
      });
      after(async () => {
        await browser?.close();
        await collector?.close();
      });

      /** @param {string} selector */
      const text = (selector) => page.$eval(selector, (element) => /** @type {HTMLElement} */ (element).innerText.trim());
      /** @param {string} path @param {string} ready a selector present once the page has its data */
      async function visit(path, ready) {
        await page.goto(url + path);
        await page.waitForSelector(ready);
      }
      /** axe's violations on the page as it is, in a form that names them. @param {string} label */
      async function axe(label) {
        // As a DevTools evaluation, which the page's CSP does not govern: the page itself may not eval.
        if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          const results = await /** @type {any} */ (window).axe.run(document);
          return results.violations.map((/** @type {any} */ v) => `${v.id}: ${v.nodes.map((/** @type {any} */ n) => n.target.join(' ')).join(', ')}`);
        });
        assert.deepEqual(violations, [], `axe on ${label} (${await page.evaluate(() => document.documentElement.lang)})`);
      }
      /** axe in Thai, then in English after the language switch, then back in Thai, and dark in Chromium. @param {string} label */
      async function axeInBoth(label) {
        await axe(label);
        for (const lang of ['en', 'th']) {
          await page.click('header button[lang]');
          await page.waitForFunction((want) => document.querySelector('header button[lang]')?.getAttribute('lang') !== want, {}, lang);
          await axe(label);
        }
        const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        if (name === 'Firefox, dark') assert.equal(await background(), DARK_BACKGROUND, 'the dark theme applies');
        if (name !== 'Chromium') return;
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
        try {
          assert.equal(await background(), DARK_BACKGROUND, 'the dark theme applies');
          await axe(`${label}, dark`);
        } finally {
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
        }
      }

      it('refuses a wrong token with a message, and has no axe violations signed out', async () => {
        await visit('/admin/', '#password');
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'th');
        await axeInBoth('the sign-in page');
        await page.type('#password', 'not-the-token-0123456789');
        await page.click('main form button');
        await page.waitForSelector('[role=alert]');
        assert.equal(await text('[role=alert]'), 'เข้าสู่ระบบไม่สำเร็จ: ชื่อผู้ใช้ รหัสผ่าน หรือโทเค็นไม่ถูกต้อง');
        assert.equal(await page.$eval('#password', (input) => /** @type {HTMLInputElement} */ (input).value), '');
        assert.equal(await page.$('#choices'), null);
      });

      it('signs in with the token; the overview shows what was posted, in Buddhist-era dates', async () => {
        await page.type('#password', ADMIN_TOKEN);
        await page.keyboard.press('Enter');
        await page.waitForSelector('#choices');
        assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus goes to the page signed in to');
        assert.equal(await text('[data-figure=total]'), '3');
        const rows = await page.$$eval('#choices tbody tr', (trs) => trs.map((tr) => [...tr.children].map((cell) => /** @type {HTMLElement} */ (cell).innerText.trim())));
        assert.deepEqual(rows, [['analytics', '2', '0', '1'], ['marketing', '0', '2', '0']]);
        const days = await page.$$eval('#days tbody th', (ths) => ths.map((th) => /** @type {HTMLElement} */ (th).innerText));
        const year = new Date(t0).getUTCFullYear();
        assert.equal(days.length, 2);
        for (const day of days) assert.match(day, new RegExp(`${year + 543}$`));
        assert.equal(await page.$$eval('.chart svg rect.bar', (bars) => bars.length), 2 * 3 + 3);
        await axeInBoth('the overview');
        const stored = await page.evaluate(() => ({ cookie: document.cookie, local: Object.keys(localStorage), session: sessionStorage.length }));
        assert.deepEqual(stored, { cookie: '', local: ['yinyom-console-language'], session: 0 }, 'no token in storage; the session cookie is HttpOnly');
      });

      it('filters the overview by site', async () => {
        await page.select('#site', OTHER_SITE);
        await Promise.all([page.waitForNavigation(), page.click('form.filters button')]);
        await page.waitForSelector('#choices');
        assert.equal(await text('[data-figure=total]'), '1');
        assert.match(page.url(), /site=https%3A%2F%2Fwww\.dga\.or\.th/);
      });

      it("shows a subject's receipts oldest first, the chain status and the downloads", async () => {
        await page.type('#find', SUBJECT);
        await Promise.all([page.waitForNavigation(), page.click('form[role=search] button')]);
        await page.waitForSelector('#receipt-list');
        assert.equal(new URL(page.url()).pathname, `/admin/subjects/${encodeURIComponent(SUBJECT)}`);
        const ids = await page.$$eval('#receipt-list tbody tr td.mono', (cells) => cells.map((cell) => /** @type {HTMLElement} */ (cell).innerText));
        assert.deepEqual(ids, chain.map((r) => r.id));
        const checks = await page.$$eval('#receipt-list tbody tr', (trs) => trs.map((tr) => [...tr.children].slice(-2).map((cell) => /** @type {HTMLElement} */ (cell).innerText)));
        const [{ kid }] = (await adminGet(collector, '/v1/keys')).json().keys;
        assert.deepEqual(checks, chain.map(() => ['ตรงกับเนื้อหา', `ลงนามด้วยกุญแจ ${kid}`]));
        assert.equal(await text('[data-figure=chain]'), 'ครบถ้วน');
        const links = await page.$$eval('main a[download]', (as) => as.map((a) => a.getAttribute('href')));
        assert.deepEqual(links.map((href) => new URL(String(href), url).searchParams.get('format')), ['json', 'csv', 'kantara', 'iso27560']);
        const download = await page.evaluate(async (href) => {
          const res = await fetch(String(href));
          return { status: res.status, body: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()) };
        }, links[1]);
        assert.equal(download.status, 200);
        assert.ok(download.body.startsWith('\uFEFFid,subject'));
        await axeInBoth('the subject page');
      });

      it('prints the access request letter in Thai', async () => {
        await visit(`/admin/subjects/${encodeURIComponent(SUBJECT)}/access-request`, '#receipt-list');
        assert.match(await text('main'), /มาตรา 30 แห่งพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ\.ศ\. 2562/);
        assert.match(await text('.letter'), new RegExp(`ผู้ควบคุมข้อมูลส่วนบุคคล\\s+${chain[0].controller}`));
        assert.equal(await page.$$eval('#receipt-list tbody tr', (trs) => trs.length), 2);
        await axeInBoth('the access request letter');
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'th');
      });

      it('erases the subject after the confirmation step, and shows the tombstones', async () => {
        await visit(`/admin/subjects/${encodeURIComponent(SUBJECT)}`, '#receipt-list');
        await page.type('#reason', 'คำขอเลขที่ 7/2569');
        // By keyboard: Enter opens the confirmation, Escape closes it and focus goes back.
        await page.focus('section.danger form button');
        await page.keyboard.press('Enter');
        await page.waitForSelector('dialog[open]');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'confirm', 'focus starts in the dialog');
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => !document.querySelector('dialog[open]') && document.activeElement?.matches('section.danger form button'));
        await page.keyboard.press('Enter');
        await page.waitForSelector('dialog[open]');
        await axe('the erasure confirmation');
        await page.type('#confirm', 'wrong');
        await page.click('dialog button.danger');
        await page.waitForSelector('dialog [role=alert]');
        assert.match(await text('dialog [role=alert]'), /^confirm: must repeat the subject/);
        await page.$eval('#confirm', (input) => (/** @type {HTMLInputElement} */ (input).value = ''));
        await page.type('#confirm', SUBJECT);
        await page.click('dialog button.danger');
        await page.waitForSelector('#tombstone-list');
        assert.equal(await text('#erase-status'), 'ลบใบรับ 2 ฉบับแล้ว');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'erase-status');
        const stones = await page.$$eval('#tombstone-list tbody tr', (trs) => trs.map((tr) => /** @type {HTMLElement} */ (tr.children[0]).innerText + ' ' + /** @type {HTMLElement} */ (tr.children[3]).innerText + ' ' + /** @type {HTMLElement} */ (tr.children[4]).innerText));
        assert.deepEqual(stones, chain.map((r) => `${r.id} คำขอเลขที่ 7/2569 โทเค็นผู้ดูแล`));
        assert.equal(await page.$('#receipt-list'), null);
        await axeInBoth('the subject page after erasure');
      });

      it('downloads the export for a range and a site, and the CSV of everything', async () => {
        await visit('/admin/export', 'form.filters');
        await axeInBoth('the export page');
        // A range that ends before it starts is not sent.
        await page.$eval('#from', (input) => {
          /** @type {HTMLInputElement} */ (input).value = '2026-11-20';
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        });
        await page.$eval('#to', (input) => (/** @type {HTMLInputElement} */ (input).value = '2026-11-19'));
        assert.equal(await page.$eval('form.filters', (form) => /** @type {HTMLFormElement} */ (form).checkValidity()), false);
        await page.$eval('#from', (input) => (/** @type {HTMLInputElement} */ (input).value = ''));
        await page.$eval('#to', (input) => (/** @type {HTMLInputElement} */ (input).value = ''));
        await page.select('#site', OTHER_SITE);
        await page.click('#format-ndjson');
        const download = await page.evaluate(async () => {
          const form = /** @type {HTMLFormElement} */ (document.querySelector('form.filters'));
          const res = await fetch(`${form.action}?${new URLSearchParams(/** @type {any} */ (new FormData(form)))}`);
          return { type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: await res.text() };
        });
        assert.match(String(download.type), /^application\/x-ndjson/);
        assert.match(String(download.disposition), /^attachment/);
        assert.deepEqual(download.body.trim().split('\n').map((line) => JSON.parse(line).id), [other.id]);
        const everything = await page.$eval('#everything', async (a) =>
          new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await fetch(String(a.getAttribute('href')))).arrayBuffer()),
        );
        assert.ok(everything.startsWith('\uFEFFid,'));
        assert.equal(everything.trim().split('\r\n').length, 2, 'the header and the one receipt left after the erasure');
      });

      it('lists every sign-in, lookup, export and erasure in the audit log', async () => {
        await visit('/admin/audit', '#audit-list');
        const actions = await page.$$eval('#audit-list tbody tr', (trs) => trs.map((tr) => /** @type {HTMLElement} */ (tr.children[2]).innerText));
        for (const action of ['เข้าสู่ระบบไม่สำเร็จ', 'เข้าสู่ระบบ', 'ค้นหาเจ้าของข้อมูล', 'ส่งออก', 'ลบข้อมูล']) assert.ok(actions.includes(action), `${action} in ${actions}`);
        const erasure = await page.$$eval('#audit-list tbody tr', (trs) =>
          trs.map((tr) => /** @type {HTMLElement} */ (tr).innerText).find((row) => row.includes('ลบข้อมูล')),
        );
        assert.match(String(erasure), /เหตุผล: คำขอเลขที่ 7\/2569; จำนวนที่ลบ: 2/);
        await axeInBoth('the audit log');
      });

      it('asks to sign in again once the session has expired', async () => {
        clock.now += 8 * 60 * 60 * 1000;
        await visit('/admin/', '#password');
        clock.now -= 8 * 60 * 60 * 1000;
      });

      it('signs in a named user, who signs out', async () => {
        await page.type('#user', 'somchai');
        await page.type('#password', PASSWORD);
        await page.click('main form button');
        await page.waitForSelector('#choices');
        assert.equal(await text('header .user'), 'ผู้ใช้: somchai');
        await page.click('#sign-out');
        await page.waitForSelector('#password');
        await visit('/admin/', '#password');
      });

      it('met no CSP, Trusted Types or script error on the way', () => {
        assert.deepEqual(problems, []);
      });
    });
  }
}
