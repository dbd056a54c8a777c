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
 * The page elements, each a separate chunk fetched only by pages that contain it. The banner
 * and preferences dialog are registered by whoever bundles them: the UI entry (`show`,
 * `define`) or `yinyom/elements`.
 */
const loaders: Record<string, () => Promise<CustomElementConstructor>> = {
  'yinyom-manage': () => import('./manage/yinyom-manage.js').then((m) => m.YinyomManage),
  'yinyom-notice': () => import('./notice/yinyom-notice.js').then((m) => m.YinyomNotice),
  'yinyom-consent': () => import('./consent/yinyom-consent.js').then((m) => m.YinyomConsent),
  'yinyom-receipts': () => import('./receipts/yinyom-receipts.js').then((m) => m.YinyomReceipts),
};

/** Loads and registers the given page-element tags; other tags and tags already defined are skipped. */
export async function defineElements(tags: readonly string[]): Promise<void> {
  await Promise.all(
    tags.map(async (tag) => {
      const load = loaders[tag];
      if (load && !customElements.get(tag)) defineElement(tag, await load());
    }),
  );
}
