// Prints the gzip -9 size of every built file and checks the budgets of shared/GOALS.md:
//   dist/yinyom.js (all a returning visitor loads)      ≤ 5 KB (goal 4 KB)
//   everything a first visit fetches                    ≤ 16 KB (goal 14 KB)
// A first visit fetches yinyom.js, then yinyom-ui.js with the chunks it imports statically (the
// banner and preferences; not the page elements it imports dynamically). The decision path,
// yinyom-receipts.js, is fetched at idle once the banner shows: it is printed beside the
// budget, not in it, as GOALS.md counts banner + preferences like the peers' figures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
const KB = 1024;
const budgets = [
  { name: 'dist/yinyom.js (returning visitor)', files: ['dist/yinyom.js'], budget: 5 * KB, goal: 4 * KB },
  {
    name: 'first visit: banner + preferences',
    files: ['dist/yinyom.js', ...staticGraph('dist/yinyom-ui.js')],
    budget: 16 * KB,
    goal: 14 * KB,
  },
];
const decisionPath = staticGraph('dist/yinyom-receipts.js').filter((file) => !budgets[1].files.includes(file));

function gz(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** The file and every module it imports statically (`import ... from "./x.js"`), once each. */
function staticGraph(entry, seen = new Set()) {
  if (seen.has(entry) || !existsSync(entry)) return [...seen];
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    staticGraph(join(dirname(entry), spec), seen);
  }
  return [...seen];
}

function list(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? (entry.name === 'esm' ? [] : list(join(dir, entry.name))) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );
}

if (!existsSync('dist/yinyom.js')) {
  console.error('dist/yinyom.js is missing: run `npm run build` first');
  process.exit(2);
}
const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
console.log('file'.padEnd(48), 'raw'.padStart(10), 'gzip -9'.padStart(10));
for (const file of list(DIST)) {
  console.log(relative('.', file).padEnd(48), kb(readFileSync(file).length).padStart(10), kb(gz(file)).padStart(10));
}
console.log();
let over = false;
for (const { name, files, budget, goal } of budgets) {
  const total = files.reduce((sum, file) => sum + (existsSync(file) ? gz(file) : 0), 0);
  const verdict = total > budget ? 'OVER BUDGET' : total > goal ? 'within budget, above goal' : 'within goal';
  over ||= total > budget;
  console.log(`${name.padEnd(40)} ${kb(total).padStart(9)}  budget ${kb(budget)}, goal ${kb(goal)}: ${verdict}`);
  console.log(`  ${files.map((f) => relative(DIST, f)).join(' + ')}`);
}
const decisionBytes = decisionPath.reduce((sum, file) => sum + gz(file), 0);
console.log(`${'decision path, fetched at idle'.padEnd(40)} ${kb(decisionBytes).padStart(9)}  (receipts, sync, deciding; not in the first-visit budget)`);
console.log(`  ${decisionPath.map((f) => relative(DIST, f)).join(' + ')}`);
process.exit(over ? 1 : 0);
