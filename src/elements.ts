/**
 * `yinyom/elements`: registers every Yinyom element (skipping tags already defined) for an
 * app that bundles them; the elements use the instance `createConsent()` made, or the one
 * set on their `consent` property.
 *
 * @example
 * ```ts
 * import { createConsent } from 'yinyom';
 * import 'yinyom/elements';
 * createConsent(config);
 * ```
 */
import { YinyomBanner } from './ui/banner/yinyom-banner.js';
import { YinyomConsent } from './ui/consent/yinyom-consent.js';
import { defineElement } from './ui/define.js';
import { YinyomManage } from './ui/manage/yinyom-manage.js';
import { YinyomNotice } from './ui/notice/yinyom-notice.js';
import { YinyomPreferences } from './ui/preferences/yinyom-preferences.js';
import { YinyomReceipts } from './ui/receipts/yinyom-receipts.js';

defineElement('yinyom-banner', YinyomBanner);
defineElement('yinyom-preferences', YinyomPreferences);
defineElement('yinyom-manage', YinyomManage);
defineElement('yinyom-notice', YinyomNotice);
defineElement('yinyom-consent', YinyomConsent);
defineElement('yinyom-receipts', YinyomReceipts);

export { YinyomBanner, YinyomConsent, YinyomManage, YinyomNotice, YinyomPreferences, YinyomReceipts };
export * from './ui/events.js';
// The types of the core's `document` events (`yinyom-change`, `yinyom-sync`) come with these.
export type { ConsentApi, ConsentState, SyncResult } from './core/types.js';
export * from './ui/consent/yinyom-input-event.js';
