import type { Receipt, ReceiptSignature, SyncListener, SyncResult } from '../types.js';
import { RETRY_AT, deadKey, outboxKey, receiptKey, signatureKey, type ReceiptStore, type Stored } from './receipt-store.js';
import { SKIPPED, withLock } from './with-lock.js';

/** At most this many receipts a request (DESIGN.md section 10). */
export const BATCH_SIZE = 100;
// Browsers allow 64 KiB of keepalive bodies in flight per page; leave room for others.
const KEEPALIVE_BUDGET = 60_000;
const SYNC_LOCK = 'yinyom:receipts:sync';
/** The BroadcastChannel on which a tab tells the others of a `Retry-After` (its end, in ms). */
export const RETRY_AFTER_CHANNEL = 'yinyom:receipts:retry-after';
const DAY = 86_400_000;

/** Everything the store holds, read in one transaction: for listing receipts, never for a flush. */
export interface Snapshot {
  receipts: Stored[];
  pending: Set<string>;
  dead: Map<string, string>;
  signatures: Map<string, ReceiptSignature>;
}

/** Reads the delivery state of every receipt out of everything in the store. */
export function snapshot(all: Map<string, unknown>): Snapshot {
  const snap: Snapshot = { receipts: [], pending: new Set(), dead: new Map(), signatures: new Map() };
  all.forEach((value, key) => {
    const id = key.slice(2);
    if (key === receiptKey(id)) snap.receipts.push(value as Stored);
    else if (key === outboxKey(id)) snap.pending.add(id);
    else if (key === deadKey(id)) snap.dead.set(id, String(value));
    else if (key === signatureKey(id)) snap.signatures.set(id, value as ReceiptSignature);
  });
  snap.receipts.sort((a, b) => a.n - b.n);
  return snap;
}

/**
 * When a `Retry-After` value (delay in seconds, or an HTTP date) lets us send again, in
 * milliseconds since the epoch; `undefined` when absent or unreadable. Capped at one day so a
 * misconfigured server cannot silence a device for good.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const at = /^\d+$/.test(text) ? now + Number(text) * 1000 : Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.min(at, now + DAY);
}

/** Tuning of the sync; see `ReceiptBookSettings` for the defaults. */
export interface OutboxSettings {
  endpoint?: string;
  retryBaseMs: number;
  retryMaxMs: number;
  timeoutMs: number;
}

interface Outcome {
  sent: number;
  /** Stop and try again later: nothing more can be sent now. */
  retry: boolean;
}
const RETRY: Outcome = { sent: 0, retry: true };

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The countersignatures of an answer for `ids`, each `{kid, sig}` of strings; anything else is left out. */
function signaturesFor(ids: string[], value: unknown): Array<[string, ReceiptSignature]> {
  const given = (value && typeof value === 'object' ? value : {}) as Record<string, Partial<ReceiptSignature> | undefined>;
  return ids.flatMap((id) => {
    const { kid, sig } = (Object.hasOwn(given, id) && given[id]) || {};
    return typeof kid === 'string' && typeof sig === 'string' ? [[id, { kid, sig }] as [string, ReceiptSignature]] : [];
  });
}

async function describeError(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  let message: unknown = text;
  try {
    const body = JSON.parse(text);
    message = body?.error ?? body?.message ?? text;
  } catch {
    // not JSON: keep the text
  }
  const detail = (typeof message === 'string' ? message : JSON.stringify(message)).slice(0, 300);
  return `HTTP ${response.status}${detail ? `: ${detail}` : ''}`;
}

/**
 * The sync of DESIGN.md section 10 over `store`: batches of at most 100 oldest first, one
 * tab flushing at a time, exponential backoff with jitter while anything is pending,
 * `Retry-After`, dead letters, and a last `keepalive` send on `pagehide`.
 */
