import type { LocalizedText, Notice, Receipt, ResolvedConfig } from '../types.js';
import type { Decision } from './receipt-book.js';
import { canonicalHash } from './canonical-hash.js';

/** The Thai form of a text: a plain string is Thai already. */
export const thai = (text: LocalizedText): string => (typeof text === 'string' ? text : text.th);

// The core hands over the same notice object for every decision of a page; hash it once.
const noticeHashes = new WeakMap<Notice, Promise<string>>();

/**
 * The hash of a notice object exactly as the config gave it or its URL returned it
 * (DESIGN.md section 4), cached per object.
 */
export function noticeHash(notice: Notice): Promise<string> {
  let hash = noticeHashes.get(notice);
  if (!hash) {
    hash = canonicalHash(notice);
    noticeHashes.set(notice, hash);
    hash.catch(() => noticeHashes.delete(notice));
  }
  return hash;
}

/** What makes one receipt besides the decision: where it sits in this browser's chain. */
export interface ReceiptContext {
  config: ResolvedConfig;
  id: string;
  subject: string;
  prev: string | null;
}

/**
 * Builds the receipt of DESIGN.md section 6 for `decision` and sets its `hash` over the
 * canonical receipt without `hash`. `page` is `location.pathname`: never the query string
 * or fragment, which may hold personal data. `actor` is written only when it is not `self`.
 */
export async function sealReceipt(decision: Decision, { config, id, subject, prev }: ReceiptContext): Promise<Receipt> {
  const { notice } = decision;
  const receipt: Omit<Receipt, 'hash'> & { hash?: string } = {
    schema: 'yinyom.receipt/1',
    id,
    subject,
    time: decision.time.toISOString(),
    origin: location.origin,
    page: location.pathname,
    controller: thai(config.controller.name),
    notice: { id: notice.id, version: notice.version, hash: await noticeHash(notice) },
    language: decision.language,
    method: decision.method,
    choices: { ...decision.choices },
    signals: { gpc: decision.gpc },
    prev,
  };
  if (decision.actor && decision.actor !== 'self') receipt.actor = decision.actor;
  if (decision.guardian) {
    const { relationship, name } = decision.guardian;
    receipt.guardian = name === undefined ? { relationship } : { relationship, name };
  }
  if (decision.shown && Object.keys(decision.shown).length) receipt.shown = { ...decision.shown };
  receipt.hash = await canonicalHash(receipt);
  return receipt as Receipt;
}
