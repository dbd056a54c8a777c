import type { Category } from './types.js';

type Gtag = (...args: unknown[]) => void;

/** The Consent Mode v2 types Yinyom always sets, whether or not a category maps them. */
const BASE_TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'];

function gtag(): Gtag {
  const w = window as unknown as { gtag?: Gtag; dataLayer?: unknown[] };
  // The standard stub: gtag.js reads `arguments` objects from the dataLayer, not arrays.
  w.gtag ??= function () {
    // eslint-disable-next-line prefer-rest-params
    (w.dataLayer ??= []).push(arguments);
  };
  return w.gtag;
}

/**
 * Google Consent Mode v2: `consentMode(categories, granted, true)` at boot sets the default,
 * every type denied, waiting for an update; later calls send an `update` with each
 * category's `consentMode` types granted where `granted(id)` holds.
 */
export function consentMode(categories: Category[], granted: (id: string) => boolean, isDefault?: boolean): void {
  const types: Record<string, string> = {};
  for (const type of BASE_TYPES) types[type] = 'denied';
  for (const category of categories) {
    for (const type of category.consentMode ?? []) {
      if (types[type] !== 'granted') types[type] = !isDefault && granted(category.id) ? 'granted' : 'denied';
    }
  }
  if (isDefault) gtag()('consent', 'default', { ...types, wait_for_update: 500 });
  else gtag()('consent', 'update', types);
}
