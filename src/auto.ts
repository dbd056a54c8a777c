/*
 * The script-tag entry, built as the IIFE `dist/yinyom.js`:
 *   <script src="/vendor/yinyom/yinyom.js" data-config="#yinyom-config"></script>
 * `data-config` is the `#id` of a JSON script element (read synchronously, so gating starts
 * before the parser reaches any gated script) or the URL of a JSON file. The receipt book and
 * the UI are ES modules beside this file, loaded with dynamic import() only when needed; so
 * is the config checker, which a returning visitor whose config is unchanged never loads.
 */
import { createConsentCore } from './core/create-consent-core.js';
import { holdsDecisionCookie } from './core/decision-cookie.js';
import { fetchJson } from './core/fetch-json.js';
import type { ConsentApi } from './core/types.js';

type Queued = (api: ConsentApi) => void;
const host = window as unknown as { yinyom?: ConsentApi | Queued[] };
const script = document.currentScript as HTMLScriptElement | null;

if (host.yinyom && !Array.isArray(host.yinyom)) {
  console.warn('[yinyom] the script is on this page twice; the second copy does nothing');
} else {
  const base = new URL('.', script?.src || location.href).href;
  const start = (config: unknown) => {
    const queued = Array.isArray(host.yinyom) ? host.yinyom : [];
    const api = createConsentCore(config, {
      nonce: script?.nonce,
      checker: () => import(`${base}yinyom-config.js`),
      receipts: () => import(`${base}yinyom-receipts.js`),
      ui: () => import(`${base}yinyom-ui.js`),
    });
    host.yinyom = api;
    queued.forEach(api.push);
  };
  const ref = script?.getAttribute('data-config') || '#yinyom-config';
  if (ref[0] === '#') {
    let config: unknown;
    try {
      const element = document.querySelector(ref);
      if (!element) throw new Error(`no element matches "${ref}"`);
      config = JSON.parse(element.textContent!);
    } catch (error) {
      config = error;
    }
    start(config);
  } else {
    // Without a decision the banner is all but certain, and it needs the UI and the checker of a
    // config not checked before: both start downloading now, beside the config, rather than
    // once it has arrived. (An inline config needs no such head start: the core, reading the
    // cookie as it starts, asks for both at once.)
    if (!holdsDecisionCookie(document.cookie)) {
      for (const file of ['ui', 'config']) {
        const link = document.createElement('link');
        link.rel = 'modulepreload';
        link.href = `${base}yinyom-${file}.js`;
        link.nonce = script?.nonce ?? '';
        document.head?.append(link);
      }
    }
    fetchJson(new URL(ref, location.href).href)
      .catch((error: Error) => error)
      .then(start);
  }
}
