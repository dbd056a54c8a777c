// What the bench installs in every page before its own scripts run (evaluateOnNewDocument):
// layout-shift and long-task observers, and the one definition of "banner visible" that
// every subject is held to:
//   - the banner element lies inside the viewport (1 px of rounding allowed), with an area;
//   - it is `visibility: visible`, and its computed opacity and that of every ancestor is 1,
//     crossing shadow roots through their host, so a fade or a hidden wrapper counts;
//   - it has been painted: the check runs in requestAnimationFrame, before that frame renders,
//     and the time is taken at the next requestAnimationFrame, after the frame that painted it.
// Beside it, `bannerFirstAt` is when the banner first painted at all (an area in the viewport,
// any opacity), so that what was fetched before it (the critical path) is not confused with
// what was fetched during its entry animation.
// The watch polls every frame, which costs script time: it runs only in the loads that time
// the banner, never in those that measure script time (load-page.mjs).

/**
 * The script to install in a page. `watch`: the selector path of the banner to time (` >>> `
 * steps into the shadow root of the element the step before matched), or `false` for none.
 */
export function probe(watch) {
  return `(() => {
  const bench = (window.__bench = { cls: 0, blocking: 0, bannerFirstAt: null, bannerAt: null });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) bench.cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) bench.blocking += Math.max(0, e.duration - 50); }).observe({ type: 'longtask', buffered: true });

  bench.find = (path) => {
    let root = document;
    let element = null;
    for (const step of path.split(' >>> ')) {
      element = root ? root.querySelector(step) : null;
      root = element && element.shadowRoot;
    }
    return element;
  };
  const host = (node) => node.parentElement || (node.getRootNode() instanceof ShadowRoot ? node.getRootNode().host : null);
  bench.inView = (element) => {
    const r = element.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  };
  bench.visible = (element) => {
    const r = element.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0) || r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) return false;
    if (getComputedStyle(element).visibility !== 'visible') return false;
    for (let node = element; node; node = host(node)) if (getComputedStyle(node).opacity !== '1') return false;
    return true;
  };
  bench.bannerShown = (path) => { const element = bench.find(path); return !!element && bench.visible(element); };
  // Why a banner does not count as visible, for the error message.
  bench.explain = (path) => {
    const element = bench.find(path);
    if (!element) return 'no element matches ' + path;
    const r = element.getBoundingClientRect();
    const opacities = [];
    for (let node = element; node; node = host(node)) opacities.push(getComputedStyle(node).opacity);
    return 'at ' + [r.left, r.top, r.right, r.bottom].map(Math.round).join(',') + ' in ' + innerWidth + 'x' + innerHeight
      + ', visibility ' + getComputedStyle(element).visibility + ', opacities ' + opacities.join(' ');
  };
  // The banner's "accept all" control: one marked as such, else the first button whose text
  // says accept, searched through the banner and any shadow roots inside it.
  bench.acceptButton = (path) => {
    const banner = bench.find(path);
    if (!banner) return null;
    const all = [];
    const walk = (root) => { for (const element of root.querySelectorAll('*')) { all.push(element); if (element.shadowRoot) walk(element.shadowRoot); } };
    walk(banner);
    if (banner.shadowRoot) walk(banner.shadowRoot);
    return all.find((e) => e.matches('[data-action=accept-all], [data-action=accept], [part~=accept]'))
      || all.find((e) => e.matches('button, [role=button]') && /accept|ยอมรับ/i.test(e.textContent)) || null;
  };

  const watch = ${JSON.stringify(watch)};
  if (!watch) return;
  // A ceiling, so that a page whose banner never shows stops polling.
  const until = 20000;
  bench.seen = new Promise((resolve) => {
    let painted = false;
    const check = () => {
      const element = bench.find(watch);
      if (element && !painted && bench.inView(element)) {
        painted = true;
        requestAnimationFrame(() => (bench.bannerFirstAt = performance.now()));
      }
      if (element && bench.visible(element)) requestAnimationFrame(() => resolve((bench.bannerAt = performance.now())));
      else if (performance.now() < until) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
})();`;
}
