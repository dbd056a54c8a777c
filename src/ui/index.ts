/**
 * The UI entry, built as `dist/yinyom-ui.js`: the script-tag core imports it on demand, only
 * when something must show. It holds Lit, the banner, the preferences dialog and both
 * languages' strings; the page elements (manage button, notice, inline consent, receipts)
 * are separate chunks that `define` loads when a page contains them.
 */
import { setDefaultConsent } from '../core/instance.js';
import type { ConsentApi, View } from '../core/types.js';
import { YinyomBanner } from './banner/yinyom-banner.js';
import { defineElement, defineElements } from './define.js';
import { open } from './internal/open.js';
import { YinyomPreferences } from './preferences/yinyom-preferences.js';

function defineFirstVisit() {
  defineElement('yinyom-banner', YinyomBanner);
  defineElement('yinyom-preferences', YinyomPreferences);
}

/**
 * Opens `view` for `api`: the banner, the preferences dialog, or the full notice in a dialog.
 * Creates the element in `document.body` when the page has none. Resolves once it shows.
 */
export async function show(api: ConsentApi, view: View): Promise<void> {
  setDefaultConsent(api);
  defineFirstVisit();
  await open(view);
}

/**
 * Registers the Yinyom `tags` found in the page, loading the code of page elements (manage
 * button, notice, inline consent, receipts) only now. Unknown and already-defined tags are
 * skipped.
 */
export async function define(api: ConsentApi, tags: string[]): Promise<void> {
  setDefaultConsent(api);
  defineFirstVisit();
  await defineElements(tags);
}