export function createOutbox(store: ReceiptStore, settings: OutboxSettings) {
  const { endpoint } = settings;
  const listeners = new Set<SyncListener>();
  // Receipts this page knows to be pending, so that `pagehide` can send without a storage
  // read: a page being unloaded gets no further turn of the event loop.
  const known = new Map<string, Stored>();
  let retryAt = 0;
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  // Aborts requests in flight on close(), so that they do not hold the sync lock.
  const stop = new AbortController();
  // The store tells the next reader of a Retry-After; the channel tells the other tabs at once,
  // for a tab that closes before it reads the store sends on pagehide from what it knows.
  const retryAfterChannel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(RETRY_AFTER_CHANNEL) : undefined;
  retryAfterChannel?.addEventListener('message', ({ data }: MessageEvent) => (retryAt = Math.max(retryAt, Number(data) || 0)));
  /**
   * The signal of one request: it aborts after `timeoutMs` or on close(); `release()` once the
   * answer is read. A controller that the timer and `stop` hold, not `AbortSignal.any()` over
   * `AbortSignal.timeout()`: WebKit (WebKitGTK 2.50) may garbage-collect an `any()` signal that
   * only a fetch uses, and the request then outlives both its timeout and close(), holding the
   * sync lock. It needs neither of those (Safari 16 and 17.4) either.
   */
  const requestSignal = () => {
    const controller = new AbortController();
    const onStop = () => controller.abort(stop.signal.reason);
    const timer = setTimeout(() => controller.abort(new DOMException('The request timed out.', 'TimeoutError')), settings.timeoutMs);
    stop.signal.addEventListener('abort', onStop);
    if (stop.signal.aborted) onStop();
    return {
      signal: controller.signal,
      release() {
        clearTimeout(timer);
        stop.signal.removeEventListener('abort', onStop);
      },
    };
  };

  const counts = (failed: number, sent: number): SyncResult => ({ sent, pending: known.size, failed });

  function schedule(pending: number) {
    clearTimeout(timer);
    timer = undefined;
    if (closed || !endpoint || !pending) return;
    const backoff = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** attempts);
    // Jitter spreads the retries of many devices after an outage.
    const delay = Math.max(backoff * (0.5 + Math.random() / 2), retryAt - Date.now());
    timer = setTimeout(() => void flush(false), delay);
  }

  /** Takes `acked` and `dead` out of the outbox, keeping dead letters and countersignatures, in one transaction. */
  async function settle(acked: string[], dead: Array<[string, string]>, signatures: Array<[string, ReceiptSignature]> = []) {
    const dels = [...acked, ...dead.map(([id]) => id)];
    await store.write(
      [...dead.map(([id, error]): [string, unknown] => [deadKey(id), error]), ...signatures.map(([id, signature]): [string, unknown] => [signatureKey(id), signature])],
      dels.map(outboxKey),
    );
    dels.forEach((id) => known.delete(id));
  }

  async function noteRetryAfter(response: Response) {
    const at = parseRetryAfter(response.headers.get('retry-after'));
    if (at === undefined) return;
    retryAt = at;
    retryAfterChannel?.postMessage(at);
    // Kept in the store so that the next visit honours it too.
    await store.write([[RETRY_AT, at]]);
  }

  async function deliver(batch: Receipt[], keepalive = false): Promise<Outcome> {
    // Until the answer is read: the timeout covers the body too.
    const request = requestSignal();
    try {
      const response = await fetch(endpoint!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ receipts: batch }),
        // Receipts need no cookies, and the referrer could carry a query string with
        // personal data that the receipt itself leaves out.
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        keepalive,
        signal: request.signal,
      }).catch(() => undefined);
      if (!response) return RETRY; // offline, refused, CORS, or timed out
      const { status } = response;
      if (response.ok) {
        const body = await response.json().catch(() => undefined);
        const ids = new Set(batch.map((receipt) => receipt.id));
        const acked = [...new Set([...list(body?.accepted), ...list(body?.duplicates)])].filter((id) => ids.has(id as string)) as string[];
        const dead = (list(body?.rejected) as Array<{ id: string; error?: unknown } | null>)
          .filter((item) => ids.has(item?.id as string) && !acked.includes(item!.id))
          .map((item): [string, string] => [item!.id, String(item!.error ?? 'rejected')]);
        if (!acked.length && !dead.length) return RETRY; // an answer that settles nothing: try later
        // A countersigning collector signs accepted and duplicate ids alike, so a lost answer costs no proof.
        await settle(acked, dead, signaturesFor(acked, body?.signatures));
        return { sent: acked.length, retry: false };
      }
      if (status < 400 || status === 408 || status === 429 || status >= 500) {
        await noteRetryAfter(response);
        return RETRY;
      }
      // Another 4xx: something in the batch is unacceptable. Halve until the bad receipts are
      // alone, so that the good ones still get through.
      if (batch.length === 1) {
        await settle([], [[batch[0]!.id, await describeError(response)]]);
        return { sent: 0, retry: false };
      }
    } finally {
      request.release();
    }
    const half = Math.ceil(batch.length / 2);
    const first = await deliver(batch.slice(0, half));
    if (first.retry) return first;
    const second = await deliver(batch.slice(half));
    return { sent: first.sent + second.sent, retry: second.retry };
  }

  /**
   * Brings `known` up to date with the outbox and resolves to the number of dead letters.
   * Reads only the outbox's key range, the receipts it newly names, and counts: the cost
   * follows what is pending, never the history on the device.
   */
  async function read(): Promise<number> {
    const [queued, dead, at] = await Promise.all([store.range(outboxKey('')), store.count(deadKey('')), store.get<number>(RETRY_AT)]);
    retryAt = Math.max(retryAt, Number(at) || 0);
    for (const id of known.keys()) if (!queued.has(outboxKey(id))) known.delete(id);
    const missing = [...queued.keys()].map((key) => key.slice(2)).filter((id) => !known.has(id));
    if (missing.length) for (const value of (await store.getMany(missing.map(receiptKey))).values()) known.set((value as Stored).receipt.id, value as Stored);
    return dead;
  }

  /** The oldest pending receipts, at most one batch. */
  const nextBatch = () =>
    [...known.values()]
      .sort((a, b) => a.n - b.n)
      .slice(0, BATCH_SIZE)
      .map((stored) => stored.receipt);

  async function drain(): Promise<SyncResult> {
    let sent = 0;
    let requested = false;
    let failed = false;
    let dead = await read();
    for (;;) {
      const batch = nextBatch();
      if (!batch.length || closed || Date.now() < retryAt) break;
      requested = true;
      const outcome = await deliver(batch);
      sent += outcome.sent;
      failed = outcome.retry;
      dead = await read();
      if (failed) break;
    }
    if (requested) attempts = failed ? attempts + 1 : 0;
    const result = counts(dead, sent);
    schedule(result.pending);
    if (requested) {
      for (const fn of listeners) {
        try {
          fn({ ...result });
        } catch (error) {
          console.error('[yinyom] receipts: a sync listener threw', error);
        }
      }
    }
    return result;
  }

  /**
   * Sends what is pending. `now` (from `sync()`) waits for a flush running in another tab
   * and then sends; otherwise (boot, after a decision, `online`, the timer) a tab that finds
   * another one flushing leaves it the work and only sets its timer.
   */
  async function flush(now: boolean): Promise<SyncResult> {
    try {
      if (!closed && endpoint && Date.now() >= retryAt) {
        const result = await withLock(SYNC_LOCK, drain, !now);
        if (result !== SKIPPED) return result;
      }
      const dead = await read();
      schedule(known.size);
      return counts(dead, 0);
    } catch (error) {
      if (now) throw error;
      // A trigger has nobody to report to; never let it become an unhandled rejection.
      console.error('[yinyom] receipts: sync failed', error);
      return { sent: 0, pending: known.size, failed: 0 };
    }
  }

  function onPagehide() {
    if (closed || !endpoint || Date.now() < retryAt || !known.size) return;
    const receipts = [...known.values()].sort((a, b) => a.n - b.n).map((stored) => stored.receipt);
    let budget = KEEPALIVE_BUDGET;
    const size = (batch: Receipt[]) => new Blob([JSON.stringify({ receipts: batch })]).size;
    for (let i = 0; i < receipts.length; ) {
      let batch = receipts.slice(i, i + BATCH_SIZE);
      while (batch.length > 1 && size(batch) > budget) batch = batch.slice(0, batch.length >> 1);
      const bytes = size(batch);
      if (bytes > budget) break; // the rest waits for the next visit
      budget -= bytes;
      i += batch.length;
      // Not awaited: if the page lives on (back/forward cache), the answer is applied as usual.
      void deliver(batch, true).catch(() => {});
    }
  }

  const onOnline = () => {
    attempts = 0;
    void flush(false);
  };
  addEventListener('online', onOnline);
  addEventListener('pagehide', onPagehide);

  return {
    flush,
    listeners,
    /** Notes a receipt just recorded, for `pagehide`. */
    remember: (stored: Stored) => known.set(stored.receipt.id, stored),
    close() {
      closed = true;
      clearTimeout(timer);
      stop.abort();
      retryAfterChannel?.close();
      removeEventListener('online', onOnline);
      removeEventListener('pagehide', onPagehide);
    },
  };
}
