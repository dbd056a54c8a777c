import type { Receipt, ReceiptSignature } from '../types.js';
import { canonicalJson } from './canonical-json.js';

/** One public key of a collector's `GET /v1/keys` (an RFC 8037 OKP JWK). */
export interface ReceiptKey {
  kty: string;
  crv?: string;
  x?: string;
  kid?: string;
  alg?: string;
  use?: string;
}

/** A collector's `GET /v1/keys` answer: `{"keys": [JWK, ...]}`. */
export interface ReceiptKeySet {
  keys: readonly ReceiptKey[];
}

const encoder = new TextEncoder();

/** The bytes of base64url text (no padding), or `undefined` when it is not base64url. */
function fromBase64Url(text: unknown): Uint8Array | undefined {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * Whether `signature` is the collector's countersignature of exactly this receipt: Ed25519,
 * by the key of `jwks` whose `kid` it names, over the UTF-8 bytes of the RFC 8785 canonical
 * JSON of the whole receipt (its `hash` included). A valid signature proves that the agency
 * received exactly this receipt; it says nothing about who the person was.
 *
 * Resolves to `false` when the kid is not in `jwks`, the key is not an Ed25519 signing key,
 * the signature is malformed, or it does not verify. Rejects only when this environment
 * cannot check at all: no `crypto.subtle` (a page that is not a secure context) or no
 * Ed25519 in Web Crypto (Chrome before 137, Firefox before 129, Safari before 17).
 * Works in browsers and in Node (`yinyom/server`), with Web Crypto in both.
 *
 * @example
 * ```js
 * const jwks = await (await fetch('https://consent.example.go.th/v1/keys')).json();
 * if (await verifyReceipt(receipt, { kid, sig }, jwks)) console.log('the agency received this receipt');
 * ```
 */
export type { ReceiptSignature };

export async function verifyReceipt(receipt: Receipt, signature: ReceiptSignature, jwks: ReceiptKeySet): Promise<boolean> {
  const keys: unknown = jwks?.keys;
  const key = Array.isArray(keys) ? (keys as ReceiptKey[]).find((candidate) => candidate?.kid === signature?.kid) : undefined;
  if (
    !key ||
    typeof signature.kid !== 'string' ||
    key.kty !== 'OKP' ||
    key.crv !== 'Ed25519' ||
    typeof key.x !== 'string' ||
    (key.alg !== undefined && key.alg !== 'EdDSA' && key.alg !== 'Ed25519') ||
    (key.use !== undefined && key.use !== 'sig')
  ) {
    return false;
  }
  const sig = fromBase64Url(signature.sig);
  if (sig?.length !== 64) return false;
  let data: Uint8Array;
  try {
    data = encoder.encode(canonicalJson(receipt));
  } catch {
    return false; // no canonical form (a lone surrogate): nothing can have signed it
  }
  if (!globalThis.crypto?.subtle) {
    throw new Error('[yinyom] receipts: crypto.subtle is missing (this page is not a secure context): verifying needs https');
  }
  let publicKey: CryptoKey;
  try {
    publicKey = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: key.x }, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    if ((error as Error)?.name === 'NotSupportedError') {
      throw new Error('[yinyom] receipts: this browser cannot verify Ed25519 signatures (Web Crypto has no Ed25519 here)');
    }
    return false; // a malformed key
  }
  return crypto.subtle.verify({ name: 'Ed25519' }, publicKey, sig as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
}
