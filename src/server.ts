/**
 * `yinyom/server`: read the `yinyom` decision cookie in Node (or any server JavaScript), so
 * a server can render what a person allowed without waiting for the browser; verify a
 * collector's countersignature of a receipt; write receipts as ISO/IEC TS 27560 records.
 *
 * @example
 * ```js
 * import { readConsent } from 'yinyom/server';
 * const consent = readConsent(request.headers.cookie, { noticeVersion: '2565-06-01' });
 * if (consent.get('analytics')) html += analyticsTag;
 * ```
 */
import { COOKIE_NAME, HOST_COOKIE_NAME, decodeDecision, type StoredDecision } from './core/decision-cookie.js';

export { COOKIE_NAME, HOST_COOKIE_NAME, decodeDecision, encodeDecision, type StoredDecision } from './core/decision-cookie.js';
/** Checks a collector's countersignature of a receipt (Web Crypto, as in the browser). */
export { verifyReceipt, type ReceiptKey, type ReceiptKeySet, type ReceiptSignature } from './core/receipts/verify-receipt.js';
/** Recomputes a receipt's `shown` hash from the config it was made under: which wording the person was shown. */
export { shownHash, wordingOf, type Wording, type WordingOptions } from './core/receipts/shown-wording.js';
/** A person's receipts as ISO/IEC TS 27560:2023 records (JSON-LD, W3C DPV). */
export { toIso27560, toIso27560Records, ISO27560_CONTEXT, ISO27560_PROFILE, type Iso27560Config, type Iso27560Document, type Iso27560Options } from './core/receipts/to-iso27560.js';

/**
 * Finds the decision cookie in a `Cookie` header and decodes it; `undefined` when absent or
 * malformed. `names` are tried in order: by default `__Host-yinyom` (what an https site
 * without `cookieDomain` writes), then `yinyom`. An https site without `cookieDomain` should
 * pass `[HOST_COOKIE_NAME]`, so that a `yinyom` cookie planted by a sibling origin is ignored.
 */
export function parseConsentCookie(cookieHeader: string | undefined | null, names: readonly string[] = [HOST_COOKIE_NAME, COOKIE_NAME]): StoredDecision | undefined {
  const values = new Map<string, string>();
  for (const pair of (cookieHeader ?? '').split(/;\s*/)) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    if (at > 0 && !values.has(name)) values.set(name, pair.slice(at + 1).trim());
  }
  const name = names.find((candidate) => values.has(candidate));
  return name === undefined ? undefined : decodeDecision(values.get(name)!);
}

export interface ReadConsentOptions {
  /** The cookie names to read, in order (default `__Host-yinyom`, then `yinyom`); see `parseConsentCookie`. */
  names?: readonly string[];
  /** The current notice version: a decision made under another one does not count. */
  noticeVersion?: string;
  /** The config's `expiresDays` (default 365). */
  expiresDays?: number;
  /** Ids of required categories: always granted. */
  required?: string[];
  /** The time to judge expiry against (default now). */
  now?: Date;
}

/** The server-side answer to `get(id)`, from a `Cookie` header. */
export function readConsent(cookieHeader: string | undefined | null, options: ReadConsentOptions = {}) {
  const { noticeVersion, expiresDays = 365, required = [], now = new Date(), names } = options;
  let decision = parseConsentCookie(cookieHeader, names);
  if (decision && ((noticeVersion !== undefined && decision.version !== noticeVersion) || +decision.time + expiresDays * 864e5 <= +now)) {
    decision = undefined;
  }
  return {
    decided: !!decision,
    decision,
    /** `true` granted, `false` denied, `undefined` not decided. */
    get: (id: string): boolean | undefined => (required.includes(id) ? true : decision?.choices[id]),
  };
}
