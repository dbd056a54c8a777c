const KEY = 'yinyom:receipts';

/** What this browser's receipt book holds: receipts waiting to be sent, or receipts at all. */
export type ReceiptsHint = 'pending' | 'sent';

/**
 * What this browser's receipt book holds, remembered in localStorage so that a page load
 * without a decision cookie opens IndexedDB (and fetches the decision chunk) only when
 * there are receipts to restore a decision from or to send. `null`: a first visit.
 * A page with a decision cookie never reads it: the cookie's `p` flag says what it needs.
 */
export function receiptsHint(next?: ReceiptsHint): ReceiptsHint | null {
  try {
    if (next) localStorage.setItem(KEY, next);
    return localStorage.getItem(KEY) as ReceiptsHint | null;
  } catch {
    // Storage blocked (cookies off, sandboxed frame): the book then opens on the next decision.
    return null;
  }
}
