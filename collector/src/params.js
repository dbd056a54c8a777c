// @ts-check
// Reading the query and path parameters of the admin endpoints and the console.
import { HttpError } from './http-error.js';
import { isValidSubject } from './receipt-schema.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** @param {unknown} params */
export function subjectParam(params) {
  const subject = /** @type {{ subject: string }} */ (params).subject;
  if (!isValidSubject(subject)) throw new HttpError(400, 'subject: must be 1 to 256 characters without control characters or bidi controls');
  return subject;
}

/**
 * @param {string | undefined} value
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 * @param {number} max
 */
export function intParam(value, name, fallback, min, max) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new HttpError(400, `${name}: must be a whole number from ${min} to ${max}`);
  return n;
}

/**
 * `from` and `to` query dates (UTC days, both included) as bounds on receipt times.
 *
 * @param {Record<string, string | undefined>} query
 * @returns {import('./store.js').Range}
 */
export function dayRange(query) {
  /** @type {import('./store.js').Range} */
  const range = {};
  for (const name of /** @type {const} */ (['from', 'to'])) {
    const value = query[name];
    if (value === undefined) continue;
    const time = Date.parse(`${value}T00:00:00.000Z`);
    if (!DATE_RE.test(value) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) {
      throw new HttpError(400, `${name}: must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
    }
    const bound = new Date(name === 'to' ? time + DAY_MS : time).toISOString();
    // The day after 9999-12-31 has no four-digit year (and no receipt is that late): no bound.
    if (/^\d{4}-/.test(bound)) range[name] = bound;
  }
  return range;
}
