/**
 * What `yinyom` and `yinyom/headless` both export besides `createConsent`: the types, the
 * checks, receipt formats and verification.
 */
export type * from './core/types.js';
export { validateConfig, type ConfigCheck } from './core/validate-config.js';
export { checkNotice } from './core/notice.js';
export { defaultConsent } from './core/instance.js';
export { receiptsToJson } from './core/receipts/receipts-to-json.js';
export { toKantaraReceipt, type KantaraReceipt } from './core/receipts/to-kantara-receipt.js';
export { verifyReceipt, type ReceiptKey, type ReceiptKeySet, type ReceiptSignature } from './core/receipts/verify-receipt.js';
export { shownHash, wordingOf, type Wording, type WordingOptions } from './core/receipts/shown-wording.js';
export { toIso27560, type Iso27560Config, type Iso27560Document, type Iso27560Options } from './core/receipts/to-iso27560.js';
