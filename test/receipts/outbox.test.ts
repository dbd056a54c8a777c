import { expect } from '@open-wc/testing';
import { createOutbox } from '../../src/core/receipts/outbox.js';
import { deadKey, memoryStore, outboxKey, receiptKey, type ReceiptStore } from '../../src/core/receipts/receipt-store.js';
import type { Receipt } from '../../src/core/types.js';

/** A store of `history` sent receipts, the newest `pending` of them still in the outbox, and one dead letter. */
function storeWith(history: number, pending: number) {
  const seed = new Map<string, unknown>();
  for (let n = 1; n <= history; n++) seed.set(receiptKey(`r${n}`), { n, receipt: { id: `r${n}` } as Receipt });
  for (let n = history - pending + 1; n <= history; n++) seed.set(outboxKey(`r${n}`), n);
  seed.set(deadKey('r1'), 'HTTP 400: bad');
  return memoryStore(seed);
}

/** Wraps `store`, keeping every key a read touched and every call of `all()`. */
function watchReads(store: ReceiptStore) {
  const reads = { all: 0, keys: [] as string[] };
  const note = (found: Map<string, unknown>) => (reads.keys.push(...found.keys()), found);
  return {
    reads,
    store: {
      ...store,
      get: <T>(key: string) => store.get<T>(key).then((value) => (value !== undefined && reads.keys.push(key), value)),
      getMany: (keys: string[]) => store.getMany(keys).then(note),
      range: (prefix: string) => store.range(prefix).then(note),
      all: () => (reads.all++, store.all().then(note)),
    } satisfies ReceiptStore,
  };
}

const settings = { retryBaseMs: 1e9, retryMaxMs: 1e9, timeoutMs: 5000 };

describe('outbox', () => {
  // 127.0.0.1:9 (discard) refuses connections: every send fails at once and is retried later.
  for (const endpoint of [undefined, 'http://127.0.0.1:9/v1/receipts']) {
    it(`a flush reads the outbox's key range and the pending receipts, never the history (${endpoint ? 'failing endpoint' : 'no endpoint'})`, async () => {
      const { store, reads } = watchReads(storeWith(300, 2));
      const outbox = createOutbox(store, { endpoint, ...settings });
      try {
        expect(await outbox.flush(true)).to.deep.equal({ sent: 0, pending: 2, failed: 1 });
      } finally {
        outbox.close();
      }
      expect(reads.all).to.equal(0);
      expect([...new Set(reads.keys)].sort()).to.deep.equal(['o:r299', 'o:r300', 'r:r299', 'r:r300']);
    });
  }
});
