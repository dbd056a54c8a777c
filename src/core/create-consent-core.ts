import type * as ConfigModule from './config.js';
import { configFingerprint } from './config-fingerprint.js';
import { consentMode } from './consent-mode.js';
import { decodeDecision, encodeDecision, readDecisionCookie, writeDecisionCookie, type StoredDecision } from './decision-cookie.js';
import { createDecisionState } from './decision-state.js';
import type * as Deferred from './deferred.js';
import { createGate, observeDocument } from './gating.js';
import { hasReceiptBook } from './has-receipt-book.js';
import { failure, log } from './log.js';
import { createNoticeSource } from './notice-source.js';
import type { ReceiptBook } from './receipts/receipt-book.js';
import { resolveConfig } from './resolve-config.js';
import { connectTabs } from './tabs.js';
import type { ChangeListener, Choices, ConsentApi, DecisionOptions, Language, Notice, Receipt, SyncListener, View } from './types.js';

/** The UI module (`yinyom-ui.js`, `src/ui/index.ts`) as the core sees it. */
export interface UiModule {
  show(api: ConsentApi, view: View): Promise<void>;
  define(api: ConsentApi, tags: string[]): Promise<void>;
}

/** What the core needs to check a config: the config module, `yinyom-config.js` in the script-tag build. */
export type ConfigChecker = Pick<typeof ConfigModule, 'checkConfig' | 'reportConfigProblems'>;

/** How the core reaches the pieces it loads on demand; each entry point wires its own. */
export interface ConsentOptions {
  /**
   * Checks the config: the checker itself (npm: checked at once), or a loader of it (the
   * script tag: loaded only for a config not checked before). Until a config is checked,
   * nothing optional runs.
   */
  checker: ConfigChecker | (() => Promise<ConfigChecker>);
  /** Loads the decision chunk (receipt book, merging, cookie clearing). Without it, `set()` rejects for want of a receipt book. */
  receipts?: () => Promise<typeof Deferred>;
  /** Loads the UI. Without it `show()` rejects. */
  ui?: () => Promise<UiModule>;
  /**
   * Whether this browser holds receipts, asked on a page load without a decision cookie: the
   * receipt book is opened then only if so. Never rejects. Default: the receipt book's database exists.
   */
  hasReceipts?: () => Promise<boolean>;
  /** The core shows nothing by itself (no banner, no page elements defined); `show()` still loads the UI when asked. */
  headless?: boolean;
  /** Stops the instance when aborted: no more gating, observing or cross-tab messages. */
  signal?: AbortSignal;
  /** The nonce Yinyom's own script runs with: only gated scripts with the same nonce are activated. */
  nonce?: string;
  /**
   * `document.cookie` as the caller read it in this same task, to take the decision cookie from:
   * a read is a synchronous call to the browser, worth making once. Default: read now.
   */
  cookies?: string;
}

/** Events that show someone is about to decide in a Yinyom element: the decision chunk is fetched then. */
const INTERACTION = ['pointerover', 'touchstart', 'focusin', 'keydown'];

/** `fn`'s result, computed on the first call only. */
function once<T>(fn: () => T): () => T {
  let result: { value: T } | undefined;
  return () => (result ??= { value: fn() }).value;
}

/** Runs `fn`, reporting instead of throwing: page code must never break the SDK, nor the SDK the page. */
function guard(what: string, fn: () => void) {
  try {
    fn();
  } catch (error) {
    log('error', `${what} threw`, error);
  }
}

/**
 * Creates the consent core for `input` (a parsed JSON config, DESIGN.md section 3) and boots
 * it: reads the decision from the `yinyom` cookie, sets the Google Consent Mode default,
 * gates scripts and iframes, and shows the banner when a decision is needed.
 *
 * Never throws. An invalid config is reported on the console, every problem at once, and
 * the returned API runs the safe default: nothing optional is granted and writes reject.
 * An `Error` as `input` means the config could not be read: its message is reported the same way.
 */
