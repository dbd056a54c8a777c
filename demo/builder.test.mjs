// The config builder (/builder) in Debian's Chromium and Firefox ESR: `node --test
// demo/builder.test.mjs` (after `npm run build`). What the admin types becomes the config, is
// checked by the SDK's own checker as it is typed, and shows in the Thai and English previews;
// a scan's JSON loads the categories; it works from the keyboard, under the demo's CSP, with
// no axe violations.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { main } from './serve.mjs';
import { chromiumLaunch, firefoxLaunch } from '../test/support/debian-browsers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BROWSERS = [
  {
    name: 'Chromium',
    launch: chromiumLaunch(),
  },
  { name: 'Firefox ESR', launch: firefoxLaunch() },
];
const SCAN = {
  config: {
    categories: [
      { id: 'necessary', required: true, title: { th: 'คุกกี้ที่จำเป็น', en: 'Strictly necessary cookies' }, cookies: [{ name: 'PHPSESSID', match: '^PHPSESSID$' }] },
      {
        id: 'analytics',
        title: { th: 'คุกกี้เพื่อการวิเคราะห์', en: 'Analytics cookies' },
        cookies: [{ name: '_ga_<id>', match: '^_ga_[A-Z0-9]+$', provider: { th: 'Google Analytics', en: 'Google Analytics' }, duration: { th: '2 ปี', en: '2 years' } }],
        consentMode: ['analytics_storage'],
      },
    ],
  },
};

