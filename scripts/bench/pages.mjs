// The page benchmark of GOALS.md: the same page (3 categories, one gated script) with Yinyom and
// with its peers, cold loads in Debian's Chromium at 4x CPU throttle, medians.
//   banner painted     time from navigation start to the frame after the banner is laid out
//   script time        CDP ScriptDuration, minus the same page without any consent manager
//   blocking time      sum of (long task - 50 ms), minus the bare page
//   layout shift       CLS seen by the page
//   JS + CSS fetched   encoded bytes of the scripts and styles it loaded (gzip, as served)
// Silktide's consent manager is not on the npm registry, the only registry this machine reaches,
// so the peers here are vanilla-cookieconsent 3.1 and orejime 3.2.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const article = `<header><h1>สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล</h1></header><main>${'<p>หลักสูตรการพัฒนาทักษะดิจิทัลสำหรับข้าราชการและบุคลากรภาครัฐ เปิดรับสมัครตลอดปี</p>'.repeat(12)}</main>`;
const yinyomConfig = {
  controller: { name: { th: 'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล', en: 'TDGA' } },
  notice: { id: 'bench', version: '1', url: '/privacy' },
  categories: [
    { id: 'necessary', required: true, title: { th: 'คุกกี้ที่จำเป็น', en: 'Necessary' } },
    { id: 'analytics', title: { th: 'คุกกี้เพื่อการวิเคราะห์', en: 'Analytics' } },
    { id: 'marketing', title: { th: 'คุกกี้เพื่อการตลาด', en: 'Marketing' } },
  ],
};

/** Each subject: the page's head and body additions, and how to tell its banner is up. */
export const subjects = {
  bare: { head: '', body: '<script src="/bench/gated.js"></script>', banner: null },
  yinyom: {
    head: `<script type="application/json" id="yinyom-config">${JSON.stringify(yinyomConfig)}</script><script src="/dist/yinyom.js" data-config="#yinyom-config"></script>`,
    body: '<script type="text/plain" data-yinyom="analytics" src="/bench/gated.js"></script>',
    banner: `(() => { const r = document.querySelector('yinyom-banner')?.shadowRoot?.querySelector('[role=region]'); return r && r.getBoundingClientRect().height > 0; })()`,
  },
  'vanilla-cookieconsent 3.1': {
    // As its documentation places it: run() needs document.body.
    head: '<link rel="stylesheet" href="/peers/vanilla-cookieconsent/dist/cookieconsent.css"><script src="/peers/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>',
    body: '<script type="text/plain" data-category="analytics" src="/bench/gated.js"></script><script src="/bench/vanilla-init.js"></script>',
    banner: `(() => { const m = document.querySelector('#cc-main .cm'); return m && m.getBoundingClientRect().height > 0; })()`,
  },
  'orejime 3.2': {
    head: '<link rel="stylesheet" href="/peers/orejime/dist/orejime-standard.css"><script src="/bench/orejime-init.js"></script><script src="/peers/orejime/dist/orejime-standard-en.js"></script>',
    body: '<template data-purpose="analytics"><script src="/bench/gated.js"></script></template>',
    banner: `(() => { const b = document.querySelector('.orejime-Banner'); return b && b.getBoundingClientRect().height > 0; })()`,
  },
};

const files = {
  '/bench/gated.js': 'window.gatedRan = true;',
  // hideFromBots: headless Chromium reports navigator.webdriver, and the banner must show to be measured.
  '/bench/vanilla-init.js': `CookieConsent.run({ hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'We use cookies', description: 'Analytics and marketing cookies need your consent.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Settings' },
    preferencesModal: { title: 'Cookie settings', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save', sections: [
      { title: 'Necessary', linkedCategory: 'necessary' }, { title: 'Analytics', linkedCategory: 'analytics' }, { title: 'Marketing', linkedCategory: 'marketing' } ] } } } } });`,
  '/bench/orejime-init.js': `window.orejimeConfig = { privacyPolicyUrl: '/privacy', purposes: [
  { id: 'necessary', title: 'Necessary', isMandatory: true },
  { id: 'analytics', title: 'Analytics', cookies: ['_ga'] },
  { id: 'marketing', title: 'Marketing', cookies: ['mkt'] } ] };`,
};

/** Serves the bench pages, dist/ and the peers' packages, gzipped like a production server. */
export async function serve() {
  const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    let body;
    let type = types['.html'];
    const subject = /^\/page\/(.+)$/.exec(path);
    if (subject) {
      const s = subjects[decodeURIComponent(subject[1])];
      if (!s) return response.writeHead(404).end();
      body = `<!doctype html><html lang="th"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>bench</title>${s.head}<body>${article}${s.body}</body></html>`;
    } else if (files[path]) {
      body = files[path];
      type = types['.js'];
    } else {
      const file = path.startsWith('/peers/') ? join('node_modules', path.slice(7)) : normalize(path.slice(1));
      if (!/^(dist|node_modules)\//.test(file)) return response.writeHead(404).end();
      try {
        body = readFileSync(file);
      } catch {
        return response.writeHead(404).end();
      }
      type = types[extname(file)] ?? 'application/octet-stream';
    }
    const gz = gzipSync(body, { level: 9 });
    response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': gz.length, 'cache-control': 'no-store' }).end(gz);
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

const observe = `
  window.__bench = { cls: 0, blocking: 0, bannerAt: null };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) __bench.cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) __bench.blocking += Math.max(0, e.duration - 50); }).observe({ type: 'longtask', buffered: true });
`;

/** One cold load of `name` in a fresh browser context; `cookie` makes it a returning visit. */
export async function measure(browser, origin, name, { cookie } = {}) {
  const subject = subjects[name];
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    const client = await page.createCDPSession();
    await client.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await client.send('Performance.enable');
    if (cookie) await page.setCookie({ name: 'yinyom', value: cookie, url: origin });
    await page.evaluateOnNewDocument(observe);
    // The banner watch polls every frame: only where a banner is expected, or it would bill
    // its own script time to the returning visit.
    if (subject.banner && !cookie) {
      await page.evaluateOnNewDocument(`(() => {
        const check = () => (${subject.banner}) ? requestAnimationFrame(() => (__bench.bannerAt = performance.now())) : requestAnimationFrame(check);
        requestAnimationFrame(check);
      })()`);
    }
    const bytes = { js: 0, css: 0 };
    page.on('response', async (response) => {
      const type = response.headers()['content-type'] ?? '';
      const kind = type.includes('javascript') ? 'js' : type.includes('css') ? 'css' : null;
      if (kind && !response.url().includes('/bench/')) bytes[kind] += Number(response.headers()['content-length'] ?? (await response.buffer().catch(() => Buffer.alloc(0))).length);
    });
    await page.goto(`${origin}/page/${encodeURIComponent(name)}`, { waitUntil: 'load' });
    if (subject.banner && !cookie) {
      await page.waitForFunction(() => window.__bench.bannerAt !== null, { timeout: 20000 }).catch((error) => {
        throw new Error(`${name}: the banner did not appear (${error.message})`);
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    const { metrics } = await client.send('Performance.getMetrics');
    const script = metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
    const bench = await page.evaluate(() => window.__bench);
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    return { script, blocking: bench.blocking, cls: bench.cls, bannerAt: bench.bannerAt, bytes: bytes.js + bytes.css, fetched };
  } finally {
    await context.close();
  }
}
