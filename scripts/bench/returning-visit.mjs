// A returning visit, as a visitor who accepted comes back: in one browser context, a first
// visit (unthrottled: it is not measured) clicks the subject's own "accept all" button, waits
// until its decision is stored and the network is quiet (so that a receipt sync has run),
// and closes the tab; a new tab in the same context, so with its cookies, storage and HTTP
// cache, then loads the page at 4x CPU throttle without a banner watch. The figures are those
// of load-page.mjs over the same 3 s window as a first visit's, plus the stored decision as
// it was when the tab closed and whether a banner showed again (it must not).
import { COST_WINDOW_MS } from './first-visit.mjs';
import { loadPage } from './load-page.mjs';
import { subjects } from './subjects.mjs';

/** Where `stored` (see subjects.mjs) says a subject keeps its decision: the value, or null. */
function storedDecision(stored) {
  if (stored.cookie) return document.cookie.split('; ').find((c) => c.startsWith(`${stored.cookie}=`))?.slice(stored.cookie.length + 1) ?? null;
  return localStorage.getItem(stored.localStorage);
}

/** Measures one returning visit of subject `name` after an "accept all". */
export async function returningVisit(browser, origin, name) {
  const subject = subjects[name];
  const url = `${origin}/page/${encodeURIComponent(name)}`;
  const context = await browser.createBrowserContext();
  try {
    const first = await context.newPage();
    await loadPage(first, url, { watch: subject.banner ?? false, throttle: 1, settleMs: 0, label: `${name} (first visit before returning)` });
    let decision = null;
    if (subject.banner) {
      // Found afresh on each try: a banner that re-renders just after it shows (Lit, React)
      // can replace or move the button between finding it and clicking it.
      for (let attempt = 1; ; attempt++) {
        const button = (await first.evaluateHandle((path) => window.__bench.acceptButton(path), subject.banner)).asElement();
        if (!button) throw new Error(`${name}: no "accept all" button found in its banner`);
        try {
          await button.click();
          break;
        } catch (error) {
          if (attempt === 5) throw new Error(`${name}: could not click its "accept all" button (${error.message})`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await first.waitForFunction(storedDecision, { polling: 50, timeout: 10000 }, subject.stored).catch(() => {
        throw new Error(`${name}: no decision stored (${JSON.stringify(subject.stored)}) within 10 s of the accept click`);
      });
    }
    await first.waitForNetworkIdle({ idleTime: 500, timeout: 15000 });
    if (subject.stored) decision = await first.evaluate(storedDecision, subject.stored);
    await first.close();
    const again = await context.newPage();
    const figures = await loadPage(again, url, { untilMs: COST_WINDOW_MS, label: `${name} (returning)` });
    const bannerShown = subject.banner ? await again.evaluate((path) => window.__bench.bannerShown(path), subject.banner) : false;
    return { ...figures, decision, bannerShown };
  } finally {
    await context.close();
  }
}
