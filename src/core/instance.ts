import type { ConsentApi } from './types.js';

let current: ConsentApi | undefined;
const waiting: Array<(api: ConsentApi) => void> = [];
const followers = new Set<() => void>();
/** Instances stopped by their `signal`: they never become, or stay, the default. */
const stopped = new WeakSet<ConsentApi>();

/**
 * Makes `api` the instance that page elements use when none is given to them: the last
 * `createConsent` (npm) or the one the script tag booted. A stopped instance is ignored: in
 * React's StrictMode the first instance is stopped while its boot still runs, and must not
 * take the elements back from the second.
 */
export function setDefaultConsent(api: ConsentApi): void {
  if (stopped.has(api) || current === api) return;
  current = api;
  waiting.splice(0).forEach((resolve) => resolve(api));
  followers.forEach((fn) => fn());
}

/** `api` was stopped: it stops being the default, and the elements that followed it wait for the next. */
export function stopConsent(api: ConsentApi): void {
  stopped.add(api);
  if (current !== api) return;
  current = undefined;
  followers.forEach((fn) => fn());
}

/** The default instance, once there is one. */
export function defaultConsent(): Promise<ConsentApi> {
  return current ? Promise.resolve(current) : new Promise((resolve) => waiting.push(resolve));
}

/** Whether `api` is the default instance now (it may have been replaced, or stopped, since it was handed out). */
export function isDefaultConsent(api: ConsentApi): boolean {
  return api === current;
}

/** Calls `fn` whenever the default instance changes; returns the unsubscribe. */
export function onDefaultConsentChange(fn: () => void): () => void {
  followers.add(fn);
  return () => void followers.delete(fn);
}
