/** What `withLock` resolves to when it did not run `fn` (another holder, `ifAvailable`). */
export const SKIPPED = Symbol('skipped');

// Where Web Locks are missing (old browsers, some embedded webviews), serialize within this
// page only; the write path stays correct across tabs through its compare-and-set.
const tails = new Map<string, Promise<unknown>>();

function localLock<T>(name: string, fn: () => Promise<T>, ifAvailable: boolean): Promise<T | typeof SKIPPED> {
  const tail = tails.get(name);
  if (tail && ifAvailable) return Promise.resolve(SKIPPED);
  const run = (tail ?? Promise.resolve()).then(fn);
  const settled = run.then(
    () => {},
    () => {},
  );
  tails.set(name, settled);
  void settled.then(() => tails.get(name) === settled && tails.delete(name));
  return run;
}

/**
 * Runs `fn` holding the origin-wide Web Lock `name` (one tab at a time). With `ifAvailable`,
 * resolves to `SKIPPED` without running `fn` when another holder has the lock. Falls back to
 * a lock within this page where `navigator.locks` is missing or refuses (opaque origins).
 */
export async function withLock<T>(name: string, fn: () => Promise<T>, ifAvailable = false): Promise<T | typeof SKIPPED> {
  const locks = globalThis.navigator?.locks;
  if (locks) {
    let started = false;
    try {
      return await locks.request(name, { ifAvailable }, (lock) => {
        if (!lock) return SKIPPED;
        started = true;
        return fn();
      });
    } catch (error) {
      if (started) throw error;
    }
  }
  return localLock(name, fn, ifAvailable);
}
