/**
 * The one place that registers Yinyom's custom elements. Registration is guarded: a CMS page
 * may load the script twice, or `yinyom/elements` beside the script tag, and a second
 * `customElements.define` of a tag would throw.
 */

/** Registers `tag` unless some element already owns it. */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}

/**
 * The elements that are not the banner, each a separate chunk fetched only when a page
 * contains it or a view opens it. The banner is registered by whoever bundles it: the UI
 * entry (`show`, `define`) or `yinyom/elements`.
 */
const loaders: Record<string, () => Promise<CustomElementConstructor>> = {
  'yinyom-preferences': () => import('./preferences/yinyom-preferences.js').then((m) => m.YinyomPreferences),
  'yinyom-manage': () => import('./manage/yinyom-manage.js').then((m) => m.YinyomManage),
  'yinyom-notice': () => import('./notice/yinyom-notice.js').then((m) => m.YinyomNotice),
  'yinyom-consent': () => import('./consent/yinyom-consent.js').then((m) => m.YinyomConsent),
  'yinyom-receipts': () => import('./receipts/yinyom-receipts.js').then((m) => m.YinyomReceipts),
};

/** Loads and registers the given tags; the banner, other tags and tags already defined are skipped. */
export async function defineElements(tags: readonly string[]): Promise<void> {
  await Promise.all(
    tags.map(async (tag) => {
      const load = loaders[tag];
      if (load && !customElements.get(tag)) defineElement(tag, await load());
    }),
  );
}
