/*
 * What the core loads only when it is needed, built as the chunk `yinyom-receipts.js`: the
 * receipt book (with sync), preparing a decision (who decided, its merged choices, the hashes
 * of what was shown), clearing the cookies of denied categories, and checking a collector's
 * countersignature (<yinyom-receipts> imports it from here, the chunk it has loaded anyway).
 * A visitor who never decides, and a returning visitor whose receipts are delivered, never
 * fetch it.
 */
export { createReceiptBook } from './receipts/create-receipt-book.js';
export { deleteCookies } from './cookies.js';
export { prepareDecision } from './prepare-decision.js';
export { verifyReceipt } from './receipts/verify-receipt.js';
