import { expect } from '@open-wc/testing';
import { decodeDecision } from '../../src/core/decision-cookie.js';
import { RETRY_AFTER_CHANNEL } from '../../src/core/receipts/outbox.js';
import type { ConsentApi, Receipt, SyncResult } from '../../src/core/types.js';
import { createConsent } from '../../src/index.js';
import {
  acknowledgements,
  captureWarnings,
  chainOrder,
  cleanUp,
  collector,
  decision,
  failIndexedDBOpen,
  openBook,
  openTab,
  pageErrors,
  testConfig,
  until,
} from '../support/receipts-harness.js';

// Short enough that a retry comes within a test, long enough to tell a retry from a burst.
const fast = { retryBaseMs: 50, retryMaxMs: 400, timeoutMs: 2000 };
// For tests where only an explicit sync() may send: no retry timer fires within the test.
const patient = { retryBaseMs: 60_000, retryMaxMs: 60_000, timeoutMs: 2000 };
let endpoint: string;

beforeEach(async () => {
  await cleanUp();
  endpoint = await collector.start();
});
afterEach(async () => {
  expect(pageErrors, 'uncaught errors or unhandled rejections on the page').to.deep.equal([]);
  await cleanUp();
  await collector.stop();
});

/** Waits until the book holds `count` receipts, all acknowledged; on timeout, says what the book and the collector saw. */
async function delivered(book: { entries(): Promise<Array<{ status: string }>> }, count = 1) {
  try {
    return await until(async () => {
      const entries = await book.entries();
      return entries.length >= count && entries.every((entry) => entry.status === 'sent') && entries;
    }, `${count} receipt(s) to be acknowledged`);
  } catch (error) {
    const statuses = await book.entries().then((entries) => entries.map((entry) => entry.status), (e) => `unreadable (${e})`);
    const log = await collector.log().then((entries) => JSON.stringify(entries), (e) => `unreadable (${e})`);
    throw new Error(`${(error as Error).message}; the book's entries: ${JSON.stringify(statuses)}; the collector's log: ${log}`);
  }
}

const storedIds = async () => (await collector.stored()).map((row) => row.id);

