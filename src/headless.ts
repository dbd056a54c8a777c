/**
 * `yinyom/headless`: the consent core without any UI, for a site that draws its own. Nothing
 * of Lit or the elements is in it or reachable from it, so a bundler emits no UI chunk (a
 * runtime `{ ui: false }` cannot be tree-shaken). `show()` rejects; `yinyom/elements`, if the
 * app adds them, still use the instance.
 *
 * @example
 * ```ts
 * import { createConsent } from 'yinyom/headless';
 * const consent = createConsent(config);
 * myBanner.onAccept = () => consent.acceptAll();
 * ```
 */
import { createConsentWith } from './create-consent-with.js';
import type { Config, ConfigIds, ConsentApi } from './core/types.js';

export * from './api.js';

/** Creates the consent API with no UI of its own (see `createConsent` of `yinyom` for the rest). */
export function createConsent<const C extends Config>(config: C, options?: { signal?: AbortSignal }): ConsentApi<ConfigIds<C>>;
export function createConsent(config: unknown, options?: { signal?: AbortSignal }): ConsentApi;
export function createConsent(config: unknown, { signal }: { signal?: AbortSignal } = {}): ConsentApi {
  return createConsentWith(config, { signal, headless: true });
}
