/**
 * `yinyom/elements`: registers every Yinyom element (skipping tags already defined) for an
 * app that bundles them; the elements use the instance `createConsent()` made, or the one
 * set on their `consent` property. An app that uses one or two elements imports
 * `yinyom/elements/consent` (…`/banner`, `/preferences`, `/notice`, `/manage`, `/receipts`)
 * instead, and pays only for those.
 *
 * @example
 * ```ts
 * import { createConsent } from 'yinyom';
 * import 'yinyom/elements';
 * createConsent(config);
 * ```
 */
export { YinyomBanner } from './elements/banner.js';
export { YinyomPreferences } from './elements/preferences.js';
export { YinyomManage } from './elements/manage.js';
export { YinyomNotice } from './elements/notice.js';
export { YinyomConsent } from './elements/consent.js';
export { YinyomReceipts } from './elements/receipts.js';
export * from './ui/events.js';
// The types of the core's `document` events (`yinyom-change`, `yinyom-sync`) come with these.
export type { ConsentApi, ConsentState, SyncResult } from './core/types.js';
export * from './ui/consent/yinyom-input-event.js';
