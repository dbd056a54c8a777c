// Order statistics for the bench tables. Linear interpolation between closest ranks, so that
// a median of an even count is the mean of the middle two rather than an arbitrary pick.

/** The `q` quantile (0 ≤ q ≤ 1) of the numbers in `values`; NaN when there are none. */
export function quantile(values, q) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}

export const median = (values) => quantile(values, 0.5);
export const p90 = (values) => quantile(values, 0.9);
