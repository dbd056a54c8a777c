// @ts-check
/**
 * A seeded pseudo-random generator (mulberry32), so that a soak run's plan of decisions and
 * faults can be replayed from its seed. Timing still varies from run to run: the seed fixes
 * what happens and in which order, not when a request happens to be in flight.
 *
 * @example
 * const rng = prng(42);
 * rng.int(1, 6); rng.pick(['a', 'b']); rng.chance(0.3); rng.shuffle([1, 2, 3]);
 *
 * @param {number} seed a 32-bit integer
 */
export function prng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    /** A float in [0, 1). */
    next,
    /** An integer from `min` to `max`, both included. @param {number} min @param {number} max */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** @template T @param {readonly T[]} list @returns {T} */
    pick: (list) => list[Math.floor(next() * list.length)],
    /** @param {number} p */
    chance: (p) => next() < p,
    /** A shuffled copy (Fisher–Yates). @template T @param {readonly T[]} list @returns {T[]} */
    shuffle(list) {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}
