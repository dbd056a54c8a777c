// @ts-check
import { KeyObject, createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { canonicalJson } from './receipt-hash.js';

/**
 * A public key as `GET /v1/keys` publishes it (RFC 8037 OKP JWK).
 * @typedef {{ kty: 'OKP', crv: 'Ed25519', x: string, kid: string, alg: 'EdDSA', use: 'sig' }} PublicJwk
 */

/**
 * A countersignature: the key's id and the Ed25519 signature in base64url.
 * @typedef {{ kid: string, sig: string }} Signature
 */

/**
 * @typedef {object} ReceiptSigner
 * @property {PublicJwk[]} keys every key, the signing one first: what `GET /v1/keys` answers
 * @property {(receipt: Record<string, unknown>) => Signature} sign signs a receipt with the first key
 */

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/**
 * The Ed25519 private keys in a PEM text (PKCS#8, `BEGIN PRIVATE KEY`), in order. One text
 * may hold several keys, one after the other.
 *
 * @param {string} pem
 * @returns {KeyObject[]}
 * @throws {Error} naming the key at fault (by its position) when a block is not an
 *   unencrypted Ed25519 PKCS#8 key, or when the text holds no key at all
 */
export function parseSigningKeys(pem) {
  const keys = [];
  for (const [block, label] of pem.matchAll(PEM_BLOCK)) {
    const at = `key ${keys.length + 1}`;
    if (label === 'ENCRYPTED PRIVATE KEY') throw new Error(`${at} is encrypted; give it unencrypted (openssl pkey -in old.pem -out key.pem)`);
    if (label !== 'PRIVATE KEY') throw new Error(`${at} is a "${label}" block; give Ed25519 private keys as PKCS#8 PEM (BEGIN PRIVATE KEY)`);
    let key;
    try {
      key = createPrivateKey({ key: block, format: 'pem' });
    } catch (error) {
      throw new Error(`${at} cannot be read (${/** @type {Error} */ (error).message})`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${at} is an ${key.asymmetricKeyType?.toUpperCase()} key; Yinyom signs with Ed25519`);
    keys.push(key);
  }
  if (keys.length === 0) throw new Error('holds no PEM private key (-----BEGIN PRIVATE KEY-----)');
  return keys;
}

/**
 * The public JWK of an Ed25519 key, its `kid` the RFC 7638 thumbprint: base64url SHA-256 of
 * `{"crv":"Ed25519","kty":"OKP","x":"…"}` (the required members, sorted, no white space,
 * which is exactly their RFC 8785 canonical form). The same key gives the same kid on every
 * collector, so collectors sharing a key file publish the same set.
 *
 * @param {KeyObject} privateKey
 * @returns {PublicJwk}
 */
export function publicJwk(privateKey) {
  const { x } = /** @type {{ x: string }} */ (createPublicKey(privateKey).export({ format: 'jwk' }));
  const kid = createHash('sha256').update(canonicalJson({ crv: 'Ed25519', kty: 'OKP', x })).digest('base64url');
  return { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' };
}

/**
 * A signer for the collector's countersignatures: Ed25519 with the first key over the UTF-8
 * bytes of the RFC 8785 canonical JSON of the whole receipt, its `hash` included. Ed25519 is
 * deterministic, so a receipt signed again (a duplicate, another collector with the same
 * key) gets the very same signature.
 *
 * @param {Array<string | KeyObject>} sources PEM texts (each may hold several keys) or
 *   private KeyObjects, in order: the first key signs, every key is published
 * @returns {ReceiptSigner}
 * @throws {TypeError} naming the entry (`signingKeys[1]: key 2 is …`) at fault
 */
export function createSigner(sources) {
  if (!Array.isArray(sources) || sources.length === 0) throw new TypeError('signingKeys: give one or more Ed25519 private keys (PKCS#8 PEM)');
  /** @type {KeyObject[]} */
  const privateKeys = [];
  sources.forEach((source, i) => {
    if (source instanceof KeyObject) {
      if (source.type !== 'private' || source.asymmetricKeyType !== 'ed25519') {
        throw new TypeError(`signingKeys[${i}]: must be an Ed25519 private key, got a ${source.type} ${source.asymmetricKeyType ?? ''} key`);
      }
      privateKeys.push(source);
    } else if (typeof source === 'string') {
      try {
        privateKeys.push(...parseSigningKeys(source));
      } catch (error) {
        throw new TypeError(`signingKeys[${i}]: ${/** @type {Error} */ (error).message}`);
      }
    } else {
      throw new TypeError(`signingKeys[${i}]: must be a PEM string or a KeyObject`);
    }
  });
  /** @type {Map<string, PublicJwk>} */
  const byKid = new Map();
  for (const key of privateKeys) {
    const jwk = publicJwk(key);
    if (!byKid.has(jwk.kid)) byKid.set(jwk.kid, jwk);
  }
  const keys = [...byKid.values()];
  const signingKey = privateKeys[0];
  const { kid } = keys[0];
  return {
    keys,
    sign: (receipt) => ({ kid, sig: sign(null, Buffer.from(canonicalJson(receipt), 'utf8'), signingKey).toString('base64url') }),
  };
}
