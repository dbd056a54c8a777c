import { canonicalJson } from './canonical-json.js';

const encoder = new TextEncoder();

/**
 * `sha256-` + 64 lowercase hex digits of SHA-256 over the RFC 8785 canonical JSON of
 * `value`: how Yinyom hashes notices and receipts (DESIGN.md sections 4 and 6), and how the
 * collector verifies them. Needs `crypto.subtle`, which browsers offer only in secure
 * contexts (https, or localhost).
 *
 * @throws (rejects) when `value` has no canonical JSON form (a lone surrogate, NaN)
 *   or when `crypto.subtle` is missing.
 * @example
 * await canonicalHash({ b: 1, a: 'x' }); // hashes the text {"a":"x","b":1}
 */
export async function canonicalHash(value: unknown): Promise<string> {
  const text = canonicalJson(value);
  if (!globalThis.crypto?.subtle) {
    throw new Error('[yinyom] receipts: crypto.subtle is missing (this page is not a secure context): receipts need https');
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return 'sha256-' + hex;
}
