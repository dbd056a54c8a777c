/** Reads one cookie of this document (of `cookies`, a `document.cookie` value read a moment before), or `undefined`. */
export function readCookie(name: string, cookies = document.cookie): string | undefined {
  for (const pair of cookies.split('; ')) {
    const at = pair.indexOf('=');
    if (pair.slice(0, at) === name) return pair.slice(at + 1);
  }
  return undefined;
}

/** Sets a first-party cookie: path `/`, SameSite=Lax, Secure on https. */
export function writeCookie(name: string, value: string, maxAgeSeconds: number, domain?: string): void {
  document.cookie =
    `${name}=${value};path=/;max-age=${Math.round(maxAgeSeconds)};SameSite=Lax` +
    (domain ? `;domain=${domain}` : '') +
    (location.protocol === 'https:' ? ';Secure' : '');
}

/**
 * Deletes every cookie whose name matches one of `patterns`, on this host and each parent
 * domain up to `cookieDomain` (or the registrable-looking top two labels), for the root path
 * and this page's path: a script may have set it on any of them, and a cookie can only be
 * removed with the domain and path it was set with.
 */
export function deleteCookies(patterns: RegExp[], cookieDomain?: string): string[] {
  const names = document.cookie
    .split('; ')
    .map((pair) => pair.slice(0, pair.indexOf('=')))
    .filter((name) => name && patterns.some((pattern) => pattern.test(name)));
  const labels = location.hostname.split('.');
  const stop = (cookieDomain ?? labels.slice(-2).join('.')).replace(/^\./, '');
  const domains: Array<string | undefined> = [undefined];
  for (let i = 0; i < labels.length - 1; i++) {
    const domain = labels.slice(i).join('.');
    domains.push(domain);
    if (domain === stop) break;
  }
  const paths = ['/', location.pathname, location.pathname.replace(/\/[^/]*$/, '') || '/'];
  for (const name of names) {
    for (const domain of domains) {
      for (const path of paths) {
        document.cookie = `${name}=;max-age=0;path=${path}` + (domain ? `;domain=${domain}` : '');
      }
    }
  }
  return names;
}
