// Target 6 of issue 8: the cost of a flush must not grow with the history. In a page that
// imports the ES build's receipt book (dist/esm/core/receipts/create-receipt-book.js, bundled
// by esbuild at startup), with the bench server's collector as its endpoint:
//   1. a history of N receipts is stored and sent: real receipts, sealed and chained by the
//      build's sealReceipt, written with the build's own store (write(), 500 to a
//      transaction, under the keys record() uses), then sent by the receipt book's outbox to
//      the collector, which acknowledges them. Written in bulk because record() one at a time
//      reads every stored receipt while the flush does (the very cost measured here), which
//      makes 5,000 take over ten minutes. It is checked through the book's public API: N
//      entries, all sent, and the next record() chains onto the last one. Where the build's
//      store no longer has that shape, the history is built with record() instead, and the
//      output says so;
//   2. each sample: pause the collector (it answers 503), record one more receipt, wait for
//      the failed automatic flush, resume the collector, and time book.sync() sending that
//      one pending receipt.
// The two histories live in two browser contexts (separate IndexedDB) and their samples are
// interleaved, so that machine noise falls on both alike. Not throttled: this is the cost of
// the storage reads, not of a slow CPU.
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { median } from './quantile.mjs';
import { ENDPOINT } from './subjects.mjs';

const PAGE = '/bench/flush';
const BUNDLE = '/bench/receipt-book.js';
const RECEIPTS = 'dist/esm/core/receipts';

/** The files of the flush page (the bundle and the page), for serve({ files }). */
export async function flushFiles() {
  const module = (name) => JSON.stringify(resolve(RECEIPTS, name));
  // Namespace imports: a module of the build that lacks a name the bulk writer needs leaves
  // it undefined, and the writer steps aside, rather than failing the build.
  const entry = `export * as book from ${module('create-receipt-book.js')};
export * as store from ${module('receipt-store.js')};
export * as seal from ${module('seal-receipt.js')};
export * as uuid from ${module('uuid.js')};`;
  const { outputFiles } = await build({ stdin: { contents: entry, resolveDir: process.cwd() }, bundle: true, format: 'esm', write: false, logLevel: 'silent' });
  const page = `<!doctype html><meta charset="utf-8"><title>flush</title><script type="module">
import { book, store, seal, uuid } from '${BUNDLE}';
const config = {
  controller: { name: { th: 'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล', en: 'TDGA' } },
  notice: { id: 'bench', version: '1' },
  categories: [{ id: 'necessary', required: true, title: 'จำเป็น' }, { id: 'analytics', title: 'วิเคราะห์' }, { id: 'marketing', title: 'การตลาด' }],
  purposes: [], language: 'th', expiresDays: 365, respectGPC: true, googleConsentMode: false,
  endpoint: '${ENDPOINT}',
};
const notice = { id: 'bench', version: '1' };
let n = 0;
window.decision = () => ({ choices: { analytics: n++ % 2 === 0, marketing: false }, method: 'api', language: 'th', notice, gpc: false, time: new Date() });
// A retry timer must not flush behind the bench's back between pausing and timing.
window.openBook = () => (window.book = book.createReceiptBook({ config, retryBaseMs: 3_600_000 }));
window.canWriteInBulk = typeof book.RECEIPTS_DATABASE === 'string' && typeof store.idbStore === 'function' && typeof seal.sealReceipt === 'function'
  && typeof uuid.uuidv7 === 'function' && typeof uuid.uuidv4 === 'function' && [store.HEAD, store.receiptKey, store.outboxKey].every(Boolean);
// What record() stores, N times over in few transactions: the receipt, its outbox entry, the chain head.
window.writeHistory = async (count) => {
  const db = store.idbStore(book.RECEIPTS_DATABASE);
  const subject = uuid.uuidv4();
  let prev = null;
  let puts = [];
  for (let i = 1; i <= count; i++) {
    const decision = window.decision();
    const receipt = await seal.sealReceipt(decision, { config, id: uuid.uuidv7(decision.time.getTime()), subject, prev });
    puts.push([store.receiptKey(receipt.id), { n: i, receipt }], [store.outboxKey(receipt.id), i]);
    prev = receipt.hash;
    if (i % 500 === 0 || i === count) {
      await db.write([...puts, [store.HEAD, { n: i, id: receipt.id, hash: receipt.hash, subject }]]);
      puts = [];
    }
  }
  db.close();
  return prev;
};
window.ready = true;
</script>`;
  return new Map([
    [BUNDLE, { body: outputFiles[0].text, type: 'text/javascript' }],
    [PAGE, { body: page, type: 'text/html; charset=utf-8' }],
  ]);
}

