import { expect } from '@open-wc/testing';
import { hasReceiptBook } from '../../src/core/has-receipt-book.js';
import type { Receipt } from '../../src/core/types.js';
import { captureWarnings, chainOrder, failIndexedDBOpen, cleanUp, decision, openBook, openTab, pageErrors, testConfig } from '../support/receipts-harness.js';

beforeEach(cleanUp);
afterEach(async () => {
  expect(pageErrors, 'uncaught errors or unhandled rejections on the page').to.deep.equal([]);
  await cleanUp();
});

describe('the receipt book', () => {
  // First in the file: no tab of an earlier test holds the database open, so cleanUp's deletion has completed.
  it('tells a cookie-less page load whether this browser holds a receipt book, without opening it', async () => {
    expect(await hasReceiptBook()).to.equal(false);
    await openBook(testConfig()).record(decision());
    expect(await hasReceiptBook()).to.equal(true);
  });

  it('has nothing on a fresh device', async () => {
    const book = openBook(testConfig());
    expect(await book.latest()).to.equal(undefined);
    expect(await book.entries()).to.deep.equal([]);
  });

  it('has stored the receipt when record() resolves: a tab closed right after keeps it', async () => {
    const tab = await openTab();
    const book = tab.receipts.createReceiptBook({ config: testConfig() });
    const receipt = await book.record(decision());
    tab.close(); // no further turn of the tab's event loop
    const entries = await openBook(testConfig()).entries();
    expect(entries.map((entry) => entry.receipt)).to.deep.equal([receipt]);
  });

  it('lists every receipt newest first, and latest() is the newest', async () => {
    const book = openBook(testConfig());
    const made: Receipt[] = [];
    for (const analytics of [true, false, true]) made.push(await book.record(decision({ analytics })));
    const entries = await openBook(testConfig()).entries();
    expect(entries.map((entry) => entry.receipt)).to.deep.equal(made.reverse());
    expect(await book.latest()).to.deep.equal(made[0]);
  });

  it('without an endpoint keeps receipts pending on the device and sends nothing', async () => {
    const calls: unknown[] = [];
    const original = window.fetch;
    window.fetch = (...args: Parameters<typeof fetch>) => (calls.push(args), original(...args));
    try {
      const book = openBook(testConfig());
      await book.record(decision());
      await book.record(decision({ analytics: false }));
      expect(await book.sync()).to.deep.equal({ sent: 0, pending: 2, failed: 0 });
      expect((await book.entries()).map((entry) => entry.status)).to.deep.equal(['pending', 'pending']);
    } finally {
      window.fetch = original;
    }
    expect(calls).to.deep.equal([]);
  });

  it('keeps one linear chain when two tabs decide at once', async () => {
    const [a, b] = await Promise.all([openTab(), openTab()]);
    const bookA = a.receipts.createReceiptBook({ config: testConfig() });
    const bookB = b.receipts.createReceiptBook({ config: testConfig() });
    const made = await Promise.all([1, 2, 3].flatMap((i) => [bookA.record(decision({ analytics: i % 2 === 0 })), bookB.record(decision({ marketing: i % 2 === 0 }))]));
    const ordered = chainOrder(made);
    expect(new Set(made.map((r) => r.subject)).size).to.equal(1);
    const entries = await openBook(testConfig()).entries();
    expect(entries.map((entry) => entry.receipt.id)).to.deep.equal(ordered.map((r) => r.id).reverse());
    expect([...a.window.pageErrors, ...b.window.pageErrors]).to.deep.equal([]);
  });

  it('keeps one linear chain across tabs without Web Locks', async () => {
    const [a, b] = await Promise.all([openTab(), openTab()]);
    for (const tab of [a, b]) Object.defineProperty(tab.window.navigator, 'locks', { value: undefined, configurable: true });
    expect(a.window.navigator.locks).to.equal(undefined);
    const bookA = a.receipts.createReceiptBook({ config: testConfig() });
    const bookB = b.receipts.createReceiptBook({ config: testConfig() });
    const made = await Promise.all([1, 2, 3, 4].flatMap(() => [bookA.record(decision()), bookB.record(decision())]));
    expect(chainOrder(made)).to.have.length(8);
  });
});

describe('without IndexedDB', () => {
  it('keeps receipts in memory, chained, with one warning', async () => {
    const restore = failIndexedDBOpen(new DOMException('The user denied permission to access the database.', 'SecurityError'));
    try {
      const { result, warnings } = await captureWarnings(async () => {
        const book = openBook(testConfig());
        const first = await book.record(decision());
        const second = await book.record(decision({ analytics: false }));
        return { book, first, second, entries: await book.entries(), latest: await book.latest() };
      });
      expect(result.second.prev).to.equal(result.first.hash);
      expect(result.entries.map((entry) => entry.receipt)).to.deep.equal([result.second, result.first]);
      expect(result.latest).to.deep.equal(result.second);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^\[yinyom\] receipts: IndexedDB is unavailable \(SecurityError: .*denied.*\); receipts are kept in memory/);
    } finally {
      restore();
    }
    // Memory only: nothing reached the database.
    expect(await openBook(testConfig()).entries()).to.deep.equal([]);
  });

  it('carries the chain and the outbox over when IndexedDB fails later (quota)', async () => {
    const book = openBook(testConfig());
    const first = await book.record(decision());
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const { result, warnings } = await captureWarnings(async () => {
        const second = await book.record(decision({ analytics: false }));
        const third = await book.record(decision({ analytics: true }));
        return { second, third, entries: await book.entries(), counts: await book.sync() };
      });
      expect(result.second.prev).to.equal(first.hash);
      expect(result.third.prev).to.equal(result.second.hash);
      expect(result.entries.map((entry) => entry.receipt.id)).to.deep.equal([result.third.id, result.second.id, first.id]);
      expect(result.counts).to.deep.equal({ sent: 0, pending: 3, failed: 0 });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('QuotaExceededError');
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
  });
});
