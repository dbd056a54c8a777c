import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ratioInterval } from './ratio-interval.mjs';

/** `count` loads around `center`, spread evenly over ±`spread` (a fixed, noisy-looking sample). */
const loads = (center, spread, count = 15, shift = 0) =>
  Array.from({ length: count }, (_, i) => center + spread * Math.sin(1.7 * (i + shift)));

test('two samples of one distribution give an interval that holds parity', () => {
  const [low, high] = ratioInterval(loads(260, 50), loads(260, 50, 15, 3));
  assert.ok(low < 1 && high > 1, `[${low}, ${high}]`);
  assert.ok(high - low < 0.6, `[${low}, ${high}] is too wide to say anything`);
});

test('a subject twice as slow gives an interval around 2 that leaves parity out', () => {
  const [low, high] = ratioInterval(loads(500, 20), loads(250, 10));
  assert.ok(low > 1.8 && high < 2.2, `[${low}, ${high}]`);
});

test("the baseline's median comes off both sides before the division", () => {
  // Added over a bare page at 10: (30 - 10) / (20 - 10) = 2, where the plain ratio is 1.5.
  const [low, high] = ratioInterval(loads(30, 1), loads(20, 1), { base: loads(10, 1) });
  assert.ok(low > 1.6 && high < 2.5, `[${low}, ${high}]`);
});

test('a wider level gives a wider interval, and a seed gives the same one again', () => {
  // An even count, whose medians fall between loads: resamples then give many distinct ratios.
  const mine = loads(33, 8, 16);
  const theirs = loads(29, 8, 16, 5);
  const narrow = ratioInterval(mine, theirs, { level: 0.5 });
  const wide = ratioInterval(mine, theirs, { level: 0.95 });
  assert.ok(wide[0] < narrow[0] && wide[1] > narrow[1], `${wide} around ${narrow}`);
  assert.deepEqual(ratioInterval(mine, theirs, { level: 0.95 }), wide);
  assert.notDeepEqual(ratioInterval(mine, theirs, { seed: 7 }), wide);
});

test('no usable samples, or a baseline above the peer, give no interval', () => {
  assert.deepEqual(ratioInterval([], loads(10, 1)), [NaN, NaN]);
  assert.deepEqual(ratioInterval([NaN, NaN], loads(10, 1)), [NaN, NaN]);
  assert.deepEqual(ratioInterval(loads(30, 1), loads(20, 1), { base: loads(25, 1) }), [NaN, NaN]);
});
