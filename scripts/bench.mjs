// `npm run bench`: figures for the budgets of shared/GOALS.md, measured in Debian's Chromium on
// this machine, medians over repeated runs. Run `npm run build` first.
//   - get(id): cost per call (goal < 1 µs: answered from memory, no storage access)
//   - set(): time until the receipt is durably stored (goal < 50 ms median)
//   - the page benchmark against the peers (scripts/bench/pages.mjs): banner paint, script and
//     blocking time at 4x CPU throttle, layout shift, bytes; first visit and returning visitor
//   - the collector's ingest rate, p99 and a SIGKILL-under-load check (collector/bench)
// `--runs N` sets the cold loads per page (default 15); `--only get|pages|collector` runs one part.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { encodeDecision } from '../dist/esm/core/decision-cookie.js';
import { measure, serve, subjects } from './bench/pages.mjs';

const { values: flags } = parseArgs({ options: { runs: { type: 'string', default: '15' }, only: { type: 'string' } } });
const runs = Number(flags.runs);
const part = (name) => !flags.only || flags.only === name;

if (!existsSync('dist/yinyom.js')) {
  console.error('dist/yinyom.js is missing: run `npm run build` first');
  process.exit(2);
}

const config = {
  controller: { name: { th: 'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล', en: 'TDGA' } },
  notice: { id: 'bench', version: '1' },
  categories: [
    { id: 'necessary', required: true, title: 'จำเป็น' },
    { id: 'analytics', title: 'วิเคราะห์' },
    { id: 'marketing', title: 'การตลาด' },
  ],
};
const page = `<!doctype html><meta charset="utf-8"><title>bench</title>
<script type="application/json" id="yinyom-config">${JSON.stringify(config)}</script>
<script src="/dist/yinyom.js" data-config="#yinyom-config"></script>
<script type="text/plain" data-yinyom="analytics">window.gated = true</script>`;

const types = { '.js': 'text/javascript', '.html': 'text/html; charset=utf-8', '.json': 'application/json' };
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname;
  if (path === '/') return response.writeHead(200, { 'content-type': types['.html'] }).end(page);
  const file = normalize(join('.', path));
  if (!file.startsWith('dist') || !existsSync(file)) return response.writeHead(404).end();
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  if (part('get')) await microBenchmarks();
  if (part('pages')) await pageBenchmarks();
} finally {
  await browser.close();
  server.close();
}

async function microBenchmarks() {
  const tab = await browser.newPage();
  await tab.goto(`${origin}/`);
  await tab.waitForFunction(() => window.yinyom && !Array.isArray(window.yinyom));

  const perCall = [];
  for (let run = 0; run < 15; run++) {
    perCall.push(
      await tab.evaluate(() => {
        const calls = 1_000_000;
        let granted = 0;
        const start = performance.now();
        for (let i = 0; i < calls; i++) if (window.yinyom.get(i & 1 ? 'analytics' : 'marketing')) granted++;
        return ((performance.now() - start) * 1e6) / calls + granted * 0;
      }),
    );
  }
  const getNs = median(perCall);
  console.log(`get(id): ${getNs.toFixed(1)} ns a call (median of 15 runs of 1,000,000 calls; goal < 1,000 ns) ${getNs < 1000 ? 'ok' : 'OVER GOAL'}`);

  if (existsSync('dist/yinyom-receipts.js')) {
    const stores = [];
    for (let run = 0; run < 21; run++) {
      stores.push(
        await tab.evaluate(async (run) => {
          const start = performance.now();
          await window.yinyom.set({ analytics: run % 2 === 0 });
          return performance.now() - start;
        }, run),
      );
    }
    const storeMs = median(stores.slice(1));
    console.log(`receipt durably stored after a decision: ${storeMs.toFixed(1)} ms median of 20 (after the first, which loads the module: ${stores[0].toFixed(1)} ms; goal < 50 ms) ${storeMs < 50 ? 'ok' : 'OVER GOAL'}`);
  }
  await tab.close();
}

