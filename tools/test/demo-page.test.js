// The demo's page of imported notices, in Chromium: each seed's committed JSON rendered by
// <yinyom-notice> under the demo's strict CSP, with every section, the nested clauses and the
// links the importer made.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { main } from '../../demo/serve.mjs';
import { launchBrowser } from '../src/browser.js';

const imported = (name) => JSON.parse(readFileSync(new URL(`../../demo/imported/${name}.json`, import.meta.url), 'utf8'));

describe('demo /imported-notices.html', () => {
  let demo;
  let browser;
  let page;
  const problems = [];
  before(async () => {
    demo = await main(['--port', '0', '--no-collector'], () => {});
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(new URL('/imported-notices.html', demo.siteUrl).href);
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  for (const name of ['tdga', 'mailgothai', 'dlg', 'gchat']) {
    it(`renders every section of ${name}`, async () => {
      const { title, sections } = imported(name);
      const shown = await page.waitForFunction(
        (id, count) => {
          const root = document.querySelector(`#${id} yinyom-notice`)?.shadowRoot;
          // A heading is its section number (text of its own, see yinyom-notice.ts), then its title.
          const headings = [...(root?.querySelectorAll('section h3') ?? [])].map((h) => h.textContent.slice(h.querySelector('.num')?.textContent.length ?? 0).trim());
          return headings.length === count && { title: root.querySelector('h2').textContent.trim(), headings };
        },
        {},
        name,
        sections.length,
      );
      const { title: shownTitle, headings } = await shown.jsonValue();
      assert.equal(shownTitle, title);
      assert.deepEqual(headings, sections.map((section) => section.title));
    });
  }

  it('shows TDGA clause ๗.๔ with its four sub-clauses, and the contact e-mail as a link', async () => {
    const found = await page.evaluate(() => {
      const root = document.querySelector('#tdga yinyom-notice').shadowRoot;
      return {
        subClauses: root.querySelector('section[data-kind="rights"] ol > li:nth-child(4) > div > ol')?.children.length,
        number: root.querySelector('section[data-kind="rights"] ol > li:nth-child(4) > .num')?.textContent,
        mail: root.querySelectorAll('section[data-kind="contact"] a[href="mailto:contact@dga.or.th"]').length,
        phone: root.querySelectorAll('section[data-kind="contact"] a[href="tel:026126060"]').length,
      };
    });
    assert.deepEqual(found, { subClauses: 4, number: '๗.๔', mail: 2, phone: 2 });
  });

  it('reports no error: no CSP violation, no malformed notice', () => assert.deepEqual(problems, []));
});
