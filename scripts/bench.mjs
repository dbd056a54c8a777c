// `npm run bench`: figures for the budgets of shared/GOALS.md, measured in Debian's Chromium on
// this machine, medians over repeated runs. Run `npm run build` first.
//   - get(id): cost per call (goal < 1 µs: answered from memory, no storage access)
//   - set(): time until the receipt is durably stored (goal < 50 ms median)
//   - the collector's ingest rate, p99 and a SIGKILL-under-load check (collector/bench)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';

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
} finally {
  await browser.close();
  server.close();
}

if (existsSync('collector/bench/ingest.mjs')) {
  console.log('\ncollector:');
  const result = spawnSync('npm', ['run', 'bench', '--silent', '-w', 'collector'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