describe('sync', () => {
  it('delivers a receipt exactly once', async () => {
    const book = openBook(testConfig({ endpoint }), fast);
    const receipt = await book.record(decision());
    await delivered(book);
    expect((await collector.stored()).map((row) => row.receipt)).to.deep.equal([receipt]);
    expect(await book.sync()).to.deep.equal({ sent: 0, pending: 0, failed: 0 });
    const log = await collector.log();
    expect(log.map((entry) => entry.ids)).to.deep.equal([[receipt.id]]);
    expect(log[0]!.response).to.deep.equal({ accepted: [receipt.id], duplicates: [], rejected: [] });
  });

  it('delivers on the next visit what a tab closed while the collector was down', async () => {
    await collector.down();
    const tab = await openTab();
    const receipt = await tab.receipts.createReceiptBook({ config: testConfig({ endpoint }), ...fast }).record(decision());
    tab.close();
    await collector.up();
    expect(await collector.stored()).to.deep.equal([]);
    const nextVisit = openBook(testConfig({ endpoint }), fast);
    await delivered(nextVisit);
    expect(await storedIds()).to.deep.equal([receipt.id]);
  });

  it('retries after a 500 and reports each flush to onSync', async () => {
    await collector.fault({ status: 500 });
    const book = openBook(testConfig({ endpoint }), fast);
    const reports: SyncResult[] = [];
    book.onSync((result) => reports.push(result));
    const receipt = await book.record(decision());
    await delivered(book);
    const log = await collector.log();
    expect(log.map((entry) => [entry.status, entry.ids])).to.deep.equal([
      [500, [receipt.id]],
      [200, [receipt.id]],
    ]);
    expect(reports).to.deep.equal([
      { sent: 0, pending: 1, failed: 0 },
      { sent: 1, pending: 0, failed: 0 },
    ]);
    expect(await storedIds()).to.deep.equal([receipt.id]);
  });

  it('sends nothing before a 429 Retry-After (seconds) has elapsed, in any tab', async () => {
    // An hour, so that no step of the test can outlast it; the page's clock is then moved on.
    await collector.fault({ status: 429, retryAfter: 3600 });
    const book = openBook(testConfig({ endpoint }), fast);
    const receipt = await book.record(decision());
    await until(async () => (await collector.log()).length === 1 && (await book.entries())[0]?.status === 'pending', 'the 429');
    expect(await book.sync()).to.deep.equal({ sent: 0, pending: 1, failed: 0 });
    expect(await openBook(testConfig({ endpoint }), fast).sync()).to.deep.equal({ sent: 0, pending: 1, failed: 0 });
    const realNow = Date.now;
    try {
      Date.now = () => realNow() + 3540_000;
      expect(await openBook(testConfig({ endpoint }), fast).sync(), 'a minute before it ends').to.deep.equal({ sent: 0, pending: 1, failed: 0 });
      expect(await collector.log()).to.have.length(1);
      Date.now = () => realNow() + 3601_000;
      expect(await book.sync(), 'once it has ended').to.deep.equal({ sent: 1, pending: 0, failed: 0 });
    } finally {
      Date.now = realNow;
    }
    const log = await collector.log();
    expect(log.map((entry) => [entry.status, entry.ids])).to.deep.equal([
      [429, [receipt.id]],
      [200, [receipt.id]],
    ]);
  });

  it('tells the other tabs of a Retry-After at once: a tab that closes then sends nothing on pagehide', async () => {
    await collector.down();
    const tab = await openTab();
    const receipt = await tab.receipts.createReceiptBook({ config: testConfig({ endpoint }), ...patient }).record(decision());
    // Made after the book's channel, so it hears the news after the book (creation order).
    const heard = new Promise((resolve) => new tab.window.BroadcastChannel(RETRY_AFTER_CHANNEL).addEventListener('message', resolve, { once: true }));
    await collector.up();
    await collector.fault({ status: 429, retryAfter: 3600 });
    expect(await openBook(testConfig({ endpoint }), patient).sync()).to.deep.equal({ sent: 0, pending: 1, failed: 0 });
    await heard;
    const sent: unknown[] = [];
    const tabFetch = tab.window.fetch.bind(tab.window);
    tab.window.fetch = (input, init) => (sent.push(init?.body), tabFetch(input, init));
    tab.close();
    expect(sent, 'no keepalive request during the Retry-After').to.deep.equal([]);
    expect((await collector.log()).map((entry) => [entry.status, entry.ids])).to.deep.equal([[429, [receipt.id]]]);
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    const until503 = new Date(Date.now() + 1500).toUTCString();
    await collector.fault({ status: 503, retryAfter: until503 });
    const book = openBook(testConfig({ endpoint }), fast);
    await book.record(decision());
    await delivered(book);
    const [first, second] = await collector.log();
    expect(first!.status).to.equal(503);
    expect(second!.at).to.be.at.least(Date.parse(until503));
  });

  it('gives up on a request that hangs and retries it', async () => {
    await collector.fault({ hang: true });
    const book = openBook(testConfig({ endpoint }), { ...fast, timeoutMs: 300 });
    const receipt = await book.record(decision());
    await delivered(book);
    const [first, second] = await collector.log();
    expect(first!.status).to.equal('hang');
    // The proxy never answers it and the book is open: only the client's own timeout closes it.
    expect(first!.closedAt, 'the client gave up').to.be.a('number');
    expect(second!.status).to.equal(200);
    expect(second!.at).to.be.at.least(first!.closedAt!);
    expect(await storedIds()).to.deep.equal([receipt.id]);
  });

  it('flushes when the browser comes back online', async () => {
    await collector.down();
    // No retry timer fires within the test: only the online event can explain a delivery.
    const book = openBook(testConfig({ endpoint }), patient);
    const failed = new Promise((resolve) => book.onSync(resolve));
    const receipt = await book.record(decision());
    expect(await failed).to.deep.equal({ sent: 0, pending: 1, failed: 0 });
    await collector.up();
    dispatchEvent(new Event('online'));
    await delivered(book);
    expect(await storedIds()).to.deep.equal([receipt.id]);
  });

  it('moves a receipt the collector rejects to the dead letters, and keeps it visible', async () => {
    await collector.fault({ tamper: true });
    const book = openBook(testConfig({ endpoint }), fast);
    const receipt = await book.record(decision());
    const [entry] = await until(async () => {
      const entries = await book.entries();
      return entries[0]?.status === 'failed' && entries;
    }, 'the dead letter');
    expect(entry!.receipt).to.deep.equal(receipt);
    expect(entry!.error).to.match(/hash: does not match/);
    expect(await book.sync()).to.deep.equal({ sent: 0, pending: 0, failed: 1 });
    // Kept across visits, never sent again, and later receipts still go through.
    const nextVisit = openBook(testConfig({ endpoint }), fast);
    const later = await nextVisit.record(decision({ analytics: false }));
    await until(async () => (await nextVisit.entries())[0]?.status === 'sent', 'the next receipt');
    expect((await nextVisit.entries()).map((e) => [e.receipt.id, e.status])).to.deep.equal([
      [later.id, 'sent'],
      [receipt.id, 'failed'],
    ]);
    expect(await storedIds()).to.deep.equal([later.id]);
    expect((await collector.log()).filter((e) => e.ids.includes(receipt.id))).to.have.length(1);
  });

  it('splits a batch a 4xx refuses until the bad receipt is alone', async () => {
    await collector.down();
    const book = openBook(testConfig({ endpoint }), patient);
    const made: Receipt[] = [];
    for (let i = 0; i < 5; i++) made.push(await book.record(decision({ analytics: i % 2 === 0 })));
    const bad = made[2]!;
    // Waits for any flush still trying, so that only the sync below can reach the collector.
    expect(await book.sync()).to.deep.equal({ sent: 0, pending: 5, failed: 0 });
    await collector.fault({ poison: bad.id });
    await collector.up();
    expect(await book.sync()).to.deep.equal({ sent: 4, pending: 0, failed: 1 });
    const failed = (await book.entries()).filter((entry) => entry.status === 'failed');
    expect(failed.map((entry) => [entry.receipt.id, entry.error])).to.deep.equal([[bad.id, 'HTTP 400: body.receipts: a receipt this test refuses']]);
    expect((await storedIds()).sort()).to.deep.equal(made.filter((r) => r !== bad).map((r) => r.id).sort());
    expect((await collector.log())[0]!.ids).to.deep.equal(made.map((r) => r.id));
  });

  it('sends at most 100 receipts a request, oldest first', async () => {
    await collector.down();
    const book = openBook(testConfig({ endpoint }), patient);
    const made: Receipt[] = [];
    for (let i = 0; i < 120; i++) made.push(await book.record(decision({ analytics: i % 2 === 0 })));
    expect(await book.sync()).to.deep.equal({ sent: 0, pending: 120, failed: 0 });
    await collector.up();
    expect(await book.sync()).to.deep.equal({ sent: 120, pending: 0, failed: 0 });
    const log = await collector.log();
    expect(log.map((entry) => entry.ids)).to.deep.equal([made.slice(0, 100).map((r) => r.id), made.slice(100).map((r) => r.id)]);
  });

  it('lets one tab flush at a time', async () => {
    await collector.down();
    const book = openBook(testConfig({ endpoint }), fast);
    const made = [await book.record(decision()), await book.record(decision({ analytics: false }))];
    expect(await book.sync()).to.deep.equal({ sent: 0, pending: 2, failed: 0 });
    await collector.up();
    // Two more pages boot (each flushes at once) while this one syncs.
    openBook(testConfig({ endpoint }), fast);
    openBook(testConfig({ endpoint }), fast);
    await book.sync();
    await delivered(book, 2);
    const sent = (await collector.log()).flatMap((entry) => entry.ids);
    expect(sent.sort()).to.deep.equal(made.map((r) => r.id).sort());
  });

  it('delivers both receipts of two tabs deciding at once, without duplicates', async () => {
    const [a, b] = await Promise.all([openTab(), openTab()]);
    const config = testConfig({ endpoint });
    const made = await Promise.all([
      a.receipts.createReceiptBook({ config, ...fast }).record(decision({ analytics: true })),
      b.receipts.createReceiptBook({ config, ...fast }).record(decision({ marketing: true })),
    ]);
    const book = openBook(config, fast);
    await book.sync();
    await delivered(book, 2);
    expect((await storedIds()).sort()).to.deep.equal(made.map((r) => r.id).sort());
    const acks = acknowledgements(await collector.log());
    expect([...acks.values()]).to.deep.equal([1, 1]);
    chainOrder(made);
    expect([...a.window.pageErrors, ...b.window.pageErrors]).to.deep.equal([]);
  });

  it('sends with keepalive on pagehide, so a closing tab still delivers', async () => {
    await collector.fault({ hang: true });
    const tab = await openTab();
    // On loopback even a plain request may get out before the tab goes; so check the flag too.
    const keepalive: unknown[] = [];
    const tabFetch = tab.window.fetch.bind(tab.window);
    tab.window.fetch = (input, init) => (keepalive.push(init?.keepalive), tabFetch(input, init));
    const receipt = await tab.receipts.createReceiptBook({ config: testConfig({ endpoint }), retryBaseMs: 60_000, timeoutMs: 60_000 }).record(decision());
    await until(async () => (await collector.log()).length === 1, 'the first request to hang');
    tab.close();
    await until(async () => (await storedIds()).includes(receipt.id), 'the keepalive request to deliver');
    // The collector stores the receipt before its log has the answer's status: wait for that too.
    await until(async () => (await collector.log())[1]?.status !== undefined, 'the keepalive request to be answered');
    expect((await collector.log()).map((entry) => entry.status)).to.deep.equal(['hang', 200]);
    expect(keepalive).to.deep.equal([false, true]);
  });

  it('on pagehide sends no more than 60 KB with keepalive, oldest first, split to fit; the next visit sends the rest', async () => {
    await collector.down();
    const tab = await openTab();
    const config = testConfig({ endpoint });
    const tabBook = tab.receipts.createReceiptBook({ config, retryBaseMs: 60_000, retryMaxMs: 60_000, timeoutMs: 60_000 });
    const made: Receipt[] = [];
    for (let i = 0; i < 120; i++) made.push(await tabBook.record(decision({ analytics: i % 2 === 0, marketing: i % 3 === 0 })));
    const size = (receipts: Receipt[]) => new Blob([JSON.stringify({ receipts })]).size;
    expect(size(made.slice(0, 100)), 'a full batch is over the budget').to.be.above(60_000);
    // The failed flushes are over once a sync() returns: nothing but pagehide sends from here on.
    expect(await tabBook.sync()).to.deep.equal({ sent: 0, pending: 120, failed: 0 });
    await collector.up();
    const sent: Array<{ keepalive: boolean | undefined; bytes: number; ids: string[] }> = [];
    const tabFetch = tab.window.fetch.bind(tab.window);
    tab.window.fetch = (input, init) => {
      const { receipts } = JSON.parse(init!.body as string) as { receipts: Receipt[] };
      sent.push({ keepalive: init?.keepalive, bytes: new Blob([init!.body as string]).size, ids: receipts.map((receipt) => receipt.id) });
      return tabFetch(input, init);
    };
    tab.close();
    // pagehide sends synchronously, while the tab goes.
    expect(sent.length, 'split into several requests').to.be.at.least(2);
    expect(sent.every((request) => request.keepalive)).to.equal(true);
    expect(sent.reduce((sum, request) => sum + request.bytes, 0)).to.be.at.most(60_000);
    const ids = sent.flatMap((request) => request.ids);
    expect(ids, 'the oldest, in order').to.deep.equal(made.slice(0, ids.length).map((receipt) => receipt.id));
    expect(ids.length, 'the rest waits').to.be.below(made.length);
    await until(async () => {
      const log = await collector.log();
      return sent.every((request) => log.some((entry) => entry.status === 200 && entry.ids.join() === request.ids.join()));
    }, 'the keepalive requests to be answered');
    const log = await collector.log();
    expect(log.filter((entry) => sent.some((request) => request.ids.join() === entry.ids.join())).reduce((sum, entry) => sum + entry.bytes, 0)).to.be.at.most(60_000);
    expect((await storedIds()).sort()).to.deep.equal([...ids].sort());
    const nextVisit = openBook(config, patient);
    await delivered(nextVisit, made.length);
    expect((await storedIds()).sort()).to.deep.equal(made.map((receipt) => receipt.id).sort());
  });

  it('sends at once when IndexedDB is unavailable', async () => {
    const restore = failIndexedDBOpen(new DOMException('IndexedDB is disabled in this private window.', 'InvalidStateError'));
    try {
      const { result: receipt, warnings } = await captureWarnings(async () => {
        const book = openBook(testConfig({ endpoint }), fast);
        const receipt = await book.record(decision());
        await delivered(book);
        return receipt;
      });
      expect(warnings).to.have.length(1);
      expect(await storedIds()).to.deep.equal([receipt.id]);
    } finally {
      restore();
    }
  });
});

