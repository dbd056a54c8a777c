// What a first visit fetches in its first 5 s with no interaction: every resource of every
// type, with its encoded (gzip, as served) body bytes, and when the banner first painted and
// became visible, so that the critical path (what was fetched before it painted) can be told apart. Bytes do not
// depend on timing beyond what fits in 5 s, so the load is not throttled: an unthrottled
// device fetches at least as much in 5 s as a throttled one. Shared by `npm run bench` (the
// bytes column) and `npm run size` (the first-visit budget).
import { loadPage } from './load-page.mjs';
import { subjects } from './subjects.mjs';

export const WINDOW_MS = 5000;

/** Loads subject `name` in a fresh context and returns `{ bannerFirstAt, bannerAt, resources }` after 5 s. */
export async function firstFiveSeconds(browser, origin, name) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const { bannerFirstAt, bannerAt, resources } = await loadPage(page, `${origin}/page/${encodeURIComponent(name)}`, {
      watch: subjects[name].banner ?? false,
      throttle: 1,
      untilMs: WINDOW_MS,
      label: name,
    });
    return { bannerFirstAt, bannerAt, resources: resources.filter((r) => r.start < WINDOW_MS) };
  } finally {
    await context.close();
  }
}
