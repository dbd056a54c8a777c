// @ts-check
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

const HASH_RE = /^sha256-[0-9a-f]{64}$/;

/**
 * The RFC 8785 (JCS) canonical JSON text of a parsed JSON value: what receipts are hashed
 * and countersigned over. The SDK writes the same text in the browser
 * (src/core/receipts/canonical-json.ts); the tests check the two agree.
 *
 * @param {unknown} value
 * @returns {string}
 * @throws {TypeError} for a value with no canonical form (a lone surrogate, NaN)
 */
export function canonicalJson(value) {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new TypeError('value cannot be canonicalized');
  return canonical;
}

/**
 * The hash a receipt must carry: `sha256-` + 64 lowercase hex digits of SHA-256 over the
 * RFC 8785 canonical JSON of the receipt without its `hash` field (DESIGN.md section 6).
 * The SDK computes the same thing in the browser.
 *
 * @param {Record<string, unknown>} receipt a parsed receipt; its own `hash`, if any, is ignored
 * @returns {string}
 * @example
 * receiptHash({ schema: 'yinyom.receipt/1', id: '...', ... }) // 'sha256-3f2a…'
 */
export function receiptHash(receipt) {
  const { hash: _ignored, ...rest } = receipt;
  return 'sha256-' + createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/**
 * Whether `receipt.hash` is well formed and matches the receipt's content.
 *
 * @param {Record<string, unknown>} receipt
 * @returns {boolean}
 */
export function verifyReceiptHash(receipt) {
  return typeof receipt.hash === 'string' && HASH_RE.test(receipt.hash) && receiptHash(receipt) === receipt.hash;
}
