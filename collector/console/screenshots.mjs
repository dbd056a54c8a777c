#!/usr/bin/env node
/*
 * `npm run screenshots -w collector`: photographs the console in Thai, light and dark, as
 * Debian's Chromium draws it at 1280×800, into collector/docs/ for the README. A collector on
 * a temporary SQLite file is given a month of made-up receipts first. Needs `npm run build`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumLaunch } from '../../test/support/debian-browsers.mjs';
import { createCollector } from '../src/index.js';
import { makeChain, rehash } from '../test-support/receipts.js';

const OUT = fileURLToPath(new URL('../docs/', import.meta.url));
const TOKEN = 'screenshot-token-0123456789';
const SITES = ['https://tdga.dga.or.th', 'https://learn.tdga.dga.or.th'];
const DAY = 24 * 60 * 60 * 1000;
const SUBJECT = '5f0c2a9e-สมชาย';

const dir = mkdtempSync(join(tmpdir(), 'yinyom-console-shots-'));
const collector = createCollector({ db: join(dir, 'receipts.sqlite'), adminToken: TOKEN, allowOrigins: SITES, rateLimit: false, retentionDays: 730 });
const url = await collector.listen({ port: 0, host: '127.0.0.1' });
try {
  // A fixed pattern, not random numbers, so that the pictures come out the same each time.
  const start = Date.now() - 14 * DAY;
  const receipts = [];
  for (let i = 0; i < 60; i++) {
    const choices = { necessary: true, analytics: i % 3 !== 0, marketing: i % 4 === 0, 'photo-publicity': i % 2 === 0 };
    const [first, second] = makeChain(2, { subject: i === 0 ? SUBJECT : `subject-${i}`, origin: SITES[i % 5 === 0 ? 1 : 0], choices }, start + (i % 14) * DAY + i * 60_000);
    receipts.push(first);
    if (i % 6 === 0) receipts.push(rehash(second, { method: 'withdraw', choices: { ...choices, 'photo-publicity': false } }));
  }
  for (let i = 0; i < receipts.length; i += 100) {
    await collector.app.inject({ method: 'POST', url: '/v1/receipts', headers: { 'content-type': 'application/json' }, payload: { receipts: receipts.slice(i, i + 100) } });
  }

  const browser = await puppeteer.launch(chromiumLaunch());
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${url}/admin/`);
  await page.waitForSelector('#password');
  await page.type('#password', TOKEN);
  await page.click('main form button');
  await page.waitForSelector('#choices');
  for (const scheme of ['light', 'dark']) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(`${url}/admin/`);
    await page.waitForSelector('#choices');
    await page.screenshot({ path: join(OUT, `console-overview-${scheme}.png`) });
    await page.goto(`${url}/admin/subjects/${encodeURIComponent(SUBJECT)}`);
    await page.waitForSelector('#receipt-list');
    await page.screenshot({ path: join(OUT, `console-subject-${scheme}.png`) });
  }
  await browser.close();
  console.log(`screenshots in ${OUT}`);
} finally {
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
}