let demo;
let dir;
before(async () => {
  assert.ok(existsSync('dist/yinyom.js'), 'run `npm run build` first');
  dir = mkdtempSync(join(tmpdir(), 'yinyom-builder-'));
  writeFileSync(join(dir, 'scan.json'), JSON.stringify(SCAN));
  writeFileSync(join(dir, 'not-a-scan.json'), '{"cookies": []}');
  demo = await main(['--port', '0', '--no-collector'], () => {});
});
after(async () => {
  await demo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The problems the page shows once the check of what was typed last has come back. */
const problems = (page, count) =>
  page
    .waitForFunction((n) => document.getElementById('problems').dataset.errors === String(n) && [...document.querySelectorAll('#problems li')].map((li) => li.textContent), {}, count)
    .then((handle) => handle.jsonValue());
/** The text of a Yinyom element's shadow root inside a preview frame, once it contains `expected`. */
async function previewText(page, lang, selector, expected) {
  const frame = await (await page.$(`#preview-${lang}`)).contentFrame();
  const found = await frame.waitForFunction(
    (sel, want) => {
      const element = document.querySelector(sel);
      const text = element?.shadowRoot?.textContent ?? '';
      return text.includes(want) && text;
    },
    {},
    selector,
    expected,
  );
  return found.jsonValue();
}

for (const { name, launch } of BROWSERS) {
  describe(`the builder in ${name}`, () => {
    let browser;
    let context;
    let page;
    before(async () => {
      browser = await puppeteer.launch({ headless: true, ...launch });
      context = await browser.createBrowserContext();
      page = await context.newPage();
      // Each document records its own CSP violations and uncaught errors. A preview frame is
      // replaced as the admin types, and Firefox reports the module loads its old document
      // had in flight as errors of that document, which is gone: only live documents count.
      await page.evaluateOnNewDocument(() => {
        window.problems = [];
        document.addEventListener('securitypolicyviolation', (event) => window.problems.push(`CSP ${event.violatedDirective} ${event.blockedURI}`));
        window.addEventListener('error', (event) => window.problems.push(event.message));
        window.addEventListener('unhandledrejection', (event) => window.problems.push(String(event.reason)));
      });
      await page.goto(new URL('/builder', demo.siteUrl).href);
    });
    after(() => browser?.close());

    it('names the empty controller name at once and marks its field', async () => {
      assert.deepEqual(await problems(page, 1), ['config: controller.name must be a non-empty string']);
      assert.equal(await page.$eval('#controller-name-th', (input) => input.getAttribute('aria-invalid')), 'true');
    });

    it('checks as the admin types: the name clears the problem, a bad id is named by its path', async () => {
      await page.type('#controller-name-th', 'เทศบาลตัวอย่าง');
      assert.deepEqual(await problems(page, 0), []);
      assert.equal(await page.$eval('#problems', (box) => box.textContent.includes('ไม่พบปัญหา / No problems')), true);
      await page.type('#categories-1-id', 'X');
      assert.deepEqual(await problems(page, 1), ['config: categories[1].id must be lowercase letters, digits, "-" or "_"']);
      assert.equal(await page.$eval('#categories-1-id', (input) => input.getAttribute('aria-invalid')), 'true');
      await page.$eval('#categories-1-id', (input) => input.select());
      await page.keyboard.press('Backspace');
      await page.type('#categories-1-id', 'analytics');
      assert.deepEqual(await problems(page, 0), []);
    });

    it('shows the banner in Thai and English with what was typed', async () => {
      await page.type('#categories-1-title-th', 'ทดสอบ');
      const th = await previewText(page, 'th', 'yinyom-banner', 'ยอมรับ');
      const en = await previewText(page, 'en', 'yinyom-banner', 'Accept');
      assert.match(th, /ยอมรับทั้งหมด/);
      assert.match(en, /Accept all/);
      await page.click('input[name="view"][value="preferences"]');
      assert.match(await previewText(page, 'th', 'yinyom-preferences', 'คุกกี้เพื่อการวิเคราะห์ทดสอบ'), /คุกกี้ที่จำเป็น/);
      assert.match(await previewText(page, 'en', 'yinyom-preferences', 'Analytics cookies'), /Strictly necessary cookies/);
    });

    it('adds the dietary purpose from the keyboard, sensitive, and previews it as an inline consent', async () => {
      await page.focus('[data-preset="dietary"]');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'purposes-0-id');
      assert.equal(await page.$eval('#purposes-0-id', (input) => input.value), 'dietary');
      const config = JSON.parse(await page.$eval('#output-json', (area) => area.value));
      assert.deepEqual(config.purposes, [{ id: 'dietary', title: { th: 'ข้อมูลการแพ้อาหาร', en: 'Food allergies' }, description: 'ใช้ข้อมูลการแพ้อาหารของท่านเพื่อจัดอาหารระหว่างกิจกรรม', sensitive: true }]);
      await page.click('input[name="view"][value="consent"]');
      assert.match(await previewText(page, 'th', 'yinyom-consent', 'ข้อมูลการแพ้อาหาร'), /ข้อมูลการแพ้อาหาร/);
      assert.match(await previewText(page, 'en', 'yinyom-consent', 'Food allergies'), /Food allergies/);
    });

    it('loads the categories of a scan, keeping their patterns, and says when a file is not a scan', async () => {
      await (await page.$('#scan-file')).uploadFile(join(dir, 'not-a-scan.json'));
      await page.waitForFunction(() => document.getElementById('scan-status').textContent.includes('ไม่ใช่ผลการสแกน'));
      await (await page.$('#scan-file')).uploadFile(join(dir, 'scan.json'));
      await page.waitForFunction(() => document.getElementById('scan-status').textContent.startsWith('โหลด 2 หมวด 2 คุกกี้'));
      const config = JSON.parse(await page.$eval('#output-json', (area) => area.value));
      assert.deepEqual(config.categories, SCAN.config.categories.map(({ consentMode, ...category }) => category));
      assert.equal(await page.$eval('#categories-1-cookies', (area) => area.value), '_ga_<id>');
    });

    it('writes the two script tags with the config inline', async () => {
      const tags = await page.$eval('#output-tags', (area) => area.value);
      assert.match(tags, /^<script type="application\/json" id="yinyom-config">\n\{\n {2}"controller": \{\n {4}"name": "เทศบาลตัวอย่าง"/);
      assert.match(tags, /<\/script>\n<script src="\/vendor\/yinyom\/yinyom\.js" data-config="#yinyom-config"><\/script>\n$/);
    });

    it('removes a row from the keyboard and puts focus on the next one', async () => {
      await page.focus('#categories li:nth-child(1) .remove');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'categories-0-id');
      assert.equal(await page.$eval('#categories-0-id', (input) => input.value), 'analytics');
    });

    it('has no axe violations and breaks no CSP rule, in the page or the previews', async () => {
      await page.evaluate(axeSource);
      const violations = await page.evaluate(() =>
        window.axe
          .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, iframes: false })
          .then(({ violations: found }) => found.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`)),
      );
      assert.deepEqual(violations, []);
      // The previews reload at a pause in typing: read them once they show the config as it is.
      await page.waitForFunction(() => document.body.dataset.preview === 'ready');
      for (const frame of [page, ...(await Promise.all(['th', 'en'].map(async (lang) => (await page.$(`#preview-${lang}`)).contentFrame())))]) {
        assert.deepEqual(await frame.evaluate(() => window.problems), [], frame.url());
      }
    });
  });
}
