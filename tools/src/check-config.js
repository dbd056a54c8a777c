import { loadSdk } from './sdk.js';
import { InputError } from './input-error.js';

/**
 * Checks a config (and a notice) with the SDK's own `validateConfig` and `checkNotice`, so the
 * problems are exactly those a page would print. `pageUrl` stands for the page the config runs
 * on (relative URLs resolve against it, `cookieDomain` must cover it), by default
 * `https://<cookieDomain>/`, or `https://localhost/` without one.
 */
export async function checkConfig(config, { notice, pageUrl } = {}) {
  const { validateConfig, checkNotice } = await loadSdk();
  const domain = typeof config?.cookieDomain === 'string' ? config.cookieDomain.replace(/^\./, '') : '';
  let page;
  try {
    page = new URL(pageUrl ?? `https://${domain || 'localhost'}/`);
  } catch {
    throw new InputError(`--url: ${pageUrl} ไม่ใช่ URL / is not a URL`);
  }
  const { errors, warnings } = validateConfig(config, { page: page.href });
  const noticeErrors = notice === undefined ? [] : checkNotice(notice).map((problem) => `notice: ${problem}`);
  return { errors: [...errors, ...noticeErrors], warnings };
}
