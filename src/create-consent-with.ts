import * as checker from './core/config.js';
import { createConsentCore, type ConsentOptions } from './core/create-consent-core.js';
import { createInertConsent } from './core/inert-consent.js';
import { setDefaultConsent, stopConsent } from './core/instance.js';
import type { ConsentApi } from './core/types.js';

/**
 * `createConsent` of the npm entries, given how each reaches the UI (`yinyom`: loaded on
 * demand; `yinyom/headless`: none): the config is checked at once, the decision chunk is
 * loaded on demand, and the instance becomes the elements' default.
 */
export function createConsentWith<Id extends string>(config: unknown, options: Pick<ConsentOptions, 'signal' | 'ui' | 'headless'>): ConsentApi<Id> {
  // Server-side rendering (Next.js, Nuxt, SvelteKit): an inert instance, decided in the browser.
  if (typeof document === 'undefined' || typeof navigator === 'undefined') return createInertConsent(config) as ConsentApi<Id>;
  const api = createConsentCore(config, { ...options, checker, receipts: () => import('./core/deferred.js') });
  // A stopped instance stops being the elements' default, and never becomes it again.
  const { signal } = options;
  if (signal?.aborted) stopConsent(api);
  else signal?.addEventListener('abort', () => stopConsent(api), { once: true });
  setDefaultConsent(api);
  // The ids are only narrowed for the caller's type checks; the instance checks them itself.
  return api as ConsentApi<Id>;
}
