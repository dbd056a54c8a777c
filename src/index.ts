import * as checker from './core/config.js';
import { createConsentCore } from './core/create-consent-core.js';
import { createInertConsent } from './core/inert-consent.js';
import { setDefaultConsent } from './core/instance.js';
import type { ConsentApi } from './core/types.js';

export type * from './core/types.js';
export { validateConfig, type ConfigCheck } from './core/validate-config.js';
export { checkNotice } from './core/notice.js';
export { defaultConsent } from './core/instance.js';
export { receiptsToJson } from './core/receipts/receipts-to-json.js';
export { toKantaraReceipt, type KantaraReceipt } from './core/receipts/to-kantara-receipt.js';
export { verifyReceipt, type ReceiptKey, type ReceiptKeySet, type ReceiptSignature } from './core/receipts/verify-receipt.js';
export { shownHash, wordingOf, type Wording, type WordingOptions } from './core/receipts/shown-wording.js';
export { toIso27560, type Iso27560Config, type Iso27560Document, type Iso27560Options } from './core/receipts/to-iso27560.js';

/** Options of `createConsent`. */
export interface CreateConsentOptions {
  /**
   * Show the Lit UI by itself: the banner on a first visit, and page elements found in the
   * page. Default `true`. `false` gives a headless core for a site that draws its own UI: it
   * shows nothing by itself, while `show()` and elements the app registered
   * (`yinyom/elements`) still open the preferences or the notice when asked. The UI is
   * always loaded on demand with dynamic `import()`.
   */
  ui?: boolean;
  /** Stops the instance when aborted (an SPA tearing down, a test): no more gating, observing or syncing. */
  signal?: AbortSignal;
}

/**
 * Creates the consent API for an SPA, without touching globals (DESIGN.md section 7), and
 * makes it the instance that `yinyom/elements` use. The UI and the receipt book are loaded
 * with dynamic `import()`, so a bundler splits them from the page's first chunk. Where there
 * is no `document` (server-side rendering), it returns an inert instance: undecided, nothing
 * granted, never throwing.
 *
 * @example
 * ```ts
 * import { createConsent } from 'yinyom';
 * const consent = createConsent(await (await fetch('/consent-config.json')).json());
 * consent.whenGranted('analytics').then(loadAnalytics);
 * ```
 */
export function createConsent(config: unknown, { ui = true, signal }: CreateConsentOptions = {}): ConsentApi {
  // Server-side rendering (Next.js, Nuxt, SvelteKit): an inert instance, decided in the browser.
  if (typeof document === 'undefined' || typeof navigator === 'undefined') return createInertConsent(config);
  const api = createConsentCore(config, {
    signal,
    checker,
    receipts: () => import('./core/deferred.js'),
    ui: () => import('./ui/index.js'),
    headless: !ui,
  });
  // An instance whose signal is already aborted never registers (setDefaultConsent ignores it).
  setDefaultConsent(api);
  return api;
}
