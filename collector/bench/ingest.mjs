// @ts-check
// Ingest of the collector with SQLite, over loopback, in batches of 100 valid receipts,
// against the goals of GOALS.md (≥ 2,000 receipts/s, p99 < 50 ms). Two runs:
//
// 1. throughput: a few clients each POST their next batch as soon as the last is answered,
//    so the collector is saturated; receipts/s is the figure (latency here is mostly
//    queueing behind the other clients, printed for information).
// 2. latency at the goal rate: batches sent on a fixed schedule at 2,000 receipts/s (one
//    every 50 ms, not waiting for answers); each latency is measured from the moment the
//    batch was due, so a stalled collector cannot hide its stall (no coordinated omission).
//
// Both runs are made with SQLite's synchronous = FULL (the default: an fsync per batch) and
// then NORMAL (`--sqlite-sync normal`), each on a fresh file; the goals apply to the
// default. The collector runs in this thread; the clients run in a worker thread, so that
// making and sending requests does not share the collector's event loop.
//
//   node bench/ingest.mjs [--batches 300] [--clients 4] [--paced-batches 200] [--max-seconds 60] [--modes full,normal]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const GOAL_RATE = 2000;
const GOAL_P99_MS = 50;
const BATCH = 100;

if (isMainThread) await main();
else await clients(workerData);

/** @param {number[]} values @param {number} p */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main() {
  const { values } = parseArgs({
    options: {
      batches: { type: 'string', default: '300' },
      clients: { type: 'string', default: '4' },
      'paced-batches': { type: 'string', default: '200' },
      'max-seconds': { type: 'string', default: '60' },
      modes: { type: 'string', default: 'full,normal' },
    },
  });
  const modes = /** @type {('normal' | 'full')[]} */ (values.modes.split(','));
  if (!modes.every((mode) => mode === 'normal' || mode === 'full')) throw new Error('--modes: normal and/or full');
  const options = {
    batches: Number(values.batches),
    concurrency: Number(values.clients),
    pacedBatches: Number(values['paced-batches']),
    maxSeconds: Number(values['max-seconds']),
  };
  if (!Object.values(options).every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error('--batches, --clients, --paced-batches and --max-seconds must be whole numbers > 0');
  }

  let failed = false;
  for (const mode of modes) failed = !(await measure(mode, options)) || failed;
  if (failed) process.exitCode = 1;
}

/**
 * One collector, one fresh SQLite file, both runs. Resolves to false when a request failed
 * or a receipt is missing.
 * @param {'normal' | 'full'} mode
 * @param {{ batches: number, concurrency: number, pacedBatches: number, maxSeconds: number }} options
 */
