// A first visit: fresh browser contexts (no cookie, no cache), 4x CPU throttle, two loads:
//   - one with the banner watch, for the time the banner became visible;
//   - one without, for script time, blocking, CLS and what was fetched, read 3 s after the
//     navigation started (every banner is up and its idle work done by then), the same
//     window for every subject and the bare page.
import { loadPage } from './load-page.mjs';
import { subjects } from './subjects.mjs';

/** The window over which script time, blocking and layout shift are summed, from navigation start. */
export const COST_WINDOW_MS = 3000;

async function inFreshContext(browser, fn) {
  const context = await browser.createBrowserContext();
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Measures one cold first visit of subject `name`: `{ bannerAt, bannerFirstAt, script, blocking, cls, resources }`. */
export async function firstVisit(browser, origin, name) {
  const url = `${origin}/page/${encodeURIComponent(name)}`;
  const { banner } = subjects[name];
  const cost = await inFreshContext(browser, (page) => loadPage(page, url, { untilMs: COST_WINDOW_MS, label: name }));
  const { bannerAt, bannerFirstAt } = banner ? await inFreshContext(browser, (page) => loadPage(page, url, { watch: banner, label: name })) : {};
  return { ...cost, bannerAt: bannerAt ?? null, bannerFirstAt: bannerFirstAt ?? null };
}
