// One measured page load, the unit of every page figure of the bench:
//   script time   CDP Performance.getMetrics ScriptDuration for the whole page
//   blocking      sum of (long task − 50 ms), from a longtask observer installed before any script
//   CLS           layout-shift entries without recent input, summed
//   banner        time the banner became visible, and first painted (probe.mjs), when watched
//   resources     every resource timing entry: path, encoded (wire) body bytes, transfer bytes
//                 (0 when served from the HTTP cache), start and end
// A banner watch polls every frame, and an empty requestAnimationFrame loop alone adds about
// 10 ms of ScriptDuration a second at 4x throttle: so a load either times the banner or
// measures script time, never both (first-visit.mjs does one of each).
import { probe } from './probe.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Loads `url` in `page` and measures it. `watch`: the banner's selector path to wait for, or
 * `false`. The figures are read at `untilMs` after the
 * navigation starts, or `settleMs` after the later of the load event and the banner.
 * `throttle` is the CPU slowdown (1: none). Throws when a watched banner does not show.
 */
export async function loadPage(page, url, { watch = false, throttle = 4, settleMs = 0, untilMs, label = url } = {}) {
  await page.setViewport(VIEWPORT);
  const client = await page.createCDPSession();
  if (throttle > 1) await client.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await client.send('Performance.enable');
  await page.evaluateOnNewDocument(probe(watch));
  // Timed from here rather than asked of the page: a page.evaluate would be billed to it.
  const start = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  if (watch) {
    // Awaits the probe's promise: no polling from here that the page would pay for.
    const seen = await page.evaluate(() => Promise.race([window.__bench.seen, new Promise((resolve) => setTimeout(() => resolve(null), 20000))]));
    if (seen === null) throw new Error(`${label}: the banner did not become visible within 20 s (${await page.evaluate((path) => window.__bench.explain(path), watch)})`);
  }
  await sleep(untilMs !== undefined ? untilMs - (Date.now() - start) : settleMs);
  const { metrics } = await client.send('Performance.getMetrics');
  const figures = await page.evaluate(() => ({
    bannerAt: window.__bench.bannerAt,
    bannerFirstAt: window.__bench.bannerFirstAt,
    blocking: window.__bench.blocking,
    cls: window.__bench.cls,
    resources: performance.getEntriesByType('resource').map((e) => ({
      path: new URL(e.name).pathname,
      encoded: e.encodedBodySize,
      transfer: e.transferSize,
      start: Math.round(e.startTime),
      end: Math.round(e.responseEnd),
    })),
  }));
  await client.detach();
  return { script: metrics.find((m) => m.name === 'ScriptDuration').value * 1000, ...figures };
}
