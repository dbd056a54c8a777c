// How sure a ratio of medians is. The bench compares Yinyom with each peer by the ratio of
// their medians, and on this machine a subject's loads spread over ±20 %: a ratio of 1.02 may
// be a real loss or a draw. A percentile bootstrap says which: it resamples each subject's
// loads (with replacement), takes the ratio of the new medians, and reports the middle 95 %
// of 2,000 such ratios. An interval that holds 1 is a result the run cannot tell from parity.
// Written here rather than taken from npm: the one bootstrap package there (compute-bootstrap)
// has not been updated since 2015 and has no way to subtract a baseline's median per draw.

import { median, quantile } from './quantile.mjs';

/** A generator of numbers in [0, 1) (xorshift32): the same seed gives the same interval for the same samples. */
function numbers(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/**
 * The `level` confidence interval `[low, high]` of
 * (median(`mine`) − median(`base`)) ÷ (median(`theirs`) − median(`base`)),
 * by percentile bootstrap over `draws` resamples of all three. `base` is the bare page's
 * samples when the figures are "added over the bare page"; leave it out for plain ratios.
 * Draws whose denominator is not positive say nothing about a ratio and are dropped; with
 * fewer than half of the draws left, or an empty sample, the interval is `[NaN, NaN]`.
 */
export function ratioInterval(mine, theirs, { base, draws = 2000, level = 0.95, seed = 1 } = {}) {
  const random = numbers(seed);
  const finite = (values) => values.filter((value) => Number.isFinite(value));
  const [a, b, c] = [finite(mine), finite(theirs), base ? finite(base) : [0]];
  if (!a.length || !b.length || !c.length) return [NaN, NaN];
  const resample = (values) => median(Array.from(values, () => values[Math.floor(random() * values.length)]));
  const ratios = [];
  for (let i = 0; i < draws; i++) {
    const floor = resample(c);
    const denominator = resample(b) - floor;
    const numerator = resample(a) - floor;
    if (denominator > 0) ratios.push(numerator / denominator);
  }
  if (ratios.length < draws / 2) return [NaN, NaN];
  return [quantile(ratios, (1 - level) / 2), quantile(ratios, (1 + level) / 2)];
}
