// `npm run size`: the gzip -9 size of every built file, and the budgets of shared/GOALS.md:
//   dist/yinyom.js (all a returning visitor loads)                     ≤ 5 KB (goal 4 KB)
//   everything a first visit fetches in 5 s without interaction        ≤ 16 KB (goal 14 KB)
// The first-visit figure is counted, not derived from the import graph: the bench's Thai page
// (3 categories, one gated script; scripts/bench/subjects.mjs) is loaded once in headless
// Chromium and left alone for 5 s, and every dist/ file it requested counts, chunks loaded at
// idle included, each at its gzip -9 size. The critical path, the files fetched before the
// banner first painted (scripts/bench/probe.mjs), is printed on its own line; not "before it
// was fully visible", which an entry animation would stretch over files fetched at idle.
// Exits 1 over a budget, 2 when dist/ or Chromium is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstFiveSeconds, WINDOW_MS } from './bench/first-five-seconds.mjs';
import { launchChromium } from './bench/launch-chromium.mjs';
import { serve } from './bench/serve.mjs';

const DIST = 'dist';
const KB = 1024;
const PAGE = 'yinyom (th)';

if (!existsSync('dist/yinyom.js')) {
  console.error('dist/yinyom.js is missing: run `npm run build` first');
  process.exit(2);
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;

function list(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? (entry.name === 'esm' ? [] : list(join(dir, entry.name))) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );
}

console.log('file'.padEnd(48), 'raw'.padStart(10), 'gzip -9'.padStart(10));
for (const file of list(DIST)) {
  console.log(relative('.', file).padEnd(48), kb(readFileSync(file).length).padStart(10), kb(gz(file)).padStart(10));
}

const browser = await launchChromium();
const server = await serve();
let load;
try {
  load = await firstFiveSeconds(browser, server.origin, PAGE);
} finally {
  await browser.close();
  server.close();
}
// Each file once, in the order requested; its local gzip -9 size, as the server sends it.
const requested = [...new Map(load.resources.filter((r) => r.path.startsWith('/dist/')).map((r) => [r.path, r])).values()];
const sum = (resources) => resources.reduce((total, r) => total + gz(r.path.slice(1)), 0);
const names = (resources) => resources.map((r) => relative(DIST, r.path.slice(1))).join(' + ') || '—';
const critical = requested.filter((r) => r.end <= load.bannerFirstAt);

console.log();
let over = false;
for (const { name, files, budget, goal } of [
  { name: 'dist/yinyom.js (returning visitor)', files: [{ path: '/dist/yinyom.js' }], budget: 5 * KB, goal: 4 * KB },
  { name: `first visit: all fetched in ${WINDOW_MS / 1000} s`, files: requested, budget: 16 * KB, goal: 14 * KB },
]) {
  const total = sum(files);
  const verdict = total > budget ? 'OVER BUDGET' : total > goal ? 'within budget, above goal' : 'within goal';
  over ||= total > budget;
  console.log(`${name.padEnd(40)} ${kb(total).padStart(9)}  budget ${kb(budget)}, goal ${kb(goal)}: ${verdict}`);
  console.log(`  ${names(files)}`);
}
console.log(
  `${'critical path: before the banner painted'.padEnd(40)} ${kb(sum(critical)).padStart(9)}  (first painted at ${load.bannerFirstAt.toFixed(0)} ms, fully visible at ${load.bannerAt.toFixed(0)} ms; unthrottled)`,
);
console.log(`  ${names(critical)}`);
for (const r of requested.filter((r) => !critical.includes(r))) console.log(`  then ${relative(DIST, r.path.slice(1))}, requested at ${r.start} ms`);
console.log(`(measured on the bench's ${PAGE} page: headless Chromium, ${WINDOW_MS / 1000} s, no interaction)`);
process.exit(over ? 1 : 0);
