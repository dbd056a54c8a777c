// @ts-check
import { HttpError } from './http-error.js';
import { receiptHash } from './receipt-hash.js';
import { validateReceipt } from './receipt-schema.js';

/** @typedef {{ id: string | null, error: string }} Rejection */

/**
 * How far ahead of the collector's clock a receipt's `time` may be. A device whose clock is
 * a few hours off (a time zone entered as UTC) still gets its receipts kept; beyond that the
 * time is wrong, and a receipt dated years ahead would outlive any retention period.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * @typedef {object} CheckedBatch
 * @property {import('./store.js').StoredReceipt[]} rows valid receipts to store, first of each id only
 * @property {Map<string, number>} index position in the request of each row's receipt
 * @property {string[]} duplicates ids sent twice in this batch with the same content
 * @property {Rejection[]} rejected receipts refused, with the reason
 */

/**
 * Checks a `POST /v1/receipts` body. Problems with the request as a whole throw an
 * HttpError (nothing is stored); problems with one receipt reject that receipt only.
 *
 * @param {unknown} body the parsed JSON body
 * @param {object} rules
 * @param {number} rules.maxBatch most receipts in one request
 * @param {(origin: string) => boolean} rules.allowsOrigin the origin allow-list
 * @param {string} [rules.notBefore] ISO time; older receipts are past retention and refused
 * @param {number} [rules.retentionDays] for the message that goes with `notBefore`
 * @param {number} rules.receivedAt the collector's clock (ms): receipts more than
 *   {@link MAX_CLOCK_SKEW_MS} ahead of it are refused; its UTC day is stored with each row
 * @returns {CheckedBatch}
 */
export function checkBatch(body, rules) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'body: must be a JSON object {"receipts": [...]}');
  }
  for (const key of Object.keys(body)) {
    if (key !== 'receipts') throw new HttpError(400, `body.${key}: unexpected field; the body is {"receipts": [...]}`);
  }
  const receipts = /** @type {{ receipts?: unknown }} */ (body).receipts;
  if (!Array.isArray(receipts)) {
    throw new HttpError(400, `body.receipts: ${receipts === undefined ? 'is required' : 'must be an array'} (the body is {"receipts": [...]})`);
  }
  if (receipts.length > rules.maxBatch) {
    throw new HttpError(413, `body.receipts: ${receipts.length} receipts in one request; at most ${rules.maxBatch} a batch`);
  }

  /** @type {CheckedBatch} */
  const batch = { rows: [], index: new Map(), duplicates: [], rejected: [] };
  /** @type {Map<string, string>} */
  const hashes = new Map();
  receipts.forEach((receipt, i) => {
    const at = `receipts[${i}]`;
    const id = typeof receipt?.id === 'string' ? receipt.id : null;
    const error = problemWith(receipt, at, rules);
    if (error) {
      batch.rejected.push({ id, error });
      return;
    }
    const row = /** @type {Record<string, any>} */ (receipt);
    const seen = hashes.get(row.id);
    if (seen === row.hash) {
      batch.duplicates.push(row.id);
    } else if (seen !== undefined) {
      batch.rejected.push({ id, error: `${at}.id: appears earlier in this batch with different content; an id names one receipt` });
    } else {
      hashes.set(row.id, row.hash);
      batch.index.set(row.id, i);
      batch.rows.push({
        id: row.id,
        subject: row.subject,
        time: row.time,
        hash: row.hash,
        prev: row.prev,
        receivedDay: new Date(rules.receivedAt).toISOString().slice(0, 10),
        // Re-serializing the parsed receipt keeps its fields, order and values; only
        // insignificant whitespace of the request is lost.
        body: JSON.stringify(receipt),
      });
    }
  });
  return batch;
}

/**
 * @param {unknown} receipt
 * @param {string} at
 * @param {Parameters<typeof checkBatch>[1]} rules
 * @returns {string | undefined}
 */
function problemWith(receipt, at, rules) {
  const errors = validateReceipt(receipt, at);
  if (errors.length > 0) return errors.join('; ');
  const row = /** @type {Record<string, any>} */ (receipt);
  if (!rules.allowsOrigin(row.origin)) {
    return `${at}.origin: ${row.origin} is not an allowed origin of this collector`;
  }
  if (Date.parse(row.time) > rules.receivedAt + MAX_CLOCK_SKEW_MS) {
    const clock = new Date(rules.receivedAt).toISOString();
    return `${at}.time: ${row.time} is more than a day ahead of the collector's clock (${clock}); is the device's clock wrong?`;
  }
  if (rules.notBefore !== undefined && row.time < rules.notBefore) {
    return `${at}.time: ${row.time} is older than the retention period of ${rules.retentionDays} days`;
  }
  const computed = receiptHash(row);
  if (computed !== row.hash) {
    return `${at}.hash: does not match the receipt's content (SHA-256 of its RFC 8785 canonical JSON without hash is ${computed})`;
  }
  return undefined;
}
