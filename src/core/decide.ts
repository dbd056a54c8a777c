import { deleteCookies } from './cookies.js';
import type { StoredDecision } from './decision-cookie.js';
import { failure, log } from './log.js';
import type { ReceiptBook } from './receipts/receipt-book.js';
import type { Category, Choices, DecisionOptions, Language, Notice, Purpose, Receipt, ResolvedConfig } from './types.js';

/** What `decide` needs of the core instance. */
export interface DecisionContext {
  config: ResolvedConfig;
  entries: Map<string, Category | Purpose>;
  optional: Category[];
  gpc: boolean;
  broken(): string | undefined;
  current(): StoredDecision | undefined;
  get(id: string): boolean | undefined;
  language(): Language;
  notice(): Promise<Notice>;
  book(): Promise<ReceiptBook>;
  /** The stored decision if it still holds (notice version, expiry). */
  valid(stored: StoredDecision): StoredDecision | undefined;
  /** Makes the decision current: cookie, Consent Mode, gating, other tabs, change event. */
  apply(next: StoredDecision, persist: true, broadcast?: true): void;
  recorded(receipt: Receipt): void;
}

/**
 * Every decision passes here, one at a time (the core queues them): the update is checked,
 * merged into the current choices, recorded as a receipt, then applied. It lives in the
 * deferred chunk because a decision needs the receipt book anyway.
 */
export async function decide(core: DecisionContext, update: Choices, { method = 'api', actor }: DecisionOptions): Promise<Receipt> {
  const broken = core.broken();
  if (broken) throw failure(broken);
  for (const id in update) {
    const entry = core.entries.get(id) as Category | undefined;
    const problem = !entry
      ? 'is not a category or purpose of the config'
      : typeof update[id] !== 'boolean'
        ? 'must be true or false'
        : entry.required && !update[id] && 'is required and cannot be denied';
    if (problem) throw failure(`set: "${id}" ${problem}`);
  }
  const notice = await core.notice();
  const current = core.current();
  const choices: Choices = {};
  // A decision about cookies records every category explicitly: one the person has not
  // decided and this update does not mention is denied. An update of purposes alone (an
  // inline form) settles no category: the banner still asks.
  if (core.optional.some((category) => category.id in update)) for (const category of core.optional) choices[category.id] = false;
  // Ids the config no longer has are dropped here; get() already ignores them.
  for (const id in current?.choices) if (core.entries.has(id)) choices[id] = current!.choices[id];
  for (const id in update) if (!(core.entries.get(id) as Category).required) choices[id] = update[id];
  const before = core.optional.filter((category) => core.get(category.id) !== false);
  const time = new Date();
  let receipt: Receipt | undefined;
  let error: unknown;
  try {
    receipt = await (await core.book()).record({ choices, method, actor, language: core.language(), notice, gpc: core.gpc, time });
    core.recorded(receipt);
  } catch (caught) {
    error = caught;
    log('error', 'no receipt could be written; the decision applies to this page only', caught);
  }
  // The person's choice takes effect even when no receipt could be written.
  core.apply({ version: notice.version, time, choices, receiptId: receipt?.id ?? 'none', pending: !!receipt }, true, true);
  // Cookies of a category just denied go now; other tabs share the cookie jar, so once is enough.
  const denied = before.flatMap((category) => (core.get(category.id) === false ? category.cookies ?? [] : []));
  if (denied.length) deleteCookies(denied.map((cookie) => new RegExp(cookie.match ?? `^${cookie.name}$`)), core.config.cookieDomain);
  if (!receipt) throw error;
  return receipt;
}

/**
 * Restores the decision from this browser's newest receipt when the cookie is gone (cleared,
 * or capped by the browser) but the notice version still matches and it has not expired.
 */
export async function restore(core: DecisionContext): Promise<void> {
  const latest = await (await core.book()).latest();
  const notice = await core.notice();
  const restored =
    latest?.notice.id === notice.id &&
    core.valid({ version: latest.notice.version, time: new Date(latest.time), choices: latest.choices, receiptId: latest.id });
  if (restored && !core.current()) core.apply(restored, true);
}
