/** The IndexedDB database that holds this browser's receipt book. */
export const RECEIPTS_DATABASE = 'yinyom-receipts';

/**
 * Whether this browser holds a receipt book: a page load without a decision cookie fetches the
 * decision chunk and opens IndexedDB only then, to restore a decision from the newest receipt
 * or to send what waits. `indexedDB.databases()` answers without opening anything and without a
 * synchronous storage read on the main thread (the first `localStorage` access of a page is
 * one).
 */
export async function hasReceiptBook(): Promise<boolean> {
  try {
    return (await indexedDB.databases()).some((database) => database.name === RECEIPTS_DATABASE);
  } catch (error) {
    // `databases` missing (Firefox before 126) is a TypeError: look, rather than lose a decision.
    // No IndexedDB at all, or storage refused: there is nothing to open.
    return error instanceof TypeError;
  }
}
