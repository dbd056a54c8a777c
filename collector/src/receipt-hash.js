// @ts-check
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

const HASH_RE = /^sha256-[0-9a-f]{64}$/;

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
  const canonical = canonicalize(rest);
  if (canonical === undefined) throw new TypeError('receipt cannot be canonicalized');
  return 'sha256-' + createHash('sha256').update(canonical, 'utf8').digest('hex');
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