export function createConsentCore(input: unknown, options: ConsentOptions): ConsentApi {
  const { signal } = options;
  const showsUi = !!options.ui && !options.headless;
  const chunk = once(() => options.receipts?.() ?? Promise.reject(failure('no receipt book configured')));
  const loadUi = once(() => options.ui?.() ?? Promise.reject(failure('no UI was configured for this instance')));
  const unreadable = input instanceof Error ? input : undefined;
  const config = resolveConfig(unreadable ? {} : input);
  // With no decision cookie a banner is all but certain: its code starts downloading before
  // anything else is done.
  let decision = readDecisionCookie(config, options.cookies);
  if (!decision && showsUi) void loadUi().catch(() => undefined);
  // Receipts to restore a decision from (or to send) when there is no cookie: asked while the
  // UI downloads, not after it has arrived, where it would hold up the banner.
  const receiptsHeld = decision ? undefined : (options.hasReceipts ?? hasReceiptBook)();
  const fingerprint = configFingerprint(unreadable ? null : input);
  const state = createDecisionState(config, (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true);
  // Nothing optional runs until the config is known to be good.
  state.breakWith('the config is being checked');
  const notices = createNoticeSource(config);
  const listeners = { change: new Set<ChangeListener>(), sync: new Set<SyncListener>() };
  let language: Language = config.language;
  let noticeHash: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const granted = (id: string) => state.get(id) === true;
  const valid = (stored: StoredDecision | undefined) => state.valid(stored, notices.known()?.version);
  const snapshot = () => {
    const notice = notices.known();
    return state.snapshot(language, notice && { id: notice.id, version: notice.version, hash: noticeHash });
  };
  const emit = () => {
    const current = snapshot();
    for (const fn of listeners.change) guard('a change listener', () => fn(current));
    document.dispatchEvent(new CustomEvent('yinyom-change', { detail: current }));
  };
  const gate = createGate((ids) => ids.every(granted), options.nonce || undefined);
  let post = (value: string): void => void value;
  /** Writes `next` as the decision cookie, stamped with this config's fingerprint; `undefined` deletes it. A stopped instance writes nothing. */
  const saveCookie = (next: StoredDecision | undefined) => signal?.aborted || writeDecisionCookie(next && { ...next, config: fingerprint }, config);

  /** Makes `next` the decision in force and carries out everything that follows from it; a stopped instance stays as it was. */
  function apply(next: StoredDecision | undefined, persist?: boolean, broadcast?: boolean) {
    if (signal?.aborted) return;
    state.replace(next);
    if (persist) saveCookie(next);
    if (config.googleConsentMode) consentMode(config.categories, granted);
    gate();
    if (broadcast && next) post(encodeDecision(next));
    emit();
  }

  const loadNotice = (): Promise<Notice> =>
    notices.load().then(
      (notice) => {
        // The cookie was trusted until the version was known; a new version asks again.
        if (state.current() && !valid(state.current())) apply(undefined, true);
        return notice;
      },
      (error: Error) => {
        if (!state.broken()) {
          state.breakWith(error.message);
          log('error', `${error.message.replace('[yinyom] ', '')}; nothing optional will run`);
          apply(undefined);
        }
        throw error;
      },
    );

  const openBook = once(
    (): Promise<ReceiptBook> =>
      chunk().then(({ createReceiptBook }) => {
        const book = createReceiptBook({ config });
        book.onSync((counts) => {
          const current = state.current();
          if (!counts.pending && current?.pending) {
            const next = { ...current, pending: false };
            state.replace(next);
            saveCookie(next);
          }
          for (const fn of listeners.sync) guard('a sync listener', () => fn(counts));
          document.dispatchEvent(new CustomEvent('yinyom-sync', { detail: counts }));
        });
        signal?.addEventListener('abort', () => book.close());
        return book;
      }),
  );

  /** Every decision passes here, one at a time: merged, recorded as a receipt, then applied. */
  const decide = (update: Choices, options: DecisionOptions): Promise<Receipt> => {
    const result = queue.then(async () => {
      await checked;
      // A stopped instance decides nothing: in React's StrictMode, the first of two is stopped at once.
      if (signal?.aborted) throw failure('this instance was stopped');
      const broken = state.broken();
      if (broken) throw failure(broken);
      const { prepareDecision, deleteCookies } = await chunk();
      const decision = await prepareDecision(config, state.current()?.choices, update, options, language);
      const { choices } = decision;
      const notice = await loadNotice();
      const before = state.optional.filter((category) => state.get(category.id) !== false);
      const time = new Date();
      let receipt: Receipt | undefined;
      let error: unknown;
      try {
        receipt = await (await openBook()).record({ ...decision, notice, gpc: state.gpc, time });
        noticeHash = receipt.notice.hash;
      } catch (caught) {
        error = caught;
        log('error', 'no receipt could be written; the decision applies to this page only', caught);
      }
      // The person's choice takes effect even when no receipt could be written. The cookie says
      // receipts wait to be sent only when there is somewhere to send them.
      apply({ version: notice.version, time, choices, receiptId: receipt?.id ?? 'none', pending: !!receipt && !!config.endpoint }, true, true);
      // Cookies of a category just denied go now; other tabs share the cookie jar, so once is enough.
      const denied = before.flatMap((category) => (state.get(category.id) === false ? (category.cookies ?? []) : []));
      if (denied.length) deleteCookies(denied.map((cookie) => new RegExp(cookie.match ?? `^${cookie.name}$`)), config.cookieDomain);
      if (!receipt) throw error;
      return receipt;
    });
    queue = result.catch(() => undefined);
    return result;
  };

  /** Restores the decision from this browser's newest receipt when the cookie is gone but the decision still holds. */
  const restore = async (book: ReceiptBook, notice: Notice) => {
    const latest = await book.latest();
    const restored =
      latest?.notice.id === notice.id && valid({ version: latest.notice.version, time: new Date(latest.time), choices: latest.choices, receiptId: latest.id });
    if (restored && !state.current()) apply(restored, true);
  };

  // Never a sensitive purpose: the config check refuses `banner` on one, and nothing is decided under a refused config.
  const bannerIds = [...state.optional, ...config.purposes.filter((p) => p.banner)].map((entry) => entry.id);
  const api: ConsentApi = {
    get: state.get,
    state: snapshot,
    whenGranted(id) {
      if (!state.entries.has(id)) return Promise.reject(failure(`whenGranted: "${id}" is not a category or purpose of the config`));
      return new Promise((resolve) => {
        if (granted(id)) return resolve();
        const off = api.on('change', () => {
          if (granted(id)) {
            off();
            resolve();
          }
        });
      });
    },
    on(type: 'change' | 'sync', fn: ChangeListener & SyncListener) {
      const set = listeners[type] as Set<typeof fn>;
      set.add(fn);
      return () => void set.delete(fn);
    },
    set: (choices, options = {}) => decide(choices as Choices, options),
    acceptAll: (options = {}) => decide(Object.fromEntries(bannerIds.map((id) => [id, true])), options),
    rejectAll: (options = {}) => decide(Object.fromEntries(bannerIds.map((id) => [id, false])), options),
    withdraw: (ids, options = {}) => decide(Object.fromEntries([ids].flat().map((id) => [id, false])), { method: 'withdraw', ...options }),
    show: (view) => loadUi().then((module) => module.show(api, view)),
    receipts: () => api.receiptEntries().then((list) => list.map((entry) => entry.receipt)),
    receiptEntries: () => openBook().then((book) => book.entries()),
    sync: () => openBook().then((book) => book.sync()),
    push: (fn) => guard('a yinyom.push callback', () => fn(api)),
    config: Object.freeze(config),
    notice: loadNotice,
    language: () => language,
    setLanguage(next) {
      if (next !== language) {
        language = next;
        emit();
      }
    },
  };

  if (config.googleConsentMode) consentMode(config.categories, () => false, true);
  // A config identical to the one the decision cookie was made under was checked then; any
  // other is checked now, at once where the checker is at hand.
  let observer: MutationObserver | undefined;
  const checked = decision?.config === fingerprint && !unreadable ? start() : check();
  observer = observeDocument((found) => {
    if (!state.broken()) gate(found);
    const tags = [...new Set(found.map((element) => element.localName).filter((tag) => tag.startsWith('yinyom-')))];
    if (tags.length && showsUi) loadUi().then((module) => (signal?.aborted ? undefined : module.define(api, tags))).catch((error) => log('error', 'UI failed to load', error));
  });
  signal?.addEventListener('abort', () => observer!.disconnect());

  /** Checks the config and reports its problems; a good one starts the instance. */
  function check(): void | Promise<void> {
    const run = (checker: ConfigChecker) => {
      const problems = checker.checkConfig(unreadable ? {} : input);
      if (unreadable) problems.errors.splice(0, Infinity, ['data-config', 'unreadable', unreadable.message]);
      checker.reportConfigProblems(problems);
      if (problems.errors.length) state.breakWith(`the config has ${problems.errors.length} problem(s), listed on the console`);
      else start(true);
    };
    const { checker } = options;
    if (typeof checker !== 'function') return run(checker);
    return checker().then(run, (error) => {
      state.breakWith('the config could not be checked');
      log('error', 'the config could not be checked; nothing optional will run:', error);
    });
  }

  /**
   * Puts the cookie's decision in force and boots: Consent Mode, cross-tab messages, gating,
   * then (asynchronously) the notice, the outbox and the banner. `checkedNow`: the config was
   * just checked, so the decision cookie is stamped with its fingerprint for the next visit.
   */
  function start(checkedNow?: boolean) {
    state.breakWith(undefined);
    decision = valid(decision);
    state.replace(decision);
    if (decision && checkedNow) saveCookie(decision);
    if (!decision && !navigator.cookieEnabled) log('warn', 'cookies are off: a decision lasts for this page only');
    if (config.googleConsentMode && decision) consentMode(config.categories, granted);
    post = connectTabs((value) => {
      const next = valid(decodeDecision(value));
      if (next) apply(next);
    }, signal);
    // Checked synchronously, the document observer's first pass gates what is in the page;
    // checked later, the page may already hold gated elements and listeners.
    if (observer) {
      gate();
      emit();
    }
    void boot();
  }

  /** The asynchronous part of the boot: notice, outbox and restore, then the banner. */
  async function boot() {
    try {
      // The cookie's `p` says receipts wait to be sent; without a cookie, the book is opened if there is one.
      const bookNeeded = decision ? decision.pending : await receiptsHeld;
      const notice = await loadNotice();
      // Stopped while the notice loaded (React's StrictMode stops the first of two instances at once).
      if (signal?.aborted) return;
      if (bookNeeded) {
        const book = await openBook();
        if (!state.current()) await restore(book, notice);
      }
      if (!state.decided() && showsUi) {
        // No yield between the UI's arrival and the banner: where the UI's module blocked
        // rendering (src/auto.ts), a task boundary here would let the page paint without it.
        const module = await loadUi();
        // The banner goes into <body>: a script in <head> can get here before the parser made it.
        if (!document.body) await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
        // Another tab, or page code, may have decided while the UI loaded; a stopped instance shows nothing.
        if (!state.decided() && !signal?.aborted) await module.show(api, 'banner');
        prefetchOnInteraction();
      }
    } catch (error) {
      log('error', 'boot:', error);
    }
  }

  /** Fetches the decision chunk at the first sign that someone is about to decide, not before. */
  function prefetchOnInteraction() {
    const listen = (on: boolean) => INTERACTION.forEach((type) => (on ? addEventListener : removeEventListener)(type, interacted, true));
    function interacted(event: Event) {
      if (!(event.target as Element | null)?.localName?.startsWith('yinyom-')) return;
      listen(false);
      void chunk().catch(() => undefined);
    }
    listen(true);
    signal?.addEventListener('abort', () => listen(false));
  }

  return api;
}
