import { checkConfig } from './config.js';
import { consentMode } from './consent-mode.js';
import { readCookie, writeCookie } from './cookies.js';
import { COOKIE_NAME, decodeDecision, encodeDecision, type StoredDecision } from './decision-cookie.js';
import type { DecisionContext } from './decide.js';
import { fetchJson } from './fetch-json.js';
import { failure, log } from './log.js';
import { createGate, observeDocument } from './gating.js';
import type * as Deferred from './deferred.js';
import type { ReceiptBook } from './receipts/receipt-book.js';
import type {
  Category,
  ChangeListener,
  Choices,
  ConsentApi,
  ConsentState,
  DecisionOptions,
  Language,
  Notice,
  Purpose,
  Receipt,
  SyncListener,
  SyncResult,
  View,
} from './types.js';

/** The UI module (`yinyom-ui.js`, `src/ui/index.ts`) as the core sees it. */
export interface UiModule {
  show(api: ConsentApi, view: View): Promise<void>;
  define(api: ConsentApi, tags: string[]): Promise<void>;
}

/** How the core reaches the pieces it loads on demand; each entry point wires its own. */
export interface ConsentOptions {
  /** Loads the deferred part of the core (receipt book, cookie clearing, problem texts). Without it, decisions apply but `set()` rejects for want of a receipt. */
  receipts?: () => Promise<typeof Deferred>;
  /** Loads the UI. Without it the core is headless: no banner, and `show()` rejects. */
  ui?: () => Promise<UiModule>;
  /** Stops the instance when aborted: no more gating, observing or cross-tab messages. */
  signal?: AbortSignal;
}

const DAY = 864e5;
const RECEIPTS_HINT = 'yinyom:receipts';

