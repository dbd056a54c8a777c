import { RECEIPTS_DATABASE } from '../has-receipt-book.js';
import type { ReceiptEntry } from '../types.js';
import type { CreateReceiptBook, ReceiptBook, ReceiptBookOptions } from './receipt-book.js';
import { createOutbox, snapshot } from './outbox.js';
import { HEAD, fallbackStore, outboxKey, receiptKey, type Head, type Stored } from './receipt-store.js';
import { sealReceipt } from './seal-receipt.js';
import { uuidv4, uuidv7 } from './uuid.js';
import { withLock } from './with-lock.js';

/** The IndexedDB database that holds receipts, their outbox and dead letters. */
export { RECEIPTS_DATABASE };
const WRITE_LOCK = 'yinyom:receipts:write';

/** `createReceiptBook` options: the config, and sync tuning that tests shorten. */
export interface ReceiptBookSettings extends ReceiptBookOptions {
  /** Delay before the first retry of a failed flush, in ms; doubles after each failure, with jitter (50–100 %). Default 2000. */
  retryBaseMs?: number;
  /** Longest delay between retries, in ms. Default 300000 (5 minutes). */
  retryMaxMs?: number;
  /** A request that has not answered after this many ms counts as failed. Default 15000. */
  timeoutMs?: number;
}

/**
 * Creates the receipt book of DESIGN.md sections 6 and 10 for `config`: receipts in the
 * IndexedDB database `yinyom-receipts`, sent to `config.endpoint` by the outbox. It flushes
 * at once (a previous visit may have left receipts), after each decision, on `online`, on a
 * backoff timer while anything is pending, and with `keepalive` on `pagehide`.
 *
 * Where IndexedDB is unavailable (private mode, blocked, quota), receipts live in memory for
 * the page's life and are sent at once; one console warning says why.
 *
 * Without `config.endpoint` receipts stay on the device: they remain in the outbox, so that
 * `sync()` reports them as `pending` (nothing is sent, no timer runs) and they are delivered
 * if the site configures an endpoint later.
 *
 * @example
 * const book = createReceiptBook({ config });
 * const receipt = await book.record({ choices: { analytics: true }, method: 'banner.accept-all',
 *   language: 'th', notice, gpc: false, time: new Date() });
 * book.onSync(({ sent, pending, failed }) => console.log(sent, pending, failed));
 */
export const createReceiptBook = ((settings: ReceiptBookSettings): ReceiptBook => {
  const { config } = settings;
  const store = fallbackStore(RECEIPTS_DATABASE, (error) => {
    const reason = error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
    console.warn(`[yinyom] receipts: IndexedDB is unavailable (${reason}); receipts are kept in memory for this page and sent at once.`);
  });
  const outbox = createOutbox(store, {
    endpoint: config.endpoint,
    retryBaseMs: settings.retryBaseMs ?? 2000,
    retryMaxMs: settings.retryMaxMs ?? 300_000,
    timeoutMs: settings.timeoutMs ?? 15_000,
  });
  // A previous visit may have left receipts to send. A decision's own flush waits for this one,
  // so that it neither races it for the sync lock nor repeats its work.
  const opening = outbox.flush(false);

  return {
    async record(decision) {
      // One writer at a time across tabs keeps the chain linear; the guarded write keeps it
      // so where Web Locks are missing: a tab that lost the race re-chains and tries again.
      const stored = (await withLock(WRITE_LOCK, async () => {
        for (;;) {
          const head = await store.get<Head>(HEAD);
          const subject = head?.subject ?? uuidv4();
          const receipt = await sealReceipt(decision, {
            config,
            id: uuidv7(decision.time.getTime()),
            subject: config.subject ?? subject,
            prev: head?.hash ?? null,
          });
          const { id, hash } = receipt;
          const n = (head?.n ?? 0) + 1;
          const next: Stored = { n, receipt };
          const written = await store.write(
            [
              [HEAD, { n, id, hash, subject } satisfies Head],
              [receiptKey(id), next],
              [outboxKey(id), n],
            ],
            [],
            { key: HEAD, hash: head?.hash ?? null },
          );
          if (written) return next;
        }
      })) as Stored;
      outbox.remember(stored);
      void opening.then(() => outbox.flush(false));
      return stored.receipt;
    },

    async latest() {
      const head = await store.get<Head>(HEAD);
      return head && (await store.get<Stored>(receiptKey(head.id)))?.receipt;
    },

    async entries() {
      const snap = snapshot(await store.all());
      return snap.receipts.reverse().map(({ receipt }): ReceiptEntry => {
        const error = snap.dead.get(receipt.id);
        if (error !== undefined) return { receipt, status: 'failed', error };
        const signature = snap.signatures.get(receipt.id);
        return { receipt, status: snap.pending.has(receipt.id) ? 'pending' : 'sent', ...(signature && { signature }) };
      });
    },

    /**
     * Sends now, waiting for a flush in another tab to finish first, unless a server's
     * `Retry-After` is in force. Resolves to the receipts acknowledged by this call, those
     * still pending (all of them when no endpoint is configured) and the dead letters.
     */
    sync: () => outbox.flush(true),

    onSync(fn) {
      outbox.listeners.add(fn);
      return () => void outbox.listeners.delete(fn);
    },

    close() {
      outbox.close();
      store.close();
    },
  };
}) satisfies CreateReceiptBook;
