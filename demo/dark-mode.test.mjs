// Axe on the demo's pages with the device in dark mode, in Debian's Chromium and Firefox ESR:
// `node --test demo/dark-mode.test.mjs` (after `npm run build`). The pages are light-only
// (`color-scheme: light`, as most Thai government sites are) and theme the SDK with their
// navy through `--yinyom-accent` alone; the elements must follow the page, not the device,
// and keep their contrast (issue 13, finding 13).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { main } from './serve.mjs';
import { chromiumLaunch, firefoxLaunch } from '../test/support/debian-browsers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['/', '/register.html', '/privacy.html', '/my-consents.html'];
const BROWSERS = [
  {
    name: 'Chromium',
    launch: chromiumLaunch(),
    dark: (page) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]),
  },
  {
    name: 'Firefox ESR',
    // WebDriver BiDi cannot emulate media features: the browser itself is told to prefer dark.
    launch: firefoxLaunch({ extraPrefsFirefox: { 'layout.css.prefers-color-scheme.content-override': 0 } }),
    dark: async () => {},
  },
];

/** Every Yinyom element in the page has rendered its content (a notice fetched by src included). */
function rendered() {
  const elements = [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('yinyom-'));
  return (
    elements.length > 0 &&
    elements.every((element) => {
      const root = element.shadowRoot;
      if (!root || !root.firstElementChild) return element.localName === 'yinyom-banner' && !element.hasAttribute('open');
      return !/กำลังโหลด/.test(root.textContent);
    })
  );
}

/** Runs axe (WCAG 2.x A and AA) on the whole document, shadow roots included; resolves to the violations, each with its nodes. */
function audit() {
  return window.axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then(({ violations }) => violations.map(({ id, nodes }) => `${id}: ${nodes.length} node(s), e.g. ${nodes[0].target.join(' >>> ')}: ${nodes[0].failureSummary?.split('\n')[1]?.trim()}`));
}

let demo;
let dir;
before(async () => {
  assert.ok(existsSync('dist/yinyom.js'), 'run `npm run build` first');
  dir = mkdtempSync(join(tmpdir(), 'yinyom-demo-dark-'));
  demo = await main(['--port', '0', '--collector-port', '0', '--db', join(dir, 'receipts.sqlite')], () => {});
});
after(async () => {
  await demo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

for (const { name, launch, dark } of BROWSERS) {
  describe(`the demo in ${name}, the device in dark mode`, () => {
    let browser;
    before(async () => {
      browser = await puppeteer.launch({ headless: true, ...launch });
    });
    after(() => browser?.close());

    for (const path of PAGES) {
      it(`${path}: no axe violations on a first visit, with the banner and then the preferences open`, async () => {
        // A context of its own: no cookie, no stored receipts, so the banner shows.
        const context = await browser.createBrowserContext();
        try {
          const page = await context.newPage();
          await dark(page);
          await page.goto(new URL(path, demo.siteUrl).href);
          assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true, 'the device prefers dark');
          await page.waitForFunction(() => document.querySelector('yinyom-banner[open]')?.shadowRoot?.querySelector('[role=region]'));
          await page.waitForFunction(rendered);
          await page.evaluate(axeSource);
          assert.deepEqual(await page.evaluate(audit), [], 'with the banner open');
          await page.evaluate(() => document.querySelector('yinyom-banner').shadowRoot.querySelector('[part~=settings]').click());
          await page.waitForFunction(() => document.querySelector('yinyom-preferences')?.shadowRoot?.querySelector('dialog[open]'));
          assert.deepEqual(await page.evaluate(audit), [], 'with the preferences open');
        } finally {
          await context.close();
        }
      });
    }
  });
}
