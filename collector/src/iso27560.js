// @ts-check
// `format=iso27560`: receipts as ISO/IEC TS 27560:2023 records (JSON-LD, W3C DPV). The mapping
// is written once, in the SDK (src/core/receipts/to-iso27560.ts), which the SDK's receipt
// download uses too; the collector loads its compiled form from the SDK's build beside it.
import { HttpError } from './http-error.js';
import { bodyPages } from './store.js';

/** @typedef {typeof import('../../dist/esm/core/receipts/to-iso27560.js')} Mapping */
/** @typedef {import('../../dist/esm/core/types.js').Receipt} Receipt */

/** The compiled mapping, in the SDK's dist/ (`npm run build` in the repository's root). */
export const MAPPING_URL = new URL('../../dist/esm/core/receipts/to-iso27560.js', import.meta.url);

/** The SDK's Kantara Consent Receipt 1.1 mapping, loaded the same way for the console's downloads. */
export const KANTARA_URL = new URL('../../dist/esm/core/receipts/to-kantara-receipt.js', import.meta.url);

/** @type {Map<string, Promise<any>>} */
const loaded = new Map();

/**
 * A mapping module of the SDK's build, loaded on first use, so that receiving receipts never
 * depends on it. A failed load is not remembered: once the SDK is built, the next request finds it.
 *
 * @template [T=Mapping]
 * @param {URL} [url] default the ISO/IEC TS 27560 mapping
 * @param {string} [format] the format that needs it, for the error
 * @returns {Promise<T>}
 * @throws {HttpError} 501 naming the missing module
 */
export async function loadMapping(url = MAPPING_URL, format = 'iso27560') {
  let mapping = loaded.get(url.href);
  if (!mapping) {
    mapping = import(url.href);
    loaded.set(url.href, mapping);
  }
  try {
    return await mapping;
  } catch (error) {
    loaded.delete(url.href);
    throw new HttpError(
      501,
      `format: ${format} needs the SDK's compiled mapping ${url.pathname}, which cannot be loaded (${/** @type {NodeJS.ErrnoException} */ (error).code ?? /** @type {Error} */ (error).message}); run npm run build in the repository's root`,
    );
  }
}

/**
 * The receipts that `receipts` name as `prev` and that are not among them, from the store:
 * the mapping tells a withdrawal (denied after being granted) from a refusal by them. Only
 * receipts that deny something and are not withdrawals by method need one.
 *
 * @param {import('./store.js').ReceiptStore} store
 * @param {Receipt[]} receipts
 * @returns {Promise<Receipt[]>}
 */
async function previousOf(store, receipts) {
  const have = new Set(receipts.map((receipt) => receipt.hash));
  const wanted = new Set();
  for (const receipt of receipts) {
    if (receipt.prev !== null && !have.has(receipt.prev) && receipt.method !== 'withdraw' && Object.values(receipt.choices).includes(false)) {
      wanted.add(receipt.prev);
    }
  }
  if (wanted.size === 0) return [];
  return (await store.byHashes([...wanted])).map((body) => JSON.parse(body));
}

/**
 * One subject's records, as a JSON-LD document.
 *
 * @param {import('./store.js').ReceiptStore} store
 * @param {string[]} bodies the subject's stored receipts, oldest first
 * @param {Mapping} mapping
 * @returns {Promise<import('../../dist/esm/core/receipts/to-iso27560.js').Iso27560Document>}
 */
export async function subjectDocument(store, bodies, { toIso27560 }) {
  const receipts = bodies.map((body) => /** @type {Receipt} */ (JSON.parse(body)));
  return toIso27560(receipts, { earlier: await previousOf(store, receipts) });
}

/**
 * Every record of a range, as one JSON-LD document written piece by piece: the context,
 * then the records a page of receipts at a time (never all in memory).
 *
 * @param {import('./store.js').ReceiptStore} store
 * @param {import('./store.js').Range & { pageSize: number }} range
 * @param {Mapping} mapping
 * @returns {AsyncGenerator<string>}
 */
export async function* documentChunks(store, range, mapping) {
  yield `{"@context":${JSON.stringify(mapping.ISO27560_CONTEXT)},"@graph":[`;
  let first = true;
  for await (const rows of bodyPages(store, range)) {
    const receipts = rows.map((row) => /** @type {Receipt} */ (JSON.parse(row.body)));
    const records = mapping.toIso27560Records(receipts, { earlier: await previousOf(store, receipts) });
    yield (first ? '' : ',') + records.map((record) => JSON.stringify(record)).join(',');
    first = false;
  }
  yield ']}\n';
}
