/*
 * What the core loads only when it is needed, built as the chunk `yinyom-receipts.js`: the
 * receipt book (with sync), merging a decision's choices, clearing the cookies of denied
 * categories, and the wording of config problems. A visitor who never decides, and a
 * returning visitor whose receipts are delivered, never fetch it.
 */
export { createReceiptBook } from './receipts/create-receipt-book.js';
export { describeConfigProblems } from './config.js';
export { deleteCookies } from './cookies.js';
export { mergeChoices } from './merge-choices.js';
