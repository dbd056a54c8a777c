import { launchBrowser } from '../browser.js';
import { InputError } from '../input-error.js';

const NOT_PAGES = /\.(pdf|jpe?g|png|gif|webp|svg|ico|zip|rar|7z|docx?|xlsx?|pptx?|csv|mp3|mp4|avi|mov|json|xml|txt)$/i;

// Runs in every document before its own scripts: reports each cookie a script writes, with the
// script's URL from the stack (the page's own URL for an inline script).
function watchCookieWrites() {
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    enumerable: cookie.enumerable,
    get() {
      return cookie.get.call(this);
    },
    set(value) {
      cookie.set.call(this, value);
      const frames = new Error().stack.match(/https?:\/\/[^\s)]+(?=:\d+:\d+)/g) ?? [];
      globalThis.__yinyomScanCookieWrite?.(String(value).split('=')[0].trim(), frames[0] ?? null);
    },
  });
}

/** Waits for the Yinyom on the page (through its queue) and describes its categories, or null on a page without it. */
function readYinyom() {
  if (window.yinyom === undefined) return null;
  return new Promise((resolve) => {
    window.yinyom.push((api) =>
      resolve(
        api.config.categories.map((category) => ({
          id: category.id,
          required: Boolean(category.required),
          matches: (category.cookies ?? []).map((cookie) => cookie.match ?? `^${cookie.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
        })),
      ),
    );
  });
}

/**
 * Loads `start` in Chromium and crawls up to `limit` same-origin pages, recording every cookie
 * (with its attributes, the pages it was seen on and what set it: the response's Set-Cookie or
 * the script that wrote it), the localStorage keys and the hosts requested. All of it happens
 * before any consent. On a site running Yinyom (`consent`, default true) it then accepts all,
 * visits the pages again, and withdraws every optional category, recording what is left.
 */
export async function crawl(start, { limit = 10, consent = true } = {}) {
  let origin;
  try {
    origin = new URL(start).origin;
    if (!/^https?:$/.test(new URL(start).protocol)) throw new Error();
  } catch {
    throw new InputError(`${start} ไม่ใช่ URL แบบ http(s) / is not an http(s) URL`);
  }
  const browser = await launchBrowser();
  try {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const client = await page.createCDPSession();
    await client.send('Network.enable');
    const requests = new Map();
    const hosts = new Map();
    const setBy = new Map();
    const cookies = new Map();
    const storage = new Map();
    let phase = 'before';
    let current;
    const seen = (map, key, url) => (map.get(key) ?? map.set(key, new Set()).get(key)).add(url);

    client.on('Network.requestWillBeSent', ({ requestId, request }) => {
      requests.set(requestId, request.url);
      const url = new URL(request.url);
      if (/^https?:$/.test(url.protocol) && url.origin !== origin) seen(hosts, url.host, current);
    });
    client.on('Network.responseReceivedExtraInfo', ({ requestId, headers, blockedCookies = [] }) => {
      const lines = Object.entries(headers).find(([name]) => name.toLowerCase() === 'set-cookie')?.[1];
      for (const line of lines ? lines.split('\n') : []) {
        const name = line.split('=')[0].trim();
        // Extra-info events may come before the request's own: its URL is looked up at the end.
        if (!setBy.has(name)) setBy.set(name, { requestId, url: current, via: 'response' });
      }
      // Chromium blocks third-party cookies here; a visitor's browser may not, so they are listed all the same.
      for (const { cookie, blockedReasons } of blockedCookies) {
        if (cookie && blockedReasons.includes('UserPreferences')) record({ ...cookie, blocked: true }, current);
      }
    });
    await page.exposeFunction('__yinyomScanCookieWrite', (name, script) => {
      if (!setBy.has(name)) setBy.set(name, { url: script ?? current, via: 'script' });
    });
    await page.evaluateOnNewDocument(watchCookieWrites);

    const record = (cookie, url) => {
      const key = `${cookie.name}|${cookie.domain}|${cookie.path}`;
      const known = cookies.get(key) ?? cookies.set(key, { ...cookie, phase, pages: new Set() }).get(key);
      Object.assign(known, { expires: cookie.expires, session: cookie.session });
      known.pages.add(url);
    };
    const snapshot = async (url) => {
      const { cookies: all } = await client.send('Network.getAllCookies');
      for (const cookie of all) record(cookie, url);
      for (const key of await page.evaluate(() => Object.keys(localStorage))) {
        const known = storage.get(key) ?? storage.set(key, { phase, pages: new Set() }).get(key);
        known.pages.add(url);
      }
      return all;
    };
    const visit = async (url) => {
      current = url;
      await page.goto(url, { waitUntil: 'networkidle0' });
      await snapshot(url);
    };

    const visited = [];
    const unreachable = [];
    const queue = [new URL(start).href];
    while (queue.length && visited.length < limit) {
      const url = queue.shift();
      try {
        await visit(url);
      } catch (error) {
        // The site itself must load; a link that does not (a download, a dead server) is noted and passed over.
        if (!visited.length) throw new InputError(`เปิด ${url} ไม่ได้ / cannot load ${url}: ${error.message}`);
        unreachable.push({ url, reason: error.message });
        continue;
      }
      visited.push(url);
      for (const href of await page.$$eval('a[href]', (links) => links.map((link) => link.href))) {
        const link = new URL(href);
        link.hash = '';
        if (link.origin === origin && !NOT_PAGES.test(link.pathname) && !visited.includes(link.href) && !queue.includes(link.href)) queue.push(link.href);
      }
    }

    const yinyom = consent ? await page.evaluate(readYinyom) : null;
    let withdrawal;
    if (yinyom) {
      phase = 'after';
      await page.evaluate(() => new Promise((resolve, reject) => window.yinyom.push((api) => api.acceptAll().then(() => resolve(), reject))));
      for (const url of visited) await visit(url);
      const optional = yinyom.filter((category) => !category.required).map((category) => category.id);
      await page.evaluate((ids) => new Promise((resolve, reject) => window.yinyom.push((api) => api.withdraw(ids).then(() => resolve(), reject))), optional);
      withdrawal = { categories: optional, left: (await snapshot(current)).map((cookie) => cookie.name) };
    }
    return {
      site: new URL(start).href,
      pages: visited,
      unreachable,
      cookies: [...cookies.values()].map((cookie) => {
        const { requestId, url, via } = setBy.get(cookie.name) ?? {};
        return { ...cookie, pages: [...cookie.pages], setBy: via ? { url: requests.get(requestId) ?? url, via } : null };
      }),
      storage: [...storage].map(([key, { phase: first, pages }]) => ({ key, setBeforeConsent: first === 'before', pages: [...pages] })),
      hosts: [...hosts].map(([host, pages]) => ({ host, pages: [...pages] })),
      yinyom: yinyom && { categories: yinyom, withdrawal },
    };
  } finally {
    await browser.close();
  }
}
