// @ts-check
// Test receipts: valid by construction (schema and hash), so a test changes one thing at a time.
import { randomBytes } from 'node:crypto';
import { receiptHash } from '../src/receipt-hash.js';

/**
 * A UUIDv7: 48-bit Unix milliseconds, version 7, variant 10, random rest.
 * @param {number} [ms]
 */
export function uuidv7(ms = Date.now()) {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const NOTICE_HASH = 'sha256-' + '3'.repeat(64);

/**
 * A valid receipt; `fields` override the defaults and the hash is computed last.
 * @param {Record<string, unknown>} [fields]
 * @returns {Record<string, any>}
 */
export function makeReceipt(fields = {}) {
  const time = /** @type {string} */ (fields.time ?? new Date().toISOString());
  /** @type {Record<string, any>} */
  const receipt = {
    schema: 'yinyom.receipt/1',
    id: uuidv7(Date.parse(time)),
    subject: 'subject-a',
    time,
    origin: 'https://tdga.dga.or.th',
    page: '/register',
    controller: 'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล',
    notice: { id: 'tdga-privacy', version: '2565-06-01', hash: NOTICE_HASH },
    language: 'th',
    method: 'banner.accept-all',
    choices: { necessary: true, analytics: true, marketing: false },
    signals: { gpc: false },
    prev: null,
    ...fields,
  };
  delete receipt.hash;
  receipt.hash = receiptHash(receipt);
  return receipt;
}

/**
 * `n` receipts of one browser, each `prev` the hash of the one before.
 * @param {number} n
 * @param {Record<string, unknown>} [fields]
 * @param {number} [startMs] time of the first, one second apart
 */
export function makeChain(n, fields = {}, startMs = Date.now() - n * 1000) {
  const chain = [];
  /** @type {string | null} */
  let prev = null;
  for (let i = 0; i < n; i++) {
    const receipt = makeReceipt({ ...fields, prev, time: new Date(startMs + i * 1000).toISOString() });
    chain.push(receipt);
    prev = receipt.hash;
  }
  return chain;
}

/**
 * A copy of a receipt with changed fields and the hash recomputed (still valid).
 * @param {Record<string, any>} receipt
 * @param {Record<string, unknown>} fields
 */
export function rehash(receipt, fields) {
  const copy = { ...structuredClone(receipt), ...fields };
  copy.hash = receiptHash(copy);
  return copy;
}
