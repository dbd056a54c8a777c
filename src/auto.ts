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
import { trustedTypesPolicy } from './core/trusted-types.js';
import type { ConsentApi } from './core/types.js';

type Queued = (api: ConsentApi) => void;
const host = window as unknown as { yinyom?: ConsentApi | Queued[] };
const script = document.currentScript as HTMLScriptElement | null;

if (host.yinyom && !Array.isArray(host.yinyom)) {
  console.warn('[yinyom] the script is on this page twice; the second copy does nothing');
} else {
  const base = new URL('.', script?.src || location.href).href;
  // The page's cookies, read once: a read is a synchronous call to the browser (4-9 ms at 4x
  // CPU on the bench's page, measured), and the core takes this one rather than reading again.
  const cookies = document.cookie;
  // Without a decision the banner is all but certain, and it needs the UI and the checker of a
  // config not checked before: both start downloading now, as module scripts that block the
  // page's rendering until they have run (`blocking="render"`, where the browser knows it and
  // this script is in <head>). The banner then comes in the page's first frame, with one layout,
  // rather than in a second frame with a layout of its own: at 4x CPU on the bench's page the
  // page's first layout and paint took the main thread while the UI waited, and the banner
  // showed after them. An import() alone would also ask later: its request leaves only when
  // this script's task ends (12-18 ms later on the bench's page, measured).
  if (!holdsDecisionCookie(cookies)) {
    try {
      const policy = trustedTypesPolicy();
      for (const file of ['config', 'ui']) {
        const url = `${base}yinyom-${file}.js`;
        const module = document.createElement('script');
        module.type = 'module';
        module.src = (policy?.createScriptURL(url) ?? url) as string;
        module.nonce = script?.nonce ?? '';
        module.setAttribute('blocking', 'render');
        document.head?.append(module);
      }
    } catch {
      // A Trusted Types CSP without "yinyom" (the browser says so): the core's import() fetches them.
    }
  }
  /** Starts the core; with `cookiesRead`, the cookies read above, when this is still the same task. */
  const start = (config: unknown, cookiesRead?: string) => {
    const queued = Array.isArray(host.yinyom) ? host.yinyom : [];
    const api = createConsentCore(config, {
      nonce: script?.nonce,
      cookies: cookiesRead,
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
    start(config, cookies);
  } else {
    fetchJson(new URL(ref, location.href).href)
      .catch((error: Error) => error)
      .then((config) => start(config));
  }
}