describe('the chain on the server', () => {
  it('verifies: every prev is the hash of the receipt before it, no gap, no fork', async () => {
    const config = testConfig({ endpoint });
    const book = openBook(config, fast);
    const made = [await book.record(decision()), await book.record(decision({ analytics: false }, { method: 'withdraw' }))];
    const [a, b] = await Promise.all([openTab(), openTab()]);
    made.push(
      ...(await Promise.all([
        a.receipts.createReceiptBook({ config, ...fast }).record(decision({ marketing: true })),
        b.receipts.createReceiptBook({ config, ...fast }).record(decision({ marketing: false })),
        book.record(decision({ analytics: true })),
      ])),
    );
    await book.sync();
    await delivered(book, made.length);
    const rows = await collector.stored();
    const ordered = chainOrder(rows.map((row) => row.receipt));
    expect(ordered.map((r) => r.id).sort()).to.deep.equal(made.map((r) => r.id).sort());
    for (const row of rows) expect(row.hash).to.equal(row.receipt.hash);
    const { status, body } = await collector.gaps(made[0]!.subject);
    expect(status).to.equal(200);
    expect(body).to.deep.include({ count: 5, complete: true, roots: [ordered[0]!.id], gaps: [], forks: [] });
  });
});

describe('the core and the collector', () => {
  const stop = new AbortController();
  after(() => stop.abort());
  const cookie = () => document.cookie.split('; ').find((pair) => pair.startsWith('yinyom='))?.slice(7);
  /** Resolves with the first `yinyom-sync` event whose counts pass `test`. */
  const syncEvent = (test: (counts: SyncResult) => boolean) =>
    new Promise<SyncResult>((resolve) => {
      const listener = (event: CustomEvent<SyncResult>) => {
        if (!test(event.detail)) return;
        document.removeEventListener('yinyom-sync', listener);
        resolve(event.detail);
      };
      document.addEventListener('yinyom-sync', listener);
    });

  it('clears the cookie\'s "p" and fires yinyom-sync once the outbox has drained', async () => {
    await collector.down();
    const controller = new AbortController();
    stop.signal.addEventListener('abort', () => controller.abort());
    let api: ConsentApi | undefined;
    try {
      api = createConsent(testConfig({ endpoint }), { ui: false, signal: controller.signal });
      const heard: SyncResult[] = [];
      api.on('sync', (counts) => heard.push(counts));
      const failed = syncEvent(() => true);
      const receipt = await api.set({ analytics: true });
      expect(decodeDecision(cookie()!)?.pending, 'receipts wait: the cookie says so').to.equal(true);
      expect(await failed).to.deep.equal({ sent: 0, pending: 1, failed: 0 });
      expect(decodeDecision(cookie()!)?.pending, 'a failed flush changes nothing').to.equal(true);
      const drained = syncEvent((counts) => counts.pending === 0);
      await collector.up();
      await api.sync();
      expect(await drained).to.deep.include({ pending: 0, failed: 0 });
      const after = decodeDecision(cookie()!);
      expect(after?.pending, 'nothing waits: the flag is gone').to.equal(undefined);
      expect(after).to.deep.include({ receiptId: receipt.id, choices: { analytics: true, marketing: false } });
      expect(heard.at(-1)).to.deep.include({ pending: 0 });
      expect(await storedIds()).to.deep.equal([receipt.id]);
    } finally {
      controller.abort();
      document.cookie = 'yinyom=;max-age=0;path=/';
    }
  });
});
