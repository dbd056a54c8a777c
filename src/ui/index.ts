/**
 * The UI entry, built as `dist/yinyom-ui.js`: the script-tag core imports it on demand, only
 * when something must show. It holds the banner, a plain custom element, and the first-visit
 * strings in both languages, and no Lit. The preferences dialog is a chunk fetched when the
 * banner is first pointed at or focused; the page elements (manage button, notice, inline
 * consent, receipts) are chunks that `define` loads when a page contains them. Those are Lit
 * elements, and share a chunk with Lit in it.
 */
import { setDefaultConsent } from '../core/instance.js';
import type { ConsentApi, View } from '../core/types.js';
import { YinyomBanner } from './banner/yinyom-banner.js';
import { defineElement, defineElements } from './define.js';

interface Openable extends HTMLElement {
  show(): Promise<void>;
}

function defineBanner() {
  defineElement('yinyom-banner', YinyomBanner);
}

/**
 * Opens `view` for `api`: the banner, the preferences dialog, or the full notice in a dialog.
 * Creates the element when the page has none: the banner first in `<body>` (first in the Tab
 * order and the reading order; it is fixed, so no layout moves), the dialogs at the end. The
 * notice opens in a dialog, never in an inline `<yinyom-notice>` the page placed itself.
 * Resolves once it shows.
 */
export async function show(api: ConsentApi, view: View): Promise<void> {
  setDefaultConsent(api);
  defineBanner();
  const tag = `yinyom-${view}`;
  // The dialogs are chunks of their own, fetched when the banner is first pointed at or focused.
  await defineElements([tag]);
  let element = document.querySelector<Openable>(view === 'notice' ? `${tag}[modal]` : tag);
  if (!element) {
    element = document.createElement(tag) as Openable;
    if (view === 'notice') element.setAttribute('modal', '');
    document.body[view === 'banner' ? 'prepend' : 'append'](element);
  }
  await element.show();
}

/**
 * Registers the Yinyom `tags` found in the page, loading the code of page elements (manage
 * button, notice, inline consent, receipts) only now. Unknown and already-defined tags are
 * skipped.
 */
export async function define(api: ConsentApi, tags: string[]): Promise<void> {
  setDefaultConsent(api);
  defineBanner();
  await defineElements(tags);
}
