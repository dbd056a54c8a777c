// @ts-check
/**
 * yinyom-collector: the reference receipt collector of Yinyom (DESIGN.md sections 10, 11).
 * @module
 */
export { createCollector } from './create-collector.js';
export { receiptHash, verifyReceiptHash } from './receipt-hash.js';
export { receiptSchema, validateReceipt, RECEIPT_SCHEMA_VERSION } from './receipt-schema.js';
export { openStore } from './store.js';
export { hashPassword, verifyPassword } from './passwords.js';