async function history(browser, origin, size, log) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(0); // building a history can outlast puppeteer's default timeouts
  await page.goto(`${origin}${PAGE}`);
  await page.waitForFunction(() => window.ready);
  const start = Date.now();
  const bulk = await page.evaluate(() => window.canWriteInBulk);
  let last = null;
  if (bulk) {
    last = await page.evaluate((size) => window.writeHistory(size), size);
    await page.evaluate(() => void window.openBook());
  } else {
    await page.evaluate(() => void window.openBook());
    for (let done = 0; done < size; ) {
      const count = Math.min(250, size - done);
      await page.evaluate(async (count) => {
        for (let i = 0; i < count; i++) await window.book.record(window.decision());
      }, count);
      done += count;
      log?.(`  history of ${size}: ${done} recorded one by one (${((Date.now() - start) / 1000).toFixed(0)} s)\r`);
    }
  }
  const stored = await page.evaluate(async () => {
    for (let i = 0; i < 500 && (await window.book.sync()).pending > 0; i++);
    const entries = await window.book.entries();
    return { receipts: entries.length, sent: entries.filter((e) => e.status === 'sent').length };
  });
  if (stored.receipts !== size || stored.sent !== size) {
    throw new Error(`flush bench: a history of ${size} ${bulk ? 'written in bulk' : 'recorded'} holds ${stored.receipts} receipts, ${stored.sent} sent`);
  }
  return { context, page, size, bulk, last, buildMs: Date.now() - start };
}

function sample(page) {
  return page.evaluate(async (endpoint) => {
    await fetch(`${endpoint}/pause`, { method: 'POST' });
    const failed = new Promise((resolve) => {
      const off = window.book.onSync((result) => (off(), resolve(result)));
      setTimeout(() => resolve(null), 5000);
    });
    const receipt = await window.book.record(window.decision());
    await failed;
    await fetch(`${endpoint}/resume`, { method: 'POST' });
    const start = performance.now();
    const result = await window.book.sync();
    return { ms: performance.now() - start, result, prev: receipt.prev };
  }, ENDPOINT);
}

/**
 * Times a flush of one pending receipt over each history size in `sizes` (default 10 and
 * 5,000), `samples` times each. Returns, per size: the samples (ms), their median, how the
 * history was built (`bulk`) and how long that took.
 */
export async function flushCost(browser, origin, { sizes = [10, 5000], samples = 9, log } = {}) {
  const books = [];
  try {
    for (const size of sizes) {
      log?.(`  building a history of ${size} receipts\r`);
      books.push(await history(browser, origin, size, log));
    }
    const results = Object.fromEntries(books.map(({ size, bulk, buildMs }) => [size, { size, bulk, buildMs, samples: [] }]));
    for (let i = 0; i < samples; i++) {
      for (const book of books) {
        const s = await sample(book.page);
        if (i === 0 && book.bulk && s.prev !== book.last) throw new Error(`flush bench: the receipt recorded after a bulk-written history of ${book.size} does not chain onto it`);
        if (s.result.sent !== 1 || s.result.pending !== 0) {
          throw new Error(`flush bench: sync() over ${book.size} receipts sent ${s.result.sent} and left ${s.result.pending} pending (expected 1 and 0)`);
        }
        results[book.size].samples.push(s.ms);
      }
    }
    for (const result of Object.values(results)) result.median = median(result.samples);
    return results;
  } finally {
    for (const { context } of books) await context.close();
  }
}