async function pageBenchmarks() {
  const pages = await serve();
  try {
    const results = {};
    const names = Object.keys(subjects);
    const returning = encodeDecision({ version: '1', time: new Date(), choices: { analytics: true, marketing: false }, receiptId: 'bench' });
    console.log(`\npage benchmark: ${runs} cold loads each, Chromium at 4x CPU throttle, medians (interleaved runs)`);
    for (let run = 0; run < runs; run++) {
      for (const name of [...names, 'yinyom (returning)']) {
        const result = name === 'yinyom (returning)' ? await measure(browser, pages.origin, 'yinyom', { cookie: returning }) : await measure(browser, pages.origin, name);
        (results[name] ??= []).push(result);
      }
      process.stdout.write(`  run ${run + 1}/${runs}\r`);
    }
    const med = (name, key) => median(results[name].map((r) => r[key] ?? NaN));
    const bare = { script: med('bare', 'script'), blocking: med('bare', 'blocking') };
    const row = (name) => ({
      name,
      banner: med(name, 'bannerAt'),
      script: Math.max(0, med(name, 'script') - bare.script),
      blocking: Math.max(0, med(name, 'blocking') - bare.blocking),
      cls: Math.max(...results[name].map((r) => r.cls)),
      kb: med(name, 'bytes') / 1024,
    });
    const rows = [...names.filter((n) => n !== 'bare'), 'yinyom (returning)'].map(row);
    console.log(`  ${'page'.padEnd(28)} ${'banner painted'.padStart(15)} ${'script added'.padStart(13)} ${'blocking added'.padStart(15)} ${'max CLS'.padStart(8)} ${'JS+CSS fetched'.padStart(15)}`);
    for (const r of rows) {
      const banner = Number.isNaN(r.banner) ? '—' : `${r.banner.toFixed(0)} ms`;
      console.log(`  ${r.name.padEnd(28)} ${banner.padStart(15)} ${`${r.script.toFixed(1)} ms`.padStart(13)} ${`${r.blocking.toFixed(1)} ms`.padStart(15)} ${r.cls.toFixed(3).padStart(8)} ${`${r.kb.toFixed(1)} KB`.padStart(15)}`);
    }
    const [yinyom, ...rest] = rows;
    const peers = rest.filter((r) => r.name !== 'yinyom (returning)');
    const back = rows.at(-1);
    const uiFetched = results['yinyom (returning)'].some((r) => r.fetched.some((path) => /yinyom-(ui|receipts)|chunks\//.test(path)));
    const check = (ok, text) => console.log(`  ${ok ? 'ok  ' : 'MISS'} ${text}`);
    console.log('  budgets (GOALS.md):');
    check(yinyom.banner <= Math.min(...peers.map((p) => p.banner)), `first visit: banner painted ${yinyom.banner.toFixed(0)} ms, no later than the fastest peer (${Math.min(...peers.map((p) => p.banner)).toFixed(0)} ms)`);
    check(yinyom.script <= 40 && peers.every((p) => yinyom.script < p.script), `first visit: script time ${yinyom.script.toFixed(1)} ms, ≤ 40 ms and below every peer (${peers.map((p) => p.script.toFixed(1)).join(', ')} ms)`);
    check(yinyom.blocking <= 25, `first visit: blocking time ${yinyom.blocking.toFixed(1)} ms, ≤ 25 ms`);
    check(back.script <= 10 && !uiFetched, `returning visitor: script time ${back.script.toFixed(1)} ms ≤ 10 ms, ${uiFetched ? 'UI code fetched' : 'no UI code fetched'}`);
    check(yinyom.cls === 0 && back.cls === 0, `layout shift caused by the SDK: ${Math.max(yinyom.cls, back.cls).toFixed(3)} (budget 0)`);
  } finally {
    pages.close();
  }
}

if (part('collector') && existsSync('collector/bench/ingest.mjs')) {
  console.log('\ncollector:');
  const result = spawnSync('npm', ['run', 'bench', '--silent', '-w', 'collector'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
