// A local stand-in for Google Analytics: the demo never loads third-party code. Yinyom runs
// it only once "analytics" is granted; it sets a _ga-style cookie so that withdrawing
// consent can be seen to delete it (config: "match": "^_ga").
(() => {
  const twoYears = 60 * 60 * 24 * 730;
  if (!/(?:^|;\s*)_ga=/.test(document.cookie)) {
    const id = `GA1.1.${Math.floor(Math.random() * 1e9)}.${Math.floor(Date.now() / 1000)}`;
    document.cookie = `_ga=${id}; max-age=${twoYears}; path=/; SameSite=Lax`;
  }
  // What gtag.js would read: the Consent Mode state Yinyom pushed to the dataLayer.
  const consent = (window.dataLayer || []).filter((entry) => entry && entry[0] === 'consent');
  console.info('[fake-analytics] page_view', location.pathname, { consent: consent.map((e) => [e[1], e[2]]) });
})();
