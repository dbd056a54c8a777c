import { createConsentWith } from './create-consent-with.js';
import type { Config, ConfigIds, ConsentApi } from './core/types.js';

export * from './api.js';

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
 * Given a literal config, `get`, `set`, `whenGranted` and `withdraw` take only its ids
 * (`ConfigIds`); given JSON (`any`) or a `Config`, any string.
 *
 * @example
 * ```ts
 * import { createConsent } from 'yinyom';
 * const consent = createConsent(await (await fetch('/consent-config.json')).json());
 * consent.whenGranted('analytics').then(loadAnalytics);
 * ```
 */
export function createConsent<const C extends Config>(config: C, options?: CreateConsentOptions): ConsentApi<ConfigIds<C>>;
/** A config of unknown shape (checked at run time): any id is accepted by the types. */
export function createConsent(config: unknown, options?: CreateConsentOptions): ConsentApi;
export function createConsent(config: unknown, { ui = true, signal }: CreateConsentOptions = {}): ConsentApi {
  return createConsentWith(config, { signal, ui: () => import('./ui/index.js'), headless: !ui });
}