declare global {
  interface DocumentEventMap {
    'yinyom-change': CustomEvent<ConsentState>;
    'yinyom-sync': CustomEvent<SyncResult>;
  }
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
 * What this browser's receipt book holds, remembered in localStorage so that a page load
 * opens IndexedDB (and fetches the deferred chunk) only when there is something to do:
 * `pending` receipts to flush, or `sent` ones to restore a decision from. Nothing: a first visit.
 */
function receiptsHint(next?: 'pending' | 'sent'): string | null {
  try {
    if (next) localStorage.setItem(RECEIPTS_HINT, next);
    return localStorage.getItem(RECEIPTS_HINT);
  } catch {
    // Storage blocked (cookies off, sandboxed frame): the book then opens on the next decision.
    return null;
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
export function createConsentCore(input: unknown, options: ConsentOptions = {}): ConsentApi {
  let lazy: Promise<typeof Deferred> | undefined;
  // An Error stands for a config that could not even be read (bad JSON, missing element or URL).
  const { config, errors, unknown } = checkConfig(input instanceof Error ? {} : input);
  if (input instanceof Error) errors.splice(0, errors.length, ['data-config', 'unreadable', input.message]);
  let broken = errors.length ? `the config has ${errors.length} problem(s), listed on the console` : undefined;
  if (errors.length || unknown.length) {
    // The wording comes with the deferred chunk; without it each problem is named by path and code.
    void onDecision()
      .then(
        (module) => module.describeConfigProblems({ errors, unknown }),
        () => ({
          errors: errors.map(([path, code, value]) => `config: ${path} (${code}) ${value ?? ''}`),
          warnings: unknown.map((path) => `config: ${path} (unknown field)`),
        }),
      )
      .then((described) => {
        if (described.warnings.length) log('warn', described.warnings.join('\n'));
        if (errors.length) log('error', `${errors.length} config problem(s); nothing optional will run:\n  ${described.errors.join('\n  ')}`);
      });
  }

  const entries = new Map<string, Category | Purpose>();
  for (const entry of [...config.categories, ...config.purposes]) entries.set(entry.id, entry);
  const optionalCategories = config.categories.filter((category) => !category.required);
  const bannerIds = [...optionalCategories, ...config.purposes.filter((p) => p.banner && !p.sensitive)].map((e) => e.id);
  const gpc = config.respectGPC && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const listeners = { change: new Set<ChangeListener>(), sync: new Set<SyncListener>() };
  const idle = (fn: () => void) => (window.requestIdleCallback ?? setTimeout)(fn);
  let channel: BroadcastChannel | undefined;
  /** Reads the decision cookie: a valid decision, or undefined (with a warning when it is foreign). */
  const cookieDecision = () => {
    const raw = readCookie(COOKIE_NAME);
    const stored = raw === undefined ? undefined : decodeDecision(raw);
    if (raw !== undefined && !stored) log('warn', `the "${COOKIE_NAME}" cookie is not a Yinyom decision; treated as no decision`);
    return valid(stored);
  };
  /*
   * Opening a BroadcastChannel costs a round trip to the browser process, so it waits until
   * the page is idle; a decision another tab made in the meantime is in the shared cookie.
   */
  const openChannel = () => {
    if (!channel && typeof BroadcastChannel === 'function' && !options.signal?.aborted) {
      channel = new BroadcastChannel('yinyom');
      channel.onmessage = ({ data }) => {
        const next = valid(decodeDecision(String(data)));
        if (next) apply(next);
      };
    }
    return channel;
  };

  let language: Language = config.language;
  let notice: Notice | undefined = typeof config.notice === 'object' ? config.notice : undefined;
  let noticeHash: string | undefined;
  let decision: StoredDecision | undefined;
  let book: Promise<ReceiptBook> | undefined;
  let ui: Promise<UiModule> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /**
   * The stored decision if it still holds: same notice version (when known) and not expired.
   * Ids the config no longer has are ignored by get() and dropped by the next decision.
   */
  const valid = (stored: StoredDecision | undefined): StoredDecision | undefined =>
    stored && (!notice || stored.version === notice.version) && +stored.time + config.expiresDays * DAY > Date.now() ? stored : undefined;

  /**
   * Whether the person has decided on every optional category. A decision made only in an
   * inline form (purposes) leaves this false, and so does a category added since: the
   * banner asks.
   */
  const decided = () => !!decision && optionalCategories.every((category) => category.id in decision!.choices);

  const get = (id: string): boolean | undefined => {
    const entry = entries.get(id);
    if (!entry || broken) return undefined;
    if ((entry as Category).required) return true;
    return decision?.choices[id] ?? (gpc && (entry as Category).gpc ? false : undefined);
  };

  const state = (): ConsentState => {
    const choices: Choices = {};
    for (const id of entries.keys()) {
      const value = get(id);
      if (value !== undefined) choices[id] = value;
    }
    return {
      decided: decided(),
      choices,
      notice: notice && { id: notice.id, version: notice.version, hash: noticeHash },
      receiptId: decision?.receiptId,
      time: decision?.time.toISOString(),
      expires: decision && new Date(+decision.time + config.expiresDays * DAY).toISOString(),
      language,
    };
  };

  const emit = () => {
    const snapshot = state();
    for (const fn of listeners.change) guard('a change listener', () => fn(state()));
    document.dispatchEvent(new CustomEvent('yinyom-change', { detail: snapshot }));
  };

  const gate = createGate((ids) => ids.every((id) => get(id) === true));

  const writeDecision = (next: StoredDecision | undefined) =>
    writeCookie(COOKIE_NAME, next ? encodeDecision(next) : '', next ? (+next.time + config.expiresDays * DAY - Date.now()) / 1000 : 0, config.cookieDomain);

  /** Makes `next` the current decision and carries out everything that follows from it. */
  const apply = (next: StoredDecision | undefined, persist?: boolean, broadcast?: boolean) => {
    decision = next;
    if (persist) writeDecision(next);
    if (config.googleConsentMode) consentMode(config.categories, (id) => get(id) === true);
    gate();
    if (broadcast && next) openChannel()?.postMessage(encodeDecision(next));
    emit();
  };

  let noticeLoad: Promise<Notice> | undefined;
  const loadNotice = (): Promise<Notice> =>
    notice
      ? Promise.resolve(notice)
      : (noticeLoad ??= fetchJson(new URL(config.notice as string, location.href).href).then(
          (loaded) => {
            const { id, version } = (loaded ?? {}) as Notice;
            if (typeof id !== 'string' || typeof version !== 'string') throw new Error(`${config.notice}: id and version are required`);
            notice = loaded as Notice;
            // The cookie was trusted until the version was known; a new version asks again.
            if (decision && !valid(decision)) apply(undefined, true);
            return notice;
          },
        ).catch((error: Error) => {
          if (!broken) {
            broken = `notice: ${error.message}`;
            log('error', `${broken}; nothing optional will run`);
            apply(undefined);
          }
          throw failure(`notice: ${error.message}`);
        }));

  function onDecision(): Promise<typeof Deferred> {
    return (lazy ??= options.receipts ? options.receipts() : Promise.reject(failure('no receipt book configured')));
  }
  const receiptBook = (): Promise<ReceiptBook> =>
    (book ??= onDecision().then(
      ({ createReceiptBook }) => {
        const created = createReceiptBook({ config });
        created.onSync((counts) => {
          if (!counts.pending) {
            receiptsHint('sent');
            if (decision?.pending) writeDecision((decision = { ...decision, pending: false }));
          }
          for (const fn of listeners.sync) guard('a sync listener', () => fn(counts));
          document.dispatchEvent(new CustomEvent('yinyom-sync', { detail: counts }));
        });
        return created;
      },
    ));

  const loadUi = (): Promise<UiModule> =>
    (ui ??= options.ui ? options.ui() : Promise.reject(failure('no UI: this instance is headless')));

  const context: DecisionContext = {
    config,
    entries,
    optional: optionalCategories,
    gpc,
    broken: () => broken,
    current: () => decision,
    get,
    language: () => language,
    notice: loadNotice,
    book: receiptBook,
    valid,
    apply,
    recorded(receipt) {
      noticeHash = receipt.notice.hash;
      receiptsHint('pending');
    },
  };
  /** Every decision passes through `decide` in the deferred chunk, one at a time. */
  const decide = (update: Choices, options: DecisionOptions): Promise<Receipt> => {
    const result = queue.then(onDecision).then((module) => module.decide(context, update, options));
    queue = result.catch(() => undefined);
    return result;
  };

  const api: ConsentApi = {
    get,
    state,
    whenGranted(id) {
      if (!entries.has(id)) return Promise.reject(failure(`whenGranted: "${id}" is not a category or purpose of the config`));
      return new Promise((resolve) => {
        if (get(id)) return resolve();
        const off = api.on('change', () => {
          if (get(id)) {
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
    set: (choices, options = {}) => decide(choices, options),
    acceptAll: (options = {}) => decide(Object.fromEntries(bannerIds.map((id) => [id, true])), options),
    rejectAll: (options = {}) => decide(Object.fromEntries(bannerIds.map((id) => [id, false])), options),
    withdraw: (ids, options = {}) =>
      decide(Object.fromEntries([ids].flat().map((id) => [id, false])), { method: 'withdraw', ...options }),
    show: (view) => loadUi().then((module) => module.show(api, view)),
    receipts: () => api.receiptEntries().then((list) => list.map((entry) => entry.receipt)),
    receiptEntries: () => receiptBook().then((b) => b.entries()),
    sync: () => receiptBook().then((b) => b.sync()),
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

  // Boot. The decision is read synchronously so gating and get() answer before any gated script could run.
  if (!broken) {
    decision = cookieDecision();
    if (!decision && !navigator.cookieEnabled) log('warn', 'cookies are off: a decision lasts for this page only');
    if (config.googleConsentMode) {
      consentMode(config.categories, () => false, true);
      if (decision) consentMode(config.categories, (id) => get(id) === true);
    }
    idle(() => {
      if (options.signal?.aborted) return;
      openChannel();
      const current = cookieDecision();
      if (current && current.receiptId !== decision?.receiptId) apply(current);
    });
  }
  const observer = observeDocument((found) => {
    if (!broken) gate(found);
    const tags = [...new Set(found.map((element) => element.localName).filter((tag) => tag.startsWith('yinyom-')))];
    if (tags.length && options.ui) loadUi().then((module) => module.define(api, tags)).catch((error) => log('error', 'UI failed to load', error));
  });
  options.signal?.addEventListener('abort', () => {
    observer.disconnect();
    channel?.close();
    book?.then((opened) => opened.close?.(), () => undefined);
  });
  if (!broken) void boot();

  /** The asynchronous part of the boot: notice, restore from receipts, outbox, banner. */
  async function boot() {
    try {
      const loadedNotice = notice ? undefined : loadNotice();
      // A decision's cookie says whether receipts wait to be sent; without one, localStorage says whether any exist.
      if (decision ? !decision.pending : !receiptsHint()) {
        await loadedNotice;
      } else {
        if (!decided() && options.ui) void loadUi().catch(() => undefined);
        await loadedNotice;
        // Opening the book flushes its outbox; without a decision, its newest receipt may restore one.
        await (decision ? receiptBook() : onDecision().then((module) => module.restore(context)));
      }
      if (!decided() && options.ui) {
        const module = await loadUi();
        // The banner goes into <body>: a script in <head> can get here before the parser made it.
        if (!document.body) await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
        // Another tab, or page code, may have decided while the UI loaded.
        if (!decided()) await module.show(api, 'banner');
        // The decision path is fetched while the person reads the banner, not on their click.
        idle(() => void onDecision().catch(() => undefined));
      }
    } catch (error) {
      log('error', 'boot:', error);
    }
  }

  return api;
}