async function measure(mode, options) {
  const { createCollector } = await import('../src/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'yinyom-bench-ingest-'));
  const collector = createCollector({
    db: join(dir, 'receipts.sqlite'),
    sqliteSynchronous: mode,
    allowOrigins: ['https://tdga.dga.or.th'],
    rateLimit: false,
  });
  // Time each request inside the collector too, from its arrival to the answer's last byte,
  // to tell the collector's own time from the client's and the scheduler's.
  /** @type {WeakMap<object, number>} */
  const arrived = new WeakMap();
  /** @type {number[]} */
  let serverTimes = [];
  collector.app.addHook('onRequest', async (request) => void arrived.set(request, performance.now()));
  collector.app.addHook('onResponse', async (request) => void serverTimes.push(performance.now() - /** @type {number} */ (arrived.get(request))));
  try {
    const url = await collector.listen({ port: 0, host: '127.0.0.1' });
    const worker = new Worker(new URL(import.meta.url), { workerData: { url, ...options } });
    /** @type {number[]} */
    let pacedServerTimes = [];
    /** @type {{ saturated: Run, paced: Run, warmup: number }} */
    const result = await new Promise((resolve, reject) => {
      worker.on('message', (message) => {
        // The worker says when the paced run starts, so its server times can be told apart.
        if (message === 'paced') serverTimes = pacedServerTimes;
        else resolve(message);
      });
      worker.once('error', reject);
    });
    await worker.terminate();
    const stored = await /** @type {NonNullable<typeof collector.store>} */ (collector.store).count();

    const { saturated, paced } = result;
    const rate = saturated.accepted / saturated.seconds;
    const pacedRate = paced.accepted / paced.seconds;
    const p = {
      satP50: percentile(saturated.latencies, 50),
      satP99: percentile(saturated.latencies, 99),
      p50: percentile(paced.latencies, 50),
      p99: percentile(paced.latencies, 99),
      max: Math.max(...paced.latencies),
      serverP50: percentile(pacedServerTimes, 50),
      serverP99: percentile(pacedServerTimes, 99),
    };
    const goals = mode === 'full';
    const rateOk = rate >= GOAL_RATE;
    const p99Ok = p.p99 < GOAL_P99_MS;
    const verdict = (/** @type {boolean} */ ok) => (goals ? (ok ? 'met' : 'MISSED') : '(goals apply to the default, full)');
    const f = (/** @type {number} */ n) => n.toFixed(1).padStart(7);
    console.log(`collector ingest: SQLite (WAL, synchronous=${mode.toUpperCase()}${goals ? ', the default' : ''}), batches of 100, loopback`);
    console.log(`  throughput, ${options.concurrency} clients back to back, ${saturated.latencies.length} batches in ${saturated.seconds.toFixed(2)} s:`);
    console.log(`    receipts/s   ${rate.toFixed(0).padStart(7)}      goal ≥ ${GOAL_RATE}    ${verdict(rateOk)}`);
    console.log(`    latency p50 ${f(p.satP50)} ms   p99 ${f(p.satP99)} ms (queueing behind ${options.concurrency - 1} other clients)`);
    console.log(`  latency at ${GOAL_RATE} receipts/s, one batch every ${(1000 * BATCH) / GOAL_RATE} ms, ${paced.latencies.length} batches (${pacedRate.toFixed(0)} receipts/s achieved):`);
    console.log(`    latency p50 ${f(p.p50)} ms`);
    console.log(`    latency p99 ${f(p.p99)} ms   goal < ${GOAL_P99_MS} ms   ${verdict(p99Ok)}`);
    console.log(`    latency max ${f(p.max)} ms`);
    console.log(`    inside the collector (arrival to answer): p50 ${f(p.serverP50)} ms   p99 ${f(p.serverP99)} ms`);
    const sent = (saturated.latencies.length + paced.latencies.length + result.warmup) * BATCH;
    const failures = [...saturated.failures, ...paced.failures];
    console.log(`  ${saturated.accepted + paced.accepted + result.warmup * BATCH} accepted of ${sent} sent; ${stored} in the database`);
    console.log(
      JSON.stringify({
        bench: 'collector-ingest',
        synchronous: mode,
        batchSize: BATCH,
        clients: options.concurrency,
        receiptsPerSecond: Math.round(rate),
        saturatedP50Ms: +p.satP50.toFixed(2),
        saturatedP99Ms: +p.satP99.toFixed(2),
        pacedReceiptsPerSecond: Math.round(pacedRate),
        p50Ms: +p.p50.toFixed(2),
        p99Ms: +p.p99.toFixed(2),
        maxMs: +p.max.toFixed(2),
        serverP50Ms: +p.serverP50.toFixed(2),
        serverP99Ms: +p.serverP99.toFixed(2),
        ...(goals ? { goalsMet: rateOk && p99Ok } : {}),
      }),
    );
    if (failures.length > 0 || stored !== sent) {
      console.error(`FAILED: ${failures.length} failed requests (${failures.slice(0, 3).join('; ')}); ${stored} stored of ${sent} sent`);
      return false;
    }
    return true;
  } finally {
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @typedef {{ latencies: number[], seconds: number, accepted: number, failures: string[] }} Run */

/**
 * The load, in a worker thread.
 * @param {{ url: string, batches: number, concurrency: number, pacedBatches: number, maxSeconds: number }} options
 */
async function clients({ url, batches, concurrency, pacedBatches, maxSeconds }) {
  const { makeReceipt } = await import('../test-support/receipts.js');
  // Bodies are made (and hashed) before any clock starts; each browser is its own subject.
  const warmup = 3;
  /** @type {string[]} */
  const bodies = [];
  for (let b = 0; b < warmup + batches + pacedBatches; b++) {
    const receipts = [];
    for (let i = 0; i < BATCH; i++) {
      receipts.push(makeReceipt({ subject: `bench-${b}-${i}`, choices: { necessary: true, analytics: i % 2 === 0, marketing: i % 3 === 0 } }));
    }
    bodies.push(JSON.stringify({ receipts }));
  }
  let next = 0;
  /** @param {string} body */
  const send = async (body) => {
    const res = await fetch(`${url}/v1/receipts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = await res.json();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(json)}`);
    return /** @type {{ accepted: string[] }} */ (json).accepted.length;
  };
  /** @returns {Run} */
  const run = () => ({ latencies: [], seconds: 0, accepted: 0, failures: [] });
  /**
   * @param {Run} into
   * @param {string} body
   * @param {number} since
   */
  const timed = async (into, body, since) => {
    try {
      const accepted = await send(body);
      into.latencies.push(performance.now() - since);
      into.accepted += accepted;
    } catch (error) {
      into.failures.push(String(error));
    }
  };

  // Warm up connections and the JIT; not timed.
  await Promise.all(Array.from({ length: warmup }, () => send(bodies[next++])));

  const saturated = run();
  const deadline = performance.now() + maxSeconds * 1000;
  let started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < warmup + batches && performance.now() < deadline) {
        const body = bodies[next++];
        await timed(saturated, body, performance.now());
      }
    }),
  );
  saturated.seconds = (performance.now() - started) / 1000;

  const paced = run();
  parentPort?.postMessage('paced');
  const every = (1000 * BATCH) / GOAL_RATE;
  const pending = [];
  started = performance.now();
  for (let k = 0; k < pacedBatches && performance.now() < deadline; k++) {
    const due = started + k * every;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(timed(paced, bodies[next++], due));
  }
  await Promise.all(pending);
  paced.seconds = (performance.now() - started) / 1000;

  parentPort?.postMessage({ saturated, paced, warmup });
}
