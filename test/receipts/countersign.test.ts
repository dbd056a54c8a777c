import { expect } from '@open-wc/testing';
import { verifyReceipt } from '../../src/core/receipts/verify-receipt.js';
import type { SyncResult } from '../../src/core/types.js';
import { cleanUp, collector, decision, openBook, pageErrors, testConfig, until } from '../support/receipts-harness.js';

// Sending is only on an explicit sync(), so that each test decides when a receipt goes.
const patient = { retryBaseMs: 60_000, retryMaxMs: 60_000, timeoutMs: 2000 };
let endpoint: string;

beforeEach(async () => {
  await cleanUp();
  endpoint = await collector.start(true);
});
afterEach(async () => {
  expect(pageErrors, 'uncaught errors or unhandled rejections on the page').to.deep.equal([]);
  await cleanUp();
  await collector.stop();
});

const keys = async () => (await fetch(new URL('keys', endpoint))).json();

describe('countersigned receipts', () => {
  it('keeps the collector\'s signature of an acknowledged receipt, and it verifies with /v1/keys', async () => {
    const book = openBook(testConfig({ endpoint }), patient);
    const receipt = await book.record(decision());
    const [entry] = await until(async () => {
      const entries = await book.entries();
      return entries[0]?.signature && entries;
    }, 'the signature to be stored');
    expect(entry!.status).to.equal('sent');
    expect(entry!.signature!.kid).to.be.a('string');
    expect(await verifyReceipt(receipt, entry!.signature!, await keys())).to.equal(true);
    expect(await verifyReceipt({ ...receipt, choices: { ...receipt.choices, analytics: false } }, entry!.signature!, await keys())).to.equal(false);
  });

  it('keeps the signature of a duplicate: an answer lost after the collector stored the receipt costs no proof', async () => {
    await collector.down();
    const book = openBook(testConfig({ endpoint }), patient);
    // The send after the decision must have failed before the collector is back: a connection
    // still being tried (Firefox under load) would otherwise reach it, and race the lost send.
    const refused = new Promise<SyncResult>((resolve) => book.onSync(resolve));
    const receipt = await book.record(decision());
    expect(await refused).to.deep.equal({ sent: 0, pending: 1, failed: 0 });
    expect((await book.entries())[0]!.status).to.equal('pending');
    await collector.up();
    // The first send reached the collector; its answer never came back.
    const lost = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipts: [receipt] }) });
    expect((await lost.json()).accepted).to.deep.equal([receipt.id]);
    expect(await book.sync()).to.deep.equal({ sent: 1, pending: 0, failed: 0 });
    const log = await collector.log();
    const answers = log.map((entry) => [entry.status, (entry.response as { accepted?: string[] } | undefined)?.accepted, (entry.response as { duplicates?: string[] } | undefined)?.duplicates]);
    expect(answers, 'the lost answer, then the duplicate').to.deep.equal([
      [200, [receipt.id], []],
      [200, [], [receipt.id]],
    ]);
    const [entry] = await book.entries();
    expect(await verifyReceipt(receipt, entry!.signature!, await keys())).to.equal(true);
  });
});
