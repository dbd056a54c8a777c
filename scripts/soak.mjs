// @ts-check
// `npm run soak`: the full reliability fault suite of GOALS.md. 1,000 decisions in several
// tabs of two browsers while the collector is killed and restarted, answers 500s and 429s,
// hangs and refuses connections, tabs go offline and close in the middle of a sync; then the
// collector must hold exactly those receipts, no duplicate, every chain complete.
// Needs `npm run build` first (it loads dist/yinyom.js by script tag). Exits non-zero on any
// loss, and fails loudly if it runs past the time limit.
//
//   node scripts/soak.mjs [--decisions 1000] [--tabs 3] [--browsers 2] [--seed N]
//                         [--chaos-each 15] [--outage-s 40] [--time-limit-min 15] [--keep]
import { parseArgs } from 'node:util';
import { runSoak } from '../test/soak/run-soak.mjs';

const { values } = parseArgs({
  options: {
    decisions: { type: 'string', default: '1000' },
    tabs: { type: 'string', default: '3' },
    browsers: { type: 'string', default: '2' },
    seed: { type: 'string' },
    'chaos-each': { type: 'string', default: '15' },
    'outage-s': { type: 'string', default: '40' },
    'time-limit-min': { type: 'string', default: '15' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('node scripts/soak.mjs [--decisions 1000] [--tabs 3 (per browser)] [--browsers 2] [--seed N] [--chaos-each 15] [--outage-s 40] [--time-limit-min 15] [--keep]');
  process.exit(0);
}
const whole = (/** @type {string | undefined} */ value, /** @type {string} */ name, min = 1) => {
  const n = Number(value);
  if (!/^\d+$/.test(value ?? '') || n < min) {
    console.error(`soak: --${name} must be a whole number of at least ${min}, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return n;
};
const limitMs = whole(values['time-limit-min'], 'time-limit-min') * 60_000;
const stop = new AbortController();
const timer = setTimeout(() => {
  console.error(`\nsoak: FAILED: still running after the time limit of ${limitMs / 60_000} min; stopping`);
  stop.abort();
  // Whatever the teardown does, do not outlive the limit by much.
  setTimeout(() => process.exit(1), 20_000).unref();
}, limitMs);

try {
  const result = await runSoak({
    decisions: whole(values.decisions, 'decisions'),
    tabs: whole(values.tabs, 'tabs'),
    browsers: whole(values.browsers, 'browsers'),
    seed: values.seed === undefined ? undefined : whole(values.seed, 'seed', 0),
    chaosEach: whole(values['chaos-each'], 'chaos-each', 0),
    outageMs: whole(values['outage-s'], 'outage-s', 0) * 1000,
    keep: values.keep,
    signal: stop.signal,
  });
  process.exitCode = result.ok && !stop.signal.aborted ? 0 : 1;
} catch (error) {
  console.error(`soak: ${/** @type {Error} */ (error).message}`);
  process.exitCode = 1;
} finally {
  clearTimeout(timer);
}
