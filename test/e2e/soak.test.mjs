// The reliability fault suite in small form (the full one is `npm run soak`): 60 decisions in
// 3 tabs of each of 2 browsers while the collector is killed and restarted, answers 500s and
// 429s, hangs, refuses connections, a browser goes offline and tabs close in the middle of a sync.
// Afterwards the collector must hold exactly the receipts the pages got back, no duplicate,
// both chains complete. Needs `npm run build` first; SOAK_SEED replays a run's plan.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSoak } from '../soak/run-soak.mjs';

test('no receipt lost: 60 decisions in 3 tabs x 2 browsers through kills, 500s, 429s, hangs, refusals, offline browsers and tabs closed mid-sync', { timeout: 90_000 }, async () => {
  const seed = process.env.SOAK_SEED === undefined ? undefined : Number(process.env.SOAK_SEED);
  const result = await runSoak({
    decisions: 60,
    tabs: 3,
    browsers: 2,
    chaosEach: 2,
    seed,
    progressMs: 10_000,
    eventWindowMs: 800,
    longOutages: false,
    passiveMs: 3000,
    flushTimeoutMs: 20_000,
    log: (line) => console.log(line),
  });
  assert.ok(result.ok, `soak failed (replay with SOAK_SEED=${result.seed}):\n${result.problems.join('\n')}`);
  assert.equal(result.figures.decisions, 60);
  // Each kind of fault met traffic: a request it failed, a receipt it kept waiting, a tab it
  // closed mid-sync (run-soak.mjs, `met`). A fault that met nothing tested nothing.
  for (const [kind, met] of Object.entries(result.figures.met)) assert.ok(met >= 1, `the ${kind} faults met no request (replay with SOAK_SEED=${result.seed}): ${JSON.stringify(result.figures.met)}`);
  assert.deepEqual(Object.keys(result.figures.met).sort(), Object.keys(result.figures.chaos).sort(), 'every kind of fault is judged');
});
