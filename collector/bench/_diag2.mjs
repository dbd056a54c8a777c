import { createCollector } from '../src/index.js';
import { makeReceipt } from '../test-support/receipts.js';
import { monitorEventLoopDelay } from 'node:perf_hooks';
const c = createCollector({ db: '/tmp/yb/diag2.sqlite', rateLimit: false, allowOrigins: ['https://tdga.dga.or.th'] });
const srv = [];
c.app.addHook('onRequest', async (req) => { req.t0 = performance.now(); });
c.app.addHook('onResponse', async (req) => { srv.push(performance.now() - req.t0); });
const url = await c.listen({ port: 0, host: '127.0.0.1' });
const ins = c.store.insert.bind(c.store); const insT = [];
c.store.insert = async (rows) => { const t = performance.now(); const r = await ins(rows); insT.push(performance.now() - t); return r; };
const bodies = []; for (let b = 0; b < 200; b++) { const rs = []; for (let i = 0; i < 100; i++) rs.push(makeReceipt({ subject: `d${b}-${i}` })); bodies.push(JSON.stringify({ receipts: rs })); }
const h = monitorEventLoopDelay({ resolution: 2 }); h.enable();
const cli = []; const start = performance.now(); const pend = [];
for (let k = 0; k < bodies.length; k++) { const due = start + k * 50; const w = due - performance.now(); if (w > 0) await new Promise(r => setTimeout(r, w)); pend.push(fetch(url + '/v1/receipts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[k] }).then(r => r.text()).then(() => cli.push(performance.now() - due))); }
await Promise.all(pend);
h.disable();
const q = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.ceil(p / 100 * s.length) - 1].toFixed(1); };
console.log('insert   p50', q(insT, 50), 'p99', q(insT, 99), 'max', q(insT, 100));
console.log('server   p50', q(srv, 50), 'p99', q(srv, 99), 'max', q(srv, 100));
console.log('client   p50', q(cli, 50), 'p99', q(cli, 99), 'max', q(cli, 100));
console.log('loop delay p50', (h.percentile(50) / 1e6).toFixed(1), 'p99', (h.percentile(99) / 1e6).toFixed(1), 'max', (h.max / 1e6).toFixed(1));
await c.close();
