/*
 * What the core loads only when it is needed: deciding (with the receipt book and cookie
 * clearing), the receipt book alone (an outbox to flush, a decision to restore), and the
 * wording of config problems. The script-tag build
 * ships it as the chunk `yinyom-receipts.js`, so a returning visitor's page never pays for it.
 */
export { createReceiptBook } from './receipts/create-receipt-book.js';
export { describeConfigProblems } from './config.js';
export { decide, restore } from './decide.js';
